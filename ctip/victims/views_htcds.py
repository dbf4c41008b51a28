"""The HTCDS export page (issue 26): a POST gives the file, or the reason it was refused."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ctip.accounts.scope import territories_granting, unit_within
from ctip.core.access import requires
from ctip.core.listing import content_disposition
from ctip.core.permissions import P
from ctip.geo.picker import bind_unit_pickers
from ctip.victims.forms_htcds import HtcdsForm
from ctip.victims.htcds import (
    DEFAULT_STANDARD,
    HtcdsRefused,
    configured_k,
    htcds_export,
    quasi_identifiers,
)


@requires(P.EXPORT_HTCDS)
def htcds_export_view(request: HttpRequest) -> HttpResponse:
    territories = territories_granting(request.user, P.EXPORT_HTCDS)
    if not territories:
        raise Http404
    today = date.today()
    initial = {
        "unit": str(territories[0].code),
        "date_from": date(today.year - 1, 1, 1),
        "date_to": date(today.year - 1, 12, 31),
        "purpose": "report",
        "fmt": "csv",
        "standard": DEFAULT_STANDARD,
    }
    form = HtcdsForm(request.POST if request.method == "POST" else None, initial=initial)
    bind_unit_pickers(form, territories=territories)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = unit_within(data["unit"], data["date_to"], territories)
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
                    standard=data["standard"],
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
    context = {
        "form": form,
        "k": configured_k(),
        "quasi_identifiers": quasi_identifiers(DEFAULT_STANDARD),
    }
    return render(request, "victims/htcds.html", context)
