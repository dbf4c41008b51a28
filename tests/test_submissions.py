"""Issue 26, build 3: submissions of the field forms as ODK Central and KoboToolbox export them
(CSV and JSON) import with the same checks and all-or-nothing behaviour as the workbook import;
a cumulative export adds only what is new; watch checks resolve entry codes within what the
user may see, in one transaction with one audit row."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from ctip.core.bounds import MAX_IMPORT_FILE_BYTES
from ctip.core.models import AuditEntry
from ctip.core.submissions import SubmissionsRejected, is_submissions, read_submissions
from ctip.enforcement.models import WatchCheck, WatchEntry
from ctip.enforcement.watchlist import (
    WATCH_CHECK_FIELDS,
    WatchImportRejected,
    watch_checks_import,
    watch_open,
)
from ctip.geo.models import Level
from ctip.prevention.importer import COLUMNS, SELECT_MULTIPLE, read_file
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from tests.conftest import unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
NEW = date(2026, 1, 1)
CENTRAL_CSV = "odk_central_hoat_dong.csv"
KOBO_CSV = "kobo_hoat_dong.csv"
CENTRAL_JSON = "odk_central_hoat_dong.json"


def _sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


# --- the reader ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count", "first"),
    [
        (CENTRAL_CSV, 2, "uuid:6f1c2b0e-3d1a-4c55-9a57-0b2f1e7d4a01"),
        (KOBO_CSV, 2, "uuid:a3d0c6a2-51e9-4b7e-bb0d-5c2f6f0e9c11"),
        (CENTRAL_JSON, 1, "uuid:5d2a9e10-7b3c-4f21-8e44-9c0d1a2b3f33"),
    ],
)
def test_each_tools_export_reads_as_the_import_columns(name, count, first):
    data = _sample(name)
    assert is_submissions(name, data)
    rows = read_submissions(name, data, COLUMNS, lists=SELECT_MULTIPLE)
    assert len(rows) == count and rows[0]["_instance"] == first
    for row in rows:
        assert set(row) - {"_row", "_instance"} <= set(COLUMNS)
        # Group prefixes ("figures-", "figures/", {"figures": …}) are gone.
        assert row["agency"] == "qng-ca-2025" and "sessions" in row or "media_items" in row
        assert isinstance(row["target_groups"], list)


def test_values_as_each_tool_writes_them():
    central = read_submissions(CENTRAL_CSV, _sample(CENTRAL_CSV), COLUMNS, lists=SELECT_MULTIPLE)
    assert central[0]["_row"] == 2 and central[1]["_row"] == 3  # lines, the header being 1
    assert central[0]["target_groups"] == ["public", "youth"]
    assert "media_items" not in central[0]  # an empty cell: the figure was not stated
    kobo = read_submissions(KOBO_CSV, _sample(KOBO_CSV), COLUMNS, lists=SELECT_MULTIPLE)
    assert kobo[0]["partners"] == ["qng-bdbp-2025", "qng-hlhpn-2025"]
    assert kobo[0]["theme"] == "Hội nghị triển khai kế hoạch phòng, chống mua bán người"
    nested = read_submissions(CENTRAL_JSON, _sample(CENTRAL_JSON), COLUMNS, lists=SELECT_MULTIPLE)
    assert nested[0]["sessions"] == 2 and nested[0]["target_groups"] == ["volunteers"]
    assert "media_items" not in nested[0] and nested[0]["_row"] == 1


def test_ctips_own_files_are_not_taken_for_exports():
    assert not is_submissions("a.json", b'[{"agency": "qng-ca"}]')
    assert not is_submissions("a.xlsx", b"PK")
    assert is_submissions("a.json", b'\xef\xbb\xbf  {"value": []}')


def test_kobos_uuid_stands_for_a_missing_instance_column():
    data = b'"_uuid";"agency"\r\n"0b8e7f55-2c4d-4e0f-8a61-77c3d9b2e102";"qng-ca"\r\n'
    (row,) = read_submissions("k.csv", data, COLUMNS)
    assert row["_instance"] == "uuid:0b8e7f55-2c4d-4e0f-8a61-77c3d9b2e102"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Kobo's default export is headed by the questions' labels.
        (
            '"Cơ quan thực hiện";"Hình thức";"_id"\r\n"qng-ca";"session";"1"\r\n'.encode(),
            "XML values and headers",
        ),
        (
            b'"meta/instanceID";"Co quan"\r\n"uuid:a1";"qng-ca"\r\n',
            "XML values and headers",
        ),
        (
            b"a-agency,b-agency,meta-instanceID\r\nx,y,uuid:a1\r\n",
            "Các cột a-agency, b-agency cùng là trường “agency”",
        ),
        (
            b"agency,meta-instanceID\r\nqng-ca,\r\n",
            "Dòng 2: thiếu hoặc sai mã bản ghi",
        ),
        (
            b"agency,meta-instanceID\r\nqng-ca,uuid:a1\r\nqng-ca,uuid:a1\r\n",
            "Dòng 3: cùng mã bản ghi với dòng 2",
        ),
        (
            b"agency,meta-instanceID\r\nqng\x00ca,uuid:a1\r\n",
            "Dòng 2, cột “agency”: có ký tự điều khiển",
        ),
        (b'{"count": 0, "results": 5}', "không có danh sách bản ghi"),
        (
            # The list, a row and seven groups within groups: past MAX_NESTED_DEPTH.
            b'{"value": [{"agency": "x", "g": '
            + b'{"a": {"b": {"c": {"d": {"e": {"f": {"h": 1}}}}}}}}]}',
            "cấu trúc quá sâu",
        ),
    ],
)
def test_exports_that_cannot_be_read_are_refused_with_the_reason(data, message):
    name = "x.json" if data.startswith(b"{") else "x.csv"
    with pytest.raises(SubmissionsRejected) as caught:
        read_submissions(name, data, COLUMNS)
    assert message in "\n".join(caught.value.errors)


def test_an_export_over_the_size_bound_is_refused_before_it_is_read():
    data = b"agency,meta-instanceID\r\n" + b"x" * MAX_IMPORT_FILE_BYTES
    with pytest.raises(SubmissionsRejected, match="Tệp quá lớn"):
        read_submissions("x.csv", data, COLUMNS)


def test_only_the_activities_import_reads_exports():
    """Another importer's columns (victim cases) never take a CSV for a field form's export."""
    from ctip.prevention.importer import ImportRejected

    with pytest.raises(ImportRejected) as caught:
        read_file("cases.csv", _sample(CENTRAL_CSV), columns={"sex": "sex"})
    assert "instanceID" not in "\n".join(caught.value.errors)


# --- activities: the import jobs ----------------------------------------------------------------


@pytest.fixture
def police():
    return make_user("congan", "agency_officer", agency="qng-ca-2025")


def _upload(client, capture, name: str, data: bytes) -> ImportJob:
    """Through the field form page: the job is checked; the result page is the import's."""
    with capture(execute=True):
        response = client.post(
            "/bieu-mau-thuc-dia/hoat-dong/", {"file": SimpleUploadedFile(name, data)}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.latest("pk")
    assert response["Location"] == f"/hoat-dong/nhap/{job.pk}/"
    return job


def _confirm(client, capture, job: ImportJob) -> ImportJob:
    with capture(execute=True):
        client.post(f"/hoat-dong/nhap/{job.pk}/")
    job.refresh_from_db()
    return job


@pytest.mark.parametrize("name", [CENTRAL_CSV, KOBO_CSV, CENTRAL_JSON])
def test_each_sample_export_imports_through_the_page(
    client, police, django_capture_on_commit_callbacks, name
):
    log_in(client, police)
    data = _sample(name)
    job = _upload(client, django_capture_on_commit_callbacks, name, data)
    assert job.status == ImportStatus.READY, job.errors
    assert job.errors == []  # nothing skipped: no notice
    job = _confirm(client, django_capture_on_commit_callbacks, job)
    expected = len(read_submissions(name, data, COLUMNS))
    assert job.status == ImportStatus.DONE and job.written == expected
    audit = AuditEntry.objects.get(action="prevention.fieldform_import")
    assert audit.count == expected and audit.file_hash == hashlib.sha256(data).hexdigest()
    written = Activity.objects.filter(batch=audit)
    assert written.count() == expected
    assert all(a.source_instance and a.source_instance.startswith("uuid:") for a in written)
    assert all(a.created_by == police for a in written)


def test_the_samples_values_arrive_as_the_form_gave_them(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    job = _upload(client, django_capture_on_commit_callbacks, KOBO_CSV, _sample(KOBO_CSV))
    _confirm(client, django_capture_on_commit_callbacks, job)
    meeting = Activity.objects.get(source_instance="uuid:a3d0c6a2-51e9-4b7e-bb0d-5c2f6f0e9c11")
    assert (meeting.kind, meeting.unit.code, meeting.participants) == ("meeting", 51, 80)
    assert sorted(meeting.partners.values_list("code", flat=True)) == [
        "qng-bdbp-2025",
        "qng-hlhpn-2025",
    ]
    media = Activity.objects.get(source_instance="uuid:c91e4b77-0e0a-4a1f-9d8e-2a6b7c5d3e22")
    assert media.participants is None and media.media_items == 3  # blank: not stated
    assert media.campaign == "national_day"


NEW_ROW = (
    "2025-10-10T09:00:00.000Z,qng-ca-2025,banner,2025-10-09,2025-10-09,21157,,,no,,,public,,,"
    "Pa nô tại trụ sở xã,,uuid:11111111-2222-4333-8444-555555555555,qng-ca-2025 2025-10-09,"
    "uuid:11111111-2222-4333-8444-555555555555,12,Điện thoại xã 1,0,0,,,collect:Xk29Ab,0,"
    "bec2f27576\r\n"
)


def test_the_same_export_again_with_one_new_submission_adds_only_that_one(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    first = _confirm(client, capture, _upload(client, capture, CENTRAL_CSV, _sample(CENTRAL_CSV)))
    assert first.written == 2
    later = _sample(CENTRAL_CSV) + NEW_ROW.encode()
    job = _upload(client, capture, CENTRAL_CSV, later)
    assert job.status == ImportStatus.READY and job.total == 1
    assert job.errors == ["2 bản ghi đã nhập trước đây, bỏ qua."]
    assert [r["kind"] for r in job.preview] == ["banner"]
    # The officer is told, before writing, what is left out.
    page = client.get(reverse("import_status", args=[job.pk])).content.decode()
    assert "2 bản ghi đã nhập trước đây, bỏ qua." in page
    job = _confirm(client, capture, job)
    assert job.status == ImportStatus.DONE and job.written == 1
    assert Activity.objects.count() == 3
    assert Activity.objects.filter(kind="banner", unit__code=21157).count() == 1


def test_an_export_whose_submissions_were_all_imported_writes_nothing(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    _confirm(client, capture, _upload(client, capture, CENTRAL_CSV, _sample(CENTRAL_CSV)))
    # The same submissions exported again (Central's review state changed: other bytes).
    again = _sample(CENTRAL_CSV).replace(b",approved,", b",hasIssues,")
    job = _upload(client, capture, CENTRAL_CSV, again)
    assert job.status == ImportStatus.REJECTED
    assert job.errors == [
        "Cả 2 bản ghi của tệp đã được nhập trước đây; không có bản ghi mới để ghi."
    ]
    assert Activity.objects.count() == 2


def test_one_bad_submission_writes_nothing_and_names_its_row(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    bad = _sample(CENTRAL_CSV).replace(b",21157,2,120,", b",99999,2,120,")
    job = _upload(client, django_capture_on_commit_callbacks, CENTRAL_CSV, bad)
    assert job.status == ImportStatus.REJECTED
    assert len(job.errors) == 1
    assert job.errors[0].startswith("Dòng 3, cột “Mã địa bàn”: không có đơn vị mã “99999”")
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.filter(action="prevention.fieldform_import").exists()
    page = client.get(f"/hoat-dong/nhap/{job.pk}/").content.decode()
    assert "chưa ghi dòng nào" in page


def test_a_submission_for_another_agency_is_refused_as_in_the_workbook(
    client, django_capture_on_commit_callbacks
):
    border = make_user("bienphong", "agency_officer", agency="qng-bdbp-2025")
    log_in(client, border)
    job = _upload(client, django_capture_on_commit_callbacks, CENTRAL_CSV, _sample(CENTRAL_CSV))
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0] == "Dòng 2, cột “Cơ quan thực hiện”: không phải cơ quan của bạn."
    assert not Activity.objects.exists()


def test_the_upload_page_refuses_other_files_and_those_without_the_permission(client):
    leader = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW))
    log_in(client, leader)
    upload = {"file": SimpleUploadedFile(CENTRAL_CSV, _sample(CENTRAL_CSV))}
    assert client.post("/bieu-mau-thuc-dia/hoat-dong/", upload).status_code == 403
    assert not ImportJob.objects.exists()
    client.logout()
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    page = client.post(
        "/bieu-mau-thuc-dia/hoat-dong/", {"file": SimpleUploadedFile("a.xlsx", b"PK")}
    )
    assert "Chọn tệp .csv hoặc .json" in page.content.decode()
    assert not ImportJob.objects.exists()


def test_the_command_line_import_reads_exports_too(tmp_path):
    path = tmp_path / CENTRAL_CSV
    path.write_bytes(_sample(CENTRAL_CSV))
    call_command("import", "activities", str(path))
    assert Activity.objects.exclude(source_instance=None).count() == 2
    assert AuditEntry.objects.get(action="prevention.fieldform_import").count == 2


# --- watch checks -------------------------------------------------------------------------------

OPENED = date(2026, 8, 1)


def _entry(officer, commune: int) -> WatchEntry:
    return watch_open(
        category="long_absent",
        unit=unit(commune, Level.COMMUNE, NEW),
        officer=officer,
        lawful_basis="Luật 53/2024/QH15, Điều 7",
        purpose="Phòng ngừa mua bán người",
        opened_on=OPENED,
        review_on=date(2027, 8, 1),
        full_name="Người Được Theo Dõi",
        acting_user=None,
    )


@pytest.fixture
def watched():
    """A commune officer with two entries in their commune; the samples' TD-901 and TD-902
    are these two."""
    officer = make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW))
    return officer, _entry(officer, 21157), _entry(officer, 21157)


