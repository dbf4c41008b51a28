"""Coverage: for a period and a province, every commune with its outreach, the flagged ones
(mountainous, ethnic-minority, border, coastal, island) with none or little first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from ctip.geo.models import COMMUNE_LEVELS, FLAGS, Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.prevention.models import Activity, Population

NEW, OLD = "new", "old"


@dataclass
class Row:
    unit: Unit
    activities: int
    sessions: int
    participants: int
    population: int | None
    population_year: int | None

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


def coverage(*, province: Unit, start: date, end: date, structure: str = NEW) -> list[Row]:
    """Communes of `province` in today's structure (NEW) or as they stood at `end` (OLD)."""
    records = Activity.objects.filter(
        start_date__range=(start, end), unit_id__in=covered_unit_ids(province)
    )
    if structure == NEW:
        communes = Unit.objects.valid_on(date.today()).filter(
            level__in=COMMUNE_LEVELS, id__in=covered_unit_ids(province)
        )
        key: Any = Coalesce(F("unit__rollup_commune"), F("unit"))
    else:
        communes = Unit.objects.valid_on(end).filter(
            level__in=COMMUNE_LEVELS, id__in=covered_unit_ids(province)
        )
        key = F("unit")
    totals = {
        r["k"]: r
        for r in records.values(k=key).annotate(
            n=Count("pk"), s=Sum("sessions"), p=Sum("participants")
        )
    }
    latest = Population.objects.filter(unit=OuterRef("pk"), year__lte=end.year).order_by("-year")
    communes = communes.annotate(
        pop=Subquery(latest.values("population")[:1]),
        pop_year=Subquery(latest.values("year")[:1]),
    ).select_related("parent")
    rows = []
    listed = set()
    for unit in communes:
        t = totals.get(unit.pk, {})
        listed.add(unit.pk)
        population, year = unit.pop, unit.pop_year  # type: ignore[attr-defined]
        rows.append(Row(unit, t.get("n", 0), t.get("s") or 0, t.get("p") or 0, population, year))
    # Communes split in 2025 keep their own row (their records belong to no single new one).
    others = Unit.objects.filter(pk__in=set(totals) - listed, level__in=COMMUNE_LEVELS)
    for unit in others.select_related("parent"):
        t = totals[unit.pk]
        rows.append(Row(unit, t["n"], t["s"] or 0, t["p"] or 0, None, None))
    return rows


def above_commune(*, province: Unit, start: date, end: date) -> dict[str, int]:
    """Outreach recorded for a whole district or province (not placed in any commune)."""
    totals = (
        Activity.objects.filter(
            start_date__range=(start, end), unit_id__in=covered_unit_ids(province)
        )
        .exclude(unit__level__in=COMMUNE_LEVELS)
        .aggregate(n=Count("pk"), s=Sum("sessions"), p=Sum("participants"))
    )
    return {k: v or 0 for k, v in totals.items()}


SORTS = {
    "priority": lambda r: (not r.flags, r.sessions, r.participants, r.unit.name),
    "name": lambda r: r.unit.name,
    "sessions": lambda r: r.sessions,
    "participants": lambda r: r.participants,
    "per_thousand": lambda r: (r.per_thousand is None, r.per_thousand or 0),
}


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    return sorted(rows, key=SORTS.get(sort, SORTS["priority"]))  # type: ignore[arg-type]
