from datetime import date

from django import forms
from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.db.models.lookups import Exact
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import bind_pickers_for
from ctip.accounts.scope import active_assignments, has_perm
from ctip.agencies.models import Agency
from ctip.core import formfields as bounded
from ctip.core.access import access_confidential, access_object, requires
from ctip.core.listing import Listing
from ctip.core.permissions import P
from ctip.core.text import fold
from ctip.directives.selectors import documents_visible
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.links import criminal_case_link
from ctip.enforcement.models import PLATFORMS, STAGE_FLOW, DetectionSource, Stage, StageEvent
from ctip.enforcement.selectors import (
    access_criminal_case,
    campaigns_visible,
    criminal_cases_editable,
    criminal_cases_visible,
)
from ctip.enforcement.services import (
    EDITABLE,
    criminal_case_create,
    criminal_case_update,
    suspect_add,
)
from ctip.enforcement.stages import stage_advance
from ctip.geo.models import Unit
from ctip.geo.picker import CountryField, UnitPickerField
from ctip.geo.selectors import unit_by_code
from ctip.victims.selectors import cases_visible
from ctip.victims.vocab import EXPLOITATION_FORMS, RECRUITMENT_CHANNELS, Sex

REASON = _l("Lý do điều chỉnh (bắt buộc nếu thuộc kỳ đã có báo cáo ban hành)")


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_l("Chuyển sang giai đoạn"))
    on = bounded.DateField(label=_l("Ngày (ngày/tháng/năm)"), initial=date.today)
    reason = bounded.CharField(label=REASON, max_length=1000, required=False)


@requires(P.VIEW_CRIMINAL_CASES)
def criminal_case_list(request: HttpRequest) -> HttpResponse:
    """Filters (stage, detected from/to, unit, investigating agency, mine), sorting and counts
    by stage over the cases the user may see. A case has no assignee: "mine" is the cases
    whose latest stage the user recorded."""
    visible = criminal_cases_visible(request.user)
    units = Unit.objects.filter(pk__in=visible.values("unit")).select_related("parent")
    unit_choices = sorted(
        ((str(u.pk), f"{u.name}, {u.parent.name}" if u.parent else u.name) for u in units),
        key=lambda c: fold(c[1]),
    )
    agencies = Agency.objects.filter(pk__in=visible.values("owner")).order_by("name")
    agency_choices = [(str(a.pk), a.name) for a in agencies]
    latest_actor = StageEvent.objects.filter(case=OuterRef("pk")).order_by("-on", "-pk")
    listing = Listing(
        request,
        visible,
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
    listing.dates(
        "from", "to", field="detected_on", label_from=_("Phát hiện từ ngày"), label_to=_("Đến ngày")
    )
    listing.choice("unit", field="unit", choices=unit_choices, label=_("Địa bàn"))
    listing.choice("agency", field="owner", choices=agency_choices, label=_("Cơ quan thụ lý"))
    listing.flag(
        "mine",
        condition=Exact(Subquery(latest_actor.values("actor")[:1]), request.user.pk),
        label=_("Do tôi xử lý"),
    )
    listing.counts_by("stage", Stage.choices)
    listing.choice("stage", field="stage", choices=Stage.choices, label=_("Giai đoạn"))
    context = listing.context()
    context.update(
        {"stages": Stage.choices, "unit_choices": unit_choices, "agency_choices": agency_choices}
    )
    return render(request, "enforcement/criminal_case_list.html", context)


@requires(P.VIEW_CRIMINAL_CASES)
def criminal_case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Stages and modus operandi; suspects' identities are not shown on this page."""
    case = access_criminal_case(request.user, pk)
    form = StageForm(request.POST or None)
    form.fields["to_stage"].choices = [  # type: ignore[attr-defined]
        (s, Stage(s).label) for s in STAGE_FLOW.allowed(case.stage)
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
            "can_edit": criminal_cases_editable(request.user).filter(pk=case.pk).exists(),
            "can_see_identities": has_perm(request.user, P.VIEW_PERSONAL_DATA),
            "victim_codes": list(case.victim_cases.values_list("code", flat=True)),
            "directives": list(case.directives.values_list("number_symbol", flat=True)),
            "campaigns": list(case.campaigns.values_list("name", flat=True)),  # type: ignore[attr-defined]
        },
    )


class ModusOperandiForm(forms.Form):
    """The modus operandi and counts: the same fields when a case is opened and edited."""

    recruitment_channel = forms.ChoiceField(
        label=_l("Cách thức tuyển mộ"),
        required=False,
        choices=[("", "—"), *RECRUITMENT_CHANNELS.items()],
    )
    platform = forms.ChoiceField(
        label=_l("Nền tảng"), required=False, choices=[("", "—"), *PLATFORMS.items()]
    )
    exploitation_form = forms.ChoiceField(
        label=_l("Hình thức bóc lột"),
        required=False,
        choices=[("", "—"), *EXPLOITATION_FORMS.items()],
    )
    destination_country = CountryField(label=_l("Nước đến"), required=False)
    suspects_count = bounded.IntegerField(label=_l("Số đối tượng"), initial=0)
    unregistered_victims = bounded.IntegerField(label=_l("Số nạn nhân chưa lập hồ sơ"), initial=0)


class CaseForm(ModusOperandiForm):
    field_order = ["detected_on", "source", "unit"]
    detected_on = bounded.DateField(label=_l("Ngày phát hiện (ngày/tháng/năm)"))
    source = forms.ChoiceField(label=_l("Nguồn phát hiện"), choices=DetectionSource.choices)
    unit = UnitPickerField(label=_l("Địa bàn (xã, phường hoặc tỉnh)"), date_field="detected_on")


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_create_view(request: HttpRequest) -> HttpResponse:
    """Police investigators open a case for their agency (suspects are added on the case)."""

    form = CaseForm(request.POST or None)
    bind_pickers_for(form, request.user)
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
    """Suspects' identities, route and outcome: only here, and each view is logged."""
    case = access_confidential(
        criminal_cases_visible(request.user), pk, user=request.user, purpose="suspects"
    )
    return render(
        request,
        "enforcement/suspects.html",
        {"case": case, "suspects": case.suspects.order_by("pk")},  # type: ignore[attr-defined]
    )


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