def _codes(name: str, first: WatchEntry, second: WatchEntry) -> bytes:
    data = _sample(name)
    return data.replace(b"TD-901", first.code.encode()).replace(b"TD-902", second.code.encode())


def test_a_kobo_export_of_checks_imports_with_one_audit_row(watched):
    officer, first, second = watched
    data = _codes("kobo_kiem_tra.json", first, second)
    done = watch_checks_import(name="kobo_kiem_tra.json", data=data, acting_user=officer)
    assert (done.written, done.skipped) == (2, 0)
    check = WatchCheck.objects.get(entry=first)
    assert (check.on, check.found, check.result) == (
        date(2026, 9, 2),
        True,
        "Đang ở tại địa phương",
    )
    assert check.source_instance == "uuid:7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2901"
    assert check.actor == officer
    first.refresh_from_db()
    assert first.next_check_on == date(2026, 9, 2) + timedelta(days=first.check_every_days)
    audit = AuditEntry.objects.get(action="enforcement.watch_checks_import")
    assert (audit.count, audit.actor, audit.file_hash) == (
        2,
        officer,
        hashlib.sha256(data).hexdigest(),
    )
    # No entry's code, name or outcome in the audit row: counts and the file's hash only.
    assert "TD-" not in json.dumps(audit.changes)


