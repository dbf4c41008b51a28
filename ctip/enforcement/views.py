from datetime import date

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.permissions import P
from ctip.core.access import requires
from ctip.enforcement.models import STAGE_TRANSITIONS, Stage
from ctip.enforcement.selectors import access_criminal_case, criminal_cases_visible
from ctip.enforcement.services import EnforcementError, stage_advance


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_l("Chuyển sang giai đoạn"))
    on = forms.DateField(label=_l("Ngày (ngày/tháng/năm)"), initial=date.today)


@requires(P.VIEW_CRIMINAL_CASES)
def criminal_case_list(request: HttpRequest) -> HttpResponse:
    cases = criminal_cases_visible(request.user)[:300]
    return render(request, "enforcement/list.html", {"cases": cases})


@requires(P.VIEW_CRIMINAL_CASES)
def criminal_case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Stages and modus operandi; suspects' identities are not shown on this page."""
    case = access_criminal_case(request.user, pk)
    form = StageForm(request.POST or None)
    form.fields["to_stage"].choices = [  # type: ignore[attr-defined]
        (s, Stage(s).label) for s in STAGE_TRANSITIONS[case.stage]
    ]
    if request.method == "POST" and form.is_valid():
        try:
            stage_advance(case=case, acting_user=request.user, **form.cleaned_data)
        except EnforcementError as exc:
            messages.error(request, str(exc))
        return redirect("criminal_case_detail", pk=case.pk)
    return render(
        request,
        "enforcement/detail.html",
        {
            "case": case,
            "stages": case.stages.select_related("agency"),  # type: ignore[attr-defined]
            "form": form,
        },
    )
