"""Reads over agencies: those in force at a date, and the records an agency answers for."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from ctip.agencies.models import Agency
from ctip.core.graph import closure_subquery
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids

# successor -> predecessor, only where the successor carries the records.
_HEIR_EDGES = (
    "SELECT successor_id AS src, predecessor_id AS dst FROM agencies_agencysuccession "
    "WHERE carries_records"
)


def agencies_on(day: date, *, unit: Unit | None = None) -> QuerySet[Agency]:
    """Agencies in force on `day`, optionally only those working in `unit`'s territory."""
    qs = Agency.objects.valid_on(day).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit_id__in=covered_unit_ids(unit))
    return qs.order_by("unit__code", "kind", "name")


def offered_on(qs: QuerySet[Agency], day: date, *, first: Iterable[Unit] = ()) -> QuerySet[Agency]:
    """What a form offers from `qs`: the agencies in force on `day` (one that a merger ended
    only for its own days, never beside its successor), each name once, by name; those working
    in the territories `first` before the others (and kept when a name repeats)."""
    later: Any = Value(0)
    first = list(first)
    if first:
        inside = Q()
        for territory in first:
            inside |= Q(unit_id__in=covered_unit_ids(territory))
        later = Case(When(inside, then=Value(0)), default=Value(1))
    rows = qs.valid_on(day).annotate(later=later).order_by("later", "name", "pk")  # type: ignore[attr-defined]
    keep: list[int] = []
    # One agency per name *and place*: two versions of the same agency (the unit's code and
    # level stay across a merger) are one choice, but two commune agencies of the same name in
    # different districts (two "Công an phường Nguyễn Nghiêm") are two.
    seen: set[tuple[str, int | None, str | None]] = set()
    for pk, name, code, level in rows.values_list("pk", "name", "unit__code", "unit__level"):
        if (name, code, level) not in seen:
            seen.add((name, code, level))
            keep.append(pk)
    return (
        Agency.objects.filter(pk__in=keep)
        .annotate(later=later)
        .select_related("unit")
        .order_by("later", "name", "pk")
    )


def in_territories(territories: Iterable[Unit]) -> QuerySet[Agency]:
    """Agencies working in any of `territories` (at any time: `offered_on` picks the day)."""
    inside = Q()
    for territory in territories:
        inside |= Q(unit_id__in=covered_unit_ids(territory))
    return Agency.objects.filter(inside) if inside else Agency.objects.none()


def covered_agency_ids(agency: Agency) -> RawSQL:
    """Subquery of `agency` and every agency whose records it carries, transitively."""
    return closure_subquery(_HEIR_EDGES, agency.pk)


def records_of(qs: QuerySet, agency: Agency, *, field: str = "agency") -> QuerySet:
    """Records of `qs` made by `agency` or by any predecessor it succeeded."""
    return qs.filter(**{f"{field}__in": covered_agency_ids(agency)})


def count_by_current_agency(qs: QuerySet, *, field: str = "agency") -> dict[int, int]:
    """{agency id: count}, each record under the agency that carries it today."""
    rows = (
        qs.values(current=F(f"{field}__heir")).annotate(n=Count("pk")).values_list("current", "n")
    )
    return {current: n for current, n in rows}