def test_a_central_csv_of_checks_imports_and_an_export_again_adds_only_the_new(watched):
    officer, first, second = watched
    kobo = _codes("kobo_kiem_tra.json", first, second)
    watch_checks_import(name="kobo_kiem_tra.json", data=kobo, acting_user=officer)
    central = _codes("odk_central_kiem_tra.csv", first, second)
    done = watch_checks_import(name="odk_central_kiem_tra.csv", data=central, acting_user=officer)
    assert (done.written, done.skipped) == (1, 0)
    assert WatchCheck.objects.filter(entry=first).count() == 2
    first.refresh_from_db()
    # The next check follows the latest check (4/9 here), whatever order the files came in.
    assert first.next_check_on == date(2026, 9, 4) + timedelta(days=first.check_every_days)
    assert WatchCheck.objects.count() == 3


def test_a_cumulative_check_export_adds_only_its_new_submissions(watched):
    officer, first, second = watched
    kobo = json.loads(_codes("kobo_kiem_tra.json", first, second))
    older = {**kobo, "count": 1, "results": kobo["results"][:1]}
    watch_checks_import(name="k.json", data=json.dumps(older).encode(), acting_user=officer)
    done = watch_checks_import(name="k.json", data=json.dumps(kobo).encode(), acting_user=officer)
    assert (done.written, done.skipped) == (1, 1)
    assert sorted(WatchCheck.objects.values_list("entry", flat=True)) == sorted(
        [first.pk, second.pk]
    )
    audit = AuditEntry.objects.filter(action="enforcement.watch_checks_import").latest("pk")
    assert audit.count == 1 and audit.changes == {"skipped": 1}


