"""One way to read a figure (issue 20): a merged duplicate is one person in every victims
figure, the rollup cells the dashboards read agree with the records after every write, merges
are refused outside the acting user's cases, and coverage, watch counts and support totals come
from the indicator registry."""

from datetime import date, timedelta

import pytest

from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from ctip.indicators import rollups
from ctip.indicators.queries import compute, compute_halves
from ctip.victims.lifecycle import MergeError, case_merge, cases_purge
from ctip.victims.models import Case, CaseEvent
from ctip.victims.referrals import consent_record, consent_withdraw
from ctip.victims.states import ConsentPurpose, State
from ctip.victims.support import support_give
from ctip.victims.transitions import _move
from ctip.victims.views_protection import support_totals
from tests.conftest import unit
from tests.factories import CaseFactory
from tests.helpers import make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 10)
YEAR = (date(2025, 7, 1), date(2025, 12, 31))
VICTIMS = [
    "victims.received",
    "victims.identified",
    "victims.not_victims",
    "victims.being_identified",
    "victims.support_persons",
    "victims.support_amount",
    "victims.support_given",
    "victims.referrals",
]


def _case(name: str, owner: str = "qng-syt-2025") -> Case:
    """Another record of the same person is confirmed as new (to be merged later)."""
    return CaseFactory(full_name=name, owner=owner, allow_duplicate=True)


def _province():
    return unit(51, Level.PROVINCE, date(2026, 1, 1))


def _figures(start=YEAR[0], end=YEAR[1], **kw) -> dict[str, int]:
    rows = compute(VICTIMS, unit=_province(), start=start, end=end, **kw)
    return {r["indicator"]: r["value"] for r in rows}


def _identified(case: Case) -> Case:
    return _move(_move(case, State.VERIFYING, DAY, "", None), State.IDENTIFIED, DAY, "", None)


def _support(case: Case) -> None:
    support_give(
        case=case,
        regime="medical",
        given_on=DAY,
        amount=100_000,
        provider=case.owner,
        acting_user=None,
    )


def _dashboard_equals_records(start=YEAR[0], end=YEAR[1]) -> dict[str, int]:
    """The figures as a dashboard reads them (cells) equal the figures over the records."""
    cells = _figures(start, end)
    assert cells == _figures(start, end, records=True)
    by_sex = compute(["victims.received"], unit=_province(), start=start, end=end, by=("sex",))
    records = compute(
        ["victims.received"], unit=_province(), start=start, end=end, by=("sex",), records=True
    )
    assert [r["value"] for r in by_sex] == [r["value"] for r in records]
    return cells


def test_a_merged_duplicate_is_one_person_in_every_victims_figure():
    keep, other = _identified(_case("Lò Thị Mai")), _identified(_case("Lò Thị Mai"))
    waiting = _case("Lò Thị Mai")  # a third record of her, merged before any decision
    for case in (keep, other):
        _support(case)
    rollups.ensure()
    before = _dashboard_equals_records()
    assert before["victims.received"] == 3
    assert before["victims.identified"] == 2 and before["victims.support_persons"] == 2

    case_merge(keep=keep, other=other, acting_user=None)
    case_merge(keep=keep, other=waiting, acting_user=None)

    after = _dashboard_equals_records()
    assert after["victims.received"] == 1  # compute and the dashboard's cells
    assert after["victims.identified"] == 1
    assert after["victims.being_identified"] == 0  # the merged record is no one waiting
    assert after["victims.support_persons"] == 1
    # Money and times given are not persons: they stay.
    assert after["victims.support_amount"] == before["victims.support_amount"] == 200_000
    assert after["victims.support_given"] == 2
    assert after["victims.not_victims"] == before["victims.not_victims"] == 0
    # The merge's note on the kept case decides nothing: nobody is identified on merge day.
    today = date.today()
    assert _figures(today, today)["victims.identified"] == 0
    # The dashboard's comparison with the previous period reads the same cells.
    halves = compute_halves(
        ["victims.received"], unit=_province(), start=YEAR[0], split=DAY, end=YEAR[1]
    )
    assert [r["value"] for r in halves[0]] == [0] and [r["value"] for r in halves[1]] == [1]


def test_a_reopened_decision_is_not_a_second_decision():
    case = _move(
        _move(_case("Lò Thị Mai"), State.VERIFYING, DAY, "", None), State.NOT_VICTIM, DAY, "x", None
    )
    case = _move(case, State.CLOSED, DAY, "", None)
    _move(case, State.NOT_VICTIM, DAY + timedelta(days=40), "mở lại theo đơn 43", None)  # reopened
    assert _figures()["victims.not_victims"] == 1
    reopened = DAY + timedelta(days=40)
    assert _figures(reopened, reopened)["victims.not_victims"] == 0


