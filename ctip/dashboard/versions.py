"""Versions of the dashboards' sources, the keys of the panel cache (ctip.dashboard.cache).

A source is an app's tables (prevention, victims, enforcement, ...). Every outermost unit of work
(ctip.core.work, ADR 0011) calls `bump` inside its transaction, after its checks: for the tables
it wrote it adds 1 to the version of (app, unit) for every unit covering the records it touched
(`work.touch` and `work.add` say where: the province, its old district and the commune alike),
and to (app, 0) when it did not say where (a table that is no rollup source, such as a case's
support). The versions live in the database, so every worker process sees a write at its commit;
a reader that read the old versions keys what it computes under the old versions, which no one
reads after the commit (see ctip/dashboard/README.md).

Every key also holds the database's epoch, a random number in the row (EPOCH, 0), read in the
same query as the versions. `bump_everywhere` draws a new one when records may have changed
where no unit of work saw them (`ctip.core.work.everything_changed`: a rollup rebuild after a
load by hand or `ctip synth`, the daily refresh of the reference data... see the README), and
when a restored or migrated database may hold versions that were already used for other
data: a restore brings back older numbers, which the next writes would count up again to the
numbers of entries cached before it. No key computed before a new epoch matches after it."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import connection

from ctip.core.work import Work, on_finish
from ctip.dashboard.models import PanelVersion
from ctip.dashboard.panels import PANELS, panel_codes
from ctip.geo.models import UnitCover
from ctip.indicators.registry import REGISTRY
from ctip.indicators.rollups import SOURCES, source_tables

EVERYWHERE = 0
# The source of the epoch's row (at scope 0): no app label has brackets.
EPOCH = "(epoch)"
_CHUNK = 300  # rows per statement (SQLite's bound on parameters)


# Names of groups (units, agencies) appear in every breakdown; their changes reach every panel.
SHARED = ("geo", "agencies")


@functools.cache
def watched() -> frozenset[str]:
    """The apps some panel reads (the records of its indicators) and the shared ones: writes
    to other apps (accounts, reports) bump nothing."""
    codes = {code for panel in PANELS for code in panel_codes(panel)}
    codes |= {"prevention.sessions", "victims.received", "enforcement.cases_detected"}  # risk
    return frozenset({REGISTRY[c].records().model._meta.app_label for c in codes} | set(SHARED))


@functools.cache
def _apps_of_tables() -> dict[str, str]:
    """{table: app label} of every model of a watched app, many-to-many links included."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in watched():
            found[model._meta.db_table] = model._meta.app_label
    return found


def bump(work: Work) -> None:
    if work.everything:
        bump_everywhere()  # every key changes: what the work says of itself adds nothing
        return
    # The tables a write reported through `touch` and `add` count as written even when the
    # connection's execute wrappers did not see them: on PostgreSQL a bulk load writes by COPY
    # on psycopg's own cursor (ctip.core.bulk), which Django's wrappers never see.
    tables = set(work.tables) | {m._meta.db_table for m in (*work.points, *work.added)}
    if not tables:
        return
    labels, sources = _apps_of_tables(), source_tables()
    located: dict[str, set[int]] = {}
    everywhere: set[str] = set()
    for table in tables:
        app = labels.get(table)
        if app is None:
            continue
        model = sources.get(table)
        if model is not None and (model in work.points or model in work.added):
            located.setdefault(app, set()).update(_units(work, model))
        else:
            everywhere.add(app)
    rows = [(app, EVERYWHERE) for app in sorted(everywhere)]
    units = set().union(*located.values()) if located else set()
    if units:
        covering = _covering(units)
        for app, mine in sorted(located.items()):
            rows += [(app, scope) for scope in sorted({s for u in mine for s in covering[u]})]
    _add_one(rows)


def _units(work: Work, model: Any) -> set[int]:
    units = {u for _day, u in work.points.get(model, ()) if u is not None}
    field = _unit_field(model)
    for only in work.added.get(model, ()):
        units.update(model.objects.filter(only).values_list(field, flat=True).distinct().order_by())
    units.discard(None)  # type: ignore[arg-type]
    return units


def _unit_field(model: Any) -> str:
    for source in SOURCES.values():
        if source.model is model:
            return REGISTRY[source.indicators[0]].unit_field
    return "unit"


def _covering(units: set[int]) -> dict[int, set[int]]:
    """{unit: every unit whose territory covers it, itself included} (geo_unitcover)."""
    found: dict[int, set[int]] = {u: {u} for u in units}
    ordered = sorted(units)
    for n in range(0, len(ordered), _CHUNK):
        pairs = UnitCover.objects.filter(unit_id__in=ordered[n : n + _CHUNK]).values_list(
            "unit_id", "ancestor_id"
        )
        for unit, ancestor in pairs:
            found[unit].add(ancestor)
    return found


def _add_one(rows: list[tuple[str, int]]) -> None:
    table = PanelVersion._meta.db_table
    with connection.cursor() as cursor:
        for n in range(0, len(rows), _CHUNK):
            chunk = rows[n : n + _CHUNK]
            values = ", ".join(["(%s, %s, 1)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (source, scope, version) VALUES {values} "  # noqa: S608 - our table, placeholders
                f"ON CONFLICT (source, scope) DO UPDATE SET version = {table}.version + 1",
                [x for row in chunk for x in row],
            )


def bump_everywhere() -> None:
    """Every panel is to be recomputed: a new epoch, in one statement inside the caller's
    transaction. Through `ctip.core.work.everything_changed` from the layers below."""
    table = PanelVersion._meta.db_table
    if table not in connection.introspection.table_names():
        return  # a restored database of an older release: `ctip migrate`, run next, draws it
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (source, scope, version) VALUES (%s, %s, %s) "  # noqa: S608 - our table, placeholders
            "ON CONFLICT (source, scope) DO UPDATE SET version = excluded.version",
            [EPOCH, EVERYWHERE, secrets.randbits(62)],
        )


def read(sources: Iterable[str], scope: int) -> dict[tuple[str, int], int]:
    """{(source, scope): version} of these sources at `scope` and everywhere, and the epoch
    at (EPOCH, 0): one query."""
    return {
        (source, at): version
        for source, at, version in PanelVersion.objects.filter(
            source__in=[*sorted(set(sources)), EPOCH], scope__in=(scope, EVERYWHERE)
        ).values_list("source", "scope", "version")
    }


on_finish(bump)
