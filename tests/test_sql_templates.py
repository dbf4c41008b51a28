"""Issue 27: the SQL of a headline figure read from the records is compiled once per definition
(`ctip.indicators.sql_templates`) and only the unit and the dates change: for every indicator,
the kept SQL and its parameters are the ORM's own for other units and periods, and give the
same figures; a definition whose SQL is not such a function of them is compiled every time."""

from datetime import date, timedelta

import pytest
from django.db import connection

from ctip.agencies.models import Agency
from ctip.geo.models import Level
from ctip.geo.selectors import national_unit
from ctip.indicators import raw
from ctip.indicators.queries import Ask, compute_many
from ctip.indicators.raw import Part, totals_sql
from ctip.indicators.registry import DIMENSIONS, FLOW, REGISTRY
from ctip.indicators.sql_templates import Templates
from tests.conftest import unit
from tests.test_dashboard_batched import seeded  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
PERIODS = [
    (date(2025, 1, 1), date(2025, 12, 31)),  # across 1/7/2025
    (date(2026, 2, 3), date(2026, 11, 28)),
    (date(2019, 12, 31), date(2020, 1, 1)),
]
PART = Part(7, {"month": "CAST(NULL AS DATE)"}, 6)


def places():
    return [
        unit(51, Level.PROVINCE, date(2026, 1, 1)),
        unit(51, Level.PROVINCE, date(2023, 1, 1)),
        national_unit(),
    ]


def narrowings(indicator):
    yield None
    if "agency" in indicator.dimensions:
        police = Agency.objects.get(code="qng-ca")
        yield {"agency": police.rollup_agency_id or police.pk}


def run(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_the_kept_sql_of_every_indicator_is_the_orms_for_any_unit_and_period(
    seeded,  # noqa: F811
    monkeypatch,
):
    kept = Templates()
    monkeypatch.setattr(raw, "TEMPLATES", kept)
    compared = 0
    for indicator in REGISTRY.values():
        for where in narrowings(indicator):
            for place in places():
                for start, end in PERIODS:
                    args = ([indicator], place, start, end, None, where, PART)
                    found = totals_sql(*args)
                    monkeypatch.setattr(raw, "TEMPLATES", Templates(keep=False))
                    assert found == totals_sql(*args), indicator.code
                    assert run(*found) == run(*totals_sql(*args)), indicator.code
                    monkeypatch.setattr(raw, "TEMPLATES", kept)
                    compared += 1
    assert compared > 3 * len(REGISTRY) * len(PERIODS)
    # Kept for the flows a dashboard reads from the records, not for stocks.
    assert kept.kept((("victims.received",), None, ()))
    assert kept.kept((("cooperation.activities",), None, ()))
    assert not kept.kept((("enforcement.watch_overdue",), None, ()))


def orm_rows(batch, place, start, end, by, level, where, records):
    """`raw_result`'s rows as the ORM's `values()` gives them, compiled afresh."""
    first = batch[0]
    qs = raw._narrow(raw._base(first, place, start, end), first, where, level)
    keys = {f"k_{d}": DIMENSIONS[d].key(first, level) for d in by}
    return list(raw._grouped(qs, batch, keys, records))


def types(rows):
    return [list(map(type, r.values())) for r in rows]


def test_every_flows_breakdowns_from_kept_sql_are_the_orms(seeded, monkeypatch):  # noqa: F811
    monkeypatch.setattr(raw, "TEMPLATES", Templates())
    compared = 0
    for indicator in REGISTRY.values():
        if indicator.kind != FLOW:
            continue
        for d in indicator.dimensions:
            if not DIMENSIONS[d].breakdown:
                continue
            level = Level.COMMUNE if d == "unit" else None
            for where in narrowings(indicator):
                for place in places()[:2]:
                    for start, end in PERIODS:
                        for records in (False, True):
                            args = ([indicator], place, start, end, (d,), level, where, records)
                            kept = raw.raw_result(*args)
                            # Types too (a date, not SQLite's text; an int, not a Decimal).
                            assert kept == orm_rows(*args), (indicator.code, d)
                            assert types(kept) == types(orm_rows(*args)), (indicator.code, d)
                            compared += 1
    assert compared > 100
    assert any(v is not None for v in raw.TEMPLATES._kept.values())


def test_a_page_read_together_gives_the_same_figures_with_kept_sql(seeded, monkeypatch):  # noqa: F811
    place = places()[0]
    codes = ("victims.being_identified", "enforcement.watch_overdue", "cooperation.activities")
    asks = [Ask(codes, start, end) for start, end in PERIODS]
    monkeypatch.setattr(raw, "TEMPLATES", Templates(keep=False))
    reference = compute_many(asks, unit=place)
    monkeypatch.setattr(raw, "TEMPLATES", Templates())
    assert compute_many(asks, unit=place) == reference
    assert compute_many(asks, unit=place) == reference  # from the kept SQL


def test_sql_that_is_not_a_function_of_the_unit_and_dates_is_compiled_every_time():
    calls = []

    def days_before(unit_pk, start, end):
        calls.append(end)
        return "SELECT %s, %s", [unit_pk, end - timedelta(days=30)], None

    def by_year(unit_pk, start, end):
        return ("SELECT 1" if start.year < 2025 else "SELECT 2"), [unit_pk], None

    def plain(unit_pk, start, end):
        return "SELECT %s WHERE d BETWEEN %s AND %s", [unit_pk, start, end], "rest"

    templates = Templates()
    day = date(2026, 5, 6)
    assert templates.sql("a", days_before, 4, day, day)[:2] == (
        "SELECT %s, %s",
        [4, day - timedelta(30)],
    )
    assert not templates.kept("a") and len(calls) == 3  # two stand-ins, then the real values
    assert templates.sql("b", by_year, 4, day, day)[:2] == ("SELECT 2", [4])
    assert not templates.kept("b")
    found = templates.sql("c", plain, 9, date(2024, 1, 1), day)
    assert templates.kept("c")
    assert found == ("SELECT %s WHERE d BETWEEN %s AND %s", [9, date(2024, 1, 1), day], "rest")

    def adapted(unit_pk, start, end):  # as the ORM gives dates on SQLite: text
        return "SELECT %s WHERE d BETWEEN %s AND %s", [unit_pk, str(start), str(end)], None

    found = templates.sql("d", adapted, 9, date(2024, 1, 1), day)
    if connection.vendor == "sqlite":  # the text is the adapted date there
        assert templates.kept("d")
    assert found[:2] == ("SELECT %s WHERE d BETWEEN %s AND %s", [9, "2024-01-01", "2026-05-06"])


def test_a_worker_keeps_at_most_so_many_and_drops_the_least_recently_asked():
    def plain(unit_pk, start, end):
        return "SELECT %s, %s, %s", [unit_pk, start, end], None

    templates = Templates(most=2)
    day = date(2026, 1, 2)
    for key in ("a", "b", "a", "c"):
        templates.sql(key, plain, 1, day, day)
    assert templates.kept("a") and templates.kept("c") and not templates.kept("b")
