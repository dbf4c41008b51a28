"""Rollups: monthly totals of additive flow indicators kept ahead of time (ADR 0008).

A dashboard for a province over five years would otherwise add up hundreds of thousands of
activities and their target groups on every page. A rollup keeps, for one source of records
(the activities) and one set of dimensions (none, agency, target group, commune...), the sum of
each indicator per scope unit and month, where the scope is every unit above commune level whose
territory covers the record (geo_unitcover: a province, its districts and the units they
succeeded each have their own cells; a commune's few records are read directly). `compute` then
reads the whole months of a period from the cells of the asked unit and only the partial months
at its edges from the records.

Exact, not approximate: cells are built by the same aggregate expressions as `compute` uses,
and the write services call `refresh` with the (date, unit) of every record they write, inside
their transaction; refresh recomputes the touched cells from the records. Cells are read only
while the rollup's RollupState row exists: a change to units, successions or agency heirs (or a
fresh database) deletes it, and the records answer until `ctip rollups` rebuilds the cells.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, IntegerField, Max, Model, Q, Sum, Value
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone

from ctip.core.models import RollupCell, RollupState
from ctip.geo.models import COMMUNE_LEVELS

SLOTS = 6  # value columns v0..v5 of RollupCell
INT_KEYS = {"agency", "unit"}  # dimensions keyed by an integer id (the others by a code)


@dataclass(frozen=True)
class Source:
    """Records whose additive flow indicators are rolled up, and the dimension sets kept
    (each at most two dimensions; the month is always kept). A "unit" dimension is kept at
    `unit_level` (the dashboards' breakdown by today's commune)."""

    name: str
    model: type[Model]
    indicators: tuple[str, ...]
    shapes: tuple[tuple[str, ...], ...]
    unit_level: str | None = "commune"
    # Cells per day for every shape (a source of few records: victims, watch entries), where
    # they are hardly more than the monthly ones and no period edge reads records.
    all_daily: bool = False

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
    from ctip.core.indicators import FLOW, REGISTRY, _scan_key

    batch = [REGISTRY[c] for c in source.indicators]
    if not 0 < len(batch) <= SLOTS:
        raise ValueError(f"{source.name}: 1 to {SLOTS} indicators")
    if len({_scan_key(i) for i in batch}) != 1:
        raise ValueError(f"{source.name}: indicators must share records and conditions")
    if len({i.estimate_field for i in batch if i.estimate_field}) > 1:
        raise ValueError(f"{source.name}: one estimate field at most")
    for indicator in batch:
        value = indicator.value()
        if indicator.kind != FLOW or not indicator.additive:
            raise ValueError(f"{indicator.code}: only additive flows roll up")
        if not isinstance(value, Sum | Count) or not _monthly_additive(value):
            raise ValueError(f"{indicator.code}: only sums and counts of records roll up")
        for shape in source.shapes:
            if len(shape) > 2 or not set(shape) <= set(indicator.dimensions):
                raise ValueError(f"{indicator.code}: cannot keep {shape}")
    SOURCES[source.name] = source
    return source


def _monthly_additive(value: Any) -> bool:
    """Months add up: a sum, a count of rows, or a distinct count of the records themselves
    (each record has one date, so one month). A distinct count of something else (cases behind
    events) could count one case in two months."""
    if not getattr(value, "distinct", False):
        return True
    counted = value.get_source_expressions()[0]
    return getattr(counted, "name", None) in ("pk", "id")


# --- reading -----------------------------------------------------------------------------------


def answer(
    batch: list[Any],
    unit: Any,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None,
) -> list[dict[str, Any]] | None:
    """The raw result `compute` would get (k_<dim>, v<n>, e<n> per group), from the cells of
    the whole months and the records of the partial ones; None when no built rollup fits."""
    from ctip.core.indicators import raw_result

    fit = _fit(batch, by, level, where)
    if fit is None or unit.level in COMMUNE_LEVELS:
        return None
    source, shape = fit
    whole: tuple[date, date] | None
    edges: list[tuple[date, date]] = []
    if source.daily(shape):
        whole = (start, end)
    else:
        whole, edges = split_period(start, end)
        if whole is None:
            return None  # no whole month: the records alone are as quick
    if source.rollup(shape) not in _built():
        return None
    found = _cells(source, shape, batch, unit.pk, whole, by, where)
    for edge in edges:
        # One query per edge: a single date range lets the (unit, date) index serve it, where
        # two ranges joined by OR made PostgreSQL read every unit's rows of those days.
        raw = raw_result(batch, unit, start, end, by, level, where, ranges=[edge])
        found = _merge(found, raw, batch, by)
    return found


def answer_split(
    batch: list[Any],
    unit: Any,
    start: date,
    split: date,
    end: date,
    where: dict[str, Any] | None,
) -> list[dict[str, Any]] | None:
    """Totals over [start, end] grouped by the side of `split` ("k__split" 0 or 1), from
    daily cells; None when no built daily rollup fits (monthly cells would need four edges)."""
    fit = _fit(batch, (), None, where)
    if fit is None or unit.level in COMMUNE_LEVELS:
        return None
    source, shape = fit
    if not source.daily(shape) or source.rollup(shape) not in _built():
        return None
    return _cells(source, shape, batch, unit.pk, (start, end), ("_split",), where, split=split)


_SNAPSHOT: ContextVar[frozenset[str] | None] = ContextVar("rollups_built", default=None)


@contextmanager
def reading() -> Iterator[None]:
    """Within: which rollups are built is read once (a dashboard page asks dozens of times).
    Outside, every `compute` asks the database."""
    token = _SNAPSHOT.set(frozenset(RollupState.objects.values_list("name", flat=True)))
    try:
        yield
    finally:
        _SNAPSHOT.reset(token)


def _built() -> frozenset[str]:
    snapshot = _SNAPSHOT.get()
    if snapshot is not None:
        return snapshot
    return frozenset(RollupState.objects.values_list("name", flat=True))


def _fit(
    batch: list[Any], by: tuple[str, ...], level: str | None, where: dict[str, Any] | None
) -> tuple[Source, tuple[str, ...]] | None:
    codes = {i.code for i in batch}
    wanted = {*(d for d in by if d != "month"), *(where or {})}
    if "unit" in wanted and level is None:
        return None
    for source in SOURCES.values():
        if not codes <= set(source.indicators):
            continue
        if "unit" in wanted and level != source.unit_level:
            return None
        # The shape must be exactly the dimensions asked for: summing cells over a dimension
        # with several values per record (target groups) would count a record twice.
        shapes = [s for s in source.shapes if set(s) == wanted]
        if shapes:
            return source, shapes[0]
    return None


def split_period(start: date, end: date) -> tuple[tuple[date, date] | None, list]:
    """(first and last whole month, [partial date ranges at the edges])."""
    first = start if start.day == 1 else _next_month(start)
    last_day = calendar.monthrange(end.year, end.month)[1]
    last = end.replace(day=1) if end.day == last_day else _prev_month(end.replace(day=1))
    if first > last:
        return None, [(start, end)]
    edges = []
    if start < first:
        edges.append((start, first - timedelta(days=1)))
    if end.day != last_day:
        edges.append((end.replace(day=1), end))
    return (first, last), edges


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _prev_month(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def _cells(
    source: Source,
    shape: tuple[str, ...],
    batch: list[Any],
    scope: int,
    whole: tuple[date, date],
    by: tuple[str, ...],
    where: dict[str, Any] | None,
    split: date | None = None,
) -> list[dict[str, Any]]:
    """`by` may hold "_split" (with `split`): the side of that day each cell falls on.

    Written as SQL, not through the ORM: a province's dashboard reads cells some twenty times,
    and building and compiling a queryset each time cost more than the index scan itself."""
    adapt = connection.ops.adapt_datefield_value
    keys: list[tuple[str, str]] = []  # (result name, SQL expression)
    params: list[Any] = []
    for d in by:
        if d == "_split" and split is not None:
            keys.append(("k__split", "CASE WHEN month >= %s THEN 1 ELSE 0 END"))
            params.append(adapt(split))
        elif d == "month":
            keys.append(("k_month", _month_sql() if source.daily(shape) else "month"))
        else:
            keys.append((f"k_{d}", f"key{shape.index(d) + 1}"))
    values: list[str] = []
    for indicator in batch:
        values.append(f"SUM(v{source.indicators.index(indicator.code)})")
        if indicator.estimate_field:
            values.append("MAX(estimate)")
    conditions = ["rollup = %s", "scope = %s", "month BETWEEN %s AND %s"]
    params += [source.rollup(shape), scope, adapt(whole[0]), adapt(whole[1])]
    for dim, value in (where or {}).items():
        column = f"key{shape.index(dim) + 1}"
        if value is None:
            conditions.append(f"{column} IS NULL")
        else:
            conditions.append(f"{column} = %s")
            params.append(str(value))  # keys are stored as text
    sql = f"SELECT {', '.join([*(e for _, e in keys), *values])} FROM core_rollupcell "  # noqa: S608 - names are ours
    sql += f"WHERE {' AND '.join(conditions)}"
    if keys:
        sql += f" GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return _merge(_cell_rows(found, keys, batch), [], batch, by)


def _month_sql() -> str:
    """The first day of a daily cell's month."""
    if connection.vendor == "postgresql":
        return "CAST(DATE_TRUNC('month', month) AS DATE)"
    return "strftime('%%Y-%%m-01', month)"


