"""The lists an activity form offers, read from the reference data on the day it is built: the
agencies that record (those of the user who downloads it, or named on the command line), the
units inside their areas, and the agencies of their provinces as partners. Only what is in
force that day: a form is downloaded again after a change (its version changes with it)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Q

from ctip.agencies import labels as agency_labels
from ctip.agencies.models import Agency
from ctip.fieldforms.definitions import Form, activity_form
from ctip.geo.models import Level, Unit
from ctip.geo.selectors import covered_unit_ids, subtree_at
from ctip.prevention.selectors import agencies_recordable_by

LEVEL_ORDER = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE)


def activity_form_for_user(user: Any, *, day: date | None = None) -> Form | None:
    """The activity form of the agencies the user records for, or None if there are none."""
    day = day or date.today()
    agencies = agencies_recordable_by(user).valid_on(day)  # type: ignore[attr-defined]
    return activity_form_for(list(agencies.select_related("unit")), day=day)


def activity_form_for(agencies: Iterable[Agency], *, day: date | None = None) -> Form | None:
    day = day or date.today()
    recording = sorted({a.pk: a for a in agencies}.values(), key=lambda a: a.name)
    if not recording:
        return None
    return activity_form(
        agencies=agency_labels.choices(recording),
        units=_units(recording, day),
        partners=_partners(recording, day),
    )


def _units(agencies: list[Agency], day: date) -> list[tuple[str, str]]:
    """The units in force inside the agencies' areas, the largest first; a code once (the
    import takes a code at its highest level, as here)."""
    found: dict[int, Unit] = {}
    for agency in agencies:
        for unit in subtree_at(agency.unit, day):
            known = found.get(unit.code)
            if known is None or _rank(unit) < _rank(known):
                found[unit.code] = unit
    ordered = sorted(found.values(), key=lambda u: (_rank(u), u.name, u.code))
    return [(str(u.code), u.name) for u in ordered]


def _rank(unit: Unit) -> int:
    return LEVEL_ORDER.index(unit.level)  # type: ignore[arg-type]


def _partners(agencies: list[Agency], day: date) -> list[tuple[str, str]]:
    """The agencies in force in the provinces of the recording agencies."""
    condition = Q(pk__in=[a.pk for a in agencies])
    for province in {_province(a.unit) for a in agencies} - {None}:
        condition |= Q(unit__in=covered_unit_ids(province))  # type: ignore[arg-type]
    partners = Agency.objects.valid_on(day).filter(condition).order_by("name", "code")  # type: ignore[attr-defined]
    return agency_labels.choices(partners)


def _province(unit: Unit | None) -> Unit | None:
    while unit is not None and unit.level != Level.PROVINCE:
        unit = unit.parent
    return unit
