"""Reading rollup cells (ADR 0008): `answer` gives `compute` the whole months of a period from
the cells of the asked unit and the partial months at its edges from the records; `plan`,
`cells_sql`, `with_edges` and `cells_result` give `compute_many` the same reading, its cells read
as parts of one UNION ALL; `reading()` asks once per page which rollups are built."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection

from ctip.core.models import RollupState
from ctip.geo.models import COMMUNE_LEVELS, Level
from ctip.indicators.raw import Part, raw_result
from ctip.indicators.registry import REGISTRY, _as_date
from ctip.indicators.rollups import INT_KEYS, SOURCES, Source, _next_month


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

    cells = plan(batch, unit, start, end, by, level, where)
    if cells is None:
        return None
    if cells.regroup and not _communes_keep_provinces():
        return None
    found = _cells(
        cells.source, cells.shape, batch, unit.pk, cells.whole, by, where, regroup=cells.regroup
    )
    return with_edges(found, cells, batch, unit, start, end, by, level, where)


@dataclass(frozen=True)
class Plan:
    """Which cells answer a batch (`plan`), decided without reading a cell."""

    source: Source
    shape: tuple[str, ...]
    whole: tuple[date, date]  # the cells' months
    edges: list[tuple[date, date]]  # the partial months at the edges, read from the records
    regroup: bool  # by province from the cells kept by today's commune (`_by_province`)


def plan(
    batch: list[Any],
    unit: Any,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None,
) -> Plan | None:
    """How `answer` reads the batch from cells; None when no built rollup fits."""
    fit = _fit(batch, by, level, where)
    if fit is None or unit.level in COMMUNE_LEVELS:
        return None
    source, shape = fit
    # By province from the cells kept by today's commune (the country's breakdown, issue 27).
    regroup = "unit" in shape and level != source.unit_level
    whole: tuple[date, date] | None
    edges: list[tuple[date, date]] = []
    if source.daily(shape):
        whole = (start, end)
    else:
        whole, edges = split_period(start, end)
        if whole is None:
            return None  # no whole month: the records alone are as quick
    if source.rollup(shape) not in built_rollups():
        return None
    return Plan(source, shape, whole, edges, regroup)


def with_edges(
    found: list[dict[str, Any]],
    cells: Plan,
    batch: list[Any],
    unit: Any,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None,
) -> list[dict[str, Any]]:
    """The cells' rows `found` with the records of the plan's partial months added."""
    for edge in cells.edges:
        # One query per edge: a single date range lets the (unit, date) index serve it, where
        # two ranges joined by OR made PostgreSQL read every unit's rows of those days.
        raw = raw_result(batch, unit, start, end, by, level, where, ranges=[edge])
        found = _merge(found, raw, batch, by)
    return found


def counted(
    batch: list[Any],
    unit: Any,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None,
) -> list[dict[str, Any]] | None:
    """`answer` with "records", the records behind each group's values: the value of the
    source's tally (`Source.tally`, asked along with the batch when it is not in it), which
    counts each record of the batch's scan once. None when the batch's source keeps no tally or
    no built rollup fits: the records answer."""
    source = next(_holding(batch), None)
    if source is None or source.tally is None:
        return None
    tally = REGISTRY[source.tally]
    asked = batch if tally in batch else [*batch, tally]
    found = answer(asked, unit, start, end, by, level, where)
    if found is None:
        return None
    value = f"v{asked.index(tally)}"
    for row in found:
        row["records"] = row[value] or 0
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
    if not source.daily(shape) or source.rollup(shape) not in built_rollups():
        return None
    return _cells(source, shape, batch, unit.pk, (start, end), ("_split",), where, split=split)


_SNAPSHOT: ContextVar[frozenset[str] | None] = ContextVar("rollups_built", default=None)
# Within `reading()`: the answer of `_communes_keep_provinces`, once asked.
_KEEP: ContextVar[list[bool] | None] = ContextVar("rollups_keep_provinces", default=None)


@contextmanager
def reading() -> Iterator[None]:
    """Within: which rollups are built is read once (a dashboard page asks dozens of times).
    Outside, every `compute` asks the database."""
    token = _SNAPSHOT.set(frozenset(RollupState.objects.values_list("name", flat=True)))
    kept = _KEEP.set([])
    try:
        yield
    finally:
        _KEEP.reset(kept)
        _SNAPSHOT.reset(token)


def built_rollups() -> frozenset[str]:
    """The names of the rollups whose cells may be read (a RollupState row each): within
    `reading()` as read once; outside, asked now. The test suite's check reads them too."""
    snapshot = _SNAPSHOT.get()
    if snapshot is not None:
        return snapshot
    return frozenset(RollupState.objects.values_list("name", flat=True))


