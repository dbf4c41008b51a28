"""Writes of import jobs (the web upload of activities): an upload becomes a job, a confirmation
queues its write. Each is one transaction with its audit row; the queue gets the job only after
that transaction commits (ctip.core.tasks.enqueue), so a worker never sees a rolled-back job.

Two promises, whatever the timing:
- a confirmation moves the job from READY to WRITING only if it is still READY (a conditional
  UPDATE whose row count says who won), so a double post queues one write;
- the same file (the same bytes, by SHA-256) is written once per agency: a later upload or
  confirmation is refused while an earlier job of the agency is writing or done. A job that was
  rejected or failed wrote nothing, so the file may come again. On PostgreSQL an advisory lock
  on the file's hash makes the check and the change one step; SQLite writes one at a time."""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.sealed import seal
from ctip.core.serial import serialise
from ctip.core.tasks import enqueue
from ctip.core.work import unit_of_work
from ctip.prevention.models import ImportJob, ImportStatus
from ctip.prevention.selectors import agencies_recordable_by

# A job in one of these states has written the file's rows, or is writing them.
IMPORTED = (ImportStatus.WRITING, ImportStatus.DONE)


class ImportJobError(Exception):
    """A refusal shown to the user as it is (Vietnamese, no content of the file)."""


def import_job_create(*, file: Any, acting_user: Any) -> ImportJob:
    """Keep the upload (sealed), record the job and queue its check."""
    data = _read(file)
    digest = hashlib.sha256(data).hexdigest()
    with unit_of_work():
        _lock(digest)
        _refuse_imported(digest, acting_user)
        job = ImportJob.objects.create(
            user=acting_user,
            file_name=str(file.name)[:200],
            file=seal(content=data, name=str(file.name)),
            content_hash=digest,
        )
        # The file's name can name a person: only its hash goes into the audit row.
        audit_write(
            action="prevention.import_upload", acting_user=acting_user, obj=job, file_hash=digest
        )
        enqueue("ctip.prevention.jobs.check_import", job.pk)
    return job


def import_job_confirm(*, job_id: int, acting_user: Any) -> ImportJob:
    """Queue the write of a checked job of the acting user, once."""
    with unit_of_work():
        job = ImportJob.objects.filter(pk=job_id, user_id=acting_user.pk).first()
        if job is None:
            raise ImportJobError(_("Không tìm thấy công việc nhập dữ liệu này."))
        _lock(job.content_hash)
        _refuse_imported(job.content_hash, acting_user, exclude=job.pk)
        moved = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READY).update(
            status=ImportStatus.WRITING
        )
        if moved != 1:  # another request confirmed it first, or it is no longer waiting
            raise ImportJobError(
                _(
                    "Công việc số %(job)s không còn chờ xác nhận (đã được xác nhận ghi hoặc đã kết "
                    "thúc); không ghi thêm lần nào."
                )
                % {"job": job.pk}
            )
        audit_write(
            action="prevention.import_confirm",
            acting_user=acting_user,
            obj=job,
            changes={"status": [ImportStatus.READY, ImportStatus.WRITING]},
            file_hash=job.content_hash,
        )
        enqueue("ctip.prevention.jobs.write_import", job.pk)
    job.refresh_from_db()
    return job


def _read(file: Any) -> bytes:
    if isinstance(file, bytes):
        return file
    if hasattr(file, "seek"):
        file.seek(0)
    return b"".join(file.chunks()) if hasattr(file, "chunks") else bytes(file.read())


def _lock(digest: str) -> None:
    """Serialise the jobs of one file until the transaction ends (PostgreSQL)."""
    if digest:
        serialise(f"import:{digest}")


def _refuse_imported(digest: str, acting_user: Any, *, exclude: int | None = None) -> None:
    """Refuse when a job of the same agency already wrote (or is writing) these bytes."""
    if not digest:  # a job from before hashes were kept
        return
    earlier = ImportJob.objects.filter(content_hash=digest, status__in=IMPORTED)
    if exclude is not None:
        earlier = earlier.exclude(pk=exclude)
    mine = set(agencies_recordable_by(acting_user).values_list("pk", flat=True))
    for job in earlier.select_related("user").order_by("created"):
        theirs = set(agencies_recordable_by(job.user).values_list("pk", flat=True))
        if job.user_id == acting_user.pk or mine & theirs:
            raise ImportJobError(
                _(
                    "Tệp này đã được cơ quan của bạn nhập lúc %(when)s (%(status)s); cùng một tệp "
                    "không được nhập hai lần. Nếu cần sửa số liệu, hãy sửa từng hoạt động hoặc "
                    "tải lên tệp chỉ gồm các dòng mới."
                )
                % {
                    "when": timezone.localtime(job.created).strftime("%d/%m/%Y %H:%M"),
                    "status": job.get_status_display(),
                }
            )
