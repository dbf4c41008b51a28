"""The unit picker's search (ctip.geo.picker) for the user who asks: their area first.

`user_territories(user)` is the area a form offers first: the unit of each active assignment,
or its agency's unit for a role scoped by agency. `agencies_offered(user, day)`: the agencies a
form offers the user for a record of `day` (ctip.agencies.selectors.offered_on)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from ctip.accounts.scope import active_assignments
from ctip.agencies.models import Agency
from ctip.agencies.selectors import in_territories, offered_on
from ctip.core.access import requires
from ctip.core.permissions import P
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.picker import area_ids, bind_unit_pickers, search_units


def user_territories(user: Any) -> list[Unit]:
    found: list[Unit] = []
    for assignment in active_assignments(user):
        territory = assignment.unit or (assignment.agency.unit if assignment.agency else None)
        if territory is not None and territory not in found:
            found.append(territory)
    return found


def user_provinces(user: Any) -> list[Unit]:
    """The provinces of the user's territories (a commune's or agency's province)."""
    found: list[Unit] = []
    for territory in user_territories(user):
        province = territory.rollup_province if territory.rollup_province_id else territory
        if province is not None and province not in found:
            found.append(province)
    return found


def agencies_offered(user: Any, day: date, *, whole_country: bool = False) -> QuerySet[Agency]:
    """The agencies a form offers `user` for a record of `day`: in force that day, each name
    once, by name, those of the user's province(s); with `whole_country`, those first and then
    the other provinces' (a user with no territory is offered the country's)."""
    provinces = user_provinces(user)
    qs = Agency.objects.all() if whole_country or not provinces else in_territories(provinces)
    return offered_on(qs, day, first=provinces)


def bind_pickers_for(form: forms.BaseForm, user: Any) -> None:
    """The form's unit pickers offer (or keep to) `user`'s area."""
    bind_unit_pickers(form, territories=user_territories(user))


def _day(text: str) -> date:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip()[:10], fmt).date()
        except ValueError:
            continue
    return date.today()


def _levels(text: str) -> list[str]:
    wanted: list[str] = []
    for level in text.split(","):
        if level == Level.COMMUNE:
            wanted.extend(COMMUNE_LEVELS)
        elif level in Level.values:
            wanted.append(level)
    return wanted


@requires(P.VIEW_REFERENCE)
@require_POST
def unit_picker(request: HttpRequest) -> JsonResponse:
    """Suggestions for the unit picker as JSON: reference data only (units), never records.

    A POST (with the page's CSRF token, ctip/picker.js): what is typed may be a victim's home
    commune, and a query string would carry it and the record's date into access logs and
    browser history. GET is refused (405)."""
    data = request.POST
    day = _day(data.get("date", ""))
    area_only = data.get("scope") == "area"
    results = search_units(
        data.get("q", ""),
        day=day,
        area=area_ids(user_territories(request.user)),
        levels=_levels(data.get("levels", "")) or None,
        area_only=area_only,
    )
    return JsonResponse(
        {
            "date": f"{day:%d/%m/%Y}",
            "results": [{"code": s.code, "label": s.label, "in_area": s.in_area} for s in results],
        }
    )
