"""Whether a record's unit lies inside the area of the agency (or user) that records it.

A record counts where its unit is (`selectors.records_in`): an activity a provincial agency
saved in another province's commune would vanish from its own province's figures, and one a
commune's officer saved in a neighbouring commune would count for the neighbour. Every service
that writes a record with a unit asks this module first (issue 23, build 2).

An agency's area is its own unit's territory, as `selectors.covered_unit_ids` gives it: the
unit, its descendants at any time, and every unit it (or they) succeeded, transitively:

- an agency of a province (the provincial police, the Border Guard, the People's Committee)
  covers the whole province: its districts and communes, and the provinces it was merged from
  with theirs, so an archive record made in a unit from before the 2025 merger still passes;
- an agency of a district (before 1/7/2025) covers that district and its communes;
- an agency of a commune (its People's Committee) covers that commune (and those it succeeded);
- there is no national level among the units (`Agency.unit` is required and every agency of
  the reference data sits in a province, a district or a commune); an agency without a unit,
  should one appear, is not limited here.

A user's area (for records without an agency, such as a watch entry) is the union of the
territories of their active assignments: the assignment's unit, else its agency's unit.

Dates are not checked here: the caller chose the version of the unit valid on the record's
day. This module imports nothing above `geo`: it reads `agency.unit` and `agency.name` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from ctip.geo.labels import proper_name
from ctip.geo.models import Level, Unit
from ctip.geo.selectors import covered_unit_ids, units_covered


def unit_label(unit: Unit) -> str:
    """The unit's name with its province as it stood then: "Phường Ba Đình (Hà Nội)"."""
    province = unit.parent
    while province is not None and province.level != Level.PROVINCE:
        province = province.parent
    if province is None or province.pk == unit.pk:
        return unit.name
    return f"{unit.name} ({proper_name(province.name)})"


def outside_message(unit: Unit, agency: Any) -> str:
    return _("%(unit)s không thuộc địa bàn của %(agency)s.") % {
        "unit": unit_label(unit),
        "agency": agency.name,
    }


def outside_user_message(unit: Unit) -> str:
    return _("%(unit)s không thuộc địa bàn của bạn.") % {"unit": unit_label(unit)}


class Areas:
    """The ids each territory covers, read once per territory (an import checks many rows)."""

    def __init__(self) -> None:
        self._covered: dict[int, frozenset[int]] = {}

    def covered(self, territory: Unit | int) -> frozenset[int]:
        pk = territory if isinstance(territory, int) else territory.pk
        if pk not in self._covered:
            ids = units_covered(Unit(pk=pk)).values_list("pk", flat=True)
            self._covered[pk] = frozenset(ids)
        return self._covered[pk]

    def agency_covers(self, agency: Any, unit_id: int) -> bool:
        territory = getattr(agency, "unit_id", None)
        return territory is None or unit_id in self.covered(territory)

    def agency_problem(self, agency: Any, unit: Unit) -> str | None:
        """None when `unit` lies in `agency`'s area, else the Vietnamese message (the ids each
        agency's territory covers are read once: an import checks many rows)."""
        if self.agency_covers(agency, unit.pk):
            return None
        return outside_message(Unit.objects.select_related("parent").get(pk=unit.pk), agency)


def agency_area_problem(agency: Any, unit: Unit) -> str | None:
    """None when `unit` lies in `agency`'s area, else the Vietnamese message. One query (a
    single record: nothing worth caching)."""
    territory = getattr(agency, "unit_id", None)
    if territory is None:
        return None
    if Unit.objects.filter(pk=unit.pk, id__in=covered_unit_ids(Unit(pk=territory))).exists():
        return None
    return outside_message(Unit.objects.select_related("parent").get(pk=unit.pk), agency)


def check_agency_area(agency: Any, unit: Unit, *, error: type[Exception] = ValueError) -> None:
    """Raise `error` (the caller's own class, so its views show it) when `unit` is outside
    `agency`'s area."""
    problem = agency_area_problem(agency, unit)
    if problem:
        raise error(problem)


def check_user_area(
    territories: Iterable[Unit], unit: Unit, *, error: type[Exception] = ValueError
) -> None:
    """Raise `error` when `unit` lies in none of `territories` (a user's assignments)."""
    inside = any(
        Unit.objects.filter(pk=unit.pk, id__in=covered_unit_ids(t)).exists() for t in territories
    )
    if not inside:
        raise error(outside_user_message(Unit.objects.select_related("parent").get(pk=unit.pk)))
