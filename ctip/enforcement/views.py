from datetime import date
from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import bind_pickers_for
from ctip.accounts.scope import agency_missing_notice, has_perm
from ctip.agencies import labels as agency_labels
from ctip.core import formfields as bounded
from ctip.core.access import access_confidential, access_object, requires
from ctip.core.listing import CaseColumns, case_list_context
from ctip.core.permissions import P
from ctip.core.text import vn_date
from ctip.directives.selectors import documents_visible
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.decisions import JUDGMENTS, OTHER_DECISIONS, decisions_open
from ctip.enforcement.forms import CaseForm, ModusOperandiForm
from ctip.enforcement.links import criminal_case_link
from ctip.enforcement.models import STAGE_FLOW, Stage, StageEvent
from ctip.enforcement.selectors import (
    access_criminal_case,
    campaigns_visible,
    criminal_cases_editable,
    criminal_cases_visible,
    investigating_agency,
)
from ctip.enforcement.services import (
    EDITABLE,
    criminal_case_create,
    criminal_case_update,
    suspect_add,
)
from ctip.enforcement.stages import stage_advance, stages_open
from ctip.enforcement.views_decisions import REASON, decisions_shown, sentences_by_suspect
from ctip.geo.picker import CountryField
from ctip.geo.selectors import unit_by_code
from ctip.victims.selectors import cases_visible
from ctip.victims.vocab import Sex


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_l("Chuyển sang giai đoạn"))
    on = bounded.DateField(label=_l("Ngày (ngày/tháng/năm)"), initial=date.today)
    reason = bounded.CharField(label=REASON, max_length=1000, required=False)


CRIMINAL_COLUMNS = CaseColumns(
    date="detected_on",
    date_label=_l("Phát hiện từ ngày"),
    place="unit",
    place_label=_l("Địa bàn"),
    owner="owner",
    owner_label=_l("Cơ quan thụ lý"),
    state="stage",
    states=Stage.choices,
    state_label=_l("Giai đoạn"),
    owner_choices=partial(agency_labels.choices, key="pk"),
)


@requires(P.VIEW_CRIMINAL_CASES)
def criminal_case_list(request: HttpRequest) -> HttpResponse:
    """Filters (stage, detected from/to, unit, investigating agency, mine), sorting and counts
    by stage over the cases the user may see. "Mine": the cases whose latest stage the user
    recorded (ctip.core.listing.case_list_context)."""
    context = case_list_context(
        request,
        criminal_cases_visible(request.user),
        CRIMINAL_COLUMNS,
        events=StageEvent.objects.filter(case=OuterRef("pk")).order_by("-on", "-pk"),
        sorts={
            "number": ("number",),
            "detected_on": ("detected_on",),
            "stage": ("stage",),
            "unit": ("unit__name",),
            "owner": ("owner__name",),
            "suspects": ("suspects_count",),
        },
        default_sort="-detected_on",
        counted_as=_("%(n)s vụ án"),
    )
    context["can_create"] = investigating_agency(request.user) is not None
    return render(request, "enforcement/criminal_case_list.html", context)


@requires(P.VIEW_CRIMINAL_CASES)
def criminal_case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Stages, decisions and modus operandi; suspects' identities are not shown on this page.
    Only the stages the user may take are offered; one posted anyway is refused by the service
    with a message, and nothing changes."""
    case = access_criminal_case(request.user, pk)
    today = date.today()
    offered = stages_open(request.user, case, today=today)
    form = StageForm(request.POST or None)
    # A posted stage is checked by the service, which says why it is refused.
    every = [(s, Stage(s).label) for s in STAGE_FLOW.allowed(case.stage)]
    form.fields["to_stage"].choices = every if request.method == "POST" else offered  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            moved = stage_advance(case=case, acting_user=request.user, **form.cleaned_data)
        except EnforcementError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Đã chuyển vụ án %(number)s sang giai đoạn “%(stage)s” từ ngày %(day)s.")
                % {
                    "number": moved.number,
                    "stage": moved.get_stage_display(),
                    "day": vn_date(form.cleaned_data["on"]),
                },
            )
        return redirect("criminal_case_detail", pk=case.pk)
    context = {**_detail_context(request, case, today), "form": form}
    return render(request, "enforcement/detail.html", context)


def _detail_context(request: HttpRequest, case: Any, today: date) -> dict[str, Any]:
    user = request.user
    return {
        "case": case,
        "stages": case.stages.select_related("agency", "actor"),
        "decisions": decisions_shown(case),
        "can_edit": criminal_cases_editable(user).filter(pk=case.pk).exists(),
        "can_see_identities": has_perm(user, P.VIEW_PERSONAL_DATA),
        "can_decide": bool(decisions_open(user, case, kinds=OTHER_DECISIONS, today=today)),
        "can_judge": bool(decisions_open(user, case, kinds=JUDGMENTS, today=today)),
        "victim_codes": list(case.victim_cases.values_list("code", flat=True)),
        "directives": list(case.directives.values_list("number_symbol", flat=True)),
        "campaigns": list(case.campaigns.values_list("name", flat=True)),
    }


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_create_view(request: HttpRequest) -> HttpResponse:
    """Police investigators open a case for their agency (suspects are added on the case)."""
    notice = agency_missing_notice(request.user, P.EDIT_CRIMINAL_CASES)
    if notice:  # told before filling in the form, not after
        title = _("Lập vụ án")
        return render(request, "no_agency.html", {"title": title, "notice": notice})
    form = CaseForm(request.POST or None)
    bind_pickers_for(form, request.user)
    owner = investigating_agency(request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = unit_by_code(data.pop("unit"), day=data["detected_on"])
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
                messages.success(request, _("Đã lập vụ án %(number)s.") % {"number": case.number})
                return redirect("criminal_case_detail", pk=case.pk)
    return render(request, "enforcement/case_form.html", {"form": form})


class CaseEditForm(ModusOperandiForm):
    version = bounded.IntegerField(widget=forms.HiddenInput)
    route = bounded.CharField(
        label=_l("Đường đi"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    outcome = bounded.CharField(
        label=_l("Kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = bounded.CharField(label=REASON, max_length=1000, required=False)


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Investigators of the owning police agency correct the modus operandi, counts, route and
    outcome. The form shows the encrypted route and outcome: opening it is logged."""
    case = access_confidential(
        criminal_cases_editable(request.user), pk, user=request.user, purpose="case_edit"
    )
    initial = {"version": case.version, **{f: getattr(case, f) for f in EDITABLE}}
    form = CaseEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            criminal_case_update(case=case, acting_user=request.user, **form.cleaned_data)
        except EnforcementError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu vụ án %(number)s.") % {"number": case.number})
            return redirect("criminal_case_detail", pk=case.pk)
    return render(request, "enforcement/edit.html", {"form": form, "case": case})