def test_a_check_export_imported_whole_before_is_refused_and_adds_nothing(watched):
    officer, first, second = watched
    kobo = _codes("kobo_kiem_tra.json", first, second)
    watch_checks_import(name="kobo_kiem_tra.json", data=kobo, acting_user=officer)
    with pytest.raises(WatchImportRejected, match="Cả 2 bản ghi của tệp đã được nhập"):
        watch_checks_import(name="kobo_kiem_tra.json", data=kobo, acting_user=officer)
    assert WatchCheck.objects.count() == 2
    assert AuditEntry.objects.filter(action="enforcement.watch_checks_import").count() == 1


def test_an_entry_the_user_may_not_see_refuses_the_whole_file(watched):
    officer, first, _second = watched
    neighbour = make_user("xa2", "commune_officer", unit=unit(21040, Level.COMMUNE, NEW))
    elsewhere = _entry(neighbour, 21040)
    data = _codes("kobo_kiem_tra.json", first, elsewhere)
    before = AuditEntry.objects.count()
    with pytest.raises(WatchImportRejected) as caught:
        watch_checks_import(name="kobo_kiem_tra.json", data=data, acting_user=officer)
    assert caught.value.errors == [
        f"Dòng 2, cột “Mã theo dõi”: không có mã theo dõi “{elsewhere.code}” trong phạm vi của bạn."
    ]
    assert not WatchCheck.objects.exists()
    assert AuditEntry.objects.count() == before
    first.refresh_from_db()
    assert first.next_check_on == OPENED + timedelta(days=first.check_every_days)


