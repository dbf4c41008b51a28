"""A defendant's sentence is read with its criminal case: a judge, prosecutor or investigator
who opens the cases reads the number of defendants convicted exactly (narrowed to their agency),
a leader under the disclosure rule; the records behind the figure are listed to a reader of the
case and counted only for anyone else."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.enforcement.decision_models import DecisionKind
from ctip.enforcement.decisions import decision_record
from ctip.enforcement.models import Stage
from ctip.geo.models import Level
from ctip.indicators import disclosure
from ctip.indicators.registry import REGISTRY
from ctip.reporting.provenance import listed_for
from tests.conftest import NEW, unit
from tests.test_court_decisions import _case, _specs, people  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

CONVICTED = "enforcement.defendants_convicted"


def _judged(people):  # noqa: F811 - the fixture's value
    case = _case(people, Stage.INDICTED)
    decision_record(
        case=case,
        kind=DecisionKind.FIRST_INSTANCE,
        number="45/2025/HS-ST",
        on=date(2025, 11, 20),
        sentences=_specs(case),
        acting_user=people["judge"],
    )
    return case


def test_a_reader_of_criminal_cases_reads_sentences_exactly(people):  # noqa: F811
    judge_reads = disclosure.readable(people["judge"])
    assert not disclosure.controlled(REGISTRY[CONVICTED], judge_reads)
    assert disclosure.controlled(REGISTRY[CONVICTED], disclosure.readable(people["leader"]))


def test_the_records_behind_the_convicted_are_listed_to_the_cases_readers_only(people):  # noqa: F811
    _judged(people)
    figure = {
        "indicator": CONVICTED,
        "unit": unit(51, Level.PROVINCE, NEW).pk,
        "start": "2025-07-01",
        "end": "2026-01-01",
        "where": {},
    }
    total, shown, withheld = listed_for(people["judge"], figure)
    assert total == 1 and len(shown) == 1 and not withheld
    total, shown, withheld = listed_for(people["leader"], figure)
    assert total == 1 and shown == [] and withheld


def test_listing_sentences_reads_their_judgments_in_the_same_query(people):  # noqa: F811
    """A sentence is described by its judgment's number: listing more sentences costs no more
    queries (one query per sentence before)."""
    figure = {
        "indicator": CONVICTED,
        "unit": unit(51, Level.PROVINCE, NEW).pk,
        "start": "2025-07-01",
        "end": "2026-01-01",
        "where": {},
    }

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            _total, shown, _withheld = listed_for(people["judge"], figure)
        return len(shown), len(ctx.captured_queries)

    _judged(people)
    few, cost = queries()
    _judged(people)
    more, cost_more = queries()
    assert more > few >= 1
    assert cost_more == cost
