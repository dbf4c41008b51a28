"""A record is refused in a unit outside its agency's area (issue 23, build 2): a Border Guard
officer of Quảng Ngãi saved an activity in a Hà Nội ward, which then vanished from the
province's dashboards; a commune's officer could record in another commune. Every service that
writes a record with a unit refuses it with a message naming the unit and the agency, and the
web forms show that message; archive records in units from before the 2025 merger still pass."""

import io
import json
from datetime import date

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ctip.agencies.models import Agency
from ctip.cooperation.models import CooperationActivity
from ctip.cooperation.services import RecordError, cooperation_record, inspection_record
from ctip.core.models import AuditEntry
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.models import CriminalCase, Inspection, WatchEntry
from ctip.enforcement.services import criminal_case_create, criminal_case_update
from ctip.enforcement.watchlist import WatchError, watch_open
from ctip.geo.area import unit_label
from ctip.geo.models import Level, Unit
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import COLUMNS, ImportRejected, Spec
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from ctip.prevention.services import activity_create, activity_update
from ctip.prevention.spreadsheets import activities_template
from tests.conftest import NEW, unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

DAY = date(2025, 9, 10)  # after the merger
OLD_DAY = date(2024, 5, 10)  # before it
BORDER_GUARD = "Ban Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ngãi"
# Phường Tây Hồ of Hà Nội (GSO 103 from 1/7/2025; a small code would name a province first in the
# importer, which prefers the higher level); 21157 (Tây Trà Bồng) and 21025 are communes of the
# merged Quảng Ngãi; Xã Ya Ly (23548) lies in old Kon Tum's part of it.
HANOI_WARD, HOME, NEIGHBOUR, KON_TUM_PART = 103, 21157, 21025, 23548
OUTSIDE = f"Phường Tây Hồ (Hà Nội) không thuộc địa bàn của {BORDER_GUARD}."


def _commune(code: int, day: date = DAY) -> Unit:
    return Unit.objects.valid_on(day).get(code=code, level__in=(Level.COMMUNE,))


def _hanoi() -> Unit:
    return _commune(HANOI_WARD)


def _old_kon_tum_commune() -> Unit:
    """A commune of old Kon Tum as it stood in 2024 (now inside the merged Quảng Ngãi)."""
    return (
        Unit.objects.valid_on(OLD_DAY)
        .filter(level=Level.COMMUNE, parent__parent__code=62)
        .order_by("code")
        .first()
    )


WRITES = (
    "prevention.activity_create",
    "prevention.activity_update",
    "prevention.activities_import",
    "enforcement.case_create",
    "enforcement.inspection_record",
    "enforcement.watch_open",
    "cooperation.record",
)


def _writes() -> tuple[int, ...]:
    """Records of every kind the tests try, and the audit rows of their writes."""
    return (
        Activity.objects.count(),
        CriminalCase.objects.count(),
        Inspection.objects.count(),
        WatchEntry.objects.count(),
        CooperationActivity.objects.count(),
        AuditEntry.objects.filter(action__in=WRITES).count(),
    )


def _row(**changes):
    return {
        "agency": "qng-bdbp-2025",
        "kind": "session",
        "start_date": DAY.isoformat(),
        "end_date": DAY.isoformat(),
        "unit": HOME,
        "sessions": 1,
        "participants": 30,
        "target_groups": ["public"],
        **changes,
    }


