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

from ctip.agencies.models import Agency
from ctip.agencies.selectors_scope import agency_acting_for
from ctip.core import formfields as bounded
from ctip.core.access import requires
from ctip.core.permissions import P
from ctip.core.text import vn_date
from ctip.geo.selectors import covered_unit_ids
from ctip.victims.actions import case_action_record
from ctip.victims.checks import CaseError
from ctip.victims.models import ActionKind
from ctip.victims.selectors import access_case
from ctip.victims.vocab import REGIMES


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_l("Bước thực hiện"), choices=ActionKind.choices)
    on = bounded.DateField(label=_l("Ngày thực hiện"), initial=date.today)
    # Any agency: the body that took the step, not necessarily the recording user's (the
    # service refuses one that did not exist on that day).
    agency = bounded.ModelChoiceField(label=_l("Cơ quan thực hiện"), queryset=Agency.objects.all())
    regime = forms.ChoiceField(
        label=_l("Chế độ hỗ trợ bị từ chối (chỉ khi ghi nhận từ chối nhận hỗ trợ)"),
        choices=[("", "—"), *REGIMES.items()],
        required=False,
    )
    detail = bounded.CharField(
        label=_l("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


def _agencies_of(case: Any) -> Any:
    """The agencies of the case's province, as it is today and as it was (its communes'
    committees and police included), not every agency of the country."""
    province = case.home_unit.rollup_province or case.home_unit
    return (
        Agency.objects.filter(unit_id__in=covered_unit_ids(province))
        .select_related("unit")
        .order_by("-valid_from", "name")
    )


@requires(P.EDIT_VICTIM_CASES)
def case_actions(request: HttpRequest, pk: int) -> HttpResponse:
    """The steps recorded on a case, and the form to record one. The details name places and
    relatives: the view is logged like the case's other personal pages."""
    case = access_case(request.user, pk, section="actions")
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        initial={"agency": agency_acting_for(request.user, P.EDIT_VICTIM_CASES)},
    )
    form.fields["agency"].queryset = _agencies_of(case)  # type: ignore[attr-defined]
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
