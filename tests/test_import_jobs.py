"""Issue 20 (one way to write): import jobs are written through their services, audited; a
confirmation queues one write however often it is posted; the same file is written once per
agency unless its earlier job wrote nothing. (The race itself, on PostgreSQL: test_concurrency.)"""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ctip.core.models import AuditEntry
from ctip.prevention import jobs
from ctip.prevention.import_jobs import ImportJobError, import_job_confirm, import_job_create
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from tests.helpers import activity_row, log_in, make_user

pytestmark = pytest.mark.django_db

DATA = json.dumps([activity_row(), activity_row(participants=12)]).encode()
DUPLICATE = "cùng một tệp không được nhập hai lần"


def _file(data: bytes = DATA, name: str = "Nguyễn Văn A.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def police():
    return make_user("congan", "agency_officer", agency="qng-ca-2025")


def _ready(user, capture, data: bytes = DATA) -> ImportJob:
    with capture(execute=True):
        job = import_job_create(file=_file(data), acting_user=user)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.errors
    return job


def _write(user, capture, job: ImportJob) -> ImportJob:
    with capture(execute=True):
        import_job_confirm(job_id=job.pk, acting_user=user)
    job.refresh_from_db()
    return job


def test_upload_and_confirmation_are_audited_without_the_file_name(
    police, django_capture_on_commit_callbacks
):
    job = _ready(police, django_capture_on_commit_callbacks)
    assert job.content_hash == hashlib.sha256(DATA).hexdigest()
    upload = AuditEntry.objects.get(action="prevention.import_upload")
    assert (upload.actor, upload.object_id, upload.file_hash) == (
        police,
        str(job.pk),
        job.content_hash,
    )
    job = _write(police, django_capture_on_commit_callbacks, job)
    assert job.status == ImportStatus.DONE and Activity.objects.count() == 2
    confirm = AuditEntry.objects.get(action="prevention.import_confirm")
    assert confirm.changes == {"status": ["ready", "writing"]}
    for entry in AuditEntry.objects.all():
        assert "Nguyễn" not in json.dumps(entry.changes, ensure_ascii=False)


def test_a_second_confirmation_queues_nothing(police, django_capture_on_commit_callbacks):
    job = _ready(police, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        import_job_confirm(job_id=job.pk, acting_user=police)
        # The page read READY before the first confirmation committed: the service re-checks.
        with pytest.raises(ImportJobError, match="không còn chờ xác nhận"):
            import_job_confirm(job_id=job.pk, acting_user=police)
    assert len(queued) == 1
    assert AuditEntry.objects.filter(action="prevention.import_confirm").count() == 1
    for callback in queued:
        callback()
    assert Activity.objects.count() == 2


def test_another_users_job_cannot_be_confirmed(police, django_capture_on_commit_callbacks):
    job = _ready(police, django_capture_on_commit_callbacks)
    other = make_user("congan2", "agency_officer", agency="qng-ca-2025")
    with pytest.raises(ImportJobError):
        import_job_confirm(job_id=job.pk, acting_user=other)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY
    assert not AuditEntry.objects.filter(action="prevention.import_confirm").exists()


def test_the_same_file_is_not_imported_twice_by_the_agency(
    police, client, django_capture_on_commit_callbacks
):
    _write(
        police,
        django_capture_on_commit_callbacks,
        _ready(police, django_capture_on_commit_callbacks),
    )
    jobs = ImportJob.objects.count()
    with pytest.raises(ImportJobError, match=DUPLICATE):
        import_job_create(file=_file(name="ban-sao.json"), acting_user=police)
    # A colleague of the same agency, through the page: refused beside the field, in Vietnamese.
    colleague = make_user("congan2", "agency_officer", agency="qng-ca-2025")
    log_in(client, colleague)
    response = client.post("/hoat-dong/nhap/", {"file": _file()})
    assert response.status_code == 200 and DUPLICATE in response.content.decode()
    assert ImportJob.objects.count() == jobs and Activity.objects.count() == 2
    # Another agency is not told about the police's files (its own check rejects the rows).
    guard = make_user("bienphong", "agency_officer", agency="qng-bdbp-2025")
    import_job_create(file=_file(), acting_user=guard)
    assert ImportJob.objects.count() == jobs + 1


def test_two_waiting_jobs_of_one_file_write_once(police, django_capture_on_commit_callbacks):
    first = _ready(police, django_capture_on_commit_callbacks)
    second = _ready(police, django_capture_on_commit_callbacks)  # uploaded again before writing
    assert _write(police, django_capture_on_commit_callbacks, first).status == ImportStatus.DONE
    with pytest.raises(ImportJobError, match=DUPLICATE):
        import_job_confirm(job_id=second.pk, acting_user=police)
    second.refresh_from_db()
    assert second.status == ImportStatus.READY and Activity.objects.count() == 2


@pytest.mark.parametrize("ended", [ImportStatus.REJECTED, ImportStatus.FAILED])
def test_a_file_whose_job_wrote_nothing_may_come_again(
    police, django_capture_on_commit_callbacks, ended
):
    job = _ready(police, django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(status=ended)
    again = _ready(police, django_capture_on_commit_callbacks)
    assert _write(police, django_capture_on_commit_callbacks, again).status == ImportStatus.DONE
    assert Activity.objects.count() == 2


def test_a_double_post_through_the_page_writes_once(
    police, client, django_capture_on_commit_callbacks
):
    log_in(client, police)
    job = _ready(police, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/hoat-dong/nhap/{job.pk}/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/hoat-dong/nhap/{job.pk}/")
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.written == 2
    assert Activity.objects.count() == 2
    assert AuditEntry.objects.filter(action="prevention.activities_import").count() == 1


def test_a_write_run_twice_by_the_queue_writes_once(
    police, django_capture_on_commit_callbacks, monkeypatch
):
    job = _ready(police, django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.WRITING)
    real = jobs.check_rows

    def other_run_ends_meanwhile(*args, **kwargs):
        specs = real(*args, **kwargs)
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, written=2)
        return specs

    monkeypatch.setattr(jobs, "check_rows", other_run_ends_meanwhile)
    assert jobs.write_import(job.pk) == ImportStatus.DONE
    assert not Activity.objects.exists()  # this run wrote nothing more
