"""The national scope (issue 27, ADR 0016): a ministry user assigned to the country reads the
national dashboard and compiles the national review; a province user reads neither."""

import json
import re
from datetime import date

import pytest

from ctip.accounts.scope import scoped
from ctip.core.permissions import P
from ctip.dashboard.panels import user_scope
from ctip.geo.models import Level, Unit
from ctip.geo.selectors import national_unit, records_in
from ctip.prevention.models import Activity
from ctip.reporting.errors import ReportError
from ctip.reporting.models import ReportTemplate
from ctip.reporting.services import compilation_start, report_create
from tests.conftest import NEW, OLD, unit
from tests.factories import ActivityFactory
from tests.helpers import log_in, make_user

pytestmark = pytest.mark.django_db
PERIOD = "tu=01/01/2022&den=31/12/2022"


def island(html, key):
    """The rows a chart is drawn from (its JSON data island)."""
    found = re.search(rf'<script id="data-{key}" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


def kon_tum_commune():
    return (
        unit(62, Level.PROVINCE, OLD)
        .children.get(code=611)  # Thành phố Kon Tum
        .children.order_by("code")
        .first()
    )


@pytest.fixture
def activities(db):
    ActivityFactory(sessions=3, participants=50)  # old Quảng Ngãi, 2022
    ActivityFactory(sessions=2, participants=30, agency="kt-ca", unit=kon_tum_commune())


def test_the_ministry_reads_the_national_dashboard(client, activities):
    country = national_unit()
    ministry = make_user("bo", "leader", unit=country)
    scope = user_scope(ministry)
    assert scope is not None and scope.unit == country
    assert scoped(Activity.objects, ministry, P.VIEW_ACTIVITIES, unit_field="unit").count() == 2
    log_in(client, ministry)
    response = client.get(f"/bang-dieu-khien/?{PERIOD}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Việt Nam ·" in html
    # Both old provinces' sessions (3 in old Quảng Ngãi, 2 in old Kon Tum), by today's province:
    # both are in today's Quảng Ngãi (tests/test_national_reading.py has the breakdown's cases).
    assert '"key": "2022-05", "name": "05/2022", "value": 5}' in html
    by_province = island(html, "prevention-3")
    assert sorted(r["value"] for r in by_province) == [5]


def test_a_province_user_cannot_read_the_national_figures(client, activities):
    province = unit(51, Level.PROVINCE, NEW)
    country = national_unit()
    assert country is not None
    # The country lies outside every province's area (the cover runs downwards only).
    assert not records_in(Unit.objects.filter(pk=country.pk), province, field="pk").exists()
    leader = make_user("tinh", "leader", unit=province)
    assert user_scope(leader).unit == province
    log_in(client, leader)
    html = client.get(f"/bang-dieu-khien/?{PERIOD}&dv=0").content.decode()
    assert "<p>Việt Nam ·" not in html
    assert f"<p>{province.name} ·" in html
    other = make_user("hanoi", "leader", unit=unit(1, Level.PROVINCE, NEW))
    assert scoped(Activity.objects, other, P.VIEW_ACTIVITIES, unit_field="unit").count() == 0


def national_review(acting_user):
    return report_create(
        template=ReportTemplate.objects.get(code="actip-review"),
        unit=national_unit(),
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        acting_user=acting_user,
    )


def test_the_ministry_compiles_the_national_review(activities):
    office = make_user("thuongtruc", "standing_office", unit=national_unit())
    report = national_review(office)
    result = compilation_start(report=report, acting_user=office, run_now=True).result
    assert result["header"]["authority"] == ["BỘ CÔNG AN"]
    assert result["header"]["place_date"].startswith("Hà Nội, ")
    # Old Quảng Ngãi's 3 sessions and old Kon Tum's 2; 50 + 30 participants.
    figures = [text for block in result["body"] for text, ref in block["segments"] if ref]
    assert "5" in figures and "80" in figures


def test_a_province_cannot_compile_the_national_review(activities):
    office = make_user("tinh", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    with pytest.raises(ReportError):
        national_review(office)


def request_post(client, user):
    client.logout()
    log_in(client, user)
    return client.post(
        "/bao-cao/yeu-cau/them/",
        {
            "number_symbol": "15/BCĐ-VP",
            "date_issued": "01/06/2026",
            "issuer": "Văn phòng Chính phủ",
            "template": ReportTemplate.objects.get(code="six-month").pk,
            "unit": "0",
            "unit_text": "",
            "period_start": "01/01/2026",
            "period_end": "30/06/2026",
            "recipients": "Văn phòng Chính phủ",
        },
    )


def test_only_the_ministry_requests_the_national_review(client, db):
    from ctip.reporting.models import Report

    office = make_user("tinh", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    refused = request_post(client, office)
    assert refused.status_code == 200
    assert refused.context["form"].errors.get("unit")
    assert not Report.objects.exists()
    ministry = make_user("bo", "standing_office", unit=national_unit())
    made = request_post(client, ministry)
    assert made.status_code == 302, made.context["form"].errors
    report = Report.objects.get()
    assert report.unit == national_unit() and report.authority == "Bộ Công an"
