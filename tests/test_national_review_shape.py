"""The national review shaped as a national document (issue 27, ADR 0016): its agency-work
section speaks of sectors, not of each province's agencies; its annex by unit lists provinces,
not communes; its request form offers the country in words that say so."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.agencies.models import Agency
from ctip.geo.derived import units_refresh_rollup
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.selectors import national_unit
from ctip.indicators.queries import compute
from ctip.indicators.raw import records_behind
from ctip.periods.locks import IssuedPeriod, live_values
from ctip.prevention.models import Activity, VolunteerCount, VolunteerTeam
from ctip.reporting.models import ReportTemplate
from ctip.reporting.render import paragraph_text
from ctip.reporting.services import compilation_start, report_create
from tests.conftest import NEW, unit
from tests.factories import ActivityFactory
from tests.helpers import log_in, make_user
from tests.test_national_access import kon_tum_commune, national_review
from tests.test_national_reading import review_text
from tests.test_national_sum import activity, two_province_province

pytestmark = pytest.mark.django_db

UNPLACED = "Không xác định được tỉnh (chỉ tính ở cấp toàn quốc)"


@pytest.fixture
def world(db):
    """Police sessions in three old provinces (old Quảng Ngãi 3, old Kon Tum 2, and 4 in an old
    province split between two of today's), a procuracy's session, and volunteer teams in Kon
    Tum and in the split province: as tests/test_national_reading.py builds the country."""
    ActivityFactory(sessions=3, participants=50)
    ActivityFactory(
        sessions=2,
        participants=30,
        agency="kt-ca",
        unit=kon_tum_commune(),
        campaign="national_day",
        partners=[Agency.objects.get(code="qng-hlhpn").pk],
    )
    ActivityFactory(sessions=1, participants=20, agency="qng-vks")
    nowhere = two_province_province()
    units_refresh_rollup()
    activity(nowhere, date(2022, 10, 10), 4, 21)
    for n, place in enumerate((kon_tum_commune(), nowhere)):
        team = VolunteerTeam.objects.create(
            unit=place, name=f"Đội thử {n}", established=date(2021, 1, 1)
        )
        VolunteerCount.objects.create(team=team, as_of=date(2021, 6, 1), volunteers=12)
    return {"nowhere": nowhere}


def compiled(report, user):
    return compilation_start(report=report, acting_user=user, run_now=True).result


def national(user=None):
    office = user or make_user("thuongtruc", "standing_office", unit=national_unit())
    return compiled(national_review(office), office)


def province_review():
    quang_ngai = unit(51, Level.PROVINCE, NEW)
    office = make_user("tinh", "standing_office", unit=quang_ngai)
    report = report_create(
        template=ReportTemplate.objects.get(code="actip-review"),
        unit=quang_ngai,
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        acting_user=office,
    )
    return compiled(report, office)


def agency_items(result) -> list[str]:
    """The agency-work section's paragraphs ("- <who>: ...")."""
    texts = [paragraph_text(p) for p in result["body"] if p["kind"] == "item"]
    return [t for t in texts if "tuyên truyền" in t and t.startswith("- ")]


def test_the_national_review_is_a_national_document(world):
    # One compilation (a national compile is slow on SQLite), three checks.
    result = national()
    check_sectors(result)
    check_annex_by_province(result)
    check_no_province_words(result)


def check_sectors(result):
    items = agency_items(result)
    police = [t for t in items if t.startswith("- Lực lượng Công an:")]
    procuracy = [t for t in items if t.startswith("- Ngành Kiểm sát:")]
    # The police of old Quảng Ngãi, old Kon Tum and the split province: one paragraph, the
    # sum of their sessions (3 + 2 + 4).
    assert len(police) == 1 and "9 buổi tuyên truyền" in police[0], items
    assert len(procuracy) == 1 and "1 buổi tuyên truyền" in procuracy[0], items
    # Partners by their sector, and the campaign the work answered, from one query each.
    assert police[0].startswith("- Lực lượng Công an: Cùng Hội Liên hiệp Phụ nữ các cấp tổ chức")
    assert "trong đó có hoạt động hưởng ứng Ngày toàn dân phòng, chống mua bán người" in police[0]
    text = review_text(result)
    for name in Agency.objects.filter(code__in=["qng-ca", "kt-ca", "qng-vks"]).values_list(
        "name", flat=True
    ):
        assert name not in text
    for words in ("Công an tỉnh", "Viện kiểm sát nhân dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"):
        assert words not in text
    # The sector's figure keeps its provenance: the records it counts are its agencies'.
    figure = next(f for f in result["figures"].values() if f["where_name"] == "Lực lượng Công an")
    assert figure["value"] == 9 and figure["where"]["agency_kind"] == "police"
    behind = records_behind(
        figure["indicator"],
        unit=national_unit(),
        start=date(2022, 1, 1),
        end=date(2022, 12, 31),
        where=figure["where"],
    )
    assert behind.count() == figure["records"] == 3
    # And the live value a period lock compares it with (ctip.periods.locks.live_values) is the
    # same figure, not a group the indicator lacks (compute left it out: 0 before).
    live = compute(
        [figure["indicator"]],
        unit=national_unit(),
        start=date(2022, 1, 1),
        end=date(2022, 12, 31),
        where=figure["where"],
    )
    assert [r["value"] for r in live] == [9]


def test_a_province_review_keeps_its_agencies_and_communes(world):
    result = province_review()
    check_agencies_named(result)
    check_annex_by_commune(result)


def check_agencies_named(result):
    items = agency_items(result)
    assert any(t.startswith("- Công an tỉnh") for t in items), items
    assert any(t.startswith("- Viện kiểm sát nhân dân tỉnh") for t in items), items
    assert not any(t.startswith("- Lực lượng Công an") for t in items)


def unit_tables(result) -> list[dict]:
    return [
        t
        for sheet in result["annex"]
        for t in sheet["tables"][1:]
        if t["coded"]  # the tables by unit (the total is the first)
    ]


def check_annex_by_province(result):
    tables = unit_tables(result)
    assert tables
    quang_ngai = unit(51, Level.PROVINCE, NEW)
    teams = next(t for t in tables if "prevention.volunteer_teams" in t["indicators"])
    column = 2 + teams["indicators"].index("prevention.volunteer_teams")
    rows = {(r[0], r[1]): r[column] for r in teams["rows"]}
    assert rows == {(quang_ngai.name, str(quang_ngai.code)): 1, (UNPLACED, ""): 1}
    assert teams["title"] == "Theo tỉnh, thành phố" and teams["group"] == "Tỉnh, thành phố"
    for table in tables:
        names = {r[0] for r in table["rows"]} - {UNPLACED}
        levels = set(Unit.objects.filter(name__in=names).values_list("level", flat=True))
        assert levels <= {Level.PROVINCE}, table["title"]
        assert len(table["rows"]) <= 35


def check_annex_by_commune(result):
    tables = unit_tables(result)
    teams = next(t for t in tables if "prevention.volunteer_teams" in t["indicators"])
    codes = [int(r[1]) for r in teams["rows"]]
    assert codes and set(
        Unit.objects.filter(code__in=codes).values_list("level", flat=True)
    ) <= set(COMMUNE_LEVELS)
    assert teams["title"] == "Theo địa bàn"


def test_the_request_form_says_the_country_to_the_ministry(client, db):
    log_in(client, make_user("bo", "standing_office", unit=national_unit()))
    html = client.get("/bao-cao/yeu-cau/them/").content.decode()
    assert "Tỉnh, thành phố hoặc toàn quốc" in html and "Tỉnh báo cáo" not in html
    client.logout()
    log_in(client, make_user("tinh", "standing_office", unit=unit(51, Level.PROVINCE, NEW)))
    html = client.get("/bao-cao/yeu-cau/them/").content.decode()
    assert "Tỉnh báo cáo" in html and "hoặc toàn quốc" not in html


def check_no_province_words(result):
    text = review_text(result)
    for words in ("Công an tỉnh", "toàn tỉnh", "địa bàn tỉnh", "của tỉnh", "sở, ngành"):
        assert words.casefold() not in text.casefold(), words


def test_a_lock_reads_the_sector_figures_from_one_aggregate_per_indicator(world):
    """An edit of a locked national period reads every sector figure's live value: from one
    aggregate per indicator and period, not a scan of the country's records per figure."""
    result = national()
    figures = {
        fid: f for fid, f in result["figures"].items() if "agency_kind" in (f.get("where") or {})
    }
    assert len(figures) >= 4
    issued = IssuedPeriod(
        pk=1,
        number="1/BC-BCA",
        unit=national_unit(),
        start=date(2022, 1, 1),
        end=date(2022, 12, 31),
        figures=figures,
    )
    with CaptureQueriesContext(connection) as seen:
        live = live_values(issued, Activity)
    one_by_one = {
        fid: sum(
            r["value"] or 0
            for r in compute(
                [f["indicator"]],
                unit=national_unit(),
                start=date.fromisoformat(f["start"]),
                end=date.fromisoformat(f["end"]),
                where=f["where"],
            )
        )
        for fid, f in figures.items()
    }
    assert live == one_by_one
    assert live == {fid: f["value"] for fid, f in figures.items()}
    scans = [q for q in seen.captured_queries if "prevention_activity" in q["sql"]]
    indicators = {(f["indicator"], f["start"], f["end"]) for f in figures.values()}
    assert len(scans) <= len(indicators) < len(figures)
