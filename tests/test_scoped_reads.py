"""Reads that were once national: campaigns, directives and the reporting completeness page show
a user the records of their own scope, and nothing (or the same 404 as a missing record) else."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from ctip.agencies.models import Agency
from ctip.cooperation.services import campaign_record
from ctip.directives.models import Document
from ctip.directives.services import document_create, task_assign
from ctip.geo.models import Level, Unit
from ctip.reporting.contributions import contributions_assign
from ctip.reporting.models import Contribution, ReportTemplate
from ctip.reporting.services import report_request_register
from tests.conftest import NEW, unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db


def a(code: str) -> Agency:
    return Agency.objects.get(code=code)


def hanoi() -> Unit:
    return unit(1, Level.PROVINCE, NEW)


def browser(user, *, factor: bool = False) -> Client:
    client = Client()
    log_in(client, user, add_totp(user) if factor else None)
    return client


# --- campaigns ---------------------------------------------------------------------------------

CAMPAIGN_NAME = "Cao điểm trấn áp mua bán người quý III"


@pytest.fixture
def campaign():
    return campaign_record(
        name=CAMPAIGN_NAME,
        kind="crackdown",
        start=date(2025, 8, 1),
        end=date(2025, 9, 30),
        lead=a("qng-ca-2025"),
        acting_user=None,
    )


@pytest.mark.parametrize(
    ("role", "where"),
    [
        ("investigator", {"agency": "qng-ca-2025"}),  # the lead agency
        ("agency_officer", {"agency": "qng-hlhpn-2025"}),  # an agency of the lead's province
        ("leader", {"unit": "province"}),
    ],
)
def test_campaigns_of_the_own_scope_are_listed_and_open(campaign, role, where):
    client = _campaign_reader(role, where)
    assert CAMPAIGN_NAME in client.get("/dot-cao-diem/").text
    assert client.get(f"/dot-cao-diem/{campaign.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("role", "where"),
    [
        ("leader", {"unit": "hanoi"}),  # another province
        ("commune_officer", {"unit": "commune"}),  # a commune: the province's lead is above it
        ("agency_officer", {"agency": "hn-ca"}),  # an agency of another province
    ],
)
def test_campaigns_outside_the_scope_are_not_listed_and_404(campaign, role, where):
    client = _campaign_reader(role, where)
    assert CAMPAIGN_NAME not in client.get("/dot-cao-diem/").text
    missing = client.get("/dot-cao-diem/999999/").status_code
    assert client.get(f"/dot-cao-diem/{campaign.pk}/").status_code == missing == 404


def _campaign_reader(role: str, where: dict) -> Client:
    Agency.objects.create(
        code="hn-ca", name="Công an thành phố Hà Nội", kind="police", unit=hanoi()
    )
    places = {
        "province": unit(51, Level.PROVINCE, NEW),
        "hanoi": hanoi(),
        "commune": unit(21157, Level.COMMUNE, NEW),
    }
    kwargs = {"unit": places[where["unit"]]} if "unit" in where else where
    user = make_user("nguoidoc", role, **kwargs)
    return browser(user, factor=role in ("investigator", "commune_officer"))


# --- directives --------------------------------------------------------------------------------


@pytest.fixture
def document():
    """Recorded by the police (before the merger), issued with the border guard, a task for the
    women's union."""
    doc = document_create(
        number_symbol="34/KH-UBND",
        date_issued=date(2025, 9, 19),
        subject="Kế hoạch phòng, chống mua bán người",
        issuer_name="UBND tỉnh",
        recorded_by=a("qng-ca"),
        issuers=[a("qng-bdbp-2025")],
        acting_user=None,
    )
    task_assign(
        document=doc,
        agency=a("qng-hlhpn-2025"),
        description="Tuyên truyền tại cộng đồng",
        deadline=None,
        acting_user=None,
    )
    return doc


@pytest.mark.parametrize(
    ("role", "where"),
    [
        ("agency_officer", {"agency": "qng-ca-2025"}),  # recorded it (as its predecessor)
        ("agency_officer", {"agency": "qng-bdbp-2025"}),  # issued it
        ("agency_officer", {"agency": "qng-hlhpn-2025"}),  # was given a task in it
        ("leader", {"unit": "province"}),
        ("standing_office", {"unit": "province"}),
    ],
)
def test_directives_of_the_own_scope_are_found_and_open(document, role, where):
    client = browser(_user(role, where))
    assert "34/KH-UBND" in client.get("/van-ban/?q=ke+hoach").text
    assert client.get(f"/van-ban/{document.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("role", "where"),
    [
        ("agency_officer", {"agency": "qng-sgddt-2025"}),  # neither issued, recorded nor tasked
        ("leader", {"unit": "hanoi"}),
        ("standing_office", {"unit": "hanoi"}),
        ("system_admin", {}),
    ],
)
def test_directives_outside_the_scope_are_not_found_and_404(document, role, where):
    client = browser(_user(role, where))
    assert "34/KH-UBND" not in client.get("/van-ban/?q=ke+hoach").text
    missing = client.get("/van-ban/999999/").status_code
    assert client.get(f"/van-ban/{document.pk}/").status_code == missing == 404
    assert Document.objects.count() == 1


def _user(role: str, where: dict):
    places = {"province": unit(51, Level.PROVINCE, NEW), "hanoi": hanoi()}
    kwargs = {"unit": places[where["unit"]]} if "unit" in where else where
    return make_user("nguoidoc", role, **kwargs)


# --- reporting completeness --------------------------------------------------------------------


def _request_with_a_part(province: Unit, agency: Agency) -> Contribution:
    """A request of this year registered for `province`, the police given a part of it."""
    today = timezone.localdate()
    office = make_user(f"vp{province.pk}", "standing_office", unit=province)
    request = report_request_register(
        number_symbol=f"{province.pk}/BCĐ-VP",
        date_issued=today,
        issuer="Ban Chỉ đạo 138",
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province,
        period_start=date(today.year, 1, 1),
        period_end=today,
        acting_user=office,
    )
    (part,) = contributions_assign(
        request=request, agencies=[agency], deadline=today, acting_user=office
    )
    return part


def test_completeness_shows_the_own_province_only():
    _request_with_a_part(unit(51, Level.PROVINCE, NEW), a("qng-ca-2025"))
    own = browser(make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)))
    assert "Công an tỉnh Quảng Ngãi" in own.get("/bao-cao/tinh-hinh-gui/").text
    other = browser(make_user("lanhdaohn", "leader", unit=hanoi()))
    page = other.get("/bao-cao/tinh-hinh-gui/")
    assert page.status_code == 200 and "Công an tỉnh Quảng Ngãi" not in page.text


def test_completeness_without_a_territory_shows_no_province_not_even_the_first():
    """The page once fell back to the first province in force: a reader of reports with no
    territory saw that province's agencies."""
    first = (
        Unit.objects.valid_on(timezone.localdate())
        .filter(level=Level.PROVINCE)
        .order_by("pk")
        .first()
    )
    police = Agency.objects.create(
        code="first-ca", name="Công an tỉnh Thứ Nhất", kind="police", unit=first
    )
    _request_with_a_part(first, police)
    reader = browser(make_user("khongdiaban", "leader"))
    page = reader.get("/bao-cao/tinh-hinh-gui/")
    assert page.status_code == 200 and "Công an tỉnh Thứ Nhất" not in page.text
    assert "Chưa có yêu cầu báo cáo nào trong năm." in page.text
