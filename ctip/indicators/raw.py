"""The one aggregate query over an indicator's records (no rollup cells): what `compute` falls back
to, what rollups add at the edges of a period, a headline total as one part of `compute_many`'s
UNION ALL (`totals_sql`), and the records behind a value (provenance)."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Value, When
from django.db.models.functions import Cast

from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.registry import (
    DIMENSIONS,
    FLOW,
    REGISTRY,
    Indicator,
)
from ctip.indicators.sql_templates import Templates


def records_behind(
    code: str,
    *,
    unit: Unit,
    start: date,
    end: date,
    where: dict[str, Any] | None = None,
    level: str | None = None,
) -> QuerySet:
    """The records a value is made of (provenance): the indicator's records in the unit and
    period, narrowed to the group whose dimension keys are `where` ({"agency": <id>, ...})."""
    indicator = REGISTRY[code]
    return _narrow(_base(indicator, unit, start, end), indicator, where, level).distinct()


def _narrow(
    qs: QuerySet, indicator: Indicator, where: dict[str, Any] | None, level: str | None
) -> QuerySet:
    if not where:
        return qs
    keys = {f"w_{d}": DIMENSIONS[d].key(indicator, level) for d in where}
    return qs.annotate(**keys).filter(**{f"w_{d}": v for d, v in where.items()})


def _base(
    indicator: Indicator,
    unit: Unit,
    start: date,
    end: date,
    ranges: list[tuple[date, date]] | None = None,
) -> QuerySet:
    """`ranges` (flows only) replaces [start, end] by several date ranges: the partial months
    at the edges of a period whose whole months come from rollups."""
    qs = indicator.records().filter(indicator.filters)
    if indicator.kind == FLOW:
        within = Q()
        for r in ranges or [(start, end)]:
            within |= Q(**{f"{indicator.date_field}__range": r})
        qs = qs.filter(within)
    elif indicator.standing_on is not None:
        qs = indicator.standing_on(qs, end)
    return qs.filter(**{f"{indicator.unit_field}__in": covered_unit_ids(unit)})


def raw_result(
    batch: list[Indicator],
    unit: Unit,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None = None,
    records: bool = False,
    ranges: list[tuple[date, date]] | None = None,
    split: date | None = None,
) -> list[dict[str, Any]]:
    """One aggregate query over the records: a dict per group with its keys ("k_<dim>"), the
    value of each indicator of the batch ("v<n>"), its estimate flag ("e<n>"). With `split`,
    groups are also keyed "k__split": 0 for dates before it, 1 from it."""
    first = batch[0]  # the batch shares records, conditions and dimension keys
    if by and first.kind == FLOW and ranges is None and split is None:
        return _grouped_kept(batch, unit, start, end, by, level, where, records)
    qs = _narrow(_base(first, unit, start, end, ranges), first, where, level)
    keys = {f"k_{d}": DIMENSIONS[d].key(first, level) for d in by}
    if split is not None:
        keys["k__split"] = split_key(first.date_field, split)
    if keys:
        return list(_grouped(qs, batch, keys, records))
    return [qs.aggregate(**_aggregates(batch, records, repeats=_repeats_records(qs)))]


def _grouped(qs: QuerySet, batch: list[Indicator], keys: dict[str, Any], records: bool) -> Any:
    grouped = qs.values(**keys)
    aggregates = _aggregates(batch, records, repeats=_repeats_records(grouped))
    return grouped.annotate(**aggregates).order_by(*keys)


def _grouped_kept(
    batch: list[Indicator],
    unit: Unit,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None,
    records: bool,
) -> list[dict[str, Any]]:
    """`raw_result` of a flow broken down, its SQL kept as `totals_sql` keeps it; the rows
    named and converted as the ORM's `values()` gives them (dates from SQLite's text, say)."""
    first = batch[0]
    fixed, slots = _narrowing(where)

    def compile_(values: tuple[Any, ...]) -> tuple[str, list[Any], Any]:
        qs = _records_for(first, level, fixed, slots, values)
        keys = {f"k_{d}": DIMENSIONS[d].key(first, level) for d in by}
        query = _grouped(qs, batch, keys, records).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        names = list(query.selected or [])
        names = names or [*query.extra_select, *query.values_select, *query.annotation_select]
        return sql, list(params), (names, [s[0] for s in compiler.select[: compiler.col_count]])

    key = ("by", tuple(i.code for i in batch), by, level, tuple(fixed.items()), slots, records)
    values = _asked(unit, start, end, where, slots)
    try:
        sql, params, (names, columns) = TEMPLATES.sql(key, compile_, values)
    except EmptyResultSet:
        return []  # as the ORM's values() gives for a query that can match nothing
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    converters = []
    for n, column in enumerate(columns):
        # As the ORM's compiler converts a column: the backend's, then the field's own.
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if found:
            converters.append((n, found, column))
    out = []
    for row in map(list, rows):
        for n, found, column in converters:
            for convert in found:
                row[n] = convert(row[n], column, connection)
        out.append(dict(zip(names, row, strict=True)))
    return out


def _records_for(
    first: Indicator,
    level: str | None,
    fixed: dict[str, Any],
    slots: tuple[str, ...],
    values: tuple[Any, ...],
) -> QuerySet:
    """The records a kept SQL reads, for the asked values or their stand-ins (`_asked`: the
    unit's id, the dates, then the narrowing's values of `slots`)."""
    unit_pk, start, end, *given = values
    where = {**fixed, **dict(zip(slots, given, strict=True))}
    # `_base` reads the unit's id alone.
    return _narrow(_base(first, Unit(pk=unit_pk), start, end), first, where, level)


def _asked(
    unit: Unit, start: date, end: date, where: dict[str, Any] | None, slots: tuple[str, ...]
) -> tuple[Any, ...]:
    return (unit.pk, start, end, *((where or {})[d] for d in slots))


def _narrowing(where: dict[str, Any] | None) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A narrowing's values that are kept in the key (None, a boolean...) and the dimensions
    whose values are parameters of the kept SQL (ids and codes: an agency's page, a case's
    support), so that each agency or case does not keep SQL of its own."""
    fixed = {d: v for d, v in sorted((where or {}).items()) if type(v) not in (int, str)}
    return fixed, tuple(d for d in sorted(where or {}) if d not in fixed)