class SuspectForm(forms.Form):
    full_name = bounded.CharField(label=_l("Họ và tên"), max_length=200)
    identity_document = bounded.CharField(
        label=_l("Giấy tờ tùy thân"), required=False, max_length=100
    )
    address = bounded.CharField(label=_l("Địa chỉ"), required=False)
    sex = forms.ChoiceField(
        label=_l("Giới tính"), required=False, choices=[("", "—"), *Sex.choices]
    )
    nationality = CountryField(label=_l("Quốc tịch"), initial="VN", stateless=True)


@requires(P.EDIT_CRIMINAL_CASES)
def suspect_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_object(criminal_cases_editable(request.user), pk)
    form = SuspectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            suspect_add(case=case, acting_user=request.user, **form.cleaned_data)
        except EnforcementError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Đã thêm một đối tượng vào vụ án %(number)s.") % {"number": case.number}
            )
            return redirect("criminal_case_detail", pk=case.pk)
    return render(request, "enforcement/suspect_form.html", {"form": form, "case": case})


@requires(P.VIEW_PERSONAL_DATA)
def criminal_case_suspects(request: HttpRequest, pk: int) -> HttpResponse:
    """Suspects' identities with the decisions and sentences that concern each, route and
    outcome: only here, and each view is logged."""
    case = access_confidential(
        criminal_cases_visible(request.user), pk, user=request.user, purpose="suspects"
    )
    suspects = case.suspects.order_by("pk")  # type: ignore[attr-defined]
    context = {"case": case, "suspects": suspects, "decided": sentences_by_suspect(case)}
    return render(request, "enforcement/suspects.html", context)


class LinkForm(forms.Form):
    victim_case_codes = bounded.CharField(
        label=_l("Mã hồ sơ nạn nhân liên quan"),
        required=False,
        help_text=_l(
            "Các mã cách nhau bởi dấu phẩy, ví dụ NN-2025-00001. Chỉ các hồ sơ trong phạm vi "
            "của bạn; liên kết tới hồ sơ ngoài phạm vi được giữ nguyên."
        ),
    )
    directive_ids = forms.TypedMultipleChoiceField(
        label=_l("Văn bản chỉ đạo"), required=False, coerce=int
    )
    campaign_ids = forms.TypedMultipleChoiceField(
        label=_l("Đợt cao điểm"), required=False, coerce=int
    )


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_link_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_object(criminal_cases_editable(request.user), pk)
    initial = {
        "victim_case_codes": ", ".join(
            case.victim_cases.filter(pk__in=cases_visible(request.user).values("pk")).values_list(
                "code", flat=True
            )
        ),
        "directive_ids": list(case.directives.values_list("pk", flat=True)),
        "campaign_ids": list(case.campaigns.values_list("pk", flat=True)),  # type: ignore[attr-defined]
    }
    form = LinkForm(request.POST or None, initial=initial)
    form.fields["directive_ids"].choices = [  # type: ignore[attr-defined]
        (d.pk, f"{d.number_symbol} ({d.date:%d/%m/%Y})")
        for d in documents_visible(request.user).only("pk", "number_symbol", "date")
    ]
    campaigns = campaigns_visible(request.user).select_related(None).only("pk", "name")
    form.fields["campaign_ids"].choices = [(c.pk, c.name) for c in campaigns]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            criminal_case_link(
                case=case,
                victim_case_codes=data["victim_case_codes"].replace(";", ",").split(","),
                directive_ids=data["directive_ids"],
                campaign_ids=data["campaign_ids"],
                acting_user=request.user,
            )
        except EnforcementError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Đã cập nhật liên kết của vụ án %(number)s.") % {"number": case.number}
            )
            return redirect("criminal_case_detail", pk=case.pk)
    return render(request, "enforcement/link_form.html", {"form": form, "case": case})
