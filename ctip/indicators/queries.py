"""Indicator values: one SQL aggregation per batch of indicators sharing a scan, from the
rollups' daily cells where they serve, grouped by dimensions, with the records behind each value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection

from ctip.geo.models import Unit
from ctip.indicators import rollup_read
from ctip.indicators.raw import Part, raw_result, totals_sql
from ctip.indicators.registry import (
    DIMENSIONS,
    FLOW,
    REGISTRY,
    Indicator,
    IndicatorError,
    _scan_key,
)


def compute(
    codes: list[str] | None,
    *,
    unit: Unit,
    start: date,
    end: date,
    by: tuple[str, ...] = (),
    level: str | None = None,
    where: dict[str, Any] | None = None,
    records: bool = False,
) -> list[dict[str, Any]]:
    """Rows {"indicator", "label", "value", "estimate", <dim>: {"code", "name"}} for each
    indicator and group, over records made in `unit`'s territory (with everything it succeeded)
    in [start, end] (flows) or standing on `end` (stocks); `where` narrows to one group of other
    dimensions, as in `records_behind` ({"agency": <id>}). `records=True` adds "records", the
    number of records behind each value (a distinct count: reports use it, dashboards do not)."""
    if start > end:
        raise IndicatorError("start must not be after end")
    if narrow_only := [d for d in by if d in DIMENSIONS and not DIMENSIONS[d].breakdown]:
        raise IndicatorError(f"{', '.join(narrow_only)}: narrows a figure, never breaks it down")
    chosen, batches = _batches(codes, (*by, *(where or {})))
    found: dict[str, list[dict[str, Any]]] = {}
    for batch in batches:
        found.update(_compute_batch(batch, unit, start, end, by, level, where, records))
    rows: list[dict[str, Any]] = []
    for indicator in chosen:
        rows += found[indicator.code]
    return rows


def compute_halves(
    codes: list[str],
    *,
    unit: Unit,
    start: date,
    split: date,
    end: date,
    where: dict[str, Any] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`compute` for [start, split - 1 day] and for [split, end] (a period and the one before
    it, as a dashboard compares them), in one query per batch of flows: the rows are grouped by
    the side of `split` their date falls on. Stocks are counted on each side's own end."""
    if not start < split <= end:
        raise IndicatorError("split must fall after start and not after end")
    chosen, batches = _batches(codes, tuple(where or {}))
    before: dict[str, list[dict[str, Any]]] = {}
    after: dict[str, list[dict[str, Any]]] = {}
    last_before = date.fromordinal(split.toordinal() - 1)
    for batch in batches:
        if batch[0].kind == FLOW:
            sides = _split_result(batch, unit, start, split, end, where)
            before.update(_rows(batch, [sides[0]], (), False))
            after.update(_rows(batch, [sides[1]], (), False))
            continue
        before.update(_compute_batch(batch, unit, start, last_before, (), None, where))
        after.update(_compute_batch(batch, unit, split, end, (), None, where))
    return (
        [row for i in chosen for row in before[i.code]],
        [row for i in chosen for row in after[i.code]],
    )


def _batches(
    codes: list[str] | None, wanted: tuple[str, ...]
) -> tuple[list[Indicator], list[list[Indicator]]]:
    """The indicators asked for (all by default) that have every `wanted` dimension, and those
    indicators in batches: the ones over the same records and conditions share one scan
    (several aggregates in one query). An indicator without a requested breakdown is left out,
    never guessed; rows still come out in the order asked for."""
    chosen = [REGISTRY[c] for c in codes] if codes else list(REGISTRY.values())
    chosen = [
        i
        for i in chosen
        if all(d in i.dimensions or (d in DIMENSIONS and DIMENSIONS[d].applies(i)) for d in wanted)
    ]
    batches: dict[tuple, list[Indicator]] = {}
    for indicator in chosen:
        batches.setdefault(_scan_key(indicator), []).append(indicator)
    return chosen, list(batches.values())


