"""International cooperation, inspections and campaigns recorded and listed over HTTP."""

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.cooperation.models import CooperationActivity
from ctip.cooperation.services import inspection_record
from ctip.core.models import AuditEntry
from ctip.enforcement.models import Campaign, Inspection
from ctip.geo.models import Level
from tests.conftest import unit
from tests.factories import CriminalCaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 1)
NEW = date(2026, 1, 1)

COOPERATION = {
    "kind": "joint_investigation",
    "counterpart_country": "la",
    "counterpart": "Công an tỉnh Attapeu",
    "start": "01/09/2025",
    "end": "03/09/2025",
    "summary": "Phối hợp xác minh đường dây",
    "case_numbers": "",
}
INSPECTION = {
    "on": "01/09/2025",
    "unit": "21157",
    "establishment_kind": "karaoke",
    "findings": "Không đăng ký lao động",
    "violations": "2",
    "sanctions_vnd": "15000000",
}
CAMPAIGN = {
    "name": "Cao điểm tấn công trấn áp tội phạm mua bán người 2025",
    "kind": "crackdown",
    "start": "01/08/2025",
    "end": "30/09/2025",
    "case_numbers": "",
}


def _case():
    """A case just detected by the provincial police: seen by its investigators only."""
    return CriminalCaseFactory(detected_on=DAY, suspects_count=1)


def _counts():
    return (
        CooperationActivity.objects.count(),
        Inspection.objects.count(),
        Campaign.objects.count(),
        AuditEntry.objects.count(),
    )


def _log_in_with_factor(client, user):
    log_in(client, user, add_totp(user))
    return client


@pytest.fixture
def investigator(client):
    user = make_user("dieutra", "investigator", agency="qng-ca-2025")
    return _log_in_with_factor(client, user)


@pytest.fixture
def officer(client):
    log_in(client, make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"))
    return client


def test_cooperation_is_recorded_for_the_own_agency_with_its_cases_and_listed(investigator):
    case = _case()
    response = investigator.post("/hop-tac/them/", {**COOPERATION, "case_numbers": case.number})
    assert response.status_code == 302
    activity = CooperationActivity.objects.get()
    assert (activity.agency.code, activity.counterpart_country) == ("qng-ca-2025", "LA")
    assert list(activity.criminal_cases.all()) == [case]
    audit = AuditEntry.objects.get(action="cooperation.record")
    assert audit.object_id == str(activity.pk) and audit.actor.username == "dieutra"
    page = investigator.get("/hop-tac/").content.decode()
    assert "Công an tỉnh Attapeu" in page and "01/09/2025" in page
    assert "Attapeu" in investigator.get("/hop-tac/?year=2025&kind=joint_investigation").text
    assert "Attapeu" not in investigator.get("/hop-tac/?year=2024").text
    assert "Attapeu" not in investigator.get("/hop-tac/?kind=training").text


def test_another_agency_does_not_see_the_police_cooperation(investigator, client):
    investigator.post("/hop-tac/them/", COOPERATION)
    assert CooperationActivity.objects.count() == 1
    client.logout()
    log_in(client, make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"))
    assert "Attapeu" not in client.get("/hop-tac/").text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end": "31/08/2025"}, "Ngày kết thúc trước ngày bắt đầu."),
        ({"counterpart_country": "XX"}, "Không nhận ra nước “XX”; chọn nước trong danh sách."),
        ({"case_numbers": "VA-KHONG-CO"}, "Không có vụ án số VA-KHONG-CO trong phạm vi của bạn."),
    ],
)
def test_bad_cooperation_input_is_explained_and_writes_nothing(investigator, change, message):
    before = _counts()
    response = investigator.post("/hop-tac/them/", {**COOPERATION, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _counts() == before


def test_a_case_the_user_may_not_see_cannot_be_linked(client):
    case = _case()  # just detected: not yet the procuracy's
    _log_in_with_factor(client, make_user("kiemsat", "prosecutor", agency="qng-vks-2025"))
    before = _counts()
    response = client.post("/hop-tac/them/", {**COOPERATION, "case_numbers": case.number})
    assert f"Không có vụ án số {case.number} trong phạm vi của bạn." in response.text
    assert _counts() == before


def test_inspection_is_recorded_with_audit_and_listed_with_vietnamese_numbers(officer):
    assert officer.post("/kiem-tra/them/", INSPECTION).status_code == 302
    inspection = Inspection.objects.get()
    assert (inspection.agency.code, inspection.unit.code) == ("qng-bdbp-2025", 21157)
    assert (inspection.violations, inspection.sanctions_vnd) == (2, 15_000_000)
    assert AuditEntry.objects.filter(
        action="enforcement.inspection_record", object_id=str(inspection.pk)
    ).exists()
    page = officer.get("/kiem-tra/").text
    assert "karaoke" in page and "15.000.000" in page and "01/09/2025" in page
    assert "karaoke" not in officer.get("/kiem-tra/?year=2024").text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"violations": "-1"}, "Số vi phạm và tiền xử phạt không được âm."),
        ({"sanctions_vnd": "-5000"}, "Số vi phạm và tiền xử phạt không được âm."),
        ({"unit": "99999"}, "Không có đơn vị hành chính mã này."),
    ],
)
def test_bad_inspection_input_is_explained_and_writes_nothing(officer, change, message):
    before = _counts()
    response = officer.post("/kiem-tra/them/", {**INSPECTION, **change})
    assert response.status_code == 200 and message in response.text
    assert _counts() == before


