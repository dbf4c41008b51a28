"""Pages for international cooperation, inspections of conditional business lines and campaigns.

Reading: P.VIEW_ACTIVITIES, held by every agency role (these registers hold no personal data).
Recording: P.EDIT_OWN_AGENCY, reused rather than a new permission: a record is always made for
the user's own agency (from their active assignment), every agency role holds it, and the leader
and the system administrator, who record nothing for an agency, do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import bind_pickers_for
from ctip.accounts.scope import has_perm, scoped
from ctip.agencies.models import Agency
from ctip.agencies.selectors_scope import agency_acting_for
from ctip.cooperation.models import CooperationActivity, Kind
from ctip.cooperation.services import (
    RecordError,
    campaign_record,
    cooperation_record,
    inspection_record,
)
from ctip.core import formfields as bounded
from ctip.core.access import requires
from ctip.core.bounds import MAX_AMOUNT_VND
from ctip.core.permissions import P
from ctip.core.validators import NUL_MESSAGE
from ctip.enforcement.models import Campaign, CriminalCase, Inspection
from ctip.enforcement.selectors import access_campaign, campaigns_visible, criminal_cases_visible
from ctip.geo.picker import CountryField, UnitPickerField
from ctip.geo.selectors import unit_by_code

PAGE_SIZE = 50
FIRST_YEAR = 2012  # the Law on Human Trafficking Prevention and Combat


class FilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_l("Năm"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        years = range(date.today().year, FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [("", _l("Tất cả")), *((y, str(y)) for y in years)]  # type: ignore[attr-defined]


class CooperationFilter(FilterForm):
    kind = forms.ChoiceField(
        label=_l("Hình thức"), required=False, choices=[("", _l("Tất cả")), *Kind.choices]
    )


def _page(request: HttpRequest, form: FilterForm, qs: QuerySet, date_field: str) -> dict:
    """Filter `qs` by the form's year (and kind), and give one page (pager.html keeps filters)."""
    if form.is_valid():
        if form.cleaned_data["year"]:
            qs = qs.filter(**{f"{date_field}__year": form.cleaned_data["year"]})
        if form.cleaned_data.get("kind"):
            qs = qs.filter(kind=form.cleaned_data["kind"])
    return {
        "form": form,
        "page": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "can_record": has_perm(request.user, P.EDIT_OWN_AGENCY),
    }


