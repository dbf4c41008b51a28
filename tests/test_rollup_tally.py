"""The records behind a value from the cells (issue 27): a source's tally counts each of its
records once, so a report's provenance (`compute(records=True)`) is read from the cells with the
values; the national review's work by agency and kind then scans no activity."""

import dataclasses
from datetime import date

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from ctip.geo.models import Level
from ctip.indicators import rollups
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY
from ctip.indicators.rollups import SOURCES, Source, register_source
from ctip.prevention.models import Activity
from tests.conftest import unit
from tests.test_rollups import CODES, load_rows

pytestmark = pytest.mark.django_db


def unregistered_source(tally, indicators=None):
    """A source of activities, never registered, whose tally is `tally`."""
    codes = tuple(indicators or (tally,))
    return Source(name="x.test", model=Activity, indicators=codes, shapes=((),), tally=tally)


@pytest.mark.parametrize(
    "tally",
    [
        "prevention.sessions",  # a sum: not a count of records
        "victims.received",  # another source's
    ],
)
def test_a_tally_must_count_each_record_once(tally):
    with pytest.raises(ValueError, match="tally"):
        register_source(unregistered_source(tally, CODES))
    assert "x.test" not in SOURCES


def test_a_tally_counts_its_records_once_whatever_its_scan_joins(monkeypatch):
    """COUNT(*) over a scan that joins along a set (activities for two target groups: one row
    per matching group) counts an activity twice: refused; COUNT(DISTINCT pk) is not. A
    distinct count of another column must be of a required one (COUNT skips NULLs)."""
    base = REGISTRY["prevention.activities"]
    repeats = dataclasses.replace(
        base,
        code="x.repeats",
        records=lambda: Activity.objects.filter(target_groups__in=["public", "pupils_students"]),
    )
    distinct = dataclasses.replace(
        repeats, code="x.distinct", value=lambda: Count("pk", distinct=True)
    )
    nullable = dataclasses.replace(
        base, code="x.nullable", value=lambda: Count("batch", distinct=True), one_record_each=True
    )
    for indicator in (repeats, distinct, nullable):
        monkeypatch.setitem(REGISTRY, indicator.code, indicator)
    for refused in ("x.repeats", "x.nullable"):
        with pytest.raises(ValueError, match="tally"):
            register_source(unregistered_source(refused))
    assert rollups._counts_each_record(unregistered_source("x.distinct"))
    assert "x.test" not in SOURCES


def test_every_declared_tally_counts_records():
    tallies = {s.name: s.tally for s in SOURCES.values()}
    assert tallies["prevention.activity"] == "prevention.activities"
    assert all(tallies.values()), tallies  # every source keeps one: provenance from cells


WHOLE = {"start": date(2022, 1, 1), "end": date(2023, 12, 31)}


def records_then_cells(by, also=()):
    """The test world's activities by `by` with their records, from the records and then,
    rollups built, again (and each of `also`, (codes, by)) with the queries captured."""
    load_rows()
    whole = {"unit": unit(51, Level.PROVINCE, date(2023, 1, 1)), **WHOLE}
    raw = compute(CODES, by=by, records=True, **whole)
    rollups.rebuild()
    with CaptureQueriesContext(connection) as found:
        read = compute(CODES, by=by, records=True, **whole)
        more = [compute(codes, by=b, records=True, **whole) for codes, b in also]
    return raw, read, more, found


def test_the_work_by_agency_and_kind_with_its_records_scans_no_activity():
    raw, read, (by_kind,), found = records_then_cells(
        ("agency", "kind"), also=[(["prevention.sessions"], ("kind",))]
    )
    key = lambda r: (r["indicator"], r["agency"]["code"], r["kind"]["code"])  # noqa: E731
    assert sorted(read, key=key) == sorted(raw, key=key)
    assert (
        sum(r["records"] for r in by_kind)
        == Activity.objects.filter(start_date__range=(WHOLE["start"], WHOLE["end"])).count()
    )
    assert not [q["sql"] for q in found.captured_queries if "prevention_activity" in q["sql"]]


def test_the_audiences_by_agency_kind_and_group_scan_no_activity():
    """The reviews name each agency's (sector's) audiences of each kind of work from counts by
    agency, kind and target group: three keys. At 7M the national review read every activity
    and its groups for them (5.6 s of 11.7 s); cells of three keys answer instead."""
    by = ("agency", "kind", "target_group")
    raw, read, _more, found = records_then_cells(by)
    key = lambda r: (r["indicator"], *(r[d]["code"] for d in by))  # noqa: E731
    assert sorted(read, key=key) == sorted(raw, key=key)
    assert {r["target_group"]["code"] for r in read} >= {"public", "pupils_students"}
    assert not [q["sql"] for q in found.captured_queries if "prevention_activity" in q["sql"]]
