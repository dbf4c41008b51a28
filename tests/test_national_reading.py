"""The national level read as a national level (issue 27, ADR 0016): the country's dashboard
breaks figures down by today's province, its outreach-versus-risk page lists provinces, its
review speaks of the country and the Ministry, and its population is its provinces' sum."""

from datetime import date

import pytest

from ctip.dashboard import figures
from ctip.dashboard.figures import Period
from ctip.dashboard.panels import user_scope
from ctip.dashboard.risk import outreach_vs_risk
from ctip.geo.derived import units_refresh_rollup
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.selectors import national_unit
from ctip.indicators.queries import compute
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Population, VolunteerCount, VolunteerTeam
from ctip.prevention.population import national_population, population_import_csv, population_of
from ctip.reporting.phrasing import territory_words
from ctip.reporting.render import paragraph_text
from ctip.reporting.services import compilation_start
from tests.conftest import NEW, unit
from tests.factories import ActivityFactory, CriminalCaseFactory
from tests.helpers import log_in, make_user
from tests.test_national_access import PERIOD, island, kon_tum_commune, national_review
from tests.test_national_sum import activity, two_province_province

pytestmark = pytest.mark.django_db

YEAR_2022 = {"start": date(2022, 1, 1), "end": date(2022, 12, 31)}


@pytest.fixture
def world(db):
    """Old Quảng Ngãi's 3 sessions and old Kon Tum's 2 (both today's Quảng Ngãi), and 4 in an
    old province split between two of today's provinces (counted nationally only)."""
    ActivityFactory(sessions=3, participants=50)
    ActivityFactory(sessions=2, participants=30, agency="kt-ca", unit=kon_tum_commune())
    nowhere = two_province_province()
    units_refresh_rollup()
    activity(nowhere, date(2022, 10, 10), 4, 21)
    return {"nowhere": nowhere}


def national_period() -> Period:
    return Period(national_unit(), **YEAR_2022)


def test_the_national_breakdown_by_unit_is_by_province(world):
    ministry = make_user("bo", "leader", unit=national_unit())
    chart = figures.breakdown(
        "prevention.sessions", "unit", user_scope(ministry), national_period(), 5
    )
    rows = {r["key"]: (r["name"], r["value"]) for r in chart["rows"]}
    quang_ngai = unit(51, Level.PROVINCE, NEW)
    assert rows == {
        "51": (quang_ngai.name, 5),
        "": (str(figures.UNPLACED), 4),  # the split old province's records: one row
    }
    assert "tỉnh, thành phố" in chart["title"] and chart["dimension_name"] == "tỉnh, thành phố"
    # The rows add up to the national figure.
    total = compute(["prevention.sessions"], unit=national_unit(), **YEAR_2022)[0]["value"]
    assert sum(v for _n, v in rows.values()) == total == 9


def test_the_province_breakdown_stays_by_commune(world):
    quang_ngai = unit(51, Level.PROVINCE, NEW)
    leader = make_user("tinh", "leader", unit=quang_ngai)
    period = Period(quang_ngai, **YEAR_2022)
    chart = figures.breakdown("prevention.sessions", "unit", user_scope(leader), period, 5)
    keys = [int(r["key"]) for r in chart["rows"]]
    assert sorted(r["value"] for r in chart["rows"]) == [2, 3]
    assert set(Unit.objects.filter(code__in=keys).values_list("level", flat=True)) <= set(
        COMMUNE_LEVELS
    )


def test_the_national_dashboard_page_lists_provinces(client, world):
    log_in(client, make_user("bo", "leader", unit=national_unit()))
    html = client.get(f"/bang-dieu-khien/?{PERIOD}").content.decode()
    rows = island(html, "prevention-3")
    assert sorted(r["value"] for r in rows) == [4, 5]
    assert {r["name"] for r in rows} == {
        unit(51, Level.PROVINCE, NEW).name,
        str(figures.UNPLACED),
    }


