"""Issue 19, finding 5 on the import side, and the acceptance's property-based test of every
importer (activities, victim cases, population, units).

Imports once took counts of 2^31 and more, NUL characters and year-1 dates, then crashed while
writing (and left the web job "Đang ghi"). Now every value outside ctip.core.bounds is a message
naming its row and column, in Vietnamese, and the whole import writes nothing; a group named
twice in a row is one link; a web job that fails for any other reason ends FAILED with a message.

The property-based tests feed each importer, through its service, its command and (activities)
the web upload, rows mixing valid and hostile values, and assert: no exception but the import's
own refusal, either rows written or Vietnamese messages (never quoting a personal value, never a
control character), and on refusal nothing written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tracemalloc
from datetime import date, timedelta
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ctip.agencies.models import Agency
from ctip.core import work
from ctip.core.bounds import MAX_AGE, MAX_CELL, MAX_COUNT, MAX_DATE, MIN_DATE, MIN_YEAR
from ctip.core.cells import CONTROL
from ctip.core.models import AuditEntry
from ctip.geo.csv_import import UnitImportError, units_import_csv
from ctip.geo.models import Unit, UnitSuccession
from ctip.prevention import jobs
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import COLUMNS, ImportRejected, read_file
from ctip.prevention.models import Activity, ImportJob, ImportStatus, Population
from ctip.prevention.population import population_import_csv
from ctip.prevention.spreadsheets import activities_template
from ctip.victims.importer import import_cases
from ctip.victims.models import Case
from tests.helpers import activity_row, log_in, make_user

pytestmark = pytest.mark.django_db

# A Vietnamese message has at least one letter with a diacritic.
VIETNAMESE = re.compile("[À-ỹĐđ]")
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CASE = {
    "full_name": "Người Thử Nghiệm",
    "sex": "female",
    "age": 24,
    "nationality": "VN",
    "identity_document": "",
    "home_unit": 21157,
    "received_on": "2025-08-01",
    "source": "police",
}
POPULATION_HEADER = "code,level,year,population,source\n"
UNITS_HEADER = "code,name,level,parent,valid_from,valid_to,successors\n"


def _json(*rows: Any) -> bytes:
    return json.dumps(list(rows)).encode()


def _counts() -> dict[str, int]:
    """Everything an import can write (audit rows of reads aside)."""
    return {
        "activities": Activity.objects.count(),
        "groups": Activity.target_groups.through.objects.count(),
        "partners": Activity.partners.through.objects.count(),
        "cases": Case.objects.count(),
        "population": Population.objects.count(),
        "units": Unit.objects.count(),
        "successions": UnitSuccession.objects.count(),
        # Reads aside, and the job's own rows (its upload, its confirmation): not imported data.
        "audit": AuditEntry.objects.exclude(action__in=["read", *JOB_ACTIONS]).count(),
    }


JOB_ACTIONS = ["prevention.import_upload", "prevention.import_confirm"]


def _refused(exc: Exception) -> list[str]:
    messages = getattr(exc, "errors", None) or str(exc).splitlines()
    assert messages, exc
    for message in messages:
        assert VIETNAMESE.search(message), message
        assert not CONTROL.search(message), repr(message)
    return messages


def _activity_errors(data: bytes, name: str = "x.json") -> list[str]:
    before = _counts()
    with pytest.raises(ImportRejected) as caught:
        import_file(name=name, data=data, acting_user=None)
    assert _counts() == before
    return _refused(caught.value)


# --- activities: the bounds, one by one --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (2**31, "không được lớn hơn 100.000.000"),
        (2**63, "không được lớn hơn 100.000.000"),
        (10**20, "không được lớn hơn 100.000.000"),
        (1e20, "không được lớn hơn 100.000.000"),
        (MAX_COUNT + 1, "không được lớn hơn 100.000.000"),
        ("1e20", "phải là số nguyên không âm"),
        (float("nan"), "phải là số nguyên không âm"),
        (float("inf"), "phải là số nguyên không âm"),
        ("9" * 5000, "dài quá 2.000 ký tự"),
    ],
)
def test_counts_past_the_bounds_are_row_messages(value, message):
    errors = _activity_errors(_json(activity_row(), activity_row(sessions=value)))
    assert len(errors) == 1 and errors[0].startswith(f"Dòng 2, cột “Số buổi”: {message}"), errors
    assert import_file(
        name="x.json", data=_json(activity_row(sessions=MAX_COUNT)), acting_user=None
    )


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"notes": "Buổi\x00sáng"}, "Ghi chú"),
        ({"theme": "chuông\x07"}, "Chủ đề"),
        ({"agency": "qng-ca\x00"}, "Cơ quan thực hiện"),
        ({"target_groups": ["public\x00"]}, "Đối tượng"),
        ({"partners": "qng-bdbp\x1b"}, "Cơ quan phối hợp"),
        ({"kind": "\ud800"}, "Hình thức"),
    ],
)
def test_control_characters_are_row_messages_that_never_echo_them(change, column):
    errors = _activity_errors(_json(activity_row(**change)))
    assert errors == [
        f"Dòng 1, cột “{column}”: có ký tự điều khiển không hợp lệ (như ký tự NUL); hãy xóa ký "
        "tự đó."
    ]


def test_texts_are_refused_with_their_length_never_cut():
    errors = _activity_errors(_json(activity_row(theme="ă" * 301, notes="x" * (MAX_CELL + 1))))
    assert errors == [
        "Dòng 1, cột “Chủ đề”: dài quá 300 ký tự (đang có 301); hãy rút gọn.",
        "Dòng 1, cột “Ghi chú”: dài quá 2.000 ký tự (đang có 2.001); hãy rút gọn.",
    ]
    assert import_file(name="x.json", data=_json(activity_row(theme="ă" * 300)), acting_user=None)
    assert Activity.objects.get().theme == "ă" * 300


@pytest.mark.parametrize("day", ["0001-01-01", "01/01/0001", "1944-12-31", "31/12/9999"])
def test_dates_outside_the_bounds_are_row_messages(day):
    errors = _activity_errors(_json(activity_row(start_date=day, end_date=day)))
    assert errors == [
        "Dòng 1, cột “Từ ngày”: ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
        "Dòng 1, cột “Đến ngày”: ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
    ]


def test_a_group_or_partner_named_twice_is_one_link_in_the_check_and_the_write(tmp_path):
    """Issue 27: "public, Nhân dân" passed --dry-run, then the write hit UniqueViolation."""
    row = activity_row(
        target_groups="public, Nhân dân", partners="qng-sngv, Sở Ngoại vụ tỉnh Quảng Ngãi"
    )
    path = tmp_path / "hai-lan.json"
    path.write_bytes(_json(row))
    out = io.StringIO()
    call_command("import", "activities", str(path), "--dry-run", stdout=out)
    assert "1 dòng hợp lệ" in out.getvalue()
    call_command("import", "activities", str(path), stdout=out)
    activity = Activity.objects.get()
    assert list(activity.target_groups.values_list("code", flat=True)) == ["public"]
    assert list(activity.partners.values_list("code", flat=True)) == ["qng-sngv"]


def test_odd_json_is_a_message_not_a_traceback():
    for data in (
        b"[" * 100_000,  # nested past the parser's recursion
        b"[{" + b'"sessions": ' + b"9" * 5000 + b"}]",  # an integer past Python's digit limit
        json.dumps([{"_row": "\x00", **activity_row(sessions=-1)}]).encode(),
    ):
        errors = _activity_errors(data)
        assert errors
    assert errors == ["Dòng 1, cột “Số buổi”: không được âm."]  # the position, not "_row"
    assert _activity_errors(b"[" * 100_000)[0].startswith("Tệp JSON có cấu trúc quá sâu")
    assert _activity_errors(b"[" + b"{}," * 100_000 + b"{}]") == [
        "Tệp có quá nhiều dòng (tối đa 100.000)."
    ]
    long_row = json.dumps([activity_row(notes=["x" * 1000] * 300)]).encode()
    assert _activity_errors(long_row) == ["Dòng 1: dài quá 256 KB."]


def test_json_is_read_row_by_row_in_little_memory():
    """json.loads of the whole file kept every distinct key (and its parser's memo of them):
    40 rows of 15,000 keys each, a 7 MB file, took it over 150 MB."""
    row = b"{" + b",".join(b'"k%05d": 1' % n for n in range(15_000)) + b"}"
    data = b"[" + b",".join([row] * 40) + b"]"
    tracemalloc.start()
    try:
        rows = read_file("x.json", data)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows == [{}] * 40  # keys of no column are not kept
    assert peak < 20 * 1024 * 1024, peak


# --- the web job ends, whatever happens ---------------------------------------------------------


@pytest.fixture
def police(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    return client


def _upload(client, capture, data: bytes, name: str = "hoat-dong.json") -> ImportJob:
    with capture(execute=True):
        response = client.post("/hoat-dong/nhap/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302
    return ImportJob.objects.latest("pk")


def _confirm(client, capture, job: ImportJob) -> ImportJob:
    with capture(execute=True):
        assert client.post(f"/hoat-dong/nhap/{job.pk}/").status_code == 302
    job.refresh_from_db()
    return job


def test_a_write_that_fails_ends_the_job_failed_with_its_message(
    police, django_capture_on_commit_callbacks, monkeypatch
):
    job = _upload(police, django_capture_on_commit_callbacks, _json(activity_row(), activity_row()))
    assert job.status == ImportStatus.READY

    def broken(**_kwargs):  # after the rows are inserted, inside the write's transaction
        raise DatabaseError("integer out of range")

    # The unit of work adds the batch to the cells through what the rollups provided it.
    monkeypatch.setattr(work, "_add", broken)
    job = _confirm(police, django_capture_on_commit_callbacks, job)
    assert job.status == ImportStatus.FAILED and job.file is None
    assert job.errors == [
        f"Lỗi hệ thống khi ghi dữ liệu; chưa ghi dòng nào. Hãy thử lại; nếu vẫn lỗi, báo quản "
        f"trị hệ thống (công việc số {job.pk})."
    ]
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.filter(action="prevention.activities_import").exists()
    page = police.get(f"/hoat-dong/nhap/{job.pk}/").content.decode()
    assert "Lỗi hệ thống" in page and "chưa ghi dòng nào" in page
    # The queue retrying the task changes nothing (it once turned FAILED into REJECTED).
    assert jobs.write_import(job.pk) == ImportStatus.FAILED
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and len(job.errors) == 1


def test_a_check_that_fails_ends_the_job_failed_with_its_message(
    police, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr(jobs, "check_rows", broken)
    job = _upload(police, django_capture_on_commit_callbacks, _json(activity_row()))
    assert job.status == ImportStatus.FAILED and "Lỗi hệ thống khi kiểm tra tệp" in job.errors[0]


def test_a_job_whose_worker_died_ends_failed_when_uploads_expire():
    user = make_user("nhap", "agency_officer", agency="qng-ca-2025")
    stuck = [
        ImportJob.objects.create(user=user, file_name="a.json", status=status)
        for status in (ImportStatus.CHECKING, ImportStatus.WRITING)
    ]
    recent = ImportJob.objects.create(user=user, file_name="b.json", status=ImportStatus.WRITING)
    ImportJob.objects.filter(pk__in=[j.pk for j in stuck]).update(
        created=timezone.now() - timedelta(days=4)
    )
    jobs.imports_expire()
    for job in stuck:
        job.refresh_from_db()
        assert job.status == ImportStatus.FAILED and "bị gián đoạn" in job.errors[0]
    recent.refresh_from_db()
    assert recent.status == ImportStatus.WRITING  # it may still be running


def test_a_column_the_template_does_not_have_never_reaches_the_job_record(
    police, django_capture_on_commit_callbacks
):
    row = {**activity_row(), "ghi chú riêng": "x\x00y", "_row": "\x00"}
    job = _upload(police, django_capture_on_commit_callbacks, _json(row))
    assert job.status == ImportStatus.READY
    assert set(job.preview[0]) == set(COLUMNS)
    assert "\\u0000" not in json.dumps(job.preview)  # PostgreSQL's JSON cannot store it


# --- victim cases, population, units: the bounds ------------------------------------------------


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({"full_name": "Hồ Văn\x00 Bảy"}, "full_name", "ký tự điều khiển"),
        ({"identity_document": "0512\x0034"}, "identity_document", "ký tự điều khiển"),
        ({"full_name": "Hồ " * 1000}, "full_name", "dài quá 2.000 ký tự"),
        ({"home_unit": 2**70}, "home_unit", "không có xã, phường mã này"),
        ({"received_on": "0001-01-01"}, "received_on", "ngày phải từ 01/01/1945"),
        ({"age": 1e20}, "age", "phải có date_of_birth hoặc age hợp lệ"),
        ({"age": None, "date_of_birth": "0001-01-01"}, "age", "hợp lệ"),
    ],
)
def test_case_rows_past_the_bounds_are_messages_without_personal_values(change, column, message):
    agency = Agency.objects.get(code="qng-syt-2025")
    before = _counts()
    with pytest.raises(ImportRejected) as caught:
        import_cases(name="a.json", data=_json({**CASE, **change}), agency=agency, acting_user=None)
    errors = _refused(caught.value)
    assert any(e.startswith(f"Dòng 1, cột “{column}”") and message in e for e in errors), errors
    assert not any("Bảy" in e or "0512" in e or "Hồ" in e for e in errors)
    assert _counts() == before


def test_a_case_workbook_is_read_by_its_header_row_like_json():
    """Cases from a workbook were read with the activities' headers: never a row."""
    from ctip.victims.importer import FIELDS

    workbook = openpyxl.Workbook()
    workbook.active.append(list(FIELDS))
    workbook.active.append([CASE.get(f, "") for f in FIELDS])
    out = io.BytesIO()
    workbook.save(out)
    agency = Agency.objects.get(code="qng-syt-2025")
    assert import_cases(name="a.xlsx", data=out.getvalue(), agency=agency, acting_user=None) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("21142,commune,2022,2147483648,Niên giám", "dân số lớn hơn 100.000.000"),
        ("1" + "0" * 30 + ",commune,2022,5000,Niên giám", "mã đơn vị không hợp lệ"),
        ("21142,commune,2022,5000,Niên\x00giám", "ký tự điều khiển"),
        ("21142,commune,2022,5000," + "n" * 301, "dài quá 300 ký tự"),
        ("21142,commune,1900,5000,Niên giám", "năm không hợp lệ"),
        ("21142,commune,2022,5000," + "n" * 200_000, "không đọc được"),
        ("21142,commune,2022,5000,Niên giám" + ",x" * 300, "quá 200 cột"),
    ],
)
def test_population_rows_past_the_bounds_are_messages(line, message):
    before = _counts()
    with pytest.raises(ImportRejected) as caught:
        population_import_csv(data=(POPULATION_HEADER + line + "\n").encode(), acting_user=None)
    errors = _refused(caught.value)
    assert len(errors) == 1 and message in errors[0], errors
    assert _counts() == before


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("1" + "0" * 30 + ",Xã Thử,commune,522,,31/12/2019,21019", "số nguyên dương"),
        ("99901,Xã Thử,commune,522,,31/12/9999,21019", "31/12/2100"),
        ("99901,Xã Thử,commune,522,01/01/0001,31/12/2019,21019", "01/01/1945"),
        ("99901," + "X" * 121 + ",commune,522,,31/12/2019,21019", "quá dài"),
        ("99901,Xã\x00Thử,commune,522,,31/12/2019,21019", "ký tự điều khiển"),
    ],
)
def test_unit_rows_past_the_bounds_are_messages(line, message):
    before = _counts()
    with pytest.raises(UnitImportError) as caught:
        units_import_csv(data=(UNITS_HEADER + line + "\n").encode(), acting_user=None)
    errors = _refused(caught.value)
    assert len(errors) == 1 and message in errors[0], errors
    assert _counts() == before


