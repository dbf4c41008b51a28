"""Files that can hold personal data: encrypted at rest, under random names, served only after an
access check that is logged.

The bytes are encrypted with the personal-data key ring (`ctip.core.crypto`), so `ctip
rotate-key` re-encrypts them with the fields and one key check covers both. A file is written
before its row commits; a rolled-back write leaves an encrypted orphan under a random name, which
`sealed_orphans_delete` (run by `ctip purge`) removes. Deleting a row deletes its file once the
transaction commits, so a rolled-back purge loses nothing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

from ctip.core.crypto import decrypt_bytes, encrypt_bytes, rotate_bytes
from ctip.core.models import SealedFile

FOLDER = "sealed"


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / FOLDER


def _absolute(path: str) -> Path:
    return Path(settings.MEDIA_ROOT) / path


def new_path() -> str:
    """A random name under the sealed folder, relative to MEDIA_ROOT."""
    random = secrets.token_hex(16)
    return f"{FOLDER}/{random[:2]}/{random}"


def write_token(path: str, token: bytes) -> None:
    """Store an already encrypted token at `path` (relative to MEDIA_ROOT), atomically."""
    _write(_absolute(path), token)


def _write(target: Path, data: bytes) -> None:
    """Write atomically (a rotation interrupted mid-write leaves the old token intact)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)


def _read_upload(content: Any) -> bytes:
    if isinstance(content, bytes):
        return content
    if hasattr(content, "seek"):
        content.seek(0)
    if hasattr(content, "chunks"):
        return b"".join(content.chunks())
    return bytes(content.read())


def seal(*, content: Any, name: str, content_type: str = "") -> SealedFile:
    """Encrypt `content` (bytes or an uploaded file) and keep it under a random name."""
    data = _read_upload(content)
    path = new_path()
    write_token(path, encrypt_bytes(data))
    return SealedFile.objects.create(
        path=path, name=name[:255], size=len(data), content_type=content_type[:100]
    )


def unseal(sealed: SealedFile) -> bytes:
    return decrypt_bytes(_absolute(sealed.path).read_bytes())


def destroy(sealed: SealedFile | None) -> None:
    """Delete the row now and its file when the transaction commits."""
    if sealed is None or sealed.pk is None:
        return
    target = _absolute(sealed.path)
    SealedFile.objects.filter(pk=sealed.pk).delete()
    transaction.on_commit(lambda: unlink_quietly(target))


def unlink_quietly(target: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        target.unlink()


def reseal(sealed: SealedFile) -> None:
    """Re-encrypt the file under the first key (key rotation); idempotent."""
    target = _absolute(sealed.path)
    if target.exists():
        _write(target, rotate_bytes(target.read_bytes()))


def sealed_orphans_delete(*, older_than: float = 3600.0) -> int:
    """Sealed files nothing needs any more: rows no record points to (the record was deleted,
    a user's import jobs with the user, say) and files no row points to (a write rolled back).
    Only those older than `older_than` seconds: a file is written just before its row commits,
    and a row just before the record pointing to it."""
    cutoff = time.time() - older_than
    removed = 0
    # Paths of rows about to go are "known": their files are deleted when the rows' deletion
    # commits, not by the file sweep below.
    known = set(SealedFile.objects.values_list("path", flat=True))
    with transaction.atomic():
        moment = datetime.fromtimestamp(cutoff, tz=UTC)
        for sealed in SealedFile.objects.filter(created__lt=moment).exclude(_referenced()):
            destroy(sealed)
            removed += 1
    base = Path(settings.MEDIA_ROOT)
    for path in root().rglob("*") if root().exists() else []:
        if not path.is_file() or path.stat().st_mtime > cutoff:
            continue
        if path.relative_to(base).as_posix() not in known:
            path.unlink()
            removed += 1
    return removed


def _referenced() -> Q:
    """Rows some record points to, whatever the model (found by walking the models)."""
    condition = Q(pk__in=[])
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.many_to_one and field.related_model is SealedFile:
                pointed = model._default_manager.filter(**{f"{field.name}__isnull": False})
                condition |= Q(pk__in=pointed.values(field.name))
    return condition


def sealed_response(sealed: SealedFile, *, download_name: str) -> HttpResponse:
    """The decrypted file as an attachment. `download_name` is built by the caller from codes,
    never from the original (possibly personal) name."""
    try:
        data = unseal(sealed)
    except FileNotFoundError as exc:  # lost on disk (a restore without media): not a crash
        raise Http404 from exc
    response = HttpResponse(data, content_type=sealed.content_type or "application/octet-stream")
    # RFC 6266/5987 form: report numbers carry Vietnamese letters ("QĐ").
    response["Content-Disposition"] = content_disposition_header(True, download_name) or ""
    response["Cache-Control"] = "no-store"
    return response


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def content_type_for(kind: str) -> str:
    return CONTENT_TYPES.get(kind, "application/octet-stream")


def extension(sealed: SealedFile) -> str:
    """The file's kind ("pdf", "docx"...) for a download name; "bin" when unknown."""
    return next((k for k, t in CONTENT_TYPES.items() if t == sealed.content_type), "bin")
