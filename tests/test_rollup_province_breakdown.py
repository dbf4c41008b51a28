"""The country's breakdown by today's province (issue 27, ADR 0016) read from the rollup cells
kept by today's commune, each commune grouped by its `rollup_province`: the same figures as
from the records (the unplaced records as one NULL group), for periods before, across and
after 1/7/2025, with and without partial months; the whole months never read the records."""

import json
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ctip.core.models import RollupState
from ctip.geo.derived import units_refresh_rollup
from ctip.geo.models import Level, Source, Unit, UnitSuccession
from ctip.geo.package_data import REFORM_DAY
from ctip.geo.selectors import national_unit
from ctip.indicators import rollup_read, rollups
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY
from ctip.prevention.models import Activity
from tests.conftest import NEW, OLD, unit
from tests.test_national_sum import (
    DONG_THAP,
    PERIODS,
    TAY_NINH,
    activity,
    old_commune,
    world,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.django_db

ALL_PERIODS = [
    *PERIODS,  # 2024; 2025 (across 1/7/2025); 15/4-20/8/2025; 7/2025-6/2026
    (date(2024, 3, 1), date(2024, 11, 30)),  # whole months only
    (date(2024, 2, 10), date(2025, 6, 28)),  # partial months at both edges, up to the reform
    (date(2025, 6, 2), date(2025, 6, 29)),  # inside one month: records only
]


def unit_codes() -> list[str]:
    """Every additive indicator that can be broken down by unit."""
    return [c for c, i in REGISTRY.items() if i.additive and "unit" in i.dimensions]


def cases():
    tay_ninh = unit(TAY_NINH, Level.PROVINCE, NEW).pk
    yield {"by": ("unit",)}
    yield {"by": ("unit", "month")}
    yield {"where": {"unit": tay_ninh}}
    yield {"by": ("month",), "where": {"unit": tay_ninh}}
    yield {"where": {"unit": None}}  # the records placed in no province


def figures(scopes):
    out = []
    for scope in scopes:
        for start, end in ALL_PERIODS:
            for kw in cases():
                rows = compute(
                    unit_codes(), unit=scope, start=start, end=end, level=Level.PROVINCE, **kw
                )
                out.append(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True)))
    return out


def raw_figures(scopes):
    """The same figures from the records alone (the rollups unread, then restored)."""
    with transaction.atomic():
        RollupState.objects.all().delete()
        found = figures(scopes)
        transaction.set_rollback(True)
    return found


def scopes():
    return [national_unit(), unit(DONG_THAP, Level.PROVINCE, NEW)]


def test_the_cells_by_province_give_the_figures_of_the_records(world):  # noqa: F811
    assert rollup_read._communes_keep_provinces()
    with_cells = figures(scopes())
    assert with_cells == raw_figures(scopes())
    # The figures are not empty, the unplaced records are one group (NULL key) of their own.
    year = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
    rows = compute(
        ["prevention.sessions"], unit=national_unit(), by=("unit",), level=Level.PROVINCE, **year
    )
    by_code = {r["unit"]["code"]: r["value"] for r in rows}
    assert by_code[""] == 2  # old "Tỉnh Thử Nghiệm" itself, placed in no province
    assert sum(by_code.values()) == 2 + 3 + 4 + 1 + 3 + 2  # every 2024 session of the world
    assert {type(r["value"]) for rows in with_cells for r in rows} == {int}


def statements(run) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        run()
    return [q["sql"] for q in queries.captured_queries]


def test_whole_months_read_the_cells_not_the_records(world):  # noqa: F811
    records = Activity._meta.db_table
    year = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
    kw = {"unit": national_unit(), "by": ("unit",), "level": Level.PROVINCE, **year}
    codes = list(rollups.SOURCES["prevention.activity"].indicators)
    with rollup_read.reading():
        compute(codes, **kw)  # the page's first breakdown by province also checks the units
        sql = statements(lambda: compute(codes, **kw))
    # One query for the figures (then one naming the provinces, as every breakdown has).
    assert len(sql) == 2
    assert "core_rollupcell" in sql[0] and "geo_unit" in sql[1]
    assert not any(records in s for s in sql)
    # Outside a page: the units checked, which rollups are built, and the cells; no record.
    sql = statements(lambda: compute(codes, **kw))
    assert any("core_rollupcell" in s for s in sql)
    assert not any(records in s for s in sql)
    # Partial months at the edges come from the records, one query per edge.
    edges = {**kw, "start": date(2024, 2, 10), "end": date(2024, 11, 20)}
    with rollup_read.reading():
        compute(codes, **edges)
        sql = statements(lambda: compute(codes, **edges))
    assert len(sql) == 4 and sum(records in s for s in sql) == 2


def test_a_commune_placed_elsewhere_than_its_predecessors_reads_the_records(db):
    """Odd unit data: an old Quảng Ngãi commune passed whole to a commune today in no province
    (no parent). The old commune's records count in Quảng Ngãi (its old district places it),
    its successor's in none: the successor's cells cannot say which, so the records answer."""
    district = old_commune(unit(51, Level.PROVINCE, OLD)).parent
    common = {"kind": "xã", "source": Source.CSV}
    old = Unit.objects.create(
        level=Level.COMMUNE,
        code=99_960,
        name="Xã Cũ Thử",
        parent=district,
        valid_from=date(2000, 1, 1),
        valid_to=date(2025, 6, 30),
        **common,
    )
    new = Unit.objects.create(
        level=Level.COMMUNE, code=99_961, name="Xã Mới Thử", valid_from=REFORM_DAY, **common
    )
    UnitSuccession.objects.create(predecessor=old, successor=new, date=REFORM_DAY, partial=False)
    units_refresh_rollup()
    activity(old, date(2024, 3, 10), 6, 60)
    activity(new, date(2025, 9, 10), 1, 10)
    rollups.rebuild()
    old.refresh_from_db()
    new.refresh_from_db()
    quang_ngai = unit(51, Level.PROVINCE, NEW)
    assert (old.rollup_commune_id, old.rollup_province_id) == (new.pk, quang_ngai.pk)
    assert new.rollup_province_id is None
    assert not rollup_read._communes_keep_provinces()
    year = {"start": date(2024, 1, 1), "end": date(2025, 12, 31)}
    with CaptureQueriesContext(connection) as queries:
        rows = compute(
            ["prevention.sessions"],
            unit=national_unit(),
            by=("unit",),
            level=Level.PROVINCE,
            **year,
        )
    assert not any("core_rollupcell" in q["sql"] for q in queries.captured_queries)  # records
    by_code = {r["unit"]["code"]: r["value"] for r in rows}
    assert by_code[str(quang_ngai.code)] == 6
    assert by_code[""] == 1
