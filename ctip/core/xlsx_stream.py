"""The bounded XML stream under workbook reading: the refusal, text kept up to its bounds, and
an expat parser fed in chunks with any DTD refused."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from typing import Any
from xml.parsers import expat

from django.utils.translation import gettext as _

from ctip.core.cells import TooLong
from ctip.core.text import vn_int

# Excel's own limits: a reference past them is not a worksheet.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
READ_CHUNK = 64 * 1024


class SheetRejected(ValueError):
    """The workbook is refused; str() is the Vietnamese message."""


class _Formula:
    def __repr__(self) -> str:
        return "FORMULA"


FORMULA = _Formula()


def damaged() -> SheetRejected:
    return SheetRejected(_("Không mở được bảng tính: tệp bị hỏng."))


def too_many_columns(row: int, limit: int) -> SheetRejected:
    return SheetRejected(
        _("Dòng %(row)s: bảng tính có dữ liệu ở quá %(max)s cột.") % {"row": row, "max": limit}
    )


def too_many_rows(limit: int) -> SheetRejected:
    return SheetRejected(
        _("Bảng tính có quá nhiều dòng (tối đa %(max)s dòng dữ liệu).") % {"max": vn_int(limit)}
    )


def local_name(name: str) -> str:
    return name[name.find(":") + 1 :]


def _refuse_dtd(*_args: Any) -> None:
    raise damaged()


def parse_stream(
    archive: zipfile.ZipFile,
    name: str,
    handlers: tuple[Callable, Callable, Callable],
    take: Callable[[], list] | None = None,
) -> Iterator[Any]:
    """Feed member `name` to an expat parser in chunks; after each chunk yield what `take`
    returns (the rows finished so far)."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = handlers
    # No document type, hence no entity declared in one (the "billion laughs").
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(READ_CHUNK):
                parser.Parse(chunk, False)
                if take is not None:
                    yield from take()
            parser.Parse(b"", True)
    except (KeyError, expat.ExpatError, zipfile.BadZipFile, ValueError) as exc:
        if isinstance(exc, SheetRejected):
            raise
        raise damaged() from exc
    if take is not None:
        yield from take()


def consume(archive: zipfile.ZipFile, name: str, handlers: tuple) -> None:
    for _item in parse_stream(archive, name, handlers):
        pass


def ignore(*_args: Any) -> None:
    return None


class BoundedText:
    """Character data of the current element, kept up to `limit` characters."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[str] = []
        self.length = 0
        self.on = False

    def start(self) -> None:
        self.on = True

    def add(self, text: str) -> None:
        if self.on:
            if self.length < self.limit + 1:
                self.parts.append(text)
            self.length += len(text)

    def value(self) -> str | TooLong:
        if self.length > self.limit:
            return TooLong(self.length)
        return "".join(self.parts)

    def reset(self) -> None:
        self.parts.clear()
        self.length = 0
        self.on = False


class TextBudget:
    """Characters of text kept so far, across the shared strings and the cells."""

    def __init__(self, limit: int):
        self.limit, self.used = limit, 0

    def keep(self, text: Any) -> Any:
        if isinstance(text, str):
            self.used += len(text)
            if self.used > self.limit:
                raise SheetRejected(
                    _("Bảng tính có quá nhiều chữ (hơn %(max)s ký tự); hãy chia thành nhiều tệp.")
                    % {"max": vn_int(self.limit)}
                )
        return text


def as_int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1
