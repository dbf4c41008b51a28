"""Checks on uploaded documents: size and real type (by content, not by file name)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class UploadError(ValueError):
    pass


def check_document(upload: Any) -> str:
    """'pdf' or 'docx' for an acceptable file; UploadError (Vietnamese) otherwise."""
    size = upload.size
    if size > MAX_DOCUMENT_BYTES:
        raise UploadError(
            _("Tệp quá lớn (%(size)s MB); tối đa %(max)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "max": MAX_DOCUMENT_BYTES // 1024 // 1024}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        data = upload.read()
        upload.seek(0)
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            names = set()
        if {"word/document.xml", "[Content_Types].xml"} <= names:
            return "docx"
    raise UploadError(_("Chỉ nhận tệp PDF hoặc Word (.docx)."))