def test_inspection_pages_keep_the_filter(officer):
    agency = Agency.objects.get(code="qng-bdbp-2025")
    place = unit(21157, Level.COMMUNE, NEW)
    for day in range(1, 27):
        for kind in ("karaoke", "massage"):
            inspection_record(
                agency=agency,
                unit=place,
                on=date(2025, 9, day),
                establishment_kind=kind,
                acting_user=None,
            )
    first = officer.get("/kiem-tra/?year=2025").text
    assert "Trang 1/2" in first and "?year=2025&amp;page=2" in first
    assert "Trang 2/2" in officer.get("/kiem-tra/?year=2025&page=2").text


def test_campaign_is_recorded_and_its_detail_shows_only_visible_cases(investigator, client):
    case = _case()
    response = investigator.post("/dot-cao-diem/them/", {**CAMPAIGN, "case_numbers": case.number})
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response.url == f"/dot-cao-diem/{campaign.pk}/"
    assert campaign.lead.code == "qng-ca-2025" and list(campaign.cases.all()) == [case]
    assert AuditEntry.objects.filter(action="enforcement.campaign_record").count() == 1
    assert CAMPAIGN["name"] in investigator.get("/dot-cao-diem/").text
    detail = investigator.get(f"/dot-cao-diem/{campaign.pk}/").text
    assert case.number in detail and "01/08/2025" in detail
    client.logout()
    _log_in_with_factor(client, make_user("kiemsat", "prosecutor", agency="qng-vks-2025"))
    detail = client.get(f"/dot-cao-diem/{campaign.pk}/").text
    assert CAMPAIGN["name"] in detail and case.number not in detail


def test_bad_campaign_input_is_explained_and_writes_nothing(officer):
    before = _counts()
    response = officer.post("/dot-cao-diem/them/", {**CAMPAIGN, "end": "31/07/2025"})
    assert response.status_code == 200
    assert "Ngày kết thúc trước ngày bắt đầu." in response.text
    assert _counts() == before


def test_leader_reads_but_records_nothing(client):
    log_in(client, make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)))
    before = _counts()
    for url, data in (
        ("/hop-tac/them/", COOPERATION),
        ("/kiem-tra/them/", INSPECTION),
        ("/dot-cao-diem/them/", CAMPAIGN),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403
    assert _counts() == before
    page = client.get("/hop-tac/")
    assert page.status_code == 200 and "/hop-tac/them/" not in page.text


def test_anonymous_is_sent_to_login_and_nothing_changes(client):
    before = _counts()
    response = client.post("/kiem-tra/them/", INSPECTION)
    assert response.status_code == 302 and response.url.startswith("/dang-nhap/")
    assert _counts() == before


def test_menu_lists_the_registers(officer):
    page = officer.get("/").text
    for url in ("/hop-tac/", "/kiem-tra/", "/dot-cao-diem/"):
        assert f'href="{url}"' in page


def test_an_establishment_kind_too_long_is_refused_on_every_database():
    from ctip.cooperation.services import RecordError

    with pytest.raises(RecordError, match="quá dài"):
        inspection_record(
            agency=Agency.objects.get(code="qng-ca-2025"),
            unit=Agency.objects.get(code="qng-ca-2025").unit,
            on=date(2026, 3, 1),
            establishment_kind="x" * 61,
            acting_user=None,
        )
    assert not Inspection.objects.exists()
