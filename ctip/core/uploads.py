"""Checks on uploaded documents: size and real type (by content, not by file name)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _

from ctip.core.archives import ArchiveRejected, WrongKind, check_archive

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
DOCX_PARTS = ("word/document.xml", "[Content_Types].xml")


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
        # Inflated and counted before anything (python-docx, a reader's Word) opens it: a
        # 20 MB .docx can hold gigabytes (issue 19, finding 4).
        try:
            check_archive(data, required=DOCX_PARTS)
        except WrongKind:
            pass
        except ArchiveRejected as exc:
            raise UploadError(str(exc)) from exc
        else:
            return "docx"
    raise UploadError(_("Chỉ nhận tệp PDF hoặc Word (.docx)."))


def max_upload_bytes() -> int:
    return int(settings.CTIP_MAX_UPLOAD_BYTES)


def _too_large_message() -> str:
    return _("Tệp tải lên quá lớn: tối đa %(max)s MB. Không có gì được lưu.") % {
        "max": max_upload_bytes() // 1024 // 1024
    }


class UploadLimitMiddleware:
    """Refuses a request body over CTIP_MAX_UPLOAD_BYTES before anything reads it, so an
    oversized upload is never parsed, kept in memory or written to a temporary file. First in
    MIDDLEWARE: the CSRF check would otherwise parse (and spool to disk) the body first."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_upload_bytes():
            from django.http import HttpResponse
            from django.utils.html import escape

            message = escape(_too_large_message())
            page = (
                '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
                f"<title>{message}</title></head><body><p>{message}</p>"
                f'<p><a href="/">{escape(_("Về trang chủ"))}</a></p></body></html>'
            )
            # No "Connection: close" here: WSGI forbids hop-by-hop headers; the servers (runserver,
            # gunicorn, nginx in front) close or drain a connection whose body was not read.
            return HttpResponse(page, status=413)
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """Upload handler placed first: stops a body without a declared length (chunked) as soon as
    it passes the limit, before a later handler keeps it."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > max_upload_bytes():
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
