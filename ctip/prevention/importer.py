"""The activities file: its columns (the workbook's Vietnamese headers), the activity a checked
row becomes (`Spec`), reading a workbook or JSON file within bounds, and the error naming what
is wrong by row and column. Rows are checked in import_checks.py, written in import_batch.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_IMPORT_FILE_BYTES
from ctip.core.cells import Problems
from ctip.core.jsonrows import JsonRejected, read_json_rows
from ctip.core.submissions import SubmissionsRejected, is_submissions, read_submissions
from ctip.core.text import fold
from ctip.core.workbooks import FORMULA, SheetRejected, read_rows

MAX_FILE_BYTES = MAX_IMPORT_FILE_BYTES
# Template columns: key -> Vietnamese header (the workbook's first row).
COLUMNS = {
    "agency": "Cơ quan thực hiện",
    "kind": "Hình thức",
    "start_date": "Từ ngày",
    "end_date": "Đến ngày",
    "unit": "Mã địa bàn",
    "sessions": "Số buổi",
    "participants": "Số lượt người",
    "participants_estimated": "Số người là ước tính",
    "media_items": "Số tin, bài",
    "sms": "Số tin nhắn",
    "target_groups": "Đối tượng",
    "partners": "Cơ quan phối hợp",
    "campaign": "Đợt",
    "theme": "Chủ đề",
    "notes": "Ghi chú",
}

# The columns a field form answers with several choices (space-separated codes).
SELECT_MULTIPLE = ("target_groups", "partners")


class ImportRejected(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Spec:
    agency_id: int
    kind: str
    start_date: date
    end_date: date
    unit_id: int
    # None: the figure was not stated (an empty cell), distinct from a stated 0.
    sessions: int | None = None
    participants: int | None = None
    participants_estimated: bool = False
    media_items: int | None = None
    sms: int | None = None
    target_groups: list[str] = field(default_factory=list)
    partners: list[int] = field(default_factory=list)
    campaign: str = ""
    theme: str = ""
    notes: str = ""


def read_file(
    name: str, data: bytes, *, columns: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Rows of a workbook or JSON file, or of a field form's export (ctip.core.submissions:
    CSV or JSON of ODK Central or KoboToolbox), within the bounds of ctip.core.bounds: at most
    MAX_IMPORT_ROWS rows, texts over MAX_CELL characters kept as `TooLong` (named by row and
    column when checked), memory bounded (ctip.core.workbooks, ctip.core.jsonrows).
    `columns`: key -> workbook header of the rows to read (default: the activities')."""
    # Only activities have a field form (ctip.fieldforms).
    activities = columns is None
    columns = columns or COLUMNS
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([_("Tệp quá lớn (tối đa 50 MB).")])
    if activities and is_submissions(name, data):
        # A field form's export (ODK Central, KoboToolbox): each row also has its `_instance`.
        try:
            return read_submissions(name, data, columns, lists=SELECT_MULTIPLE)
        except SubmissionsRejected as exc:
            raise ImportRejected(exc.errors) from exc
    if name.lower().endswith(".json"):
        try:
            # A row's number is its position (a "_row" key in the file is not read).
            return read_json_rows(data, columns)
        except JsonRejected as exc:
            raise ImportRejected([str(exc)]) from exc
    return read_workbook(data, columns=columns)


def read_workbook(data: bytes, *, columns: dict[str, str] | None = None) -> list[dict[str, Any]]:
    columns = columns or COLUMNS
    by_header = {fold(v): k for k, v in columns.items()} | {k: k for k in columns}
    rows: list[dict[str, Any]] = []
    keys: list[str | None] = []
    errors = Problems()
    try:
        for index, values in read_rows(data):
            if index == 1:
                keys = [by_header.get(fold(str(v or ""))) for v in values]
                continue
            row: dict[str, Any] = {"_row": index}
            for key, value in zip(keys, values, strict=False):
                if key is None or value is None:
                    continue
                if value is FORMULA:
                    errors.append(cell_error(index, key, _("có công thức; hãy nhập giá trị.")))
                    continue
                row[key] = value
            if len(row) > 1:
                rows.append(row)
    except SheetRejected as exc:
        raise ImportRejected([str(exc)]) from exc
    if errors:
        raise ImportRejected(errors.listed())
    return rows


def cell_error(row: int, key: str, message: str) -> str:
    return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % {
        "row": row,
        "column": COLUMNS.get(key, key),
        "message": message,
    }


# An activity's own columns, as a Spec holds them (the services write the same ones).
SPEC_FIELDS = [
    "agency_id",
    "kind",
    "start_date",
    "end_date",
    "unit_id",
    "sessions",
    "participants",
    "participants_estimated",
    "media_items",
    "sms",
    "campaign",
    "theme",
    "notes",
]