# A commune unit's cell key is `Coalesce(rollup_commune, unit)` of the records' own units, and
# a record counts in its own unit's `rollup_province` (registry._unit_key). The cells of a key
# may be grouped by the key unit's province only if every unit rolled up into another commune
# stands in that commune's province. `compute_rollup` places them so (an old commune follows its
# whole successor), except in odd unit data (a commune today in no province, whose whole
# predecessor its old district places): then the records answer. Reference data only.
_MOVED_PROVINCE = (
    "SELECT 1 FROM geo_unit u JOIN geo_unit c ON c.id = u.rollup_commune_id "
    "WHERE u.rollup_commune_id <> u.id "
    "AND COALESCE(u.rollup_province_id, 0) <> COALESCE(c.rollup_province_id, 0)"
)


def _communes_keep_provinces() -> bool:
    """True when grouping commune cells by the commune's province equals grouping the records
    by their own unit's province (asked once per `reading()`)."""
    kept = _KEEP.get()
    if kept:
        return kept[0]
    with connection.cursor() as cursor:
        cursor.execute(f"{_MOVED_PROVINCE} LIMIT 1")  # noqa: S608 - a constant
        answer = cursor.fetchone() is None
    if kept is not None:
        kept.append(answer)
    return answer


def _holding(batch: list[Any]) -> Iterator[Source]:
    """The sources that roll up every indicator of the batch."""
    codes = {i.code for i in batch}
    return (s for s in SOURCES.values() if codes <= set(s.indicators))