class CaseNumbersField(bounded.CharField):
    """Criminal case numbers separated by commas, semicolons or spaces."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = str(value or "")
        # The list escapes what the text validators would see: check NUL and length here.
        if "\x00" in text:
            raise forms.ValidationError(NUL_MESSAGE)
        if len(text) > 2000:
            raise forms.ValidationError(
                _("Tối đa %(max)s ký tự (đang có %(length)s).") % {"max": 2000, "length": len(text)}
            )
        return [n for n in re.split(r"[\s,;]+", text.strip()) if n]


class CasesForm(forms.Form):
    case_numbers = CaseNumbersField(
        label=_l("Số hồ sơ vụ án liên quan (cách nhau bởi dấu phẩy)"), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_case_numbers(self) -> list[CriminalCase]:
        numbers = self.cleaned_data["case_numbers"]
        found = {c.number: c for c in criminal_cases_visible(self.user).filter(number__in=numbers)}
        missing = [n for n in numbers if n not in found]
        if missing:  # the same message for a missing case and one the user may not see
            raise forms.ValidationError(
                _("Không có vụ án số %(numbers)s trong phạm vi của bạn.")
                % {"numbers": ", ".join(missing)}
            )
        return list(found.values())


class CooperationForm(CasesForm):
    kind = forms.ChoiceField(label=_l("Hình thức hợp tác"), choices=Kind.choices)
    counterpart_country = CountryField(label=_l("Nước đối tác"))
    counterpart = bounded.CharField(label=_l("Cơ quan, tổ chức đối tác"), max_length=200)
    start = bounded.DateField(label=_l("Từ ngày (ngày/tháng/năm)"))
    end = bounded.DateField(label=_l("Đến ngày (ngày/tháng/năm)"))
    summary = bounded.CharField(label=_l("Nội dung"), required=False, widget=forms.Textarea)
    field_order = ["kind", "counterpart_country", "counterpart", "start", "end", "summary"]


class InspectionForm(forms.Form):
    on = bounded.DateField(label=_l("Ngày kiểm tra (ngày/tháng/năm)"))
    unit = UnitPickerField(label=_l("Địa bàn (xã, phường hoặc tỉnh)"), date_field="on")
    establishment_kind = bounded.CharField(
        label=_l("Loại cơ sở (ví dụ: karaoke, môi giới hôn nhân)"), max_length=60
    )
    findings = bounded.CharField(
        label=_l("Kết quả kiểm tra"), required=False, widget=forms.Textarea
    )
    # No lower bound: the service refuses negative figures with its own message.
    violations = bounded.IntegerField(label=_l("Số vi phạm"), min_value=None, initial=0)
    sanctions_vnd = bounded.IntegerField(
        label=_l("Tiền xử phạt (đồng)"), min_value=None, max_value=MAX_AMOUNT_VND, initial=0
    )


class CampaignForm(CasesForm):
    name = bounded.CharField(label=_l("Tên đợt cao điểm"), max_length=200)
    kind = forms.ChoiceField(label=_l("Loại"), choices=Campaign.Kind.choices)
    start = bounded.DateField(label=_l("Từ ngày (ngày/tháng/năm)"))
    end = bounded.DateField(label=_l("Đến ngày (ngày/tháng/năm)"))
    field_order = ["name", "kind", "start", "end"]


def _write(form: forms.Form, agency: Agency | None, write: Callable[[dict], Any]) -> Any:
    """`write(cleaned data)` for the user's agency; a refusal becomes the form's message and
    None is returned (nothing was written: the services are transactions)."""
    if agency is None:
        form.add_error(None, _("Tài khoản của bạn không gắn với cơ quan nào để ghi nhận."))
        return None
    try:
        return write(form.cleaned_data)
    except RecordError as exc:
        form.add_error(None, str(exc))
        return None


# International cooperation: an agency's own records (and its predecessors'); territorial roles
# see those of the agencies in their territory, as for prevention activities.


@requires(P.VIEW_ACTIVITIES)
def cooperation_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(
        CooperationActivity.objects.select_related("agency"),
        request.user,
        P.VIEW_ACTIVITIES,
        agency_field="agency",
        unit_field="agency__unit",
    )
    context = _page(request, CooperationFilter(request.GET or None), qs, "start")
    return render(request, "cooperation/cooperation_list.html", context)


@requires(P.EDIT_OWN_AGENCY)
def cooperation_create(request: HttpRequest) -> HttpResponse:
    form = CooperationForm(request.POST or None, user=request.user)
    agency = agency_acting_for(request.user, P.EDIT_OWN_AGENCY)
    if request.method == "POST" and form.is_valid():
        created = _write(
            form,
            agency,
            lambda d: cooperation_record(
                agency=agency, acting_user=request.user, criminal_cases=d.pop("case_numbers"), **d
            ),
        )
        if created is not None:
            messages.success(request, _("Đã ghi hoạt động hợp tác quốc tế."))
            return redirect("cooperation_list")
    return render(request, "cooperation/cooperation_form.html", {"form": form, "agency": agency})


@requires(P.VIEW_ACTIVITIES)
def inspection_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(
        Inspection.objects.select_related("agency", "unit"),
        request.user,
        P.VIEW_ACTIVITIES,
        agency_field="agency",
        unit_field="unit",
    )
    context = _page(request, FilterForm(request.GET or None), qs, "on")
    return render(request, "cooperation/inspection_list.html", context)


@requires(P.EDIT_OWN_AGENCY)
def inspection_create(request: HttpRequest) -> HttpResponse:
    form = InspectionForm(request.POST or None)
    bind_pickers_for(form, request.user)
    agency = agency_acting_for(request.user, P.EDIT_OWN_AGENCY)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = unit_by_code(data.pop("unit"), day=data["on"])
        if unit is None:
            form.add_error("unit", _("Không có đơn vị mã này vào ngày kiểm tra."))
        elif _write(
            form,
            agency,
            lambda d: inspection_record(agency=agency, unit=unit, acting_user=request.user, **d),
        ):
            messages.success(request, _("Đã ghi cuộc kiểm tra."))
            return redirect("inspection_list")
    return render(request, "cooperation/inspection_form.html", {"form": form, "agency": agency})


# Campaigns: those of the user's scope by their lead agency (cooperation.selectors); what a
# campaign links is narrowed again per user on the detail.


@requires(P.VIEW_ACTIVITIES)
def campaign_list(request: HttpRequest) -> HttpResponse:
    qs = campaigns_visible(request.user).order_by("-start", "-pk")
    context = _page(request, FilterForm(request.GET or None), qs, "start")
    return render(request, "cooperation/campaign_list.html", context)


@requires(P.VIEW_ACTIVITIES)
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Only the numbers of the linked cases this user may see; activities only counted."""
    campaign = access_campaign(request.user, pk)
    cases = criminal_cases_visible(request.user).filter(campaigns=campaign).order_by("number")
    context = {
        "campaign": campaign,
        "case_numbers": list(cases.values_list("pk", "number")),
        "activities_count": campaign.activities.count(),
    }
    return render(request, "cooperation/campaign_detail.html", context)


@requires(P.EDIT_OWN_AGENCY)
def campaign_create(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None, user=request.user)
    agency = agency_acting_for(request.user, P.EDIT_OWN_AGENCY)
    if request.method == "POST" and form.is_valid():
        campaign = _write(
            form,
            agency,
            lambda d: campaign_record(
                lead=agency, acting_user=request.user, cases=d.pop("case_numbers"), **d
            ),
        )
        if campaign is not None:
            messages.success(request, _("Đã ghi đợt cao điểm."))
            return redirect("campaign_detail", pk=campaign.pk)
    return render(request, "cooperation/campaign_form.html", {"form": form, "agency": agency})
