"""Background work for uploaded workbooks: check every row, then write them all (or none)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ctip.prevention.importer import ImportRejected, activities_import, check_rows, read_file
from ctip.prevention.models import ImportJob, ImportStatus

PREVIEW_ROWS = 200


def _allowed(job: ImportJob) -> set[int]:
    from ctip.prevention.selectors import agencies_recordable_by

    return set(agencies_recordable_by(job.user).values_list("pk", flat=True))


def check_import(job_id: int) -> str:
    job = ImportJob.objects.get(pk=job_id)
    data = job.file.read()

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed=done, total=total)

    try:
        rows = read_file(job.file_name, data)
        ImportJob.objects.filter(pk=job.pk).update(total=len(rows))
        preview = [_plain(r) for r in rows[:PREVIEW_ROWS]]
        check_rows(rows, allowed_agencies=_allowed(job), progress=progress)
    except ImportRejected as exc:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.REJECTED, errors=exc.errors[:2000], processed=job.total
        )
        return ImportStatus.REJECTED
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.READY, preview=preview, processed=len(rows)
    )
    return ImportStatus.READY


def write_import(job_id: int) -> str:
    job = ImportJob.objects.get(pk=job_id)
    data = job.file.read()
    try:
        specs = check_rows(read_file(job.file_name, data), allowed_agencies=_allowed(job))
        with transaction.atomic():
            written = activities_import(specs=specs, data=data, acting_user=job.user)
    except ImportRejected as exc:  # the data changed between check and write
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.REJECTED, errors=exc.errors)
        return ImportStatus.REJECTED
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, written=written)
    return ImportStatus.DONE


def _plain(row: dict[str, Any]) -> dict[str, str]:
    return {k: "" if v is None else str(v) for k, v in row.items()}