def test_every_bad_check_is_named_and_nothing_is_written(watched):
    officer, first, second = watched
    rows = [
        {"entry_code": first.code, "on": "2026-07-01", "found": "yes", "outcome": "at_home"},
        {"entry_code": second.code, "on": "2099-01-01", "found": "maybe", "outcome": "gone"},
        {"entry_code": "Nguyễn Văn A", "on": "2026-09-01", "found": "no", "outcome": "moved"},
    ]
    for n, row in enumerate(rows):
        row["meta"] = {"instanceID": f"uuid:0000000{n}-aaaa-4bbb-8ccc-dddddddddddd"}
    data = json.dumps({"value": rows}, ensure_ascii=False).encode()
    with pytest.raises(WatchImportRejected) as caught:
        watch_checks_import(name="central.json", data=data, acting_user=officer)
    assert caught.value.errors == [
        "Dòng 1, cột “Ngày kiểm tra”: trước ngày đưa vào theo dõi (01/08/2026).",
        "Dòng 2, cột “Ngày kiểm tra”: ngày ở tương lai.",
        "Dòng 2, cột “Đã xác minh được người này”: chỉ nhận “có” hoặc “không”.",
        "Dòng 2, cột “Kết quả kiểm tra”: kết quả “gone” không có trong danh mục.",
        "Dòng 3, cột “Mã theo dõi”: không có mã theo dõi “Nguyễn Văn A” trong phạm vi của bạn.",
    ]
    assert not WatchCheck.objects.exists()


