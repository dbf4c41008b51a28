"""Issue 27: the persons identified as victims, on every province dashboard, are read from
rollup cells. Read from the records, PostgreSQL misjudged how many of a province's cases its
cover holds and probed every case's events for each figure (10-17 ms each on the bench's
database, growing with the province's cases, whatever the period).

A case's first decision into "identified" is one event at most, so the distinct count of cases
is a count of events and rolls up; which event is first depends on the case's other events, and
where it counts on the case's home unit: the services touch every event of a case they change,
and a write to a case without refreshing these cells is refused. The check after every test
(tests/rollupcheck.py) compares the cells with the records after each step here."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.dashboard.versions import read
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.indicators import rollups
from ctip.indicators.queries import compute
from ctip.indicators.rollup_check import stale_rollups
from ctip.victims.lifecycle import case_merge, case_purge
from ctip.victims.models import Case, CaseEvent
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


def _same_by_agency(*units: Unit) -> None:
    """Every period's breakdown by agency from the cells equals the records', here and in the
    country (summed from the provinces' cells)."""
    for unit in (*units, Unit.objects.get(level=Level.COUNTRY)):
        for start, end in SPANS:
            asked = {"unit": unit, "start": start, "end": end, "by": ("agency",)}
            cells = [(r["agency"]["code"], r["value"]) for r in compute([CODE], **asked)]
            records = [
                (r["agency"]["code"], r["value"]) for r in compute([CODE], records=True, **asked)
            ]
            assert sorted(cells) == sorted(records)


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


def test_cells_follow_decisions_moves_and_merges(police):
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


def test_merges_either_way_and_a_purge_after_one(police):
    """The kept case decided first, the kept case decided after the duplicate it took in, then
    the personal data purged: cells equal records by agency, here and nationally."""
    worker, supervisor = police
    rollups.rebuild()
    province = _province(51)
    keep = _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 9, 12), worker, supervisor)
    other = _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 10, 2), worker, supervisor)
    case_merge(keep=keep, other=other, acting_user=supervisor)
    undecided = CaseFactory(owner="qng-ca-2025")
    moved = _identified(CaseFactory(owner="qng-ca-2025"), date(2025, 10, 5), worker, supervisor)
    case_merge(keep=undecided, other=moved, acting_user=supervisor)
    undecided.refresh_from_db()
    _identified(undecided, date(2025, 10, 6), worker, supervisor)
    assert _from_cells_and_records(province) == [(1, 1), (2, 2), (2, 2)]
    _same_by_agency(province)
    keep.refresh_from_db()
    case_purge(case=keep, acting_user=None, today=date(2026, 1, 1))
    assert stale_rollups({Case, CaseEvent}) == {}
    assert _from_cells_and_records(province) == [(1, 1), (2, 2), (2, 2)]
    _same_by_agency(province)


def test_a_merge_note_does_not_hide_a_decision_dated_after_it(police):
    """Found by review: a decision recorded ahead of its date, then a merge, whose note (from
    identified to identified) is dated the day of the merge. The note took the place of the
    first decision, and the person was counted nowhere."""
    worker, supervisor = police
    rollups.rebuild()
    ahead = date.today() + timedelta(days=3)
    today = date.today()
    keep = _identified(
        CaseFactory(owner="qng-ca-2025", received_on=today), ahead, worker, supervisor
    )
    case_merge(
        keep=keep, other=CaseFactory(owner="qng-ca-2025", received_on=today), acting_user=supervisor
    )
    asked = {"unit": _province(51), "start": ahead, "end": ahead}
    assert compute([CODE], records=True, **asked)[0]["value"] == 1
    assert compute([CODE], **asked)[0]["value"] == 1


def test_a_write_no_rollup_reads_changes_no_panel(police):
    """Found by review: key rotation says its writes change nothing a rollup reads; the panel
    cache must then keep every panel, not count the cases as changed everywhere."""
    case = CaseFactory(owner="qng-ca-2025")
    before = read(["victims"], 0)
    with unit_of_work(sources=[Case]) as work:
        Case.objects.filter(pk=case.pk).update(full_name="Nguyễn Thị Lan")
        work.untouched(Case)
        audit_write(action="victims.case_update", acting_user=None, obj=case, changes={})
    assert read(["victims"], 0) == before
