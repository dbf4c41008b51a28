"""The HTCDS export page (issue 26): a POST gives the file, or the reason it was refused."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.core.access import requires
from ctip.core.listing import content_disposition
from ctip.core.permissions import P
from ctip.geo.models import Unit
from ctip.geo.picker import bind_unit_pickers
from ctip.geo.selectors import covered_unit_ids, unit_by_code
from ctip.victims.forms_htcds import HtcdsForm
from ctip.victims.htcds import HtcdsRefused, configured_k, htcds_export, quasi_identifiers


def _territories(user: Any) -> list[Unit]:
    """The units of the user's assignments that export: the assignment's unit, or its agency's
    for a role scoped by agency."""
    found = []
    for a in active_assignments(user):
        role = ROLES.get(a.role)
        if role is None or P.EXPORT_HTCDS not in role.permissions:
            continue
        territory = a.unit or (a.agency.unit if a.agency else None)
        if territory is not None and territory not in found:
            found.append(territory)
    return found


def _unit_within(code: int, day: date, territories: list[Unit]) -> Unit | None:
    """The picked unit, if it lies within one of `territories` (the picker checked it too)."""
    unit = unit_by_code(code, day=day)
    if unit is None:
        return None
    for territory in territories:
        if Unit.objects.filter(pk=unit.pk, id__in=covered_unit_ids(territory)).exists():
            return unit
    return None


@requires(P.EXPORT_HTCDS)
def htcds_export_view(request: HttpRequest) -> HttpResponse:
    territories = _territories(request.user)
    if not territories:
        raise Http404
    today = date.today()
    initial = {
        "unit": str(territories[0].code),
        "date_from": date(today.year - 1, 1, 1),
        "date_to": date(today.year - 1, 12, 31),
        "purpose": "report",
        "fmt": "csv",
    }
    form = HtcdsForm(request.POST if request.method == "POST" else None, initial=initial)
    bind_unit_pickers(form, territories=territories)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = _unit_within(data["unit"], data["date_to"], territories)
        if unit is None:
            form.add_error("unit", _("Không có địa bàn này trong phạm vi của bạn."))
        else:
            try:
                export = htcds_export(
                    unit=unit,
                    start=data["date_from"],
                    end=data["date_to"],
                    purpose=data["purpose"],
                    k=data["k"],
                    fmt=data["fmt"],
                    counterpart=data["counterpart"],
                    counterpart_country=data["counterpart_country"],
                    acting_user=request.user,
                )
            except HtcdsRefused as exc:
                form.add_error(None, str(exc))
            else:
                response = HttpResponse(export.data, content_type=export.content_type)
                response["Content-Disposition"] = content_disposition(export.name)
                return response
    context = {"form": form, "k": configured_k(), "quasi_identifiers": quasi_identifiers()}
    return render(request, "victims/htcds.html", context)