def test_the_watch_check_fields_are_the_forms():
    rows = read_submissions("k.json", _sample("kobo_kiem_tra.json"), WATCH_CHECK_FIELDS)
    assert set(rows[0]) == {*WATCH_CHECK_FIELDS, "_row", "_instance"}


# --- watch checks on the web --------------------------------------------------------------------


def test_the_commune_officer_uploads_checks_after_the_second_factor(client, watched):
    officer, first, second = watched
    data = _codes("kobo_kiem_tra.json", first, second)
    log_in(client, officer, add_totp(officer))
    done = client.post(
        "/bieu-mau-thuc-dia/kiem-tra-theo-doi/",
        {"file": SimpleUploadedFile("kobo_kiem_tra.json", data)},
        follow=True,
    )
    assert "Đã ghi 2 lượt kiểm tra." in done.content.decode()
    assert WatchCheck.objects.count() == 2
    refused = client.post(
        "/bieu-mau-thuc-dia/kiem-tra-theo-doi/",
        {"file": SimpleUploadedFile("kobo_kiem_tra.json", data)},
    )
    assert "Cả 2 bản ghi của tệp đã được nhập trước đây" in refused.content.decode()


def test_the_watch_check_upload_is_refused_without_the_permission_or_the_second_factor(
    client, watched
):
    officer, first, second = watched
    data = _codes("kobo_kiem_tra.json", first, second)
    police = make_user("congan", "agency_officer", agency="qng-ca-2025")
    log_in(client, police)
    upload = {"file": SimpleUploadedFile("kobo_kiem_tra.json", data)}
    assert client.post("/bieu-mau-thuc-dia/kiem-tra-theo-doi/", upload).status_code == 403
    client.logout()
    log_in(client, officer)  # the password only
    add_totp(officer)
    upload = {"file": SimpleUploadedFile("kobo_kiem_tra.json", data)}
    response = client.post("/bieu-mau-thuc-dia/kiem-tra-theo-doi/", upload)
    assert response.status_code == 302 and "/tai-khoan/xac-thuc/" in response["Location"]
    assert not WatchCheck.objects.exists()
    assert not AuditEntry.objects.filter(action="enforcement.watch_checks_import").exists()


def test_the_command_imports_checks_as_the_user_named(tmp_path, watched):
    officer, first, second = watched
    path = tmp_path / "kobo_kiem_tra.json"
    path.write_bytes(_codes("kobo_kiem_tra.json", first, second))
    call_command("fieldforms", "watch-checks", str(path), "--user", officer.username)
    assert WatchCheck.objects.count() == 2


def test_a_submission_written_meanwhile_by_another_upload_refuses_the_file(watched, monkeypatch):
    """Two uploads at once both found a submission new: the database refuses the second
    (source_instance is unique), which rolls back whole with a message, not an error page."""
    officer, first, second = watched
    kobo = _codes("kobo_kiem_tra.json", first, second)
    watch_checks_import(name="k.json", data=kobo, acting_user=officer)
    monkeypatch.setattr("ctip.enforcement.watchlist._not_imported", lambda rows: rows)
    with pytest.raises(WatchImportRejected, match="vừa được nhập từ lần tải lên khác"):
        watch_checks_import(name="k.json", data=kobo, acting_user=officer)
    assert WatchCheck.objects.count() == 2
    assert AuditEntry.objects.filter(action="enforcement.watch_checks_import").count() == 1


# --- edited and rejected submissions (review of issue 26, findings 4 and 8) -----------------------

SECOND = b"uuid:0b8e7f55-2c4d-4e0f-8a61-77c3d9b2e102"
EDITED = b"uuid:99999999-2c4d-4e0f-8a61-77c3d9b2e102"


