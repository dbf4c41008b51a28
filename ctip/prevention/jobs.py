"""Background work for uploaded workbooks: check every row, then write them all (or none).

The upload is kept (sealed) only while the job needs it: it is deleted as soon as the job ends
(rejected, written or failed), and `imports_expire` deletes those of jobs left waiting.

Every job ends with a status the page can show (issue 19, finding 5): a file the rules refuse
is REJECTED with its messages; any other error, in the check or in the write, is FAILED with a
Vietnamese message (never the error's own text, which can quote the file) and nothing written,
since the write and the job's DONE commit in one transaction. A job is run once: a job queued
again (a retry of the queue) that is no longer checking or writing does nothing. A job whose
worker died (killed, machine stopped) is marked FAILED by `imports_expire`."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from psycopg import IntegrityError as CopyIntegrityError

from ctip.core.cells import CONTROL
from ctip.core.sealed import destroy, unseal
from ctip.prevention.import_batch import activities_import
from ctip.prevention.import_checks import INSTANCES_PER_QUERY, check_rows, fresh_rows
from ctip.prevention.importer import COLUMNS, ImportRejected, read_file
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from ctip.prevention.selectors import agencies_recordable_by

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 200
# A checked upload waits this long for its confirmation before it is deleted.
KEEP_WAITING = timedelta(days=2)
# A job still checking or writing this long after its upload's waiting time has no worker left
# (the queue stops a job after 30 minutes).
STUCK_AFTER = KEEP_WAITING + timedelta(days=1)
ENDED = (ImportStatus.REJECTED, ImportStatus.DONE, ImportStatus.FAILED)
# A stored message is at most this long (the page lists them).
MESSAGE_CHARS = 1_000


def _allowed(job: ImportJob) -> set[int]:
    return set(agencies_recordable_by(job.user).values_list("pk", flat=True))


def _data(job: ImportJob) -> bytes:
    if job.file is None:
        raise ImportRejected([_("Tệp tải lên không còn (đã hết hạn); hãy tải lên lại.")])
    return unseal(job.file)


def _end(job_id: int, **values: Any) -> None:
    """Record how the job ended and delete its upload, in one transaction."""
    if "errors" in values:
        values["errors"] = _storable(values["errors"])
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        sealed = job.file  # read after the lock (PostgreSQL locks no outer-joined row)
        ImportJob.objects.filter(pk=job_id).update(file=None, **values)
        destroy(sealed)


def _storable(messages: list[str]) -> list[str]:
    """Messages as PostgreSQL's JSON column takes them: no NUL or other control character."""
    return [CONTROL.sub("?", str(m))[:MESSAGE_CHARS] for m in messages]


def _failed(job_id: int, step: str) -> str:
    """End a job that stopped on an unexpected error (logged with its traceback)."""
    logger.exception("Import job %s failed while %s", job_id, step)
    message = _(
        "Lỗi hệ thống khi %(step)s; chưa ghi dòng nào. Hãy thử lại; nếu vẫn lỗi, báo quản trị "
        "hệ thống (công việc số %(job)s)."
    ) % {"step": _("kiểm tra tệp") if step == "checking" else _("ghi dữ liệu"), "job": job_id}
    try:
        _end(job_id, status=ImportStatus.FAILED, errors=[message])
    except DatabaseError:
        # A write that failed inside the database can leave the connection unusable: record the
        # end on a new one (outside any transaction here, as the queue runs jobs).
        if connection.in_atomic_block:
            raise
        connection.close()
        _end(job_id, status=ImportStatus.FAILED, errors=[message])
    return ImportStatus.FAILED


def check_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("file").get(pk=job_id)
    if job.status != ImportStatus.CHECKING:
        return job.status

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed=done, total=total)

    try:
        data = _data(job)
        fresh = fresh_rows(read_file(job.file_name, data))
        rows = fresh.rows
        ImportJob.objects.filter(pk=job.pk).update(total=len(rows))
        preview = [_plain(r) for r in rows[:PREVIEW_ROWS]]
        check_rows(rows, allowed_agencies=_allowed(job), progress=progress)
        # On a job that goes on, `errors` holds notices: the submissions skipped.
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.READY, preview=preview, processed=len(rows), errors=fresh.notices()
        )
    except ImportRejected as exc:
        _end(job.pk, status=ImportStatus.REJECTED, errors=exc.errors[:2000], processed=job.total)
        return ImportStatus.REJECTED
    except Exception:
        return _failed(job.pk, "checking")
    return ImportStatus.READY