def _split_result(
    batch: list[Indicator],
    unit: Unit,
    start: date,
    split: date,
    end: date,
    where: dict[str, Any] | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(values before `split`, values from it): from the rollups' daily cells where they
    serve, otherwise one query over the records."""

    result = rollup_read.answer_split(batch, unit, start, split, end, where)
    if result is None:
        result = raw_result(batch, unit, start, end, (), None, where, split=split)
    empty = {f"v{n}": None for n in range(len(batch))}
    sides = {r["k__split"]: r for r in result}
    return sides.get(0, empty), sides.get(1, empty)


def _compute_batch(
    batch: list[Indicator],
    unit: Unit,
    start: date,
    end: date,
    by: tuple[str, ...],
    level: str | None,
    where: dict[str, Any] | None = None,
    records: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    read = rollup_read.counted if records else rollup_read.answer
    result = read(batch, unit, start, end, by, level, where)
    if result is not None:
        return _rows(batch, result, by, records)
    return _rows(batch, raw_result(batch, unit, start, end, by, level, where, records), by, records)


def _rows(
    batch: list[Indicator],
    result: list[dict[str, Any]],
    by: tuple[str, ...],
    records: bool,
    described: dict[str, dict[Any, dict[str, str]]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """`described`: the groups' names, when already read (`compute_many` names each
    dimension's groups once for all its asks)."""
    if described is None:
        described = {d: DIMENSIONS[d].describe([r[f"k_{d}"] for r in result]) for d in by}
    missing = {"code": "", "name": "—"}
    found: dict[str, list[dict[str, Any]]] = {}
    for n, indicator in enumerate(batch):
        rows = found.setdefault(indicator.code, [])
        label = str(indicator.label)  # translated once, not per group
        value, estimate = f"v{n}", f"e{n}"
        for r in result:
            row: dict[str, Any] = {
                "indicator": indicator.code,
                "label": label,
                "value": r[value] or 0,
                "estimate": bool(r.get(estimate)),
            }
            if records:
                row["records"] = r["records"]
            for d in by:
                row[d] = described[d].get(r[f"k_{d}"], missing)
            rows.append(row)
    return found


# --- several computations in one round trip (a dashboard page, issue 27) ----------------------


@dataclass(frozen=True)
class Ask:
    """One `compute` call of `compute_many`: the indicators, the period and the breakdown."""

    codes: tuple[str, ...]
    start: date
    end: date
    by: tuple[str, ...] = ()
    level: str | None = None


def compute_many(
    asks: list[Ask], *, unit: Unit, where: dict[str, Any] | None = None
) -> list[list[dict[str, Any]]]:
    """For each ask, the rows `compute(ask.codes, unit=unit, start=ask.start, end=ask.end,
    by=ask.by, level=ask.level, where=where)` gives, in fewer queries: every batch answered by
    rollup cells, and every batch of records without a breakdown (headline figures), is read in
    ONE query (a UNION ALL, each part tagged with its number); the other batches (records
    broken down, cells grouped by province) run as `compute` runs them; each dimension's groups
    are named in one query for all asks."""
    parts: list[tuple[int, Ask, list[Indicator]]] = []
    chosen_by_ask = []
    for n, ask in enumerate(asks):
        if ask.start > ask.end:
            raise IndicatorError("start must not be after end")
        if narrow := [d for d in ask.by if d in DIMENSIONS and not DIMENSIONS[d].breakdown]:
            raise IndicatorError(f"{', '.join(narrow)}: narrows a figure, never breaks it down")
        chosen, batches = _batches(list(ask.codes), (*ask.by, *(where or {})))
        chosen_by_ask.append(chosen)
        parts += [(n, ask, batch) for batch in batches]
    results = _read(parts, unit, where)
    keys: dict[str, list[Any]] = {d: [] for ask in asks for d in ask.by}
    for (_n, ask, _batch), result in zip(parts, results, strict=True):
        for d in ask.by:
            keys[d] += [r[f"k_{d}"] for r in result]
    described = {d: DIMENSIONS[d].describe(found) for d, found in keys.items()}
    found: list[dict[str, list[dict[str, Any]]]] = [{} for _ask in asks]
    for (n, ask, batch), result in zip(parts, results, strict=True):
        found[n].update(_rows(batch, result, ask.by, False, described))
    return [
        [row for i in chosen for row in found[n][i.code]] for n, chosen in enumerate(chosen_by_ask)
    ]


def _read(
    parts: list[tuple[int, Ask, list[Indicator]]], unit: Unit, where: dict[str, Any] | None
) -> list[list[dict[str, Any]]]:
    """The raw result of each part (ask and batch), as `_compute_batch` reads it."""
    plans = [_plan(batch, unit, ask, where) for _n, ask, batch in parts]
    unioned = _union(parts, plans, unit, where)
    results = []
    for n, ((_n, ask, batch), plan) in enumerate(zip(parts, plans, strict=True)):
        if n not in unioned:
            results.append(_answer(batch, unit, ask, where))
        elif isinstance(plan, rollup_read.Plan):
            # As `rollup_read.answer`: the partial months at the edges from the records.
            args = (batch, unit, ask.start, ask.end, ask.by, ask.level, where)
            results.append(rollup_read.with_edges(unioned[n], plan, *args))
        else:
            results.append(unioned[n])
    return results


def _plan(
    batch: list[Indicator], unit: Unit, ask: Ask, where: dict[str, Any] | None
) -> rollup_read.Plan | str | None:
    """How `compute` answers the batch, asked without a query (which rollups are built is read
    once per page within `rollup_read.reading()`), as `rollup_read.answer` decides: from cells
    (a plan), from the records without breakdown ("records"), otherwise None (cells grouped by
    province, records broken down: run as `compute` runs them)."""
    cells = rollup_read.plan(batch, unit, ask.start, ask.end, ask.by, ask.level, where)
    if cells is not None:
        # Grouped by province: `answer` checks the units first, run as `compute` runs it.
        return None if cells.regroup else cells
    return "records" if not ask.by else None


def _answer(
    batch: list[Indicator], unit: Unit, ask: Ask, where: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """The raw result `compute` reads for the batch (`_compute_batch` without naming groups)."""
    found = rollup_read.answer(batch, unit, ask.start, ask.end, ask.by, ask.level, where)
    if found is None:
        found = raw_result(batch, unit, ask.start, ask.end, ask.by, ask.level, where)
    return found


def _value_names(batch: list[Indicator]) -> list[str]:
    names = []
    for n, indicator in enumerate(batch):
        names.append(f"v{n}")
        if indicator.estimate_field:
            names.append(f"e{n}")
    return names


def _union(
    parts: list[tuple[int, Ask, list[Indicator]]],
    plans: list[rollup_read.Plan | str | None],
    unit: Unit,
    where: dict[str, Any] | None,
) -> dict[int, list[dict[str, Any]]]:
    """The raw results of the parts answered by cells or by records without breakdown, read
    in one query: each part a SELECT tagged with its number, with a column per dimension asked
    anywhere (NULL where not its own) and the values padded with NULLs, typed so that
    PostgreSQL can join the parts' columns."""
    chosen = [n for n, plan in enumerate(plans) if plan is not None]
    if not chosen:
        return {}
    dims = sorted({d for n in chosen if plans[n] != "records" for d in parts[n][1].by})
    width = max(len(_value_names(parts[n][2])) for n in chosen)
    nulls = {d: _NULLS.get(d, "CAST(NULL AS VARCHAR(64))") for d in dims}
    statements = []
    for n in chosen:
        _i, ask, batch = parts[n]
        plan, part = plans[n], Part(n, nulls, width)
        if isinstance(plan, rollup_read.Plan):
            args = (plan.source, plan.shape, batch, unit.pk, plan.whole, ask.by, where)
            sql, own, _keys = rollup_read.cells_sql(*args, part=part)
        else:
            sql, own = totals_sql(batch, unit, ask.start, ask.end, ask.level, where, part)
        statements.append((sql, list(own)))
    out: dict[int, list[tuple]] = {n: [] for n in chosen}
    # SQLite refuses a compound SELECT of more than 500 terms: a page has about 45.
    for first in range(0, len(statements), UNION_TERMS):
        for row in _run_union(statements[first : first + UNION_TERMS]):
            out[row[0]].append(row[1:])
    return {n: _part_result(out[n], parts[n], plans[n], dims) for n in chosen}


UNION_TERMS = 400
# A key column's typed NULL where a part has not that dimension (text unless listed).
_NULLS = {
    "month": "CAST(NULL AS DATE)",
    "quarter": "CAST(NULL AS DATE)",
    "year": "CAST(NULL AS INTEGER)",
}


def _run_union(statements: list[tuple[str, list[Any]]]) -> list[tuple]:
    """One UNION ALL of the parts. (PostgreSQL runs it without JIT, set for ctip's connections
    in settings: the planner judges JIT on the whole statement's cost, the sum of its parts,
    while each part is a small indexed read.)"""
    sql = " UNION ALL ".join(s for s, _params in statements)
    params = [p for _s, own in statements for p in own]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _plain_number(value: Any) -> Any:
    """A value as `compute` gives it: PostgreSQL types a union's value column as numeric when a
    part sums big integers, so a records part's count would come back as a Decimal."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _part_result(
    rows: list[tuple],
    part: tuple[int, Ask, list[Indicator]],
    plan: rollup_read.Plan | str | None,
    dims: list[str],
) -> list[dict[str, Any]]:
    _i, ask, batch = part
    names = _value_names(batch)
    if plan == "records":
        values = rows[0][len(dims) :] if rows else (None,) * len(names)
        return [dict(zip(names, map(_plain_number, values), strict=False))]
    found = [
        tuple(r[dims.index(d)] for d in ask.by) + tuple(r[len(dims) : len(dims) + len(names)])
        for r in rows
    ]
    keys = [(f"k_{d}", "") for d in ask.by]
    return rollup_read.cells_result(found, keys, batch, ask.by)