def _edited_central(*, participants: bytes = b"120") -> bytes:
    """The Central sample after its second submission was edited: a new meta-instanceID, the
    same KEY (Central keeps the first version's id as the submission's)."""
    data = _sample(CENTRAL_CSV).replace(SECOND + b",qng-ca-2025", EDITED + b",qng-ca-2025")
    return data.replace(b",2,120,", b",2," + participants + b",")


def test_the_logical_id_of_each_tool_is_the_instance_and_an_edit_has_its_version():
    central = read_submissions(CENTRAL_CSV, _edited_central(), COLUMNS)
    assert central[1]["_instance"] == SECOND.decode() and central[1]["_version"] == EDITED.decode()
    assert "_version" not in central[0]  # unedited: its version is its id
    nested = json.loads(_sample(CENTRAL_JSON))
    nested["value"][0]["meta"]["instanceID"] = EDITED.decode()
    (row,) = read_submissions("c.json", json.dumps(nested).encode(), COLUMNS)
    assert row["_instance"] == "uuid:5d2a9e10-7b3c-4f21-8e44-9c0d1a2b3f33"
    assert row["_version"] == EDITED.decode()
    kobo = json.loads(_sample("kobo_kiem_tra.json"))
    kobo["results"][0]["meta/rootUuid"] = "uuid:7e6d5c4b-3a29-4180-9f7e-000000000000"
    rows = read_submissions("k.json", json.dumps(kobo).encode(), WATCH_CHECK_FIELDS)
    assert rows[0]["_instance"] == "uuid:7e6d5c4b-3a29-4180-9f7e-000000000000"
    assert rows[0]["_version"] == "uuid:7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2901"
    assert rows[1]["_instance"] == "uuid:7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2902"  # _uuid


def test_each_tools_rejected_review_state_is_marked():
    central = _sample(CENTRAL_CSV).replace(b",approved,", b",rejected,")
    rows = read_submissions(CENTRAL_CSV, central, COLUMNS)
    assert [r.get("_rejected", False) for r in rows] == [False, True]
    nested = json.loads(_sample(CENTRAL_JSON))
    nested["value"][0]["__system"]["reviewState"] = "rejected"
    (row,) = read_submissions("c.json", json.dumps(nested).encode(), COLUMNS)
    assert row["_rejected"] is True
    kobo = json.loads(_sample("kobo_kiem_tra.json"))
    kobo["results"][1]["_validation_status"]["uid"] = "validation_status_not_approved"
    rows = read_submissions("k.json", json.dumps(kobo).encode(), WATCH_CHECK_FIELDS)
    assert [r.get("_rejected", False) for r in rows] == [False, True]  # approved: kept