def _fit(
    batch: list[Any], by: tuple[str, ...], level: str | None, where: dict[str, Any] | None
) -> tuple[Source, tuple[str, ...]] | None:
    wanted = {*(d for d in by if d not in PERIOD_DIMS), *(where or {})}
    if "unit" in wanted and level is None:
        return None
    for source in _holding(batch):
        # Today's provinces from cells kept by today's commune: each commune stands in one.
        by_province = level == Level.PROVINCE and source.unit_level == "commune"
        if "unit" in wanted and level != source.unit_level and not by_province:
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
    regroup: bool = False,
) -> list[dict[str, Any]]:
    """The cells' aggregate (`cells_sql`) read, as `compute`'s raw result."""
    sql, params, keys = cells_sql(
        source, shape, batch, scope, whole, by, where, split=split, regroup=regroup
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return cells_result(found, keys, batch, by)


def cells_sql(
    source: Source,
    shape: tuple[str, ...],
    batch: list[Any],
    scope: int,
    whole: tuple[date, date],
    by: tuple[str, ...],
    where: dict[str, Any] | None,
    *,
    split: date | None = None,
    regroup: bool = False,
    part: Part | None = None,
) -> tuple[str, list[Any], list[tuple[str, str]]]:
    """(SQL, parameters, keys as (result name, SQL expression)) of the cells' aggregate.

    `by` may hold "_split" (with `split`): the side of that day each cell falls on. With
    `regroup`, the unit dimension (kept by today's commune) is grouped and narrowed by the
    commune's province (`_by_province`). With `part` (not regrouped), the aggregate is one
    SELECT of a UNION ALL (`queries.compute_many`), its columns laid out as `Part.columns`.

    Written as SQL, not through the ORM: a province's dashboard reads cells some twenty times,
    and building and compiling a queryset each time cost more than the index scan itself."""
    adapt = connection.ops.adapt_datefield_value
    keys: list[tuple[str, str]] = []  # (result name, SQL expression)
    params: list[Any] = []
    for d in by:
        if d == "_split" and split is not None:
            keys.append(("k__split", "CASE WHEN month >= %s THEN 1 ELSE 0 END"))
            params.append(adapt(split))
        elif d in PERIOD_DIMS:
            keys.append((f"k_{d}", _period_sql(d, daily=source.daily(shape))))
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
        if regroup and dim == "unit":
            continue  # a province: narrowed after the cells are grouped by it
        column = f"key{shape.index(dim) + 1}"
        if value is None:
            conditions.append(f"{column} IS NULL")
        else:
            conditions.append(f"{column} = %s")
            params.append(str(value))  # keys are stored as text
    if regroup:
        unit_key = f"key{shape.index('unit') + 1}"
        sql = _by_province(keys, values, conditions, unit_key, params, (where or {}))
    elif part is not None:
        own = {d: e for d, (_, e) in zip(by, keys, strict=True)}
        # Grouped by this part's key columns, after the tag.
        group = [2 + list(part.nulls).index(d) for d in by]
        sql = _aggregate(part.columns(own, values), conditions, group)
    else:
        sql = _select(keys, values, conditions)
    return sql, params, keys


def cells_result(
    found: list[tuple], keys: list[tuple[str, str]], batch: list[Any], by: tuple[str, ...]
) -> list[dict[str, Any]]:
    """A cells' aggregate's rows (`cells_sql`'s keys, then values) as `compute`'s raw result."""
    return _merge(_cell_rows(found, keys, batch), [], batch, by)


def _select(
    keys: list[tuple[str, str]], values: list[str], conditions: list[str], named: bool = False
) -> str:
    """The cells' aggregate; `named`: the keys' columns named c0, c1..., the values' x0, x1..."""
    columns = [e for _, e in keys] + values
    if named:
        columns = [f"{e} AS c{i}" for i, (_, e) in enumerate(keys)]
        columns += [f"{e} AS x{j}" for j, e in enumerate(values)]
    return _aggregate(columns, conditions, list(range(1, len(keys) + 1)))


def _aggregate(columns: list[str], conditions: list[str], group: list[int]) -> str:
    """SELECT `columns` of the cells meeting `conditions`, GROUP BY the `group` positions."""
    sql = f"SELECT {', '.join(columns)} FROM core_rollupcell "  # noqa: S608 - names are ours
    sql += f"WHERE {' AND '.join(conditions)}"
    if group:
        sql += f" GROUP BY {', '.join(str(i) for i in group)}"
    return sql


def _by_province(
    keys: list[tuple[str, str]],
    values: list[str],
    conditions: list[str],
    unit_key: str,
    params: list[Any],
    where: dict[str, Any],
) -> str:
    """The cells grouped by today's commune (a few thousand rows for the country), then each
    commune by its `rollup_province`: the key `compute` gives the records at level province
    (registry._unit_key), NULL for a commune placed in no province as for its records. Appends
    the outer query's parameters to `params`."""
    inner_keys = list(keys)
    if all(e != unit_key for _, e in keys):
        inner_keys.append(("k_unit", unit_key))  # only to narrow to one province
    unit = next(i for i, (_, e) in enumerate(inner_keys) if e == unit_key)
    outer = ["g.rollup_province_id" if i == unit else f"s.c{i}" for i in range(len(keys))]
    # A sum of sums, the estimate flag a maximum of maxima.
    outer += [f"{'MAX' if e.startswith('MAX') else 'SUM'}(s.x{j})" for j, e in enumerate(values)]
    sql = f"SELECT {', '.join(outer)} FROM ({_select(inner_keys, values, conditions, True)}) s "  # noqa: S608 - names are ours
    # Keys are stored as text; the ids are bigints.
    sql += f"LEFT JOIN geo_unit g ON g.id = CAST(s.c{unit} AS BIGINT)"
    if "unit" in where:
        if where["unit"] is None:
            sql += " WHERE g.rollup_province_id IS NULL"
        else:
            sql += " WHERE g.rollup_province_id = %s"
            params.append(int(where["unit"]))
    if keys:
        sql += f" GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}"
    return sql


# Breakdowns by period that cells of a month (or a day) answer: each month lies in one quarter
# and one year, so the cells of a quarter or a year add up as the records do.
PERIOD_DIMS = ("month", "quarter", "year")


def _period_sql(dimension: str, *, daily: bool) -> str:
    """A cell's month, quarter (its first day) or year, as the records' key gives it
    (`datefunctions.MonthStart`, `QuarterStart`, `YearOf`). The cells' `month` column holds
    the month's first day, or the day itself in daily cells."""
    postgres = connection.vendor == "postgresql"
    if dimension == "year":
        if postgres:
            return "CAST(EXTRACT(YEAR FROM month) AS INTEGER)"
        return "CAST(strftime('%%Y', month) AS INTEGER)"
    if dimension == "quarter":
        if postgres:
            return "CAST(DATE_TRUNC('quarter', month) AS DATE)"
        back = "'-' || ((CAST(strftime('%%m', month) AS INTEGER) - 1) %% 3) || ' months'"
        return f"date(month, 'start of month', {back})"
    if not daily:
        return "month"
    if postgres:
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

    names = [f"k_{d}" for d in by]
    dated = [d in ("month", "quarter") for d in by]  # a date, a datetime or (SQLite) text
    slots = [(f"v{n}", f"e{n}") for n in range(len(batch))]
    merged: dict[tuple, dict[str, Any]] = {}
    for r in (*cells, *raw):
        key = tuple(_as_date(r[k]) if m else r[k] for k, m in zip(names, dated, strict=True))
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
