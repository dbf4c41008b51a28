"""The one aggregate query over an indicator's records (no rollup cells): what `compute` falls back
to, what rollups add at the edges of a period, and the records behind a value (provenance)."""

from __future__ import annotations

from datetime import date
from typing import Any

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
    qs = _narrow(_base(first, unit, start, end, ranges), first, where, level)
    keys = {f"k_{d}": DIMENSIONS[d].key(first, level) for d in by}
    if split is not None:
        keys["k__split"] = split_key(first.date_field, split)
    # The records behind each value (provenance) come from the same scan as the values.
    aggregates: dict[str, Any] = {"records": Count("pk", distinct=True)} if records else {}
    for n, indicator in enumerate(batch):
        aggregates[f"v{n}"] = indicator.value()
        if indicator.estimate_field:
            # "At least": any contributing record that is an estimate makes the value one.
            aggregates[f"e{n}"] = Max(Cast(indicator.estimate_field, IntegerField()))
    if keys:
        return list(qs.values(**keys).annotate(**aggregates).order_by(*keys))
    return [qs.aggregate(**aggregates)]


def split_key(field: str, split: date) -> Case:
    """0 for a date before `split`, 1 from it."""
    return Case(
        When(**{f"{field}__gte": split}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