def _repeats_records(qs: QuerySet) -> bool:
    """Whether a join of the query can give one record several rows within a group: a join
    along a set (a reverse foreign key, a many-to-many), not along a foreign key. A breakdown by
    target group joins the activity's set of groups, yet each (activity, group) row is one:
    still counted as repeating, the safe side."""
    for table in qs.query.alias_map.values():
        field = getattr(table, "join_field", None)
        if field is not None and (field.one_to_many or field.many_to_many):
            return True
    return False


def _aggregates(
    batch: list[Indicator], records: bool = False, *, repeats: bool = True
) -> dict[str, Any]:
    # The records behind each value (provenance) come from the same scan as the values. Where
    # no join repeats a record (`_repeats_records`), COUNT(*) counts them: PostgreSQL then
    # hashes the groups, where a DISTINCT sorts each group's ids (the national review's sums by
    # agency and kind at 7M: 18.8 s with DISTINCT, docs/benchmarks.md "Full size (7M)").
    counted = Count("pk", distinct=True) if repeats else Count("*")
    aggregates: dict[str, Any] = {"records": counted} if records else {}
    for n, indicator in enumerate(batch):
        aggregates[f"v{n}"] = indicator.value()
        if indicator.estimate_field:
            # "At least": any contributing record that is an estimate makes the value one.
            aggregates[f"e{n}"] = Max(Cast(indicator.estimate_field, IntegerField()))
    return aggregates


class Part(NamedTuple):
    """One SELECT of a UNION ALL (`queries.compute_many`): the columns every part shares."""

    tag: int  # the first column: the part a row comes from
    nulls: dict[str, str]  # a key column per dimension asked in any part: its typed NULL
    width: int  # the value columns, padded with NULLs (typed, so PostgreSQL joins the parts)

    def columns(self, own: dict[str, str], values: list[str]) -> list[str]:
        """The tag, each key column (the part's own `own[d]` or NULL), the values padded."""
        keys = [own.get(d, null) for d, null in self.nulls.items()]
        padding = ["CAST(NULL AS BIGINT)"] * (self.width - len(values))
        return [str(self.tag), *keys, *values, *padding]


def totals_sql(
    batch: list[Indicator],
    unit: Unit,
    start: date,
    end: date,
    level: str | None,
    where: dict[str, Any] | None,
    part: Part,
) -> tuple[str, list[Any]]:
    """(SQL, parameters) of `raw_result` without breakdown as one SELECT of a UNION ALL. A
    flow's SQL is compiled once per definition, narrowing and level (`sql_templates`): its
    dates are a range lookup's bounds and its unit the cover's id, parameters both."""
    first = batch[0]
    aggregates = _aggregates(batch)
    fixed, slots = _narrowing(where)

    def compile_(values: tuple[Any, ...]) -> tuple[str, list[Any], Any]:
        qs = _records_for(first, level, fixed, slots, values)
        # No GROUP BY (a constant groups nothing): one row, as `aggregate()` gives.
        query = qs.order_by().values(t=Value(0)).annotate(**_aggregates(batch))
        sql, params = query.query.sql_with_params()
        return sql, list(params), None

    values = _asked(unit, start, end, where, slots)
    if first.kind != FLOW:
        # A stock's `standing_on(qs, end)` may use the end in any way: compiled every time.
        sql, params, _rest = compile_(values)
    else:
        key = ("total", tuple(i.code for i in batch), level, tuple(fixed.items()), slots)
        sql, params, _rest = TEMPLATES.sql(key, compile_, values)
    columns = part.columns({}, [f'x."{name}"' for name in aggregates])
    return f"SELECT {', '.join(columns)} FROM ({sql}) x", params  # noqa: S608 - names are ours


TEMPLATES = Templates()


def split_key(field: str, split: date) -> Case:
    """0 for a date before `split`, 1 from it."""
    return Case(
        When(**{f"{field}__gte": split}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
