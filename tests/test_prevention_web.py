"""Agency officers record, correct, delete and import activities through the web."""

import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ctip.core.models import AuditEntry
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from tests.helpers import log_in, make_user

pytestmark = pytest.mark.django_db

FORM = {
    "agency": "qng-ca",
    "kind": "session",
    "start_date": "10/05/2022",
    "end_date": "10/05/2022",
    "unit": "21142",
    "sessions": "2",
    "participants": "80",
    "media_items": "0",
    "sms": "0",
    "target_groups": ["public"],
    "campaign": "",
    "theme": "Phòng, chống mua bán người",
    "notes": "",
}
ROW = {
    "agency": "qng-ca",
    "kind": "session",
    "start_date": "2022-05-10",
    "end_date": "2022-05-10",
    "unit": 21142,
    "sessions": 1,
    "participants": 30,
}


@pytest.fixture
def police(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    return client


def test_record_correct_and_delete_an_activity_with_audit(police):
    assert police.post("/hoat-dong/them/", FORM).status_code == 302
    activity = Activity.objects.get()
    assert (activity.agency.code, activity.unit.code, activity.sessions) == ("qng-ca", 21142, 2)
    assert (
        police.post(f"/hoat-dong/{activity.pk}/sua/", {**FORM, "sessions": "3"}).status_code == 302
    )
    activity.refresh_from_db()
    assert activity.sessions == 3
    change = AuditEntry.objects.get(action="prevention.activity_update")
    assert change.changes["sessions"] == [2, 3]
    assert police.post(f"/hoat-dong/{activity.pk}/xoa/").status_code == 302
    assert not Activity.objects.exists()
    assert AuditEntry.objects.filter(action="prevention.activity_delete").count() == 1


def test_bad_form_input_is_explained_beside_the_field(police):
    # A code no unit has: the unit picker refuses it beside the field (issue 23).
    response = police.post("/hoat-dong/them/", {**FORM, "unit": "99999"})
    assert "Không có đơn vị hành chính mã này." in response.content.decode()
    response = police.post("/hoat-dong/them/", {**FORM, "end_date": "01/05/2022"})
    assert "ngày kết thúc trước ngày bắt đầu" in response.content.decode()
    assert not Activity.objects.exists()


def test_another_agency_cannot_touch_or_record_for_police(police, client):
    police.post("/hoat-dong/them/", FORM)
    activity = Activity.objects.get()
    client.logout()
    log_in(client, make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"))
    assert client.get(f"/hoat-dong/{activity.pk}/sua/").status_code == 404
    assert client.post(f"/hoat-dong/{activity.pk}/xoa/").status_code == 404
    assert Activity.objects.filter(pk=activity.pk).exists()
    response = client.post("/hoat-dong/them/", FORM)
    assert response.status_code == 200 and Activity.objects.count() == 1
    assert activity not in client.get("/hoat-dong/").context["page"].object_list


def test_upload_checks_every_row_then_writes_on_confirmation(
    police, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("hoat-dong.json", json.dumps([ROW, ROW]).encode())
    # Jobs are queued after commit and run at once in the test settings (django-q2 sync).
    with django_capture_on_commit_callbacks(execute=True):
        response = police.post("/hoat-dong/nhap/", {"file": upload})
    job = ImportJob.objects.get()
    assert response["Location"] == f"/hoat-dong/nhap/{job.pk}/"
    assert job.status == ImportStatus.READY and not Activity.objects.exists()
    page = police.get(f"/hoat-dong/nhap/{job.pk}/").content.decode()
    assert "Tất cả 2 dòng hợp lệ" in page
    with django_capture_on_commit_callbacks(execute=True):
        police.post(f"/hoat-dong/nhap/{job.pk}/")
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.written == 2
    assert Activity.objects.count() == 2


def test_upload_with_errors_or_another_agency_writes_nothing(
    police, django_capture_on_commit_callbacks
):
    rows = [ROW, {**ROW, "agency": "qng-bdbp"}, {**ROW, "sessions": -1}]
    upload = SimpleUploadedFile("x.json", json.dumps(rows).encode())
    with django_capture_on_commit_callbacks(execute=True):
        police.post("/hoat-dong/nhap/", {"file": upload})
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED
    assert any("Dòng 2" in e and "không phải cơ quan của bạn" in e for e in job.errors)
    assert any("Dòng 3" in e and "không được âm" in e for e in job.errors)
    assert "chưa ghi dòng nào" in police.get(f"/hoat-dong/nhap/{job.pk}/").content.decode()
    assert police.post(f"/hoat-dong/nhap/{job.pk}/").status_code == 200
    assert not Activity.objects.exists()


def test_template_and_export_downloads(police):
    template = police.get("/hoat-dong/mau.xlsx")
    headers = [c.value for c in openpyxl.load_workbook(io.BytesIO(template.content)).active[1]]
    assert headers[:3] == ["Cơ quan thực hiện", "Hình thức", "Từ ngày"]
    police.post("/hoat-dong/them/", FORM)
    export = police.get("/hoat-dong/xuat.xlsx?kind=session")
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    police_name = Activity.objects.get().agency.name  # in words (issue 23), not "qng-ca"
    assert sheet.max_row == 2 and sheet["A2"].value == police_name
