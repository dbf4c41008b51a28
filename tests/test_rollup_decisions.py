"""Issue 27: the persons identified as victims, on every province dashboard, are read from
rollup cells. Read from the records, PostgreSQL misjudged how many of a province's cases its
cover holds and probed every case's events for each figure (10-17 ms each on the bench's
database, growing with the province's cases, whatever the period).

A case's first decision into "identified" is one event at most, so the distinct count of cases
is a count of events and rolls up; which event is first depends on the case's other events, and
where it counts on the case's home unit: the services touch every event of a case they change,
and a write to a case without refreshing these cells is refused. The check after every test
(tests/rollupcheck.py) compares the cells with the records after each step here."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.indicators import rollups
from ctip.indicators.queries import compute
from ctip.victims.lifecycle import case_merge
from ctip.victims.models import Case
from ctip.victims.services import case_update
from ctip.victims.states import State
from ctip.victims.transitions import case_transition
from tests.factories import CaseFactory
from tests.helpers import make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 10)
CODE = "victims.identified"
SPANS = [
    (date(2025, 9, 1), date(2025, 9, 30)),
    (date(2025, 9, 12), date(2025, 10, 20)),
    (date(2025, 1, 1), date(2026, 6, 30)),
]


def _province(code: int) -> Unit:
    return Unit.objects.valid_on(DAY).get(code=code, level=Level.PROVINCE)


def _identified(case: Case, on: date, worker, supervisor) -> Case:
    case = case_transition(case=case, to_state=State.VERIFYING, on=on, acting_user=worker)
    return case_transition(case=case, to_state=State.IDENTIFIED, on=on, acting_user=supervisor)


def _from_cells_and_records(unit: Unit) -> list[tuple[int, int]]:
    """(from the cells, from the records) for each period: `records=True` reads the records."""
    found = []
    for start, end in SPANS:
        cells = compute([CODE], unit=unit, start=start, end=end)[0]["value"]
        records = compute([CODE], unit=unit, start=start, end=end, records=True)[0]["value"]
        found.append((cells, records))
    return found


@pytest.fixture
def police():
    return (
        make_user("congan", "case_worker", agency="qng-ca-2025"),
        make_user("giamsatca", "case_supervisor", agency="qng-ca-2025"),
    )


def test_the_figure_is_read_from_cells_without_the_case_events(police):
    worker, supervisor = police
    _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 9, 15), worker, supervisor)
    rollups.rebuild()
    province = _province(51)
    with CaptureQueriesContext(connection) as queries:
        value = compute([CODE], unit=province, start=date(2025, 9, 1), end=date(2025, 9, 30))
    assert value[0]["value"] == 1
    assert not [q for q in queries.captured_queries if "victims_caseevent" in q["sql"]]


def test_cells_follow_decisions_reopening_moves_and_merges(police):
    worker, supervisor = police
    rollups.rebuild()
    province = _province(51)
    first = _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 9, 15), worker, supervisor)
    second = _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 10, 2), worker, supervisor)
    assert [c for c, _r in _from_cells_and_records(province)] == [1, 2, 2]

    # The second person's home moves to another province: the figure moves with it.
    elsewhere = (
        Unit.objects.valid_on(DAY)
        .filter(level__in=COMMUNE_LEVELS)
        .exclude(rollup_province__code=51)
        .exclude(rollup_province__isnull=True)
        .order_by("code")
        .first()
    )
    second.refresh_from_db()
    case_update(
        case=second,
        version=second.version,
        values={"home_unit_id": elsewhere.pk},
        acting_user=worker,
    )
    assert _from_cells_and_records(province) == [(1, 1), (1, 1), (1, 1)]
    there = Unit.objects.get(pk=elsewhere.rollup_province_id)
    assert _from_cells_and_records(there) == [(0, 0), (1, 1), (1, 1)]

    # A duplicate identified earlier, merged into the first case: one person, counted once, on
    # the duplicate's earlier decision.
    duplicate = _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 9, 12), worker, supervisor)
    assert _from_cells_and_records(province)[1] == (2, 2)
    first.refresh_from_db()
    case_merge(keep=first, other=duplicate, acting_user=supervisor)
    assert _from_cells_and_records(province) == [(1, 1), (1, 1), (1, 1)]
    assert (
        compute([CODE], unit=province, start=date(2025, 9, 12), end=date(2025, 9, 12))[0]["value"]
        == 1
    )


def test_a_write_to_a_case_that_leaves_its_decisions_stale_is_refused(police):
    worker, supervisor = police
    case = _identified(CaseFactory(owner="qng-ca-2025"), DAY, worker, supervisor)
    rollups.rebuild()
    elsewhere = (
        Unit.objects.valid_on(DAY)
        .filter(level__in=COMMUNE_LEVELS)
        .exclude(rollup_province__code=51)
        .exclude(pk=case.home_unit_id)
        .order_by("code")
        .first()
    )
    with pytest.raises(RuntimeError, match="CaseEvent"), unit_of_work(sources=[Case]) as work:
        Case.objects.filter(pk=case.pk).update(home_unit=elsewhere)
        work.touch(Case, (case.received_on, case.home_unit_id), (DAY, elsewhere.pk))
        audit_write(action="victims.case_update", acting_user=None, obj=case, changes={})
    case.refresh_from_db()
    assert case.home_unit_id != elsewhere.pk
    value = compute([CODE], unit=_province(51), start=DAY, end=DAY)[0]["value"]
    assert value == 1
