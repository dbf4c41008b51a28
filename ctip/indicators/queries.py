"""Indicator values: one SQL aggregation per batch of indicators sharing a scan, from the
rollups' daily cells where they serve, grouped by dimensions, with the records behind each value."""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.geo.models import Unit
from ctip.indicators import rollup_read
from ctip.indicators.raw import raw_result
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
    if not records:
        result = rollup_read.answer(batch, unit, start, end, by, level, where)
        if result is not None:
            return _rows(batch, result, by, records)
    return _rows(batch, raw_result(batch, unit, start, end, by, level, where, records), by, records)


def _rows(
    batch: list[Indicator], result: list[dict[str, Any]], by: tuple[str, ...], records: bool
) -> dict[str, list[dict[str, Any]]]:
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
