"""Background work for uploaded workbooks: check every row, then write them all (or none).

The upload is kept (sealed) only while the job needs it: it is deleted as soon as the job ends
(rejected, written or failed), and `imports_expire` deletes those of jobs left waiting."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.core.sealed import destroy, unseal
from ctip.prevention.importer import ImportRejected, activities_import, check_rows, read_file
from ctip.prevention.models import ImportJob, ImportStatus

PREVIEW_ROWS = 200
# A checked upload waits this long for its confirmation before it is deleted.
KEEP_WAITING = timedelta(days=2)
ENDED = (ImportStatus.REJECTED, ImportStatus.DONE, ImportStatus.FAILED)


def _allowed(job: ImportJob) -> set[int]:
    from ctip.prevention.selectors import agencies_recordable_by

    return set(agencies_recordable_by(job.user).values_list("pk", flat=True))


def _data(job: ImportJob) -> bytes:
    if job.file is None:
        raise ImportRejected([_("Tệp tải lên không còn (đã hết hạn); hãy tải lên lại.")])
    return unseal(job.file)


def _end(job_id: int, **values: Any) -> None:
    """Record how the job ended and delete its upload, in one transaction."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        sealed = job.file  # read after the lock (PostgreSQL locks no outer-joined row)
        ImportJob.objects.filter(pk=job_id).update(file=None, **values)
        destroy(sealed)


def check_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("file").get(pk=job_id)

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed=done, total=total)

    try:
        data = _data(job)
        rows = read_file(job.file_name, data)
        ImportJob.objects.filter(pk=job.pk).update(total=len(rows))
        preview = [_plain(r) for r in rows[:PREVIEW_ROWS]]
        check_rows(rows, allowed_agencies=_allowed(job), progress=progress)
    except ImportRejected as exc:
        _end(job.pk, status=ImportStatus.REJECTED, errors=exc.errors[:2000], processed=job.total)
        return ImportStatus.REJECTED
    except Exception:
        _end(job.pk, status=ImportStatus.FAILED)
        raise
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.READY, preview=preview, processed=len(rows)
    )
    return ImportStatus.READY


def write_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("file").get(pk=job_id)
    try:
        data = _data(job)
        specs = check_rows(read_file(job.file_name, data), allowed_agencies=_allowed(job))
        with transaction.atomic():
            written = activities_import(specs=specs, data=data, acting_user=job.user)
    except ImportRejected as exc:  # the data changed between check and write
        _end(job.pk, status=ImportStatus.REJECTED, errors=exc.errors)
        return ImportStatus.REJECTED
    except Exception:
        _end(job.pk, status=ImportStatus.FAILED)
        raise
    _end(job.pk, status=ImportStatus.DONE, written=written)
    return ImportStatus.DONE


def imports_expire(*, now: Any = None) -> int:
    """Delete the uploads of jobs that ended, or that waited too long for confirmation."""
    cutoff = (now or timezone.now()) - KEEP_WAITING
    stale = ImportJob.objects.filter(
        Q(status__in=ENDED) | Q(created__lt=cutoff), file__isnull=False
    )
    count = 0
    for job_id in stale.values_list("pk", flat=True):
        _end(job_id)
        count += 1
    return count


def _plain(row: dict[str, Any]) -> dict[str, str]:
    return {k: "" if v is None else str(v) for k, v in row.items()}