def write_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("file").get(pk=job_id)
    if job.status != ImportStatus.WRITING:
        return job.status
    instances: list[str] | None = None
    try:
        data = _data(job)
        # Submissions imported meanwhile (another job) are skipped here too.
        fresh = fresh_rows(read_file(job.file_name, data))
        instances = fresh.instances
        specs = check_rows(fresh.rows, allowed_agencies=_allowed(job))
        # The rows and the job's end commit together: DONE means written, and a job whose
        # write failed or was interrupted has written nothing.
        with transaction.atomic():
            if not _still_writing(job.pk):  # the queue ran it twice: the other run wrote it
                return ImportJob.objects.get(pk=job.pk).status
            written = activities_import(
                specs=specs,
                data=data,
                acting_user=job.user,
                action=(
                    "prevention.fieldform_import"
                    if fresh.submitted
                    else "prevention.activities_import"
                ),
                instances=fresh.instances,
            )
            _end(job.pk, status=ImportStatus.DONE, written=written, errors=fresh.notices())
    except ImportRejected as exc:  # the data changed between check and write
        _end(job.pk, status=ImportStatus.REJECTED, errors=exc.errors)
        return ImportStatus.REJECTED
    except (IntegrityError, CopyIntegrityError):
        # On PostgreSQL the rows go in by COPY, whose errors are psycopg's own (Django wraps
        # only what goes through its cursor): a duplicate submission is one of these.
        if not _written_meanwhile(instances):
            return _failed(job.pk, "writing")
        # Another job wrote some of these submissions after this one read them (source_instance
        # is unique): this write rolled back whole; uploaded again, the file skips them.
        message = _("Một số bản ghi của tệp vừa được nhập từ lần tải lên khác; hãy tải lên lại.")
        _end(job.pk, status=ImportStatus.REJECTED, errors=[message])
        return ImportStatus.REJECTED
    except Exception:
        return _failed(job.pk, "writing")
    return ImportStatus.DONE


def _written_meanwhile(instances: list[str] | None) -> bool:
    """True when some of the job's submissions are now imported: the integrity error was
    another job's write of the same submissions, not a fault of this one."""
    wanted = instances or []
    return any(
        Activity.objects.filter(source_instance__in=wanted[i : i + INSTANCES_PER_QUERY]).exists()
        for i in range(0, len(wanted), INSTANCES_PER_QUERY)
    )


def _still_writing(job_id: int) -> bool:
    """Lock the job until the write commits; True if no other run has ended it meanwhile."""
    locked = ImportJob.objects.select_for_update().filter(pk=job_id)
    return (
        locked.filter(status=ImportStatus.WRITING).values_list("pk", flat=True).first() is not None
    )


def imports_expire(*, now: Any = None) -> int:
    """Delete the uploads of jobs that ended, or that waited too long for confirmation."""
    now = now or timezone.now()
    stuck = ImportJob.objects.filter(
        status__in=(ImportStatus.CHECKING, ImportStatus.WRITING), created__lt=now - STUCK_AFTER
    )
    for job_id in stuck.values_list("pk", flat=True):
        message = _(
            "Công việc bị gián đoạn (máy chủ dừng giữa chừng); chưa ghi dòng nào. Hãy tải tệp "
            "lên lại."
        )
        _end(job_id, status=ImportStatus.FAILED, errors=[message])
    cutoff = now - KEEP_WAITING
    stale = ImportJob.objects.filter(
        Q(status__in=ENDED) | Q(created__lt=cutoff), file__isnull=False
    )
    count = 0
    for job_id in stale.values_list("pk", flat=True):
        _end(job_id)
        count += 1
    return count


def _plain(row: dict[str, Any]) -> dict[str, str]:
    """The template's columns only, as text the JSON column can store."""
    values = {k: row.get(k) for k in COLUMNS}
    return {
        k: "" if v is None else CONTROL.sub("?", str(v))[:MESSAGE_CHARS] for k, v in values.items()
    }
