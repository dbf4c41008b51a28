"""Reading an uploaded CSV: UTF-8, required columns, every row checked, all errors at once."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _


def check_csv(
    data: bytes,
    columns: tuple[str, ...],
    check_row: Callable[[int, dict[str, str], list[str]], Any],
    rejected: Callable[[list[str]], Exception],
) -> list[Any]:
    """`check_row(line, raw, errors)` returns a checked row or None (having added its errors).
    Raises `rejected(errors)` listing every problem; line numbers count the header as 1."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise rejected([_("Tệp không phải văn bản UTF-8.")]) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise rejected([_("Tệp thiếu cột: %(columns)s.") % {"columns": ", ".join(missing)}])
    rows: list[Any] = []
    errors: list[str] = []
    for line, raw in enumerate(reader, start=2):
        row = check_row(line, raw, errors)
        if row is not None:
            rows.append(row)
    if not rows and not errors:
        errors.append(_("Tệp không có dòng dữ liệu nào."))
    if errors:
        raise rejected(errors)
    return rows