def test_purge_refreshes_the_cells_it_may_change(monkeypatch):
    case = _case("Lò Thị Mai")
    _move(
        _move(case, State.VERIFYING, DAY, "", None), State.NOT_VICTIM, DAY, "căn cứ riêng 41", None
    )
    _move(Case.objects.get(pk=case.pk), State.CLOSED, DAY, "", None)
    rollups.ensure()
    before = _dashboard_equals_records()
    refreshed = []
    original = rollups.refresh

    def spy(*, model, points):
        refreshed.append((model, set(points)))
        original(model=model, points=points)

    monkeypatch.setattr(rollups, "refresh", spy)
    consent = consent_record(
        case=case,
        purpose=ConsentPurpose.PROCESSING,
        given_on=DAY,
        acting_user=None,
        given_by="guardian",  # the person may be a child: a guardian consents (issue 22)
        child_agrees=True,
    )
    consent_withdraw(consent=consent, on=date(2026, 5, 1), acting_user=None)  # purges at once
    assert (Case, {(DAY, case.home_unit_id)}) in refreshed
    case.refresh_from_db()
    assert case.purged_on is not None
    assert cases_purge(today=date(2031, 1, 1), acting_user=None) == {"cases": 0}
    assert _dashboard_equals_records() == before  # counts stay, cells and records agree


def test_a_merge_outside_the_users_cases_is_refused_and_changes_nothing():
    keep, other = _case("Lò Thị Mai"), _case("Lò Thị Mai", owner="qng-bdbp-2025")
    rollups.ensure()
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    supervisor = make_user("giamsat", "case_supervisor", agency="qng-syt-2025")
    before = (_figures(), CaseEvent.objects.count(), AuditEntry.objects.count())
    for user in (worker, supervisor):  # no merge right; the other case is another agency's
        with pytest.raises(MergeError):
            case_merge(keep=keep, other=other, acting_user=user)
    other.refresh_from_db()
    assert other.merged_into is None and other.state == State.RECEIVED
    assert (_figures(), CaseEvent.objects.count(), AuditEntry.objects.count()) == before
    # Both cases the supervisor's agency's own: merged.
    own = _case("Lò Thị Mai")
    case_merge(keep=keep, other=own, acting_user=supervisor)
    assert Case.objects.get(pk=own.pk).merged_into_id == keep.pk


def test_support_totals_of_a_case_come_from_the_registry(django_assert_max_num_queries):
    case = _case("Lò Thị Mai")
    _support(case)
    _support(case)
    with django_assert_max_num_queries(3):
        totals = support_totals(Case.objects.get(pk=case.pk))
    assert totals == [{"regime": "medical", "label": "Hỗ trợ y tế", "n": 2, "amount": 200_000}]
    assert support_totals(_case("Lò Thị Lan")) == []


def test_one_cases_figures_are_never_broken_down_case_by_case():
    """The `case` dimension narrows a figure to one case (its protection page); no report,
    export or command may list support case by case."""
    from ctip.indicators.registry import IndicatorError
    from ctip.reporting.outline import OutlineError, check_outline

    province = unit(51, Level.PROVINCE, DAY)
    with pytest.raises(IndicatorError):
        compute(["victims.support_given"], unit=province, start=DAY, end=DAY, by=("case",))
    outline = {
        "sections": [{"numeral": "I.", "title": "X", "blocks": []}],
        "annex": [{"sheet": "A", "indicators": ["victims.support_given"], "by": ["case"]}],
    }
    with pytest.raises(OutlineError):
        check_outline(outline)


def test_cases_being_identified_are_an_anti_join_and_count_the_undecided():
    """The stock of cases still being identified is read with NOT EXISTS: PostgreSQL rescans a
    NOT IN subquery for every case once the decided cases outgrow work_mem (a province's figure
    took 275 s at the benchmark's national size). Its value: a case decided on or before the
    period's end leaves it; one decided after it still counts."""
    from ctip.indicators.registry import REGISTRY

    indicator = REGISTRY["victims.being_identified"]
    assert indicator.standing_on is not None
    sql = str(indicator.standing_on(Case.objects.all(), DAY).query)
    assert "NOT EXISTS" in sql and "IN (SELECT" not in sql, sql
    waiting, decided, later = _case("Người A"), _case("Người B"), _case("Người C")
    before = _figures(end=DAY)["victims.being_identified"]
    _identified(decided)
    _move(_move(later, State.VERIFYING, DAY, "", None), State.IDENTIFIED, YEAR[1], "", None)
    assert waiting.pk
    assert _figures(end=DAY)["victims.being_identified"] == before - 1
