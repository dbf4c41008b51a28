"""Issue 27: a dashboard page reads all its panels' figures together (figures.panels_data over
queries.compute_many) and shows exactly what reading them panel by panel (figures.panel_data,
one `compute` per figure) shows: cards, charts and their order, disclosure control, withheld
charts, partial months, an agency's scope, a commune without a breakdown by unit, the
country's breakdown by province with its row of records placed in no province."""

from dataclasses import replace
from datetime import date

import pytest

from ctip.dashboard import figures
from ctip.dashboard.figures import Period, panel_data, panels_data
from ctip.dashboard.panels import user_scope
from ctip.geo.selectors import national_unit
from ctip.indicators import disclosure, rollup_read, rollups
from ctip.indicators.queries import Ask, compute, compute_many
from ctip.indicators.registry import IndicatorError
from ctip.ops.demo.victims import demo_cases_ensure
from tests.helpers import make_user
from tests.test_dashboard import commune, import_rows, province
from tests.test_dashboard_queries import rows
from tests.test_national_reading import world  # noqa: F401 - the national world, a fixture

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)
LIMIT = 5
# The running year, an ended quarter, a period across 1/7/2025 (the reform), one spanning years.
SPANS = [
    (date(2026, 1, 1), TODAY),
    (date(2026, 4, 1), date(2026, 6, 30)),
    (date(2025, 5, 15), date(2025, 8, 20)),
    (date(2024, 12, 3), date(2026, 2, 14)),
]
EVERY_REGISTER = disclosure.VICTIM_REGISTERS | disclosure.CRIMINAL_REGISTERS
EVERY_REGISTER |= disclosure.WATCH_REGISTERS


@pytest.fixture(params=["rollups", "records"])
def seeded(request):
    """The demo cases and activities in 2025 and 2026, read from rollup cells (as on a server)
    or, none built, from the records."""
    demo_cases_ensure(today=TODAY)
    import_rows(*rows(1))
    if request.param == "rollups":
        rollups.rebuild()


def periods(unit, grid):
    for start, end in SPANS:
        if grid:
            start, end = disclosure.snap(start, end)
        yield Period(unit, start, end, grid=grid, today=TODAY)


def assert_same(scope, period, *, reading=True):
    panels = list(scope.panels)
    one_by_one = [panel_data(p, scope, period, LIMIT) for p in panels]
    if reading:
        with rollup_read.reading():
            together = panels_data(panels, scope, period, LIMIT)
    else:
        together = panels_data(panels, scope, period, LIMIT)
    assert together == one_by_one
    return together


def shown(data):
    """Not a comparison of empty pages: some card or chart shows a value."""
    values = [c["value"] for d in data for c in d["cards"]]
    values += [r["value"] for d in data for c in d["charts"] for r in c["rows"]]
    return any(values)


@pytest.mark.parametrize("exact", [False, True])
def test_a_province_leaders_page_is_the_same_read_together(seeded, exact):
    scope = user_scope(make_user("lanhdao", "leader", unit=province()), today=TODAY)
    if exact:  # a reader of every register: no disclosure control, no grid
        scope = replace(scope, readable=EVERY_REGISTER)
    assert scope.controlled is not exact
    found = []
    for period in periods(scope.unit, scope.controlled):
        found.append(assert_same(scope, period))
    assert any(shown(d) for d in found)
    assert any(d["withheld"] for data in found for d in data) is not exact
    if exact:
        assert any(c.get("partial_note") for d in found[0] for c in d["charts"])


def test_an_agencys_page_is_the_same_read_together(seeded):
    scope = user_scope(make_user("congan", "investigator", agency="qng-ca-2025"), today=TODAY)
    assert scope.agency_id is not None
    found = [assert_same(scope, p) for p in periods(scope.unit, scope.controlled)]
    assert any(shown(d) for d in found)
    # Indicators without the agency dimension are left out of an agency's cards.
    cards = {c["code"] for d in found[0] for c in d["cards"]}
    assert cards and "victims.support_persons" not in cards


