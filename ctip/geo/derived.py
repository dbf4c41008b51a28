"""Derived tables recomputed from the reference data (no user acts here, so no audit row):
run after loads and by the daily job. Each runs in a unit of work without an audit row of its
own (inside a load's, whose audit row it shares): the dashboards' panel cache learns what it
rewrote at its commit (ctip.dashboard.versions), wherever it is called from."""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.core.models import rollups_invalidate
from ctip.core.work import unit_of_work
from ctip.geo.models import Level, Source, Unit, UnitSuccession
from ctip.geo.rollup import compute_rollup
from ctip.geo.selectors import COVER_ALL_SQL

COUNTRY_CODE = 0
COUNTRY_NAME = "Việt Nam"


def country_ensure() -> int:
    """The country as one unit above the provinces (ADR 0016), created once: 1 if created. It
    is no province's parent; the cover table gives it every unit (selectors.COVER_ALL_SQL).
    Package reference data like the provinces, so no audit row of its own (a load audits it)."""
    if Unit.objects.filter(level=Level.COUNTRY, code=COUNTRY_CODE).exists():
        return 0
    Unit.objects.create(
        level=Level.COUNTRY,
        code=COUNTRY_CODE,
        name=COUNTRY_NAME,
        kind="quốc gia",
        source=Source.PACKAGE,
    )
    return 1


def units_refresh_rollup(*, today: date | None = None) -> int:
    """Recompute where each unit's records count in today's structure. Reference data only:
    runs after loads and imports, never per request."""
    with unit_of_work(audit=False):
        return _refresh_rollup(today or date.today())


def _refresh_rollup(today: date) -> int:
    if Unit.objects.exclude(level=Level.COUNTRY).exists():
        # A database loaded before ADR 0016 gets its country from the daily job as well as
        # from `ctip load_units`; the cover below then changes and the rollups are stopped.
        country_ensure()
    units = list(
        Unit.objects.only(
            "id",
            "level",
            "parent_id",
            "valid_from",
            "valid_to",
            "rollup_province",
            "rollup_commune",
        )
    )
    links = list(UnitSuccession.objects.values_list("predecessor_id", "successor_id", "partial"))
    rollup = compute_rollup(units, links, today)
    changed = []
    for unit in units:
        province, commune = rollup.get(unit.pk, (None, None))
        unit_any: Any = unit
        if (unit_any.rollup_province_id, unit_any.rollup_commune_id) != (province, commune):
            unit_any.rollup_province_id, unit_any.rollup_commune_id = province, commune
            changed.append(unit)
    Unit.objects.bulk_update(changed, ["rollup_province", "rollup_commune"], batch_size=1000)
    if changed:
        rollups_invalidate()  # breakdowns by today's commune moved: rebuild before reading
    units_refresh_cover(today=today)
    return len(changed)


def units_refresh_cover(*, today: date | None = None) -> None:
    """Rebuild UnitCover from units and successions in one statement (the recursive walk of
    ADR 0002, for every root at once), inside a transaction so readers never see it half done."""
    from django.db import connection

    # Rollups are rebuilt only when the closure really changed (the daily job rebuilds it too).
    fingerprint = (
        "SELECT COUNT(*), SUM(ancestor_id), SUM(unit_id * 7 + ancestor_id % 1009) "
        "FROM geo_unitcover"
    )
    with unit_of_work(audit=False), connection.cursor() as cursor:
        cursor.execute(fingerprint)
        before = cursor.fetchone()
        cursor.execute("DELETE FROM geo_unitcover")
        day = connection.ops.adapt_datefield_value(today or date.today())
        cursor.execute(COVER_ALL_SQL, [day, day])
        cursor.execute(fingerprint)
        if cursor.fetchone() != before:
            # Rollup cells are kept per covering unit: stop reading them until rebuilt.
            rollups_invalidate()
