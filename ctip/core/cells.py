"""Values read from an uploaded file (workbook, JSON, CSV) before any importer's own rules
(issue 19, findings 4 and 5): the same checks and messages for every importer.

- `TooLong(length)`: a cell over MAX_CELL characters, whose text is not kept.
- `cell_problem(value, max_length=...)`: the Vietnamese message fragment for a text the
  database must not receive (a NUL or another control character, a lone surrogate, more
  characters than the field or a cell holds), else None. The value itself is never echoed:
  it may be personal, and a NUL in a message would break the job that stores it.
- `cap_cells(row)`: a parsed row with every over-long text replaced by `TooLong`.
- `Problems`: the messages of an import, listing at most MAX_IMPORT_ERRORS.
- `shown(value)`: a value shortened for a message that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_CELL, MAX_IMPORT_ERRORS
from ctip.core.text import vn_int

# C0 controls but tab, line feed and carriage return; DEL; UTF-16 surrogates (a JSON "\ud800"
# decodes to one, and neither database driver can encode it).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class TooLong:
    """A cell whose text is longer than MAX_CELL characters (the text itself is not kept)."""

    length: int

    def __str__(self) -> str:
        return ""


def cell_problem(value: Any, *, max_length: int = MAX_CELL) -> str | None:
    if isinstance(value, TooLong):  # over the cell's bound, whatever the field allows
        return _too_long(MAX_CELL, value.length)
    if not isinstance(value, str):
        return None
    if CONTROL.search(value):
        return _("có ký tự điều khiển không hợp lệ (như ký tự NUL); hãy xóa ký tự đó.")
    if len(value) > max_length:
        return _too_long(max_length, len(value))
    return None


def _too_long(limit: int, length: int) -> str:
    return _("dài quá %(max)s ký tự (đang có %(length)s); hãy rút gọn.") % {
        "max": vn_int(limit),
        "length": vn_int(length),
    }


def cap_cells(row: dict[str, Any], *, max_length: int = MAX_CELL) -> dict[str, Any]:
    """Over-long texts (also inside lists) become TooLong, so they are neither kept nor echoed."""
    for key, value in row.items():
        if isinstance(value, str) and len(value) > max_length:
            row[key] = TooLong(len(value))
        elif isinstance(value, list):
            row[key] = [
                TooLong(len(v)) if isinstance(v, str) and len(v) > max_length else v for v in value
            ]
    return row


def shown(value: Any, *, width: int = 60) -> str:
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


class Problems:
    """A list of messages that keeps the first MAX_IMPORT_ERRORS and counts the others;
    len() counts them all, so "did this row add a problem?" still works."""

    def __init__(self, limit: int = MAX_IMPORT_ERRORS):
        self.limit = limit
        self.kept: list[str] = []
        self.count = 0

    def append(self, message: str) -> None:
        self.count += 1
        if len(self.kept) < self.limit:
            self.kept.append(message)

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def listed(self) -> list[str]:
        if self.count <= len(self.kept):
            return list(self.kept)
        more = _("… và %(count)s lỗi khác (chỉ liệt kê %(shown)s lỗi đầu).") % {
            "count": vn_int(self.count - len(self.kept)),
            "shown": vn_int(len(self.kept)),
        }
        return [*self.kept, more]
