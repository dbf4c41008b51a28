"""The indicator registry: the single definition of every figure ctip shows.

An indicator names its records, the aggregate that makes its value, whether it is a flow summed
over the period (sessions) or a stock counted at the period's end (volunteer teams), which date
places a record in a period, its unit and agency fields (so territory and agency roll-up follow
Foundation I's succession rules), the flag that makes a value an estimate ("at least"), whether
it counts persons, and the dimensions it may be broken down by. Values are computed by one SQL
aggregation per indicator (`compute` in ctip.indicators.queries); dashboards, reports, annexes
and the API read figures only through them.

Attribution: a record counts in the period, month, quarter and year of its `date_field` (for
activities, the start date; a batch spanning months counts in its first month).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Case, F, Q, QuerySet, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency, Kind
from ctip.core.datefunctions import MonthStart, QuarterStart, YearOf
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit

FLOW, STOCK = "flow", "stock"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Any  # lazy Vietnamese msgid; English through the catalog
    measure: Any
    kind: str
    # The definition: `records`, `filters` and `value` read neither the database nor the
    # clock (a flow's compiled SQL is kept and reused, ctip.indicators.sql_templates).
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
    # The kinds of agency (ctip.agencies.models.Kind values) `agency_field` can name, where only
    # some can (the court that judged): a figure narrowed to an agency of another kind is left
    # out, never shown as 0 (ctip.dashboard.panels). Empty: any kind. What a record counts for
    # is unchanged, so it is not part of the definition a push hashes (ctip.exchange.payload).
    agency_kinds: tuple[str, ...] = ()
    # At most one record for each thing a distinct count counts (a case's first decision is one
    # event): the count is then one of records, whose months add up, so it may roll up
    # (ctip.indicators.rollups). It says how the records are shaped, not what they count, so a
    # push's definition hash leaves it out.
    one_record_each: bool = False

    def counts_for_kind(self, kind: str) -> bool:
        """Whether the figure narrowed to one agency of `kind` can count any record: it has an
        agency (the narrowing `where={"agency": ...}` needs the breakdown) and its agency field
        can name an agency of that kind. The dashboards and the agencies' report parts ask."""
        if not self.agency_field or "agency" not in self.dimensions:
            return False
        return not self.agency_kinds or kind in self.agency_kinds


@dataclass(frozen=True)
class Dimension:
    code: str
    key: Callable[[Indicator, str | None], Any]  # (indicator, level) -> grouping expression
    describe: Callable[[list[Any]], dict[Any, dict[str, str]]]
    # False: only to narrow to one group (`where`), never to break a figure down (`by`): one
    # case's own support, never support listed case by case in a report or an export.
    breakdown: bool = True
    # The title of a breakdown in a report, an annex or a page ("Theo cơ quan"): lazy Vietnamese.
    label: Any = ""
    # A record may fall in several groups (an activity for pupils and teachers): the groups of
    # a breakdown then add up to more than the total, which a table must say.
    many: bool = False
    # Derived from another dimension: every indicator that has `within` has this one too (the
    # kind of agency, from the agency), without each domain declaring it.
    within: str = ""

    def applies(self, indicator: Indicator) -> bool:
        return self.code in indicator.dimensions or (
            bool(self.within) and self.within in indicator.dimensions
        )


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


def register_field_dimension(
    code: str,
    field: str,
    labels: Mapping[str, Any] | Callable[[str], Any],
    *,
    label: Any,
    many: bool = False,
) -> Dimension:
    """A breakdown by the codes stored in `field`, each group named by `labels` (a mapping, the
    code where it has none, or a function such as ctip.core.countries.country_name), titled
    `label`."""
    name = labels if callable(labels) else (lambda k: labels.get(k, k))
    return register_dimension(
        Dimension(
            code,
            lambda ind, level: F(field),
            lambda keys: {k: {"code": k, "name": str(name(k))} for k in keys if k},
            label=label,
            many=many,
        )
    )


class IndicatorError(ValueError):
    pass


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


# --- dimensions shared by every record type --------------------------------------------------


def _agency_key(ind: Indicator, level: str | None) -> Any:
    if not ind.agency_field:
        raise IndicatorError(f"{ind.code} has no agency")
    return F(f"{ind.agency_field}__rollup_agency")


def _describe_agencies(keys: list[Any]) -> dict[Any, dict[str, str]]:
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


def _period_describer(
    fmt: Callable[[Any], str], name: Callable[[Any], str] | None = None
) -> Callable[[list[Any]], dict]:
    """Periods keep a sortable code ("2023-Q3") and are named as a report writes them."""
    words = name or fmt

    def describe(keys: list[Any]) -> dict[Any, dict[str, str]]:
        return {k: {"code": fmt(k), "name": words(k)} for k in keys if k is not None}

    return describe


QUARTERS = ("I", "II", "III", "IV")


def _quarter_name(value: Any) -> str:
    day = _as_date(value)
    return str(_("Quý %(quarter)s/%(year)s")) % {
        "quarter": QUARTERS[(day.month - 1) // 3],
        "year": day.year,
    }


def _month_name(value: Any) -> str:
    day = _as_date(value)
    return str(_("Tháng %(month)s/%(year)s")) % {"month": day.month, "year": day.year}


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


def _agency_kind_key(ind: Indicator, level: str | None) -> Any:
    if not ind.agency_field:
        raise IndicatorError(f"{ind.code} has no agency")
    return F(f"{ind.agency_field}__rollup_agency__kind")


def _describe_agency_kinds(keys: list[Any]) -> dict[Any, dict[str, str]]:
    labels = dict(Kind.choices)
    return {k: {"code": k, "name": str(labels.get(k, k))} for k in keys if k}


register_dimension(Dimension("agency", _agency_key, _describe_agencies, label=_("Theo cơ quan")))
# The kind of the agency today's heir is (police, border guard...): a national review's sector
# figure narrows to it (ctip.reporting.agency_work), and so must the live value a period lock
# compares it with (ctip.periods.locks). A narrowing only: a sector's rows are summed by kind
# from the per-agency rows where the review needs them.
register_dimension(
    Dimension(
        "agency_kind",
        _agency_kind_key,
        _describe_agency_kinds,
        breakdown=False,
        label=_("Theo ngành"),
        within="agency",
    )
)
register_dimension(Dimension("kind", _kind_key, _describe_kinds, label=_("Theo hình thức")))
register_dimension(Dimension("unit", _unit_key, _describe_units, label=_("Theo địa bàn")))
register_dimension(
    Dimension(
        "month",
        lambda ind, level: MonthStart(ind.date_field),
        _period_describer(lambda v: f"{_as_date(v):%Y-%m}", _month_name),
        label=_("Theo tháng"),
    )
)
register_dimension(
    Dimension(
        "quarter",
        lambda ind, level: QuarterStart(ind.date_field),
        _period_describer(
            lambda v: f"{_as_date(v).year}-Q{(_as_date(v).month - 1) // 3 + 1}", _quarter_name
        ),
        label=_("Theo quý"),
    )
)
register_dimension(
    Dimension(
        "year",
        lambda ind, level: YearOf(ind.date_field),
        _period_describer(str),
        label=_("Theo năm"),
    )
)