# --- property-based: every importer, hostile rows -------------------------------------------------

HOSTILE = st.one_of(
    st.sampled_from(
        [
            2**31,
            2**31 - 1,
            2**63,
            10**20,
            -1,
            0,
            MAX_COUNT,
            MAX_COUNT + 1,
            1e20,
            1.5,
            -0.0,
            float("nan"),
            float("inf"),
            "1e20",
            "2147483648",
            "1.000.000",
            "",
            None,
            True,
            "0001-01-01",
            "9999-12-31",
            "31/12/9999",
            "01/01/0001",
            "29/02/2023",
            "\x00",
            "a\x00b",
            "\ud800",
            "x" * (MAX_CELL + 1),
            "ă" * 301,
            "public, Nhân dân",
            ["public", "Nhân dân"],
            ["qng-bdbp", "qng-bdbp"],
            {"a": 1},
            [],
            [[1]],
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.text(max_size=20),
    st.dates().map(date.isoformat),
)
ACTIVITY_ROWS = st.lists(
    st.dictionaries(st.sampled_from(list(COLUMNS)), HOSTILE, max_size=2).map(
        lambda change: activity_row(**change)
    ),
    min_size=1,
    max_size=3,
)


def _activities_outcome(call: Any, rows: list[dict[str, Any]] | None = None) -> None:
    before = _counts()
    last = Activity.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        written = call()
    except (ImportRejected, CommandError) as exc:
        _refused(exc)
        assert _counts() == before
        event("refused")
    else:
        new = list(Activity.objects.filter(pk__gt=last).order_by("pk"))
        assert written is None or len(new) == written
        _within_bounds(new, rows if new else [])
        event("written")


def _within_bounds(activities: list[Activity], rows: list[dict[str, Any]] | None) -> None:
    """What was written is what the rows said (no text cut), within ctip's bounds."""
    for activity in activities:
        for name in ("sessions", "participants", "media_items", "sms"):
            value = getattr(activity, name)  # None: the figure was not stated (kept empty)
            assert value is None or 0 <= value <= MAX_COUNT
        assert MIN_DATE <= activity.start_date <= activity.end_date <= MAX_DATE
        assert not CONTROL.search(activity.theme + activity.notes)
    if rows is None:  # the rows went through a conversion (a workbook's cells)
        return
    for activity, row in zip(activities, rows, strict=True):
        assert activity.theme == str(row.get("theme") or "")
        assert activity.notes == str(row.get("notes") or "")


@SETTINGS
@given(rows=ACTIVITY_ROWS)
def test_any_json_rows_are_written_or_refused_with_messages(rows):
    data = _json(*rows)
    _activities_outcome(lambda: import_file(name="x.json", data=data, acting_user=None), rows)


def _cell(value: Any) -> Any:
    """What a workbook can hold of a hostile value (openpyxl writes no control character)."""
    if isinstance(value, list):  # several groups or partners: one cell, separated by commas
        return _cell(", ".join(str(item) for item in value))
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value.encode("utf-8", "replace").decode())
    if isinstance(value, float) and value != value:
        return None
    return value


@SETTINGS
@given(rows=ACTIVITY_ROWS, days=st.lists(st.dates(), min_size=1, max_size=3))
def test_any_workbook_rows_are_written_or_refused_with_messages(rows, days):
    workbook = openpyxl.load_workbook(io.BytesIO(activities_template()))
    sheet = workbook["Hoạt động"]
    for row, day in zip(rows, days * 3, strict=False):
        values = [_cell(row.get(k)) for k in COLUMNS]
        values[2] = day if row["start_date"] == "2022-05-10" else values[2]  # a date cell
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    _activities_outcome(lambda: import_file(name="x.xlsx", data=data, acting_user=None))


@SETTINGS
@given(rows=ACTIVITY_ROWS, dry_run=st.booleans())
def test_any_rows_through_the_command_line(rows, dry_run, tmp_path):
    path = tmp_path / "hoat-dong.json"
    path.write_bytes(_json(*rows))
    options = ["--dry-run"] if dry_run else []
    _activities_outcome(
        lambda: call_command("import", "activities", str(path), *options, stdout=io.StringIO()),
        rows,
    )


@SETTINGS
@given(rows=ACTIVITY_ROWS)
def test_any_rows_through_the_web_upload(rows, police, django_capture_on_commit_callbacks):
    # Each example is a new upload: the same bytes are written once per agency (test_import_jobs).
    ImportJob.objects.all().delete()
    before = _counts()
    job = _upload(police, django_capture_on_commit_callbacks, _json(*rows))
    assert job.status in (ImportStatus.READY, ImportStatus.REJECTED), job.status
    if job.status == ImportStatus.READY:
        job = _confirm(police, django_capture_on_commit_callbacks, job)
        assert job.status == ImportStatus.DONE, job.errors
        assert _counts()["activities"] == before["activities"] + job.written
        event("written")
    else:
        event("refused")
        for message in job.errors:
            assert VIETNAMESE.search(message), message
        page = police.get(f"/hoat-dong/nhap/{job.pk}/")
        assert page.status_code == 200
        assert _counts() == before


PERSONAL = st.one_of(
    st.sampled_from(["\x00", "a\x00b", "\ud800", "x" * (MAX_CELL + 1), "", None]),
    st.text(min_size=1, max_size=20).map(lambda text: f"Người thử {text}"),
)
CASE_ROWS = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "full_name": PERSONAL,
            "identity_document": PERSONAL.map(lambda v: f"CCCD {v}" if v else v),
            "date_of_birth": st.sampled_from(["0001-01-01", "1e20", "\x00", ""]),
            "age": HOSTILE,
            "sex": HOSTILE,
            "nationality": HOSTILE,
            "home_unit": HOSTILE,
            "received_on": HOSTILE,
            "source": HOSTILE,
        },
    ).map(lambda change: {**CASE, "full_name": "Người thử hợp lệ", **change}),
    min_size=1,
    max_size=3,
)