def test_a_communes_page_is_the_same_read_together(seeded):
    scope = user_scope(make_user("lanhdao", "leader", unit=province()), today=TODAY)
    for grid in (True, False):
        for period in periods(commune(0), grid):
            data = assert_same(scope, period)
            assert all(c["dimension"] != "unit" for d in data for c in d["charts"])
    assert_same(scope, Period(commune(0), date(2026, 1, 1), TODAY, today=TODAY), reading=False)


def test_the_countrys_page_is_the_same_read_together(world):  # noqa: F811
    rollups.rebuild()
    scope = user_scope(make_user("bo", "leader", unit=national_unit()), today=TODAY)
    period = Period(national_unit(), date(2022, 1, 1), date(2022, 12, 31), today=TODAY)
    for reader in (scope, replace(scope, readable=EVERY_REGISTER)):
        data = assert_same(reader, period)
        by_unit = next(c for c in data[0]["charts"] if c["dimension"] == "unit")
        assert by_unit["dimension_name"] == "tỉnh, thành phố"
    exact = assert_same(replace(scope, readable=EVERY_REGISTER), period, reading=False)
    names = [r["name"] for c in exact[0]["charts"] if c["dimension"] == "unit" for r in c["rows"]]
    assert str(figures.UNPLACED) in names


def test_compute_many_gives_computes_rows(seeded):
    unit = province()
    asks = [
        Ask(("prevention.sessions", "victims.received", "enforcement.suspects"), *SPANS[0]),
        Ask(("prevention.sessions",), *SPANS[3], by=("month",)),
        Ask(
            ("prevention.participants", "victims.received"),
            *SPANS[3],
            by=("unit",),
            level="commune",
        ),
        Ask(("prevention.sessions", "enforcement.cases_detected"), *SPANS[3], by=("agency",)),
        Ask(("victims.received",), *SPANS[1], by=("sex",)),
        Ask(("cooperation.activities",), *SPANS[3], by=("counterpart_country",)),
    ]
    with rollup_read.reading():
        many = compute_many(asks, unit=unit)
    one = [
        compute(list(a.codes), unit=unit, start=a.start, end=a.end, by=a.by, level=a.level)
        for a in asks
    ]
    assert many == one
    assert all(many[:5]) and any(r["value"] for r in many[2])
    with pytest.raises(IndicatorError):
        compute_many([Ask(("prevention.sessions",), date(2026, 2, 1), date(2026, 1, 1))], unit=unit)
    assert compute_many([], unit=unit) == []


def _typed(rows):
    return [[(r["indicator"], type(r["value"]), r["value"]) for r in found] for found in rows]


def test_compute_many_gives_computes_values_and_types_in_more_than_500_parts(seeded):
    """A review's findings: SQLite refuses a compound SELECT of more than 500 terms (a page has
    about 45; another caller may have more), and PostgreSQL typed a records part's counts as
    numeric where `compute` gives integers."""
    unit = province()
    spans = [(date(2025, 1, 1 + n % 28), date(2025, 12, 31)) for n in range(130)]
    # Flows the cells answer beside figures only the records answer (stocks, a source without
    # rollup): one union with both kinds of part.
    codes = (
        "prevention.sessions",
        "victims.received",
        "enforcement.suspects",
        "victims.being_identified",
        "enforcement.watch_active",
        "victims.identified",
    )
    asks = [Ask(codes, start, end) for start, end in spans]
    asks += [Ask(("prevention.sessions",), start, end, by=("month",)) for start, end in spans]
    with rollup_read.reading():
        many = compute_many(asks, unit=unit)
    one = [
        compute(list(a.codes), unit=unit, start=a.start, end=a.end, by=a.by, level=a.level)
        for a in asks
    ]
    assert _typed(many) == _typed(one)
    assert any(r["value"] for found in many for r in found)


def test_an_ask_the_first_pass_did_not_make_is_read_on_its_own(seeded, monkeypatch):
    """Should a panel ask something only on seeing rows, its figures are read, not left empty."""
    scope = user_scope(make_user("u", "leader", unit=province()))
    period = next(periods(scope.unit, scope.controlled))
    monkeypatch.setattr(figures, "_read_together", lambda asked, scope, period: {})
    panels = list(scope.panels)
    together = panels_data(panels, scope, period, LIMIT)
    assert together == [panel_data(p, scope, period, LIMIT) for p in panels]
    assert shown(together)
