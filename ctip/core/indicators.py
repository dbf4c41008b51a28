"""The indicator registry: the single definition of every figure ctip shows.

An indicator names its records, the aggregate that makes its value, whether it is a flow summed
over the period (sessions) or a stock counted at the period's end (volunteer teams), which date
places a record in a period, its unit and agency fields (so territory and agency roll-up follow
Foundation I's succession rules), the flag that makes a value an estimate ("at least"), whether
it counts persons, and the dimensions it may be broken down by. Values are computed by one SQL
aggregation per indicator; dashboards, reports, annexes and the API read figures only here.

Attribution: a record counts in the period, month, quarter and year of its `date_field` (for
activities, the start date; a batch spanning months counts in its first month).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractYear, TruncMonth, TruncQuarter

from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.selectors import covered_unit_ids

FLOW, STOCK = "flow", "stock"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Any  # lazy Vietnamese msgid; English through the catalog
    measure: Any
    kind: str
    records: Callable[[], QuerySet]
    value: Callable[[], Any]  # an aggregate expression, e.g. Sum("sessions")
    date_field: str
    unit_field: str = "unit"
    agency_field: str | None = "agency"
    estimate_field: str | None = None
    persons: bool = False
    # Attendances count people at sessions (one person may attend twice): persons, but never
    # suppressed by disclosure control, which protects identifiable individuals.
    attendance: bool = False
    dimensions: tuple[str, ...] = ()
    # For a stock: narrow the records to those standing on the period's end.
    standing_on: Callable[[QuerySet, date], QuerySet] | None = None
    filters: Q = field(default_factory=Q)
    # A sum or count adds up across groups; an average does not.
    additive: bool = True
    kind_field: str | None = None
    kind_labels: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Dimension:
    code: str
    key: Callable[[Indicator, str | None], Any]  # (indicator, level) -> grouping expression
    describe: Callable[[list[Any]], dict[Any, dict[str, str]]]


REGISTRY: dict[str, Indicator] = {}
DIMENSIONS: dict[str, Dimension] = {}


def register(indicator: Indicator) -> Indicator:
    if indicator.code in REGISTRY:
        raise ValueError(f"indicator {indicator.code} registered twice")
    REGISTRY[indicator.code] = indicator
    return indicator


def register_dimension(dimension: Dimension) -> Dimension:
    DIMENSIONS[dimension.code] = dimension
    return dimension


def register_field_dimension(code: str, field: str, labels: dict[str, Any]) -> Dimension:
    """A breakdown by the codes stored in `field`, named by `labels` (the code where none)."""
    return register_dimension(
        Dimension(
            code,
            lambda ind, level: F(field),
            lambda keys: {k: {"code": k, "name": str(labels.get(k, k))} for k in keys if k},
        )
    )


class IndicatorError(ValueError):
    pass


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
    chosen = [i for i in chosen if all(d in i.dimensions for d in wanted)]
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
    from ctip.core import rollups

    result = rollups.answer_split(batch, unit, start, split, end, where)
    if result is None:
        result = raw_result(batch, unit, start, end, (), None, where, split=split)
    empty = {f"v{n}": None for n in range(len(batch))}
    sides = {r["k__split"]: r for r in result}
    return sides.get(0, empty), sides.get(1, empty)


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


def _scan_key(indicator: Indicator) -> tuple:
    return (
        indicator.records,
        indicator.kind,
        indicator.date_field,
        indicator.unit_field,
        indicator.agency_field,
        indicator.kind_field,
        indicator.standing_on,
        str(indicator.filters),
    )


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
    from ctip.core import rollups

    if not records:
        result = rollups.answer(batch, unit, start, end, by, level, where)
        if result is not None:
            return _rows(batch, result, by, records)
    return _rows(batch, raw_result(batch, unit, start, end, by, level, where, records), by, records)


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


# --- dimensions shared by every record type --------------------------------------------------


def _agency_key(ind: Indicator, level: str | None) -> Any:
    if not ind.agency_field:
        raise IndicatorError(f"{ind.code} has no agency")
    return F(f"{ind.agency_field}__rollup_agency")


def _describe_agencies(keys: list[Any]) -> dict[Any, dict[str, str]]:
    from ctip.agencies.models import Agency

    # Three columns, no model instances: a breakdown may name hundreds of groups.
    rows = Agency.objects.filter(pk__in=[k for k in keys if k]).values_list("pk", "code", "name")
    return {pk: {"code": code, "name": name} for pk, code, name in rows}


def _unit_key(ind: Indicator, level: str | None) -> Any:
    f = ind.unit_field
    if level == Level.PROVINCE:
        return F(f"{f}__rollup_province")
    if level == Level.DISTRICT:
        # The district the record's unit belonged to at its own time (districts ended 30/6/2025).
        return Case(
            When(**{f"{f}__level": Level.DISTRICT}, then=F(f)),
            When(**{f"{f}__parent__level": Level.DISTRICT}, then=F(f"{f}__parent")),
            default=None,
        )
    if level in COMMUNE_LEVELS:
        # Today's commune; a split commune (or a unit above commune level) stays itself.
        return Coalesce(F(f"{f}__rollup_commune"), F(f))
    return F(f)


def _describe_units(keys: list[Any]) -> dict[Any, dict[str, str]]:
    rows = Unit.objects.filter(pk__in=[k for k in keys if k]).values_list("pk", "code", "name")
    return {pk: {"code": str(code), "name": name} for pk, code, name in rows}


def _period_describer(fmt: Callable[[Any], str]) -> Callable[[list[Any]], dict]:
    def describe(keys: list[Any]) -> dict[Any, dict[str, str]]:
        return {k: {"code": fmt(k), "name": fmt(k)} for k in keys if k is not None}

    return describe


def _as_date(value: Any) -> date:
    """A month key as a date: the ORM gives a date or a datetime, SQLite's raw rows ISO text."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _kind_key(ind: Indicator, level: str | None) -> Any:
    if not ind.kind_field:
        raise IndicatorError(f"{ind.code} has no kind")
    return F(ind.kind_field)


def _describe_kinds(keys: list[Any]) -> dict[Any, dict[str, str]]:
    labels: dict[str, Any] = {}
    for indicator in REGISTRY.values():
        labels.update(indicator.kind_labels)
    return {k: {"code": k, "name": str(labels.get(k, k))} for k in keys if k is not None}


register_dimension(Dimension("agency", _agency_key, _describe_agencies))
register_dimension(Dimension("kind", _kind_key, _describe_kinds))
register_dimension(Dimension("unit", _unit_key, _describe_units))
register_dimension(
    Dimension(
        "month",
        lambda ind, level: TruncMonth(ind.date_field),
        _period_describer(lambda v: f"{_as_date(v):%Y-%m}"),
    )
)
register_dimension(
    Dimension(
        "quarter",
        lambda ind, level: TruncQuarter(ind.date_field),
        _period_describer(lambda v: f"{_as_date(v).year}-Q{(_as_date(v).month - 1) // 3 + 1}"),
    )
)
register_dimension(
    Dimension("year", lambda ind, level: ExtractYear(ind.date_field), _period_describer(str))
)