@SETTINGS
@given(rows=CASE_ROWS, command=st.booleans())
def test_any_case_rows_are_written_or_refused_without_personal_values(rows, command, tmp_path):
    agency = Agency.objects.get(code="qng-syt-2025")
    data = _json(*rows)
    path = tmp_path / "ho-so.json"
    path.write_bytes(data)
    before = _counts()
    try:
        if command:
            call_command(
                "import", "cases", str(path), "--agency", agency.code, stdout=io.StringIO()
            )
            written = None
        else:
            written = import_cases(name="a.json", data=data, agency=agency, acting_user=None)
    except (ImportRejected, CommandError) as exc:
        errors = _refused(exc)
        names = [str(r.get(k)) for r in rows for k in ("full_name", "identity_document")]
        assert not any(n in e for n in names if len(n) > 9 for e in errors)
        assert _counts() == before
        event("refused")
    else:
        new = Case.objects.order_by("-pk")[: _counts()["cases"] - before["cases"]]
        assert written is None or len(new) == written
        for case in new:
            assert 0 <= case.age_at_reception <= MAX_AGE and case.received_on >= MIN_DATE
        event("written")


CSV_VALUE = st.one_of(
    HOSTILE.map(lambda v: "" if v is None else str(v)),
    st.sampled_from(["x" * 301, "Xã " + "X" * 120, "2022", "5000"]),
)