def _workbook(rows):
    workbook = openpyxl.load_workbook(io.BytesIO(activities_template()))
    sheet = workbook["Hoạt động"]
    for values in rows:
        cells = {**values, "target_groups": ", ".join(values.get("target_groups", []))}
        sheet.append([cells.get(k) for k in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _spec(**changes):
    values = {
        "agency_id": Agency.objects.get(code="qng-bdbp-2025").pk,
        "kind": "session",
        "start_date": DAY,
        "end_date": DAY,
        "unit_id": _commune(HOME).pk,
        "sessions": 1,
    }
    return Spec(**{**values, **changes})


# --- the shared check ---------------------------------------------------------------------------


def test_the_message_names_the_unit_with_its_province():
    assert unit_label(_hanoi()) == "Phường Tây Hồ (Hà Nội)"
    old = Unit.objects.valid_on(OLD_DAY).get(code=1, level=Level.COMMUNE)  # under a district
    assert unit_label(old) == f"{old.name} (Hà Nội)"
    assert unit_label(unit(51, Level.PROVINCE, NEW)) == "Tỉnh Quảng Ngãi"


# --- prevention activities: import (JSON, workbook), service --------------------------------------


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_an_import_with_one_row_outside_the_area_writes_nothing(kind):
    rows = [_row(), _row(unit=HANOI_WARD)]
    data = json.dumps(rows).encode() if kind == "json" else _workbook(rows)
    before = _writes()
    with pytest.raises(ImportRejected) as caught:
        import_file(name=f"a.{kind}", data=data, acting_user=None)
    assert f"Dòng {2 if kind == 'json' else 3}, cột “Mã địa bàn”: {OUTSIDE}" in (
        caught.value.errors
    ), caught.value.errors
    assert _writes() == before


def test_a_commune_agency_records_only_in_its_commune():
    home = Agency.objects.valid_on(DAY).get(unit=_commune(HOME), kind="people_committee")
    row = _row(agency=home.code, unit=NEIGHBOUR)
    with pytest.raises(ImportRejected) as caught:
        import_file(name="a.json", data=json.dumps([row]).encode(), acting_user=None)
    neighbour = _commune(NEIGHBOUR)
    expected = f"{neighbour.name} (Quảng Ngãi) không thuộc địa bàn của {home.name}."
    assert any(e.endswith(expected) for e in caught.value.errors), caught.value.errors
    assert not Activity.objects.exists()
    ok = json.dumps([_row(agency=home.code, unit=HOME)]).encode()
    assert import_file(name="a.json", data=ok, acting_user=None) == 1


def test_the_service_refuses_a_spec_outside_the_area_on_create_and_update():
    before = _writes()
    with pytest.raises(ValidationError, match=r"Phường Tây Hồ \(Hà Nội\) không thuộc địa bàn"):
        activity_create(spec=_spec(unit_id=_hanoi().pk), acting_user=None)
    assert _writes() == before
    activity = activity_create(spec=_spec(), acting_user=None)
    with pytest.raises(ValidationError, match="không thuộc địa bàn của " + BORDER_GUARD):
        activity_update(activity=activity, spec=_spec(unit_id=_hanoi().pk), acting_user=None)
    activity.refresh_from_db()
    assert activity.unit.code == HOME
    assert not AuditEntry.objects.filter(action="prevention.activity_update").exists()


def test_inside_the_area_and_pre_merger_units_are_accepted():
    """A commune of old Kon Tum's part of the merged province; an archive record of 2024 by the
    merged province's agency in a commune of old Kon Tum (a predecessor it covers); a district
    police's own commune before the merger."""
    activity_create(spec=_spec(unit_id=_commune(KON_TUM_PART).pk), acting_user=None)
    old = _old_kon_tum_commune()
    activity_create(
        spec=_spec(start_date=OLD_DAY, end_date=OLD_DAY, unit_id=old.pk), acting_user=None
    )
    rows = [
        _row(unit=KON_TUM_PART),
        _row(start_date=OLD_DAY.isoformat(), end_date=OLD_DAY.isoformat(), unit=old.code),
    ]
    assert import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None) == 2
    assert Activity.objects.count() == 4
    police = Agency.objects.get(code="qng-ca-2025")
    case = criminal_case_create(
        owner=police, detected_on=OLD_DAY, source="border_check", unit=old, acting_user=None
    )
    assert case.unit == old


def test_an_old_province_agency_does_not_cover_the_other_old_province():
    """Before the merger, the old Quảng Ngãi's Border Guard did not work in Kon Tum."""
    old = Agency.objects.get(code="qng-bdbp")
    row = _row(
        agency=old.code,
        start_date=OLD_DAY.isoformat(),
        end_date=OLD_DAY.isoformat(),
        unit=_old_kon_tum_commune().code,
    )
    with pytest.raises(ImportRejected, match=f"không thuộc địa bàn của {old.name}"):
        import_file(name="a.json", data=json.dumps([row]).encode(), acting_user=None)


# --- criminal cases, inspections, watch entries, cooperation: services ---------------------------


def test_a_criminal_case_outside_the_owners_area_is_refused():
    police = Agency.objects.get(code="qng-ca-2025")
    before = _writes()
    with pytest.raises(EnforcementError) as caught:
        criminal_case_create(
            owner=police, detected_on=DAY, source="border_check", unit=_hanoi(), acting_user=None
        )
    assert str(caught.value) == (
        "Phường Tây Hồ (Hà Nội) không thuộc địa bàn của Công an tỉnh Quảng Ngãi."
    )
    assert _writes() == before
    case = criminal_case_create(
        owner=police, detected_on=DAY, source="border_check", unit=_commune(HOME), acting_user=None
    )
    investigator = make_user("dieutra", "investigator", agency="qng-ca-2025")
    with pytest.raises(EnforcementError, match="Không sửa được"):  # the unit is not editable
        criminal_case_update(case=case, acting_user=investigator, unit=_hanoi())
    assert CriminalCase.objects.get().unit.code == HOME


def test_an_inspection_outside_the_agencys_area_is_refused():
    before = _writes()
    with pytest.raises(RecordError) as caught:
        inspection_record(
            agency=Agency.objects.get(code="qng-bdbp-2025"),
            unit=_hanoi(),
            on=DAY,
            establishment_kind="karaoke",
            acting_user=None,
        )
    assert str(caught.value) == OUTSIDE
    assert _writes() == before


def _watch(officer, code):
    return watch_open(
        category="long_absent",
        unit=_commune(code, NEW),
        officer=officer,
        lawful_basis="Luật 53/2024/QH15",
        purpose="Phòng ngừa",
        opened_on=DAY,
        review_on=date(2026, 8, 1),
        full_name="Người thử nghiệm",
        acting_user=officer,
    )


def test_a_watch_entry_outside_the_users_territory_is_refused():
    officer = make_user("xa", "commune_officer", unit=_commune(HOME, NEW))
    before = _writes()
    with pytest.raises(WatchError) as caught:
        _watch(officer, NEIGHBOUR)
    neighbour = _commune(NEIGHBOUR, NEW)
    assert str(caught.value) == f"{neighbour.name} (Quảng Ngãi) không thuộc địa bàn của bạn."
    assert _writes() == before
    assert _watch(officer, HOME).unit.code == HOME


def test_cooperation_for_an_agency_outside_the_users_scope_is_refused():
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("bienphong", "agency_officer", agency="qng-bdbp-2025")
    values = {
        "kind": "information",
        "counterpart_country": "LA",
        "counterpart": "Lực lượng bảo vệ biên giới tỉnh Attapeu",
        "start": DAY,
        "end": DAY,
        "acting_user": officer,
    }
    before = _writes()
    with pytest.raises(RecordError) as caught:
        cooperation_record(agency=police, **values)
    assert str(caught.value) == (
        "Bạn chỉ ghi nhận được cho cơ quan của mình; Công an tỉnh Quảng Ngãi không thuộc phạm vi "
        "của bạn."
    )
    assert _writes() == before
    own = cooperation_record(agency=Agency.objects.get(code="qng-bdbp-2025"), **values)
    assert own.agency.code == "qng-bdbp-2025"


# --- the web: each refusal is the form's message, nothing written ------------------------------


@pytest.fixture
def border_guard(client):
    log_in(client, make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"))
    return client


FORM = {
    "agency": "qng-bdbp-2025",
    "kind": "session",
    "start_date": "10/09/2025",
    "end_date": "10/09/2025",
    "unit": str(HANOI_WARD),
    "sessions": "2",
    "participants": "80",
    "media_items": "0",
    "sms": "0",
    "target_groups": ["public"],
    "campaign": "",
    "theme": "",
    "notes": "",
}


def test_the_activity_form_shows_the_refusal(border_guard):
    before = _writes()
    response = border_guard.post("/hoat-dong/them/", FORM)
    assert response.status_code == 200
    assert OUTSIDE in response.content.decode()
    assert _writes() == before
    assert border_guard.post("/hoat-dong/them/", {**FORM, "unit": str(HOME)}).status_code == 302


def test_a_workbook_upload_with_a_row_outside_the_area_writes_nothing(
    border_guard, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("hoat-dong.xlsx", _workbook([_row(), _row(unit=HANOI_WARD)]))
    with django_capture_on_commit_callbacks(execute=True):
        border_guard.post("/hoat-dong/nhap/", {"file": upload})
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED
    assert f"Dòng 3, cột “Mã địa bàn”: {OUTSIDE}" in job.errors
    page = border_guard.get(f"/hoat-dong/nhap/{job.pk}/").content.decode()
    assert "Phường Tây Hồ (Hà Nội) không thuộc địa bàn" in page
    assert border_guard.post(f"/hoat-dong/nhap/{job.pk}/").status_code == 200
    assert not Activity.objects.exists()


def test_the_criminal_case_form_shows_the_refusal(client):
    investigator = make_user("dieutra", "investigator", agency="qng-ca-2025")
    log_in(client, investigator, add_totp(investigator))
    form = {
        "detected_on": "10/09/2025",
        "source": "border_check",
        "unit": str(HANOI_WARD),
        "suspects_count": "0",
        "unregistered_victims": "0",
    }
    before = _writes()
    response = client.post("/vu-an/them/", form)
    assert response.status_code == 200
    message = "Phường Tây Hồ (Hà Nội) không thuộc địa bàn của Công an tỉnh Quảng Ngãi."
    assert message in response.content.decode()
    assert _writes() == before


def test_the_inspection_form_shows_the_refusal(border_guard):
    client = border_guard
    form = {
        "on": "10/09/2025",
        "unit": str(HANOI_WARD),
        "establishment_kind": "karaoke",
        "findings": "",
        "violations": "0",
        "sanctions_vnd": "0",
    }
    before = _writes()
    response = client.post("/kiem-tra/them/", form)
    assert response.status_code == 200 and OUTSIDE in response.content.decode()
    assert _writes() == before


def test_the_watch_form_shows_the_refusal(client):
    officer = make_user("xa", "commune_officer", unit=_commune(HOME, NEW))
    log_in(client, officer, add_totp(officer))
    form = {
        "category": "overstaying",
        "full_name": "Người thử nghiệm",
        "unit": str(NEIGHBOUR),
        "lawful_basis": "Luật 53/2024/QH15",
        "purpose": "Phòng ngừa",
        "review_on": "01/06/2027",
        "check_every_days": "30",
    }
    before = _writes()
    response = client.post("/theo-doi/them/", form)
    assert response.status_code == 200
    assert "không thuộc địa bàn của bạn" in response.content.decode()
    assert _writes() == before


def test_the_cooperation_form_shows_a_refusal_of_the_service(border_guard, monkeypatch):
    """The page records for the user's own agency; were it ever to pass another, the service's
    refusal is the form's message (never a 500, never a success)."""
    client = border_guard
    police = Agency.objects.get(code="qng-ca-2025")
    monkeypatch.setattr("ctip.cooperation.views.agency_acting_for", lambda user, perm: police)
    form = {
        "kind": "information",
        "counterpart_country": "LA",
        "counterpart": "Công an tỉnh Attapeu",
        "start": "10/09/2025",
        "end": "10/09/2025",
        "summary": "",
        "case_numbers": "",
    }
    before = _writes()
    response = client.post("/hop-tac/them/", form)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Công an tỉnh Quảng Ngãi không thuộc phạm vi của bạn." in text
    assert "Đã ghi hoạt động hợp tác quốc tế." not in text
    assert _writes() == before
