"""The reporting loop in the browser, up to the report: a request and who owes what, each
agency's part (its figures read from the indicators, its text, the leader's sign-off, the
standing office's decision) and the completeness of parts per agency. Issuing is in
views_issuing.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.agencies.labels import AgencyMultipleChoiceField
from ctip.agencies.models import Agency
from ctip.agencies.selectors import offered_on
from ctip.core import formfields as bounded
from ctip.core.access import access_confidential, access_object, requires
from ctip.core.listing import symbol_file_name
from ctip.core.permissions import P
from ctip.core.sealed import extension, sealed_response
from ctip.geo.models import Unit
from ctip.geo.picker import record_day
from ctip.indicators.queries import compute
from ctip.reporting import checked
from ctip.reporting import contributions as flow
from ctip.reporting.errors import ReportError
from ctip.reporting.indicators import COMPLETENESS
from ctip.reporting.models import Contribution
from ctip.reporting.outline import narrative_slots
from ctip.reporting.selectors import access_contribution, contributions_visible, requests_visible
from ctip.reporting.states import ContributionState


def completeness(request_obj: Any) -> dict[str, int]:
    """The request's completeness figures, from the indicator registry."""
    rows = compute(
        list(COMPLETENESS),
        unit=request_obj.unit,
        start=request_obj.date,
        end=request_obj.date,
        where={"request": request_obj.pk},
    )
    return {r["indicator"].split("_", 1)[1]: r["value"] for r in rows}