def _cell_rows(
    found: list[tuple], keys: list[tuple[str, str]], batch: list[Any]
) -> list[dict[str, Any]]:
    """Rows named as `compute`'s raw results, with integer ids (keys are stored as text);
    months become dates in `_merge`."""
    names = [name for name, _ in keys]
    for n, indicator in enumerate(batch):
        names.append(f"v{n}")
        if indicator.estimate_field:
            names.append(f"e{n}")
    rows = [dict(zip(names, r, strict=True)) for r in found]
    for name, _ in keys:
        if name[2:] in INT_KEYS:
            for r in rows:
                r[name] = None if r[name] is None else int(r[name])
    return rows


def _merge(
    cells: list[dict[str, Any]], raw: list[dict[str, Any]], batch: list[Any], by: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Cells and records' rows added up by group, values as ints (PostgreSQL's SUM of bigint
    is a Decimal), in the database's order of the keys."""
    from ctip.core.indicators import _as_date

    names = [f"k_{d}" for d in by]
    months = [d == "month" for d in by]  # a date, a datetime or (SQLite) text
    slots = [(f"v{n}", f"e{n}") for n in range(len(batch))]
    merged: dict[tuple, dict[str, Any]] = {}
    for r in (*cells, *raw):
        key = tuple(_as_date(r[k]) if m else r[k] for k, m in zip(names, months, strict=True))
        into = merged.get(key)
        if into is None:
            into = merged[key] = dict(zip(names, key, strict=True))
            for v, e in slots:
                into[v] = into[e] = 0
        for v, e in slots:
            into[v] += int(r.get(v) or 0)
            into[e] = max(into[e], int(r.get(e) or 0))
    return [merged[k] for k in sorted(merged, key=_order)]


