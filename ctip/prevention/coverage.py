"""Coverage: for a period and a province, every commune with its outreach, the flagged ones
(mountainous, ethnic-minority, border, coastal, island) with none or little first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, Subquery

from ctip.geo.models import COMMUNE_LEVELS, FLAGS, Level, Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.queries import compute
from ctip.prevention.models import Population
from ctip.prevention.population import is_synthetic

NEW, OLD = "new", "old"


@dataclass
class Row:
    unit: Unit
    activities: int
    sessions: int
    participants: int
    population: int | None
    population_year: int | None
    population_source: str | None = None

    @property
    def synthetic(self) -> bool:
        """The population is a labelled synthetic share, not an official figure (issue 23)."""
        return self.population is not None and is_synthetic(self.population_source)

    @property
    def flag_words(self) -> list[str]:
        """The flags in words ("miền núi"), as exports write them."""
        return [str(getattr(Unit._meta.get_field(f), "verbose_name", f)) for f in self.flags]

    @property
    def flags(self) -> list[str]:
        """The commune's own flags; an old commune also carries its district's (the flags
        fixture describes old districts and today's communes)."""
        parent = (
            self.unit.parent if self.unit.parent and self.unit.parent.level == "district" else None
        )
        return [f for f in FLAGS if getattr(self.unit, f) or (parent and getattr(parent, f))]

    @property
    def per_thousand(self) -> float | None:
        if not self.population:
            return None
        return round(1000 * self.participants / self.population, 1)


CODES = ("prevention.activities", "prevention.sessions", "prevention.participants")
Totals = dict[tuple[int, str], dict[str, int]]


def coverage_report(
    *, province: Unit, start: date, end: date, structure: str = NEW
) -> tuple[list[Row], dict[str, int]]:
    """(a row per commune, the outreach recorded above commune level): the registry's activity
    indicators by unit, in one `compute` (rollup cells where they serve)."""
    totals = _totals(province, start, end, structure)
    day = date.today() if structure == NEW else end
    communes = Unit.objects.valid_on(day).filter(
        level__in=COMMUNE_LEVELS, id__in=covered_unit_ids(province)
    )
    latest = Population.objects.filter(unit=OuterRef("pk"), year__lte=end.year).order_by("-year")
    communes = communes.annotate(
        pop=Subquery(latest.values("population")[:1]),
        pop_year=Subquery(latest.values("year")[:1]),
        pop_source=Subquery(latest.values("source")[:1]),
    ).select_related("parent")
    rows = []
    for unit in communes:
        t = totals.pop((unit.code, unit.name), {})
        population, year = unit.pop, unit.pop_year  # type: ignore[attr-defined]
        rows.append(Row(unit, *_values(t), population, year, unit.pop_source))  # type: ignore[attr-defined]
    # Communes split in 2025 keep their own row (their records belong to no single new one);
    # records of a district or the province are not placed in any commune.
    above = {"n": 0, "s": 0, "p": 0}
    # Today's commune of a record in the territory counts though the territory may be an old
    # province that does not cover it.
    territory = Unit.objects.filter(id__in=covered_unit_ids(province))
    within = Q(id__in=territory.values("id")) | Q(id__in=territory.values("rollup_commune"))
    others = Unit.objects.filter(within, code__in={code for code, _ in totals})
    # A code and name may be an old version's as well (a 2025 commune named after one of those
    # it merged): the version standing on the structure's day takes the row.
    for unit in sorted(others.select_related("parent"), key=lambda u: not _stands(u, day)):
        if (unit.code, unit.name) not in totals:
            continue
        t = totals.pop((unit.code, unit.name))
        if unit.level in COMMUNE_LEVELS:
            rows.append(Row(unit, *_values(t), None, None))
        else:
            above = {k: above[k] + v for k, v in zip(above, _values(t), strict=True)}
    return rows, above


def _stands(unit: Unit, day: date) -> bool:
    return (unit.valid_from is None or unit.valid_from <= day) and (
        unit.valid_to is None or day <= unit.valid_to
    )


def _totals(province: Unit, start: date, end: date, structure: str) -> Totals:
    """{(GSO code, name): {indicator: value}} per unit the records count in: today's commune
    (NEW) or the record's own unit (OLD). Code and name together name one unit: a code alone
    may be a district's and a commune's."""
    level = Level.COMMUNE if structure == NEW else None
    found: Totals = {}
    for r in compute(list(CODES), unit=province, start=start, end=end, by=("unit",), level=level):
        key = (int(r["unit"]["code"]), r["unit"]["name"]) if r["unit"]["code"] else (0, "")
        found.setdefault(key, {})[r["indicator"]] = int(r["value"] or 0)
    return found


def _values(t: dict[str, int]) -> tuple[int, int, int]:
    return tuple(t.get(code, 0) for code in CODES)  # type: ignore[return-value]


def coverage(*, province: Unit, start: date, end: date, structure: str = NEW) -> list[Row]:
    """Communes of `province` in today's structure (NEW) or as they stood at `end` (OLD)."""
    return coverage_report(province=province, start=start, end=end, structure=structure)[0]


def above_commune(*, province: Unit, start: date, end: date) -> dict[str, int]:
    """Outreach recorded for a whole district or province (not placed in any commune)."""
    return coverage_report(province=province, start=start, end=end, structure=OLD)[1]


SORTS = {
    "priority": lambda r: (not r.flags, r.sessions, r.participants, r.unit.name),
    "name": lambda r: r.unit.name,
    "sessions": lambda r: r.sessions,
    "participants": lambda r: r.participants,
    "per_thousand": lambda r: (r.per_thousand is None, r.per_thousand or 0),
}


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    return sorted(rows, key=SORTS.get(sort, SORTS["priority"]))  # type: ignore[arg-type]
