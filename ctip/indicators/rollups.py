"""Rollups: monthly totals of additive flow indicators kept ahead of time (ADR 0008).

A dashboard for a province over five years would otherwise add up hundreds of thousands of
activities and their target groups on every page. A rollup keeps, for one source of records
(the activities) and one set of dimensions (none, agency, target group, commune...), the sum of
each indicator per scope unit and month, where the scope is every unit above commune level whose
territory covers the record (geo_unitcover: a province, its districts and the units they
succeeded each have their own cells; a commune's few records are read directly). `compute` then
reads the whole months of a period from the cells of the asked unit and only the partial months
at its edges from the records (reading: rollup_read.py; this module declares the sources and
builds and refreshes the cells).

Exact, not approximate: cells are built by the same aggregate expressions as `compute` uses,
and every write service's unit of work (ctip.core.work) calls `refresh` with the (date, unit) of
every record it writes, inside its transaction; refresh recomputes the touched cells from the
records. Cells are read only
while the rollup's RollupState row exists: a change to units, successions or agency heirs (or a
fresh database) deletes it, and the records answer until `ctip rollups` rebuilds the cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, IntegerField, Max, Model, Q, Sum, Value
from django.db.models.expressions import Star
from django.db.models.functions import Cast
from django.utils import timezone

from ctip.core.datefunctions import MonthStart
from ctip.core.models import (
    RollupCell,
    RollupState,
    rollups_lock_out_writers,
    rollups_writing,
)
from ctip.core.work import everything_changed, mark_refreshed, provide_rollups
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit, UnitCover
from ctip.indicators.raw import _repeats_records
from ctip.indicators.registry import DIMENSIONS, FLOW, REGISTRY, _scan_key

SLOTS = 6  # value columns v0..v5 of RollupCell
KEYS = 3  # key columns key1..key3 of RollupCell
KEY_COLUMNS = ", ".join(f"key{i + 1}" for i in range(KEYS))
INT_KEYS = {"agency", "unit"}  # dimensions keyed by an integer id (the others by a code)


@dataclass(frozen=True)
class Source:
    """Records whose additive flow indicators are rolled up, and the dimension sets kept
    (each at most `KEYS` dimensions; the month is always kept). A "unit" dimension is kept at
    `unit_level` (the dashboards' breakdown by today's commune)."""

    name: str
    model: type[Model]
    indicators: tuple[str, ...]
    shapes: tuple[tuple[str, ...], ...]
    unit_level: str | None = "commune"
    # Cells per day for every shape (a source of few records: victims, watch entries), where
    # they are hardly more than the monthly ones and no period edge reads records.
    all_daily: bool = False
    # Models whose writes can change what the records count without writing them (a case's
    # home unit or merge moves its events' decisions): a unit of work writing one of them must
    # refresh this source too (ctip.core.work), and the tests check its cells after it.
    follows: tuple[type[Model], ...] = ()
    # The indicator counting each of the source's records once (a count of the records
    # themselves, or `one_record_each`): its value in a group is the number of records behind
    # every value of that group, so a report's provenance (`compute(records=True)`) reads it
    # from the cells instead of scanning the records (the national review, issue 27).
    tally: str | None = None

    def rollup(self, shape: tuple[str, ...]) -> str:
        return f"{self.name}:{'+'.join(shape) or 'total'}"

    def daily(self, shape: tuple[str, ...]) -> bool:
        """The totals (no dimension) are kept per day, the breakdowns per month unless
        `all_daily`: headline figures and monthly series then never read records."""
        return self.all_daily or not shape

    @property
    def names(self) -> list[str]:
        return [self.rollup(s) for s in self.shapes]


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> Source:
    batch = [REGISTRY[c] for c in source.indicators]
    if not 0 < len(batch) <= SLOTS:
        raise ValueError(f"{source.name}: 1 to {SLOTS} indicators")
    if len({_scan_key(i) for i in batch}) != 1:
        raise ValueError(f"{source.name}: indicators must share records and conditions")
    if len({i.estimate_field for i in batch if i.estimate_field}) > 1:
        raise ValueError(f"{source.name}: one estimate field at most")
    if source.tally is not None and not _counts_each_record(source):
        raise ValueError(f"{source.name}: the tally must count each of its records once")
    for indicator in batch:
        value = indicator.value()
        if indicator.kind != FLOW or not indicator.additive:
            raise ValueError(f"{indicator.code}: only additive flows roll up")
        if not isinstance(value, Sum | Count) or not _monthly_additive(value, indicator):
            raise ValueError(f"{indicator.code}: only sums and counts of records roll up")
        for shape in source.shapes:
            if len(shape) > KEYS or not set(shape) <= set(indicator.dimensions):
                raise ValueError(f"{indicator.code}: cannot keep {shape}")
    SOURCES[source.name] = source
    return source


def _counts_each_record(source: Source) -> bool:
    """The tally is one of the source's indicators and counts each record of its scan once:
    COUNT(*) or COUNT(pk) over a scan whose joins repeat no record, COUNT(DISTINCT pk) over any
    scan, or COUNT(DISTINCT column) of a required column when each counted thing has one record
    at most (`one_record_each`). (A shape's set-valued key, target groups say, groups by its
    link rows, each link once: a record counts once within each of its groups, as the records'
    own count does.)"""
    if source.tally not in source.indicators:
        return False
    indicator = REGISTRY[source.tally]
    value = indicator.value()
    if not isinstance(value, Count) or getattr(value, "filter", None) is not None:
        return False
    counted = value.get_source_expressions()[0]
    scan = indicator.records().filter(indicator.filters)
    name = getattr(counted, "name", None)
    distinct = bool(getattr(value, "distinct", False))
    if isinstance(counted, Star) or (name in ("pk", "id") and not distinct):
        return not _repeats_records(scan)
    if name in ("pk", "id"):
        return True
    if not indicator.one_record_each or not distinct or name is None:
        return False
    field = scan.model._meta.get_field(name)
    return not field.null


def _monthly_additive(value: Any, indicator: Any) -> bool:
    """Months add up: a sum, a count of rows, or a distinct count of the records themselves
    (each record has one date, so one month). A distinct count of something else (cases behind
    events) could count one case in two months, unless each case has one record at most."""
    if not getattr(value, "distinct", False) or indicator.one_record_each:
        return True
    counted = value.get_source_expressions()[0]
    return getattr(counted, "name", None) in ("pk", "id")


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


# --- building and refreshing ---------------------------------------------------------------


def rebuild(names: Iterable[str] | None = None) -> dict[str, int]:
    """Build every cell of the named rollups (all by default) from the records; {name: cells}.
    A rebuild follows writes no unit of work saw (`ctip synth`, `ctip demo`, a load by hand):
    the dashboards recompute every cached panel from its commit."""
    chosen = set(names) if names is not None else None
    counts: dict[str, int] = {}
    with transaction.atomic():
        rollups_lock_out_writers()
        for source in SOURCES.values():
            for shape in source.shapes:
                name = source.rollup(shape)
                if chosen is not None and name not in chosen:
                    continue
                RollupState.objects.filter(name=name).delete()
                RollupCell.objects.filter(rollup=name).delete()
                _insert(source, shape)
                counts[name] = RollupCell.objects.filter(rollup=name).count()
                RollupState.objects.create(name=name, built_at=timezone.now())
        # Last, in the same transaction: the state rows are locked before the epoch's row, in
        # the order the daily job takes them, so the two cannot wait on each other.
        everything_changed()
    return counts


def ensure() -> dict[str, int]:
    """Rebuild the rollups that are not built (after loads, and daily after the reference
    data's refresh); {} when all are."""
    built = set(RollupState.objects.values_list("name", flat=True))
    missing = [n for s in SOURCES.values() for n in s.names if n not in built]
    return rebuild(missing) if missing else {}


# Models whose cells a write refreshed or added to since the last `touched.clear()`: the test
# suite checks those sources' cells against their records after every test.
touched: set[type[Model]] = set()


def add(*, model: type[Model], only: Q) -> None:
    """Add new records (`only` selects them, e.g. an import's batch) to the cells: their own
    aggregates are inserted as further cells, which reads sum with the others. Exact for records
    that were created, never for records that changed (use `refresh`). Call inside the writing
    transaction, after the write (a unit of work does: `work.add`)."""
    touched.add(model)
    mark_refreshed(model)
    for source in SOURCES.values():
        if source.model is not model:
            continue
        for shape in _locked_built(source):
            _insert(source, shape, only=only)


def _locked_built(source: Source) -> list[tuple[str, ...]]:
    """The source's built shapes, their state rows locked: refreshes of one source run one at
    a time, so two writers cannot delete and re-insert the same cells from different snapshots.
    First, the writers' lock shared: a build in progress finishes before the built shapes are
    read (`core.models.rollups_lock_out_writers`)."""
    rollups_writing()
    with transaction.atomic():
        built = set(
            RollupState.objects.select_for_update()
            .filter(name__in=source.names)
            .values_list("name", flat=True)
        )
    return [s for s in source.shapes if source.rollup(s) in built]


def refresh(*, model: type[Model], points: Iterable[tuple[date, int | None]]) -> None:
    """Recompute the cells a write touched: every scope covering each point's unit, in the
    point's month. Call inside the writing transaction, after the write (a unit of work does:
    `work.touch`)."""
    touched.add(model)
    mark_refreshed(model)
    kept: list[tuple[date, int]] = [(d, u) for d, u in points if d is not None and u is not None]
    if not kept:
        return
    for source in SOURCES.values():
        if source.model is not model:
            continue
        months = sorted({d.replace(day=1) for d, _ in kept})
        units = sorted({u for _, u in kept})
        for shape in _locked_built(source):
            _refresh(source, shape, months, units)


def _refresh(source: Source, shape: tuple[str, ...], months: list[date], units: list[int]) -> None:
    scopes = list(
        _cover().filter(unit_id__in=units).values_list("ancestor_id", flat=True).distinct()
    )
    within = Q()
    for m in months:  # a month's cell, or its days' cells (daily totals)
        within |= Q(month__gte=m, month__lt=_next_month(m))
    RollupCell.objects.filter(within, rollup=source.rollup(shape), scope__in=scopes).delete()
    country = _country_id()
    _insert(source, shape, months=months, scopes=[s for s in scopes if s != country])
    if country is not None and country in scopes:
        _insert_national(source, shape, months, country)


def _country_id() -> int | None:
    return Unit.objects.filter(level=Level.COUNTRY).values_list("pk", flat=True).first()


# Today's provinces: the units that are their own roll-up province.
_PROVINCES = "SELECT id FROM geo_unit WHERE rollup_province_id = id"


def _insert_national(
    source: Source, shape: tuple[str, ...], months: list[date], country: int
) -> None:
    """The country's refreshed cells without reading the nation's records of those months
    (ADR 0016): today's provinces divide the placed records exactly, so the country's cells are
    the sum of the provinces' (just refreshed, or untouched and exact) plus the records of units
    placed in no province."""
    first = REGISTRY[source.indicators[0]]
    unplaced = Q(**{f"{first.unit_field}__rollup_province__isnull": True})
    _insert(source, shape, months=months, scopes=[country], only=unplaced)
    adapt = connection.ops.adapt_datefield_value
    ranges = " OR ".join(["(month >= %s AND month < %s)"] * len(months))
    params: list[Any] = [country, source.rollup(shape)]
    for m in months:
        params += [adapt(m), adapt(_next_month(m))]
    values = ", ".join(f"v{i}" for i in range(SLOTS))
    sums = ", ".join(f"SUM(v{i})" for i in range(SLOTS))
    statement = (
        f"INSERT INTO core_rollupcell (rollup, scope, month, {KEY_COLUMNS}, {values}, estimate) "  # noqa: S608 - names are ours
        f"SELECT rollup, %s, month, {KEY_COLUMNS}, {sums}, MAX(estimate) FROM core_rollupcell "
        f"WHERE rollup = %s AND scope IN ({_PROVINCES}) AND ({ranges}) "
        f"GROUP BY rollup, month, {KEY_COLUMNS}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _cover() -> Any:
    return UnitCover.objects


def _inner(
    source: Source,
    shape: tuple[str, ...],
    months: list[date] | None,
    scopes: list[int] | None,
    only: Q | None = None,
) -> tuple[str, tuple]:
    """The records' aggregate per own unit, month and keys (the expressions `compute` uses)."""

    batch = [REGISTRY[c] for c in source.indicators]
    first = batch[0]
    qs = first.records().filter(first.filters)
    if only is not None:
        qs = qs.filter(only)
    if months is not None:
        within = Q()
        for m in months:
            within |= Q(
                **{f"{first.date_field}__gte": m, f"{first.date_field}__lt": _next_month(m)}
            )
        qs = qs.filter(within)
    if scopes is not None:
        covered = _cover().filter(ancestor_id__in=scopes).values("unit_id")
        qs = qs.filter(**{f"{first.unit_field}__in": covered})
    values: dict[str, Any] = {
        "r_unit": F(first.unit_field),
        "r_month": F(first.date_field) if source.daily(shape) else MonthStart(first.date_field),
    }
    for n, dim in enumerate(shape):
        values[f"r_k{n}"] = DIMENSIONS[dim].key(first, source.unit_level if dim == "unit" else None)
    aggregates: dict[str, Any] = {f"r_v{n}": i.value() for n, i in enumerate(batch)}
    estimate = next((i.estimate_field for i in batch if i.estimate_field), None)
    aggregates["r_e"] = Max(Cast(estimate, IntegerField())) if estimate else Max(Value(0))
    return qs.values(**values).annotate(**aggregates).order_by().query.sql_with_params()


def _insert(
    source: Source,
    shape: tuple[str, ...],
    *,
    months: list[date] | None = None,
    scopes: list[int] | None = None,
    only: Q | None = None,
) -> None:
    """INSERT ... SELECT: the inner aggregate joined to every unit covering its own unit."""
    sql, params = _inner(source, shape, months, scopes, only)
    n = len(source.indicators)
    month = "CAST(s.r_month AS DATE)" if connection.vendor == "postgresql" else "s.r_month"
    keys = [f"CAST(s.r_k{i} AS TEXT)" if i < len(shape) else "NULL" for i in range(KEYS)]
    sums = [f"SUM(s.r_v{i})" if i < n else "0" for i in range(SLOTS)]
    group = ["c.ancestor_id", "s.r_month", *(f"s.r_k{i}" for i in range(len(shape)))]
    # Cells only for units above communes: a commune's own records are few (an index on unit
    # and date finds them), and its cells would be as many as its records.
    levels = ", ".join(f"'{str(level)}'" for level in sorted(COMMUNE_LEVELS))
    where = f" JOIN geo_unit g ON g.id = c.ancestor_id WHERE g.level NOT IN ({levels})"
    extra: tuple = ()
    if scopes is not None:
        where += f" AND c.ancestor_id IN ({', '.join(['%s'] * len(scopes))})"
        extra = tuple(scopes)
    statement = (
        f"INSERT INTO core_rollupcell (rollup, scope, month, {KEY_COLUMNS}, "  # noqa: S608
        f"{', '.join(f'v{i}' for i in range(SLOTS))}, estimate) "
        f"SELECT %s, c.ancestor_id, {month}, {', '.join(keys)}, {', '.join(sums)}, "
        f"COALESCE(MAX(s.r_e), 0) FROM ({sql}) s "
        f"JOIN geo_unitcover c ON c.unit_id = s.r_unit{where} GROUP BY {', '.join(group)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, (source.rollup(shape), *params, *extra))


def source_tables() -> dict[str, type[Model]]:
    """{table: model} of the records every rollup reads: the source models and their
    many-to-many links (an activity's target groups are a breakdown)."""
    tables: dict[str, type[Model]] = {}
    for source in SOURCES.values():
        model = source.model
        tables[model._meta.db_table] = model
        for field in model._meta.many_to_many:
            tables[field.remote_field.through._meta.db_table] = model  # type: ignore[union-attr]
    return tables


def followers() -> dict[type[Model], set[type[Model]]]:
    """{model: the source models whose cells its writes can change} (`Source.follows`)."""
    found: dict[type[Model], set[type[Model]]] = {}
    for source in SOURCES.values():
        for model in source.follows:
            found.setdefault(model, set()).add(source.model)
    return found


def points_of(model: Any, rows: Any) -> set[tuple[date, int]]:
    """(date, unit) of `rows` for every rollup kept over `model`'s records: the cells a write
    to them touches (`refresh`). Nothing for a model no rollup reads."""
    points: set[tuple[date, int]] = set()
    for source in SOURCES.values():
        if source.model is model:
            first = REGISTRY[source.indicators[0]]
            points |= set(rows.values_list(first.date_field, first.unit_field))
    return points


# The kernel's unit of work refreshes the sources its services declare through these, and
# refuses a write to their tables that was not refreshed.
provide_rollups(
    refresh=refresh, add=add, tables=source_tables, points=points_of, followers=followers
)