def _csv_lines(valid: list[str], extra: int = 0) -> st.SearchStrategy:
    """Lines of a CSV: `valid` with up to two of its cells (or one past its end) hostile."""
    changes = st.dictionaries(st.integers(0, len(valid) - 1 + extra), CSV_VALUE, max_size=2)

    def line(change: dict[int, str]) -> list[str]:
        cells = list(valid)
        for index, value in sorted(change.items()):
            if index < len(cells):
                cells[index] = value
            else:
                cells.append(value)
        return cells

    return st.lists(changes.map(line), min_size=1, max_size=3)


def _csv(header: str, lines: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header.strip().split(","), *lines])
    return out.getvalue().encode("utf-8", "surrogatepass")


@SETTINGS
@given(
    lines=_csv_lines(["21142", "commune", "2022", "5000", "Niên giám 2022"], extra=1),
    command=st.booleans(),
)
def test_any_population_rows_are_written_or_refused_with_messages(lines, command, tmp_path):
    data = _csv(POPULATION_HEADER, lines)
    path = tmp_path / "dan-so.csv"
    path.write_bytes(data)
    before = _counts()
    try:
        if command:
            call_command("import", "population", str(path), stdout=io.StringIO())
        else:
            population_import_csv(data=data, acting_user=None)
    except (ImportRejected, CommandError) as exc:
        _refused(exc)
        assert _counts() == before
        event("refused")
    else:
        for population in Population.objects.all():
            assert 0 <= population.population <= MAX_COUNT and population.year >= MIN_YEAR
            assert not CONTROL.search(population.source) and len(population.source) <= 300
        event("written")


@SETTINGS
@given(lines=_csv_lines(["99901", "Xã Thử", "commune", "522", "", "31/12/2019", "21019"]))
def test_any_unit_rows_are_written_or_refused_with_messages(lines):
    data = _csv(UNITS_HEADER, lines)
    before = _counts()
    try:
        units_import_csv(data=data, acting_user=None)
    except UnitImportError as exc:
        _refused(exc)
        assert _counts() == before
        event("refused")
    else:
        event("written")