def test_the_national_risk_page_lists_provinces(client, world):
    rows = outreach_vs_risk(national_period(), readable=frozenset())
    provinces = [r for r in rows if r.unit.pk]
    assert len(provinces) == 34
    assert all(r.unit.level == Level.PROVINCE for r in provinces)
    by_name = {r.unit.name: r for r in rows}
    assert by_name[unit(51, Level.PROVINCE, NEW).name].values["prevention.sessions"] == 5
    assert by_name[str(figures.UNPLACED)].values["prevention.sessions"] == 4
    log_in(client, make_user("bo", "leader", unit=national_unit()))
    response = client.get(f"/bang-dieu-khien/nguy-co/?{PERIOD}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "theo tỉnh, thành phố" in html and "trung vị của các tỉnh" in html
    assert kon_tum_commune().name not in html


def review_text(result) -> str:
    header = result["header"]
    lines = [*header["authority"], header["number"], header["place_date"], header["answers"]]
    return "\n".join([*lines, *(paragraph_text(p) for p in result["body"])])


def test_the_national_review_speaks_of_the_country(world):
    # A team standing through 2022 and a criminal case after it: the sentences with "toàn
    # tỉnh" and "trên địa bàn tỉnh" are written.
    team = VolunteerTeam.objects.create(
        unit=kon_tum_commune(), name="Đội thử", established=date(2021, 1, 1)
    )
    VolunteerCount.objects.create(team=team, as_of=date(2021, 6, 1), volunteers=12)
    CriminalCaseFactory(detected_on=date(2024, 9, 9))
    office = make_user("thuongtruc", "standing_office", unit=national_unit())
    report = national_review(office)
    text = review_text(compilation_start(report=report, acting_user=office, run_now=True).result)
    assert report.authority == "Bộ Công an"
    assert "BỘ CÔNG AN" in text and "/BC-BCA" in text
    for province_words in (
        "tỉnh Việt Nam",
        "Ủy ban nhân dân tỉnh",
        "ỦY BAN NHÂN DÂN",
        "UBND",
        "toàn tỉnh",
        "địa bàn tỉnh",
        "của tỉnh",
        "tỉnh đã",
        "sở, ngành",
    ):
        assert province_words.casefold() not in text.casefold(), province_words
    # No criminal case in 2022: the template's zero sentence, said of the country.
    assert "Trong kỳ, trên phạm vi cả nước chưa phát hiện vụ mua bán người nào." in text
    assert "Đến cuối kỳ báo cáo, toàn quốc có 1 Đội công tác xã hội tình nguyện" in text


def test_a_province_keeps_its_words():
    sentence = "Trong kỳ, trên địa bàn tỉnh chưa phát hiện vụ mua bán người nào."
    assert territory_words(sentence, Level.PROVINCE) == sentence
    assert territory_words("Đến cuối kỳ báo cáo, toàn tỉnh có ", Level.COUNTRY) == (
        "Đến cuối kỳ báo cáo, toàn quốc có "
    )
    # A name from the data is not the template's: "Sở" in a name keeps its capital words.
    assert territory_words("lựa chọn cách làm hợp với từng địa bàn", Level.COUNTRY) == (
        "lựa chọn cách làm hợp với từng địa bàn"
    )


def provinces_on(day: date) -> list[Unit]:
    return list(Unit.objects.valid_on(day).filter(level=Level.PROVINCE).order_by("code"))


def set_populations(provinces: list[Unit], year: int, source: str = "Niên giám 2025") -> int:
    for n, province in enumerate(provinces):
        Population.objects.create(unit=province, year=year, population=1_000_000 + n, source=source)
    return sum(1_000_000 + n for n in range(len(provinces)))


def test_the_national_population_is_the_sum_of_todays_provinces(db):
    provinces = provinces_on(date(2026, 7, 1))
    assert len(provinces) == 34
    total = set_populations(provinces, 2025)
    found = population_of(national_unit(), 2026)
    assert found is not None
    assert (found.population, found.year) == (total, 2025)
    assert found.source.startswith("Tổng dân số 34 tỉnh, thành phố") and not found.synthetic
    # A province without a figure: no national figure (a part would overstate every rate).
    Population.objects.filter(unit=provinces[0]).delete()
    assert national_population(2026) is None


def test_before_the_reform_the_national_population_sums_that_years_provinces(db):
    old = provinces_on(date(2022, 7, 1))
    assert len(old) == 63
    total = set_populations(old, 2021, source="Dân số giả lập (thử)")
    found = population_of(national_unit(), 2022)
    assert found is not None and found.population == total and found.synthetic


def test_a_population_row_for_the_country_is_refused(db):
    data = "code,level,year,population,source\n0,country,2025,101000000,Niên giám\n".encode()
    with pytest.raises(ImportRejected) as refused:
        population_import_csv(data=data, acting_user=None)
    assert "tổng dân số các tỉnh, thành phố" in " ".join(refused.value.errors)
    assert not Population.objects.exists()


def test_the_national_rate_uses_the_provinces_sum(client, world):
    set_populations(provinces_on(date(2022, 7, 1)), 2022)
    log_in(client, make_user("bo", "leader", unit=national_unit()))
    html = client.get(f"/bang-dieu-khien/?{PERIOD}").content.decode()
    # The panels' rates per 1,000 inhabitants have the country's population (no rate without).
    assert "Dân số năm 2022" in html
