"""The text of a report part: a Word .docx (paragraphs and table cells, in document order) or a
UTF-8 text file.

A .docx is a zip and can inflate a thousand times: it is checked by ctip.core.archives (every
member inflated and counted, issue 19 finding 4) before python-docx opens it, within the size
an uploaded document may have (ctip.core.uploads). Messages are Vietnamese and never quote the
file's contents.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from ctip.core.archives import ArchiveRejected, WrongKind, check_archive
from ctip.core.uploads import DOCX_PARTS, MAX_DOCUMENT_BYTES


class DocumentError(ValueError):
    """The file cannot be read; str() is the Vietnamese message."""


def read_document(path: Path) -> str:
    """The text of a .docx or .txt file (by its content: a zip is read as Word)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(_("Không mở được tệp %(name)s.") % {"name": path.name}) from exc
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            _("Tệp quá lớn (tối đa %(max)s MB).") % {"max": MAX_DOCUMENT_BYTES // 1024 // 1024}
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(_("Không mở được tệp %(name)s.") % {"name": path.name}) from exc
    if data.startswith(b"PK\x03\x04"):
        return read_docx(data)
    if path.suffix.lower() == ".docx":
        raise DocumentError(_("Tệp không phải tài liệu Word (.docx)."))
    return read_text(data)


def read_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            _("Tệp văn bản phải được lưu bằng bảng mã UTF-8 (Unicode); hãy lưu lại tệp.")
        ) from exc


def read_docx(data: bytes) -> str:
    try:
        check_archive(data, required=DOCX_PARTS)
    except WrongKind as exc:
        raise DocumentError(_("Tệp không phải tài liệu Word (.docx).")) from exc
    except ArchiveRejected as exc:
        raise DocumentError(str(exc)) from exc
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged part
        raise DocumentError(_("Tệp Word bị hỏng, không đọc được nội dung.")) from exc
    return "\n".join(line for line in _lines(document) if line.strip())


def _lines(container: Any) -> Iterator[str]:
    """Paragraphs and table cells of a document or cell in the order they appear; a cell
    merged across columns once."""
    body = container.element.body if hasattr(container, "element") else container._tc
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, container).text
        elif tag == "tbl":
            yield from _table(Table(child, container))


def _table(table: Table) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            yield from _lines(cell)
