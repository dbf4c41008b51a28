"""Reading an uploaded CSV: UTF-8, required columns, every row checked, all errors at once.

Within the bounds of every import (ctip.core.bounds, issue 19): at most MAX_IMPORT_FILE_BYTES
and MAX_IMPORT_ROWS rows; a cell with a control character (a NUL) or over MAX_CELL characters,
or a row with more than MAX_IMPORT_COLUMNS fields, is named by line and never reaches the
importer's own check; an unreadable line is a message, not a traceback."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_IMPORT_COLUMNS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS
from ctip.core.cells import Problems, cell_problem
from ctip.core.text import vn_int


def check_csv(
    data: bytes,
    columns: tuple[str, ...],
    check_row: Callable[[int, dict[str, str], Any], Any],
    rejected: Callable[[list[str]], Exception],
    *,
    delimiter: str = ",",
) -> list[Any]:
    """`check_row(line, raw, errors)` returns a checked row or None (having added its errors;
    `errors` has `append` and `len`, and lists at most MAX_IMPORT_ERRORS).
    Raises `rejected(errors)` listing every problem; line numbers count the header as 1.
    `delimiter`: "," by default; KoboToolbox exports its CSV with ";"."""
    if len(data) > MAX_IMPORT_FILE_BYTES:
        megabytes = MAX_IMPORT_FILE_BYTES // 1024 // 1024
        raise rejected([_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": megabytes}])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise rejected([_("Tệp không phải văn bản UTF-8.")]) from exc
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    rows: list[Any] = []
    errors = Problems()
    try:
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise rejected([_("Tệp thiếu cột: %(columns)s.") % {"columns": ", ".join(missing)}])
        for line, raw in enumerate(reader, start=2):
            if line - 1 > MAX_IMPORT_ROWS:
                limit = vn_int(MAX_IMPORT_ROWS)
                raise rejected([_("Tệp có quá nhiều dòng (tối đa %(max)s).") % {"max": limit}])
            if _cells_refused(line, raw, errors):
                continue
            row = check_row(line, raw, errors)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        message = _("Tệp CSV không đọc được ở dòng %(line)s.") % {"line": reader.line_num}
        raise rejected([message]) from exc
    if not rows and not errors:
        errors.append(_("Tệp không có dòng dữ liệu nào."))
    if errors:
        raise rejected(errors.listed())
    return rows


def _cells_refused(line: int, raw: dict[Any, Any], errors: Problems) -> bool:
    before = len(errors)
    extra = raw.get(None) or []  # fields past the header's columns
    if len(raw) + len(extra) > MAX_IMPORT_COLUMNS:
        message = _("Dòng %(line)s: có quá %(max)s cột.")
        errors.append(message % {"line": line, "max": MAX_IMPORT_COLUMNS})
        return True
    for column, value in raw.items():
        for item in value if isinstance(value, list) else [value]:
            problem = cell_problem(item)
            if problem:
                errors.append(
                    _("Dòng %(line)s, cột “%(column)s”: %(message)s")
                    % {"line": line, "column": column or "?", "message": problem}
                )
                break
    return len(errors) > before