class AssignForm(forms.Form):
    agencies = AgencyMultipleChoiceField(
        label=_l("Cơ quan được giao"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = bounded.DateField(label=_l("Hạn gửi nội bộ (ngày/tháng/năm)"))

    def __init__(self, *args: Any, request_obj: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = Contribution.objects.filter(request=request_obj).values("agency")
        # The province's member agencies in force on the deadline (today before one is typed),
        # each name once, by name.
        members = Agency.objects.filter(unit=request_obj.unit)
        self.fields["agencies"].queryset = offered_on(  # type: ignore[attr-defined]
            members, record_day(self, "deadline")
        ).exclude(pk__in=taken)


@requires(P.VIEW_REPORTS)
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    request_obj = access_object(requests_visible(request.user), pk)
    can_assign = flow.coordinates(request.user, request_obj)
    form = AssignForm(request.POST or None, request_obj=request_obj)
    if request.method == "POST":
        if not can_assign:
            raise Http404
        if form.is_valid():
            try:
                flow.contributions_assign(
                    request=request_obj,
                    agencies=list(form.cleaned_data["agencies"]),
                    deadline=form.cleaned_data["deadline"],
                    acting_user=request.user,
                )
            except ReportError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Đã giao nhiệm vụ báo cáo."))
                return redirect("report_request_detail", pk=pk)
    parts = list(request_obj.contributions.select_related("agency"))  # type: ignore[attr-defined]
    today = timezone.localdate()
    return render(
        request,
        "reporting/request_detail.html",
        {
            "r": request_obj,
            "parts": parts,
            "missing": [c for c in parts if c.first_submitted_on is None],
            "late": {c.pk for c in flow.overdue(request_obj.contributions.all(), today=today)},  # type: ignore[attr-defined]
            "figures": completeness(request_obj),
            "reports": request_obj.reports.all(),  # type: ignore[attr-defined]
            "form": form if can_assign else None,
        },
    )


@requires(P.VIEW_REPORTS)
def request_letter(request: HttpRequest, pk: int) -> HttpResponse:
    request_obj = access_confidential(
        requests_visible(request.user).filter(letter__isnull=False),
        pk,
        user=request.user,
        purpose="letter",
    )
    assert request_obj.letter is not None
    name = symbol_file_name(
        request_obj.number_symbol, request_obj.date, ext=extension(request_obj.letter)
    )
    return sealed_response(request_obj.letter, download_name=name)


@requires(P.CONTRIBUTE_REPORTS)
def contribution_list(request: HttpRequest) -> HttpResponse:
    """My agency's parts to write, or (standing office) every part owed; `?qua_han=1` for the
    overdue list."""
    parts = contributions_visible(request.user)
    late_only = request.GET.get("qua_han") == "1"
    if late_only:
        parts = flow.overdue(parts)
    return render(
        request,
        "reporting/contributions.html",
        {"parts": parts.order_by("deadline", "agency__name")[:200], "late_only": late_only},
    )


@requires(P.CONTRIBUTE_REPORTS)
def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    part = access_contribution(request.user, pk)
    may = {
        "write": flow.acts_for(request.user, part, P.CONTRIBUTE_REPORTS),
        "sign": flow.acts_for(request.user, part, P.SIGN_CONTRIBUTIONS),
        "decide": flow.coordinates(request.user, part.request),
    }
    error = ""
    if request.method == "POST":
        try:
            done = _act(request, part, may)
        except ReportError as exc:
            error = str(exc)
        else:
            messages.success(request, done)  # every save says what happened (issue 24)
            return redirect("contribution_detail", pk=pk)
    slots = narrative_slots(part.request.template.outline)
    return render(
        request,
        "reporting/contribution.html",
        {
            "c": part,
            "figures": flow.contribution_figures(part),
            "checks": checked.check_contribution(part),  # issue 25: the text against the data
            "slots": [(s, h, lbl, part.narratives.get(s, "")) for s, h, lbl in slots],
            "rounds": part.rounds.select_related("signed_by", "decided_by"),  # type: ignore[attr-defined]
            "editable": may["write"] and part.state in flow.EDITABLE,
            "can_sign": may["sign"] and part.state in flow.SIGNABLE,
            "can_decide": may["decide"] and part.state == ContributionState.SUBMITTED,
            "error": error,
        },
    )


def _act(request: HttpRequest, part: Contribution, may: dict[str, bool]) -> str:
    """Does what was asked; returns what the page then says was done."""
    post = request.POST
    if "accept" in post or "return" in post:
        if not may["decide"]:
            raise Http404
        flow.contribution_decide(
            contribution=part,
            accept="accept" in post,
            comment=post.get("comment", ""),  # over 5.000 characters: refused, not cut
            acting_user=request.user,
        )
        if "accept" in post:
            return _("Đã tiếp nhận phần báo cáo của %(agency)s.") % {"agency": part.agency.name}
        return _("Đã trả lại phần báo cáo của %(agency)s để bổ sung.") % {
            "agency": part.agency.name
        }
    if not may["write"]:
        raise Http404
    slots = narrative_slots(part.request.template.outline)
    texts = {slot: post.get(f"slot_{slot}", "") for slot, _h, _l in slots}
    done = ""
    if part.state in flow.EDITABLE:
        flow.contribution_save(contribution=part, narratives=texts, acting_user=request.user)
        done = _("Đã lưu phần báo cáo.")
    if "sign" in post:
        if not may["sign"]:
            raise Http404
        flow.contribution_sign_off(contribution=part, acting_user=request.user)
        done = _("Đã ký duyệt và gửi phần báo cáo đến Cơ quan Thường trực.")
    return done or _("Không có gì thay đổi.")


@requires(P.VIEW_REPORTS)
def completeness_view(request: HttpRequest) -> HttpResponse:
    """Per agency, over the requests received in a year: expected, sent, on time, returned;
    for the user's own territory only (an empty table without one, never another province's)."""
    year = _year(request.GET.get("nam"))
    unit = _own_territory(request.user)
    rows: dict[str, dict[str, Any]] = {}
    if unit is not None:
        for r in compute(
            list(COMPLETENESS),
            unit=unit,
            start=date(year, 1, 1),
            end=date(year, 12, 31),
            by=("agency",),
        ):
            entry = rows.setdefault(r["agency"]["code"], {"name": r["agency"]["name"]})
            entry[r["indicator"].split("_", 1)[1]] = r["value"]
    return render(
        request,
        "reporting/completeness.html",
        {"rows": sorted(rows.values(), key=lambda e: e["name"]), "year": year, "unit": unit},
    )


def _year(raw: str | None) -> int:
    try:
        year = int(raw or "")
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _own_territory(user: Any) -> Unit | None:
    """The unit of the user's assignment that grants reading reports (the standing office's and
    leaders' province); None without one. Sorted, so several assignments always give the same."""
    units = [
        a.unit
        for a in active_assignments(user)
        if a.unit is not None and a.role in ROLES and P.VIEW_REPORTS in ROLES[a.role].permissions
    ]
    return min(units, key=lambda u: u.pk, default=None)
