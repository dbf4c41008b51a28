"""Outreach versus risk, per commune (per today's province at the national level): awareness
reach (sessions, participants, per 1,000 inhabitants where the population is known) next to where
risk shows (victims' home communes, watched persons, criminal cases), so communes with risk and
little outreach come first.

Communes are today's (a split commune keeps its own row, as in the coverage analysis). Figures
about persons whose records the reader does not open follow ctip.indicators.disclosure: rounded,
withheld below the threshold (zero included); the flags, the heat and the order are computed
from the values shown, so a withheld zero and a withheld 3 look alike.

At the national level (ADR 0016, issue 27) the rows are today's provinces, where each record
counts in exactly one (rollup_province); the records placed in no province make one more row
("Không xác định được tỉnh"), so the rows add up to the national figures. A province's population
is its own latest one (ctip.prevention.population), none for a period before it existed."""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, OuterRef, Subquery

from ctip.dashboard.figures import UNPLACED, Period, unit_level
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators import disclosure
from ctip.indicators.queries import Ask, compute_many
from ctip.indicators.registry import REGISTRY
from ctip.prevention.models import Population
from ctip.prevention.population import is_synthetic, per_thousand

OUTREACH = ("prevention.sessions", "prevention.participants")
RISK = ("victims.received", "enforcement.watch_entries", "enforcement.cases_detected")


@dataclass
class Row:
    unit: Unit
    values: dict[str, int | None] = field(default_factory=dict)
    population: int | None = None
    population_source: str = ""
    heat: dict[str, int] = field(default_factory=dict)
    low_outreach: bool = False  # a risk signal and no or below-median outreach

    @property
    def per_thousand(self) -> float | None:
        participants = self.values.get("prevention.participants") or 0
        return per_thousand(participants, self.population)

    @property
    def synthetic(self) -> bool:
        """The population is invented (demo): its rate must say so."""
        return is_synthetic(self.population_source)

    @property
    def risk_signals(self) -> int:
        """Risk columns with a value shown (a withheld value is no signal: it may be 0)."""
        return sum(1 for code in RISK if self.values.get(code))


def by_province(period: Period) -> bool:
    """The national level lists today's provinces, not its ~3,300 communes."""
    return unit_level(period.unit) == Level.PROVINCE


def outreach_vs_risk(
    period: Period, *, readable: frozenset[str], limit: int | None = None
) -> list[Row]:
    """`limit`: the disclosure threshold in force (read here when not given)."""
    by_code: dict[str, dict[str, int]] = {code: {} for code in (*OUTREACH, *RISK)}
    provinces = by_province(period)
    # One query for the four sources' rollup cells (compute_many; `compute` would read one per
    # source), the units named once.
    ask = Ask(
        (*OUTREACH, *RISK),
        period.start,
        period.end,
        by=("unit",),
        level=Level.PROVINCE if provinces else "commune",
    )
    for r in compute_many([ask], unit=period.unit)[0]:
        # Added, not overwritten: a split commune's old version may share a code with a new one.
        values, key = by_code[r["indicator"]], r["unit"]["code"]
        values[key] = values.get(key, 0) + int(r["value"] or 0)
    if limit is None:
        limit = disclosure.current_threshold()
    controlled = {c for c in by_code if disclosure.controlled(REGISTRY[c], readable)}
    for code in controlled:
        shown = {
            key: disclosure.release_figure(REGISTRY[code], value, limit)
            for key, value in by_code[code].items()
        }
        by_code[code] = {key: value for key, value in shown.items() if value is not None}
    rows = _province_rows(period, by_code) if provinces else _commune_rows(period, by_code)
    listed = list(rows.values())
    for code, values in by_code.items():
        for key, row in rows.items():
            value = values.get(key)
            row.values[code] = None if value is None and code in controlled else value or 0
    _flag_and_heat(listed)
    listed.sort(
        key=lambda r: (not r.low_outreach, -r.risk_signals, r.per_thousand or 0, r.unit.name)
    )
    return listed


def _row(u: Any) -> Row:
    return Row(u, population=u.pop, population_source=u.pop_source or "")


def _commune_rows(period: Period, by_code: dict[str, dict[str, int]]) -> dict[str, Row]:
    rows = {str(u.code): _row(u) for u in _communes(period)}
    # A commune outside today's list gets a row for its records; for a withheld figure that
    # row would itself say that records exist, so only values shown count here.
    extra = {c for values in by_code.values() for c in values} - set(rows)
    for unit in Unit.objects.filter(
        code__in=[int(c) for c in extra if c.isdigit()],
        level__in=COMMUNE_LEVELS,
        id__in=covered_unit_ids(period.unit),
    ):
        rows.setdefault(str(unit.code), Row(unit))
    return rows


def _province_rows(period: Period, by_code: dict[str, dict[str, int]]) -> dict[str, Row]:
    """Today's provinces (each its own rollup province), and a row for the records placed in
    none when a value of theirs is shown (key "": the indicator layer's unknown unit)."""
    provinces = _with_population(
        Unit.objects.filter(level=Level.PROVINCE, rollup_province=F("pk")), period
    )
    rows = {str(u.code): _row(u) for u in provinces}
    if any("" in values for values in by_code.values()):
        rows[""] = Row(Unit(name=str(UNPLACED), level=Level.PROVINCE, code=0))
    return rows


def _with_population(units: Any, period: Period) -> Any:
    latest = Population.objects.filter(unit=OuterRef("pk"), year__lte=period.end.year).order_by(
        "-year"
    )
    return units.annotate(
        pop=Subquery(latest.values("population")[:1]),
        pop_source=Subquery(latest.values("source")[:1]),
    )


def _communes(period: Period) -> Any:
    return _with_population(
        Unit.objects.valid_on(period.end).filter(  # type: ignore[attr-defined]
            level__in=COMMUNE_LEVELS, id__in=covered_unit_ids(period.unit)
        ),
        period,
    ).select_related("parent")


def _flag_and_heat(rows: list[Row]) -> None:
    """Low outreach: no session, or a reach per 1,000 below the median of the communes whose
    population is known. Heat: each column's quintile among the communes with a value."""
    rates = [r.per_thousand for r in rows if r.per_thousand is not None]
    median = statistics.median(rates) if rates else None
    for r in rows:
        none = not r.values.get("prevention.sessions")
        below = median is not None and r.per_thousand is not None and r.per_thousand < median
        r.low_outreach = r.risk_signals > 0 and (none or below)
    for code in (*OUTREACH, *RISK):
        known = sorted(v for r in rows if (v := r.values.get(code)))
        for r in rows:
            value = r.values.get(code)
            if not value or not known:  # withheld (None) and zero: the same class
                r.heat[code] = 0
            else:  # bisect: how many known values are smaller (a province has ~500 communes)
                r.heat[code] = 1 + min(3, 4 * bisect.bisect_left(known, value) // len(known))