def test_an_edited_submission_already_imported_is_refused_naming_its_row(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    _confirm(client, capture, _upload(client, capture, CENTRAL_CSV, _sample(CENTRAL_CSV)))
    job = _upload(
        client, capture, CENTRAL_CSV, _edited_central(participants=b"150") + NEW_ROW.encode()
    )
    assert job.status == ImportStatus.REJECTED
    assert len(job.errors) == 1 and job.errors[0].startswith("Dòng 3: bản ghi này đã được nhập")
    assert "hãy sửa bản ghi đó ngay trong ctip" in job.errors[0]
    assert Activity.objects.count() == 2
    assert Activity.objects.get(source_instance=SECOND.decode()).participants == 120


def test_an_edit_that_changed_nothing_is_skipped_as_imported(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    _confirm(client, capture, _upload(client, capture, CENTRAL_CSV, _sample(CENTRAL_CSV)))
    job = _upload(client, capture, CENTRAL_CSV, _edited_central() + NEW_ROW.encode())
    assert job.status == ImportStatus.READY and job.total == 1, job.errors
    assert job.errors == ["2 bản ghi đã nhập trước đây, bỏ qua."]


def test_a_submission_edited_before_its_first_import_imports_once_by_its_logical_id(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    edited = _edited_central(participants=b"150")
    job = _confirm(client, capture, _upload(client, capture, CENTRAL_CSV, edited))
    assert job.written == 2
    assert Activity.objects.get(source_instance=SECOND.decode()).participants == 150
    # Exported again (the review state changed: other bytes).
    again = _upload(client, capture, CENTRAL_CSV, edited.replace(b",approved,", b",hasIssues,"))
    assert again.status == ImportStatus.REJECTED
    assert again.errors == [
        "Cả 2 bản ghi của tệp đã được nhập trước đây; không có bản ghi mới để ghi."
    ]


def test_a_rejected_submission_is_skipped_with_a_notice(
    client, police, django_capture_on_commit_callbacks
):
    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    data = _sample(CENTRAL_CSV).replace(b",approved,", b",rejected,")
    job = _upload(client, capture, CENTRAL_CSV, data)
    assert job.status == ImportStatus.READY and job.total == 1
    assert job.errors == [
        "1 bản ghi bị từ chối khi duyệt (trên ODK Central hoặc KoboToolbox), bỏ qua."
    ]
    job = _confirm(client, capture, job)
    assert job.written == 1 and not Activity.objects.filter(source_instance=SECOND.decode())


def test_two_jobs_writing_the_same_submissions_end_with_the_uploaded_meanwhile_message(
    client, police, django_capture_on_commit_callbacks, monkeypatch
):
    """Both jobs found the submissions new; the second one's write hits the unique
    source_instance: refused with a message, not FAILED."""
    from ctip.prevention.import_checks import Fresh

    log_in(client, police)
    capture = django_capture_on_commit_callbacks
    first = _upload(client, capture, CENTRAL_CSV, _sample(CENTRAL_CSV))
    later = _sample(CENTRAL_CSV).replace(b",approved,", b",hasIssues,")
    second = _upload(client, capture, CENTRAL_CSV, later)
    assert _confirm(client, capture, first).status == ImportStatus.DONE
    # The second job read the file before the first one wrote it.
    monkeypatch.setattr(
        "ctip.prevention.jobs.fresh_rows",
        lambda rows: Fresh(rows, instances=[r["_instance"] for r in rows]),
    )
    second = _confirm(client, capture, second)
    assert second.status == ImportStatus.REJECTED
    assert second.errors == [
        "Một số bản ghi của tệp vừa được nhập từ lần tải lên khác; hãy tải lên lại."
    ]
    assert Activity.objects.count() == 2


def _kobo_checks(first: WatchEntry, second: WatchEntry) -> dict:
    return json.loads(_codes("kobo_kiem_tra.json", first, second))


def test_an_edited_check_already_imported_is_refused_and_a_rejected_one_skipped(watched):
    officer, first, second = watched
    kobo = _kobo_checks(first, second)
    watch_checks_import(name="k.json", data=json.dumps(kobo).encode(), acting_user=officer)
    edited = kobo["results"][0]
    edited["meta/rootUuid"] = edited["meta/instanceID"]
    edited["meta/instanceID"] = "uuid:7e6d5c4b-3a29-4180-9f7e-6d5c4b3a29ff"
    edited["_uuid"] = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a29ff"
    same = json.dumps(kobo).encode()
    with pytest.raises(WatchImportRejected, match="Cả 2 bản ghi"):  # nothing changed: skipped
        watch_checks_import(name="k.json", data=same, acting_user=officer)
    edited["outcome"] = "moved"
    with pytest.raises(WatchImportRejected) as caught:
        watch_checks_import(name="k.json", data=json.dumps(kobo).encode(), acting_user=officer)
    assert len(caught.value.errors) == 1
    assert caught.value.errors[0].startswith("Dòng 1: bản ghi này đã được nhập trước đây")
    assert WatchCheck.objects.get(entry=first).result == "Đang ở tại địa phương"


def test_a_check_a_reviewer_rejected_is_skipped(watched):
    officer, first, second = watched
    kobo = _kobo_checks(first, second)
    kobo["results"][1]["_validation_status"]["uid"] = "validation_status_not_approved"
    done = watch_checks_import(name="k.json", data=json.dumps(kobo).encode(), acting_user=officer)
    assert (done.written, done.skipped, done.rejected) == (1, 0, 1)
    assert not WatchCheck.objects.filter(entry=second).exists()
