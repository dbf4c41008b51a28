"""Recorded steps of a case on the web: protection measures, transfer to a social-assistance
facility, a child's family notified, a support refused (ctip.victims.actions)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import user_provinces
from ctip.agencies.labels import AgencyChoiceField
from ctip.agencies.models import Agency
from ctip.agencies.selectors import in_territories, offered_on
from ctip.agencies.selectors_scope import agency_acting_for
from ctip.core import formfields as bounded
from ctip.core.access import requires
from ctip.core.permissions import P
from ctip.core.text import vn_date
from ctip.geo.picker import record_day
from ctip.victims.actions import case_action_record
from ctip.victims.checks import CaseError
from ctip.victims.models import ActionKind
from ctip.victims.selectors import access_case
from ctip.victims.vocab import REGIMES


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_l("Bước thực hiện"), choices=ActionKind.choices)
    on = bounded.DateField(label=_l("Ngày thực hiện"), initial=date.today)
    # The body that took the step, not necessarily the recording user's: one of the user's or
    # the case's province in force on the step's day (_agencies_of).
    agency = AgencyChoiceField(label=_l("Cơ quan thực hiện"), queryset=Agency.objects.none())
    regime = forms.ChoiceField(
        label=_l("Chế độ hỗ trợ bị từ chối (chỉ khi ghi nhận từ chối nhận hỗ trợ)"),
        choices=[("", "—"), *REGIMES.items()],
        required=False,
    )
    detail = bounded.CharField(
        label=_l("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


def _agencies_of(case: Any, user: Any, day: date) -> Any:
    """The agencies of the user's province(s) and of the case's (its communes' committees and
    police included), in force on the step's day, each name once: not every agency of the
    country, never one a merger ended beside its successor."""
    home = case.home_unit.rollup_province or case.home_unit
    provinces = user_provinces(user)
    territories = [*provinces, *([] if home in provinces else [home])]
    return offered_on(in_territories(territories), day, first=provinces)


@requires(P.EDIT_VICTIM_CASES)
def case_actions(request: HttpRequest, pk: int) -> HttpResponse:
    """The steps recorded on a case, and the form to record one. The details name places and
    relatives: the view is logged like the case's other personal pages."""
    case = access_case(request.user, pk, section="actions")
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        initial={"agency": agency_acting_for(request.user, P.EDIT_VICTIM_CASES)},
    )
    form.fields["agency"].queryset = _agencies_of(case, request.user, record_day(form, "on"))  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            action = case_action_record(case=case, acting_user=request.user, **form.cleaned_data)
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Đã ghi nhận “%(kind)s” ngày %(day)s.")
                % {"kind": action.get_kind_display(), "day": vn_date(action.on)},
            )
            return redirect("case_actions", pk=case.pk)
    actions = case.actions.select_related("agency")  # type: ignore[attr-defined]
    return render(
        request,
        "victims/actions.html",
        {"case": case, "actions": actions, "regimes": REGIMES, "form": form},
    )
