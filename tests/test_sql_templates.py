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


def kept_codes(templates):
    """The codes of the definitions whose SQL `templates` keeps (one indicator each here)."""
    return {key[1][1][0] for key, kept in templates._kept.items() if kept is not None}


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
    # Kept for every flow, not for stocks; an agency's narrowing is a parameter too.
    flows = {c for c, i in REGISTRY.items() if i.kind == FLOW}
    assert kept_codes(kept) == flows


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
    # Every flow broken down is kept, for any agency: one SQL per breakdown and narrowing.
    assert all(v is not None for v in raw.TEMPLATES._kept.values())
    assert kept_codes(raw.TEMPLATES) == {c for c, i in REGISTRY.items() if i.kind == FLOW}


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

    def days_before(values):
        unit_pk, start, end = values
        calls.append(end)
        return "SELECT %s, %s", [unit_pk, end - timedelta(days=30)], None

    def by_year(values):
        unit_pk, start, end = values
        return ("SELECT 1" if start.year < 2025 else "SELECT 2"), [unit_pk], None

    def plain(values):
        unit_pk, start, end = values
        return "SELECT %s WHERE d BETWEEN %s AND %s", [unit_pk, start, end], "rest"

    templates = Templates()
    day = date(2026, 5, 6)
    assert templates.sql("a", days_before, (4, day, day))[:2] == (
        "SELECT %s, %s",
        [4, day - timedelta(30)],
    )
    assert (
        not templates.kept("a", (1, day, day)) and len(calls) == 3
    )  # two stand-ins, then the real values
    assert templates.sql("b", by_year, (4, day, day))[:2] == ("SELECT 2", [4])
    assert not templates.kept("b", (1, day, day))
    found = templates.sql("c", plain, (9, date(2024, 1, 1), day))
    assert templates.kept("c", (1, day, day))
    assert found == ("SELECT %s WHERE d BETWEEN %s AND %s", [9, date(2024, 1, 1), day], "rest")

    def adapted(values):  # as the ORM gives dates on SQLite: text
        unit_pk, start, end = values
        return "SELECT %s WHERE d BETWEEN %s AND %s", [unit_pk, str(start), str(end)], None

    found = templates.sql("d", adapted, (9, date(2024, 1, 1), day))
    if connection.vendor == "sqlite":  # the text is the adapted date there
        assert templates.kept("d", (1, day, day))
    assert found[:2] == ("SELECT %s WHERE d BETWEEN %s AND %s", [9, "2024-01-01", "2026-05-06"])


def test_a_worker_keeps_at_most_so_many_and_drops_the_least_recently_asked():
    def plain(values):
        return "SELECT %s, %s, %s", list(values), None

    templates = Templates(most=2)
    day = date(2026, 1, 2)
    for key in ("a", "b", "a", "c"):
        templates.sql(key, plain, (1, day, day))
    assert (
        templates.kept("a", (1, day, day))
        and templates.kept("c", (1, day, day))
        and not templates.kept("b", (1, day, day))
    )


def test_agencies_narrowings_share_one_kept_sql_and_keep_their_own_figures(seeded, monkeypatch):  # noqa: F811
    """An agency's page narrows its figures to the agency: its id is a parameter of the kept
    SQL, not part of the key (else every agency, every case, would keep SQL of its own)."""
    kept = Templates()
    monkeypatch.setattr(raw, "TEMPLATES", kept)
    place, (start, end) = places()[0], PERIODS[1]
    found_agencies = Agency.objects.filter(code__in=["qng-ca-2025", "qng-hlhpn-2025"])
    agencies = sorted({a.rollup_agency_id or a.pk for a in found_agencies})
    assert len(agencies) == 2
    batch = [REGISTRY["prevention.sessions"]]
    seen = []
    for pk in agencies:
        for where in ({"agency": pk}, {"agency": pk, "kind": "session"}):
            found = totals_sql(batch, place, start, end, None, where, PART)
            rows = raw.raw_result(batch, place, start, end, ("month",), None, where)
            assert rows == orm_rows(batch, place, start, end, ("month",), None, where, False)
            seen += [r for r in rows if r["v0"]]
            monkeypatch.setattr(raw, "TEMPLATES", Templates(keep=False))
            assert found == totals_sql(batch, place, start, end, None, where, PART)
            monkeypatch.setattr(raw, "TEMPLATES", kept)
    assert len(kept._kept) == 4  # total and by month, narrowed by agency, and by agency and kind
    assert all(v is not None for v in kept._kept.values())
    assert seen, "the narrowed figures read some records"
