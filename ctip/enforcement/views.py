from datetime import date

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.permissions import P
from ctip.core.access import requires
from ctip.enforcement.models import PLATFORMS, STAGE_TRANSITIONS, DetectionSource, Stage
from ctip.enforcement.selectors import access_criminal_case, criminal_cases_visible
from ctip.enforcement.services import EnforcementError, stage_advance
from ctip.victims.models import RECRUITMENT_CHANNELS


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


class CaseForm(forms.Form):
    detected_on = forms.DateField(label=_l("Ngày phát hiện (ngày/tháng/năm)"))
    source = forms.ChoiceField(label=_l("Nguồn phát hiện"), choices=DetectionSource.choices)
    unit = forms.IntegerField(label=_l("Mã địa bàn (xã, phường hoặc tỉnh)"), min_value=1)
    recruitment_channel = forms.ChoiceField(
        label=_l("Cách thức tuyển mộ"),
        required=False,
        choices=[("", "—"), *RECRUITMENT_CHANNELS.items()],
    )
    platform = forms.ChoiceField(
        label=_l("Nền tảng"), required=False, choices=[("", "—"), *PLATFORMS.items()]
    )
    destination_country = forms.CharField(
        label=_l("Nước đến (mã 2 chữ)"), required=False, max_length=2
    )
    suspects_count = forms.IntegerField(label=_l("Số đối tượng"), min_value=0, initial=0)
    unregistered_victims = forms.IntegerField(
        label=_l("Số nạn nhân chưa lập hồ sơ"), min_value=0, initial=0
    )


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_create_view(request: HttpRequest) -> HttpResponse:
    """Police investigators open a case for their agency (suspects are added on the case)."""
    from ctip.accounts.scope import active_assignments
    from ctip.enforcement.services import criminal_case_create
    from ctip.geo.models import Unit

    form = CaseForm(request.POST or None)
    owner = next(
        (
            a.agency
            for a in active_assignments(request.user)
            if a.agency and a.agency.kind == "police" and a.role == "investigator"
        ),
        None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = (
            Unit.objects.valid_on(data["detected_on"])
            .filter(code=data.pop("unit"))
            .order_by("level")
            .first()
        )
        if owner is None:
            form.add_error(None, _("Chỉ điều tra viên của cơ quan Công an được lập vụ án."))
        elif unit is None:
            form.add_error("unit", _("Không có đơn vị mã này vào ngày phát hiện."))
        else:
            try:
                case = criminal_case_create(
                    owner=owner, unit=unit, acting_user=request.user, **data
                )
            except EnforcementError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("criminal_case_detail", pk=case.pk)
    return render(request, "enforcement/case_form.html", {"form": form})