def _order(key: tuple) -> tuple:
    """Keys in the database's order: NULL first on SQLite, last on PostgreSQL."""
    last = connection.vendor != "sqlite"
    return tuple(x for v in key for x in ((v is None) == last, 0 if v is None else v))


# --- building and refreshing ---------------------------------------------------------------


def rebuild(names: Iterable[str] | None = None) -> dict[str, int]:
    """Build every cell of the named rollups (all by default) from the records; {name: cells}."""
    chosen = set(names) if names is not None else None
    counts: dict[str, int] = {}
    with transaction.atomic():
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
    return counts


def ensure() -> dict[str, int]:
    """Rebuild the rollups that are not built (after loads, and daily after the reference
    data's refresh); {} when all are."""
    built = set(RollupState.objects.values_list("name", flat=True))
    missing = [n for s in SOURCES.values() for n in s.names if n not in built]
    return rebuild(missing) if missing else {}


def invalidate() -> None:
    """Stop reading every rollup (units, successions or agency heirs changed): the records
    answer until `ctip rollups` rebuilds."""
    RollupState.objects.all().delete()


def add(*, model: type[Model], only: Q) -> None:
    """Add new records (`only` selects them, e.g. an import's batch) to the cells: their own
    aggregates are inserted as further cells, which reads sum with the others. Exact for records
    that were created, never for records that changed (use `refresh`). Call inside the writing
    transaction, after the write."""
    for source in SOURCES.values():
        if source.model is not model:
            continue
        for shape in _locked_built(source):
            _insert(source, shape, only=only)


def _locked_built(source: Source) -> list[tuple[str, ...]]:
    """The source's built shapes, their state rows locked: refreshes of one source run one at
    a time, so two writers cannot delete and re-insert the same cells from different snapshots."""
    with transaction.atomic():
        built = set(
            RollupState.objects.select_for_update()
            .filter(name__in=source.names)
            .values_list("name", flat=True)
        )
    return [s for s in source.shapes if source.rollup(s) in built]


def refresh(*, model: type[Model], points: Iterable[tuple[date, int | None]]) -> None:
    """Recompute the cells a write touched: every scope covering each point's unit, in the
    point's month. Call inside the writing transaction, after the write."""
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
    _insert(source, shape, months=months, scopes=scopes)


def _cover() -> Any:
    from ctip.geo.models import UnitCover

    return UnitCover.objects


def _inner(
    source: Source,
    shape: tuple[str, ...],
    months: list[date] | None,
    scopes: list[int] | None,
    only: Q | None = None,
) -> tuple[str, tuple]:
    """The records' aggregate per own unit, month and keys (the expressions `compute` uses)."""
    from ctip.core.indicators import DIMENSIONS, REGISTRY

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
        "r_month": F(first.date_field) if source.daily(shape) else TruncMonth(first.date_field),
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
    keys = [f"CAST(s.r_k{i} AS TEXT)" if i < len(shape) else "NULL" for i in range(2)]
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
        "INSERT INTO core_rollupcell (rollup, scope, month, key1, key2, "  # noqa: S608
        f"{', '.join(f'v{i}' for i in range(SLOTS))}, estimate) "
        f"SELECT %s, c.ancestor_id, {month}, {', '.join(keys)}, {', '.join(sums)}, "
        f"COALESCE(MAX(s.r_e), 0) FROM ({sql}) s "
        f"JOIN geo_unitcover c ON c.unit_id = s.r_unit{where} GROUP BY {', '.join(group)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, (source.rollup(shape), *params, *extra))
