from datetime import date
from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.scope import agency_missing_notice
from ctip.agencies import labels as agency_labels
from ctip.agencies.selectors_scope import agency_acting_for
from ctip.core.access import access_object, requires
from ctip.core.listing import CaseColumns, case_list_context
from ctip.core.permissions import P
from ctip.core.personal import remember
from ctip.core.text import vn_date
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.victims.case_page import REOPEN, case_history, links_open, papers_open, steps_open
from ctip.victims.checks import CaseError
from ctip.victims.duplicates import linked_cases
from ctip.victims.forms import BreakGlassForm, CaseForm, IdentityForm, SearchForm, TransitionForm
from ctip.victims.models import AccessLog, Case, CaseEvent
from ctip.victims.selectors import access_case, cases_visible, overdue_verifications, search_by_name
from ctip.victims.services import Person, case_create, case_update
from ctip.victims.states import State
from ctip.victims.transitions import case_reopen, case_transition

CASE_COLUMNS = CaseColumns(
    date="received_on",
    date_label=_l("Tiếp nhận từ ngày"),
    # Not the commune of residence: it is personal, read on the logged identity page only (a
    # review found a whole agency's victims' communes listed, filtered and sorted, unlogged).
    place=None,
    place_label="",
    owner="owner",
    owner_label=_l("Cơ quan quản lý"),
    state="state",
    states=State.choices,
    state_label=_l("Trạng thái"),
    owner_choices=partial(agency_labels.choices, key="pk"),
)


@requires(P.VIEW_VICTIM_CASES)
def case_list(request: HttpRequest) -> HttpResponse:
    """Filters (state, received from/to, owner agency, mine), sorting and
    counts by state over the cases the user may see; codes only in the URL and the rows. "Mine":
    the cases whose latest event the user recorded (ctip.core.listing.case_list_context)."""
    # Searched by POST: names and ID numbers must never appear in a URL (access logs). A query
    # string is ignored, so an old bookmark with ?q= searches nothing.
    form = SearchForm(request.POST if request.method == "POST" else None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    remember(query)  # whatever was typed is personal: redacted from logs and error pages
    visible = cases_visible(request.user)
    context: dict = {"form": form, "query": query, "overdue": overdue_verifications(request.user)}
    if query:
        context["cases"] = search_by_name(request.user, query)
        return render(request, "victims/case_list.html", context)
    context.update(
        case_list_context(
            request,
            visible,
            CASE_COLUMNS,
            events=CaseEvent.objects.filter(case=OuterRef("pk")).order_by("-at", "-pk"),
            sorts={
                "code": ("code",),
                "received_on": ("received_on",),
                "state": ("state",),
                "owner": ("owner__name",),
            },
            default_sort="-received_on",
        )
    )
    return render(request, "victims/case_list.html", context)


@requires(P.VIEW_VICTIM_CASES)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything recorded on the case, in words, its history and papers, and the steps the
    user may take now. It shows the identity: viewing it is logged (one row per view)."""
    case = access_case(request.user, pk, section="identity")
    today = date.today()
    context = _detail_context(case)
    context.update(
        {
            "steps": steps_open(request.user, case, today=today),
            "links": links_open(request.user),
            "paper_kinds": papers_open(request.user, case, today=today),
        }
    )
    return render(request, "victims/detail.html", context)


def _detail_context(case: Case) -> dict[str, Any]:
    """What the page shows of the case, whoever opens it (a break-glass read included)."""
    return {
        "case": case,
        "forms": list(case.exploitation.values_list("form", flat=True)),  # type: ignore[attr-defined]
        "history": case_history(case),
        "papers": case.papers.select_related("issuer"),  # type: ignore[attr-defined]
        "linked": [
            r.known_case if r.new_case_id == case.pk else r.new_case for r in linked_cases(case)
        ],
    }


@requires(P.EDIT_VICTIM_CASES)
def case_create_view(request: HttpRequest) -> HttpResponse:
    notice = agency_missing_notice(request.user, P.EDIT_VICTIM_CASES)
    if notice:  # told before filling in the intake form, not after
        title = _("Lập hồ sơ mới")
        return render(request, "no_agency.html", {"title": title, "notice": notice})
    form = CaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = (
            Unit.objects.valid_on(data["received_on"])
            .filter(code=data["home_unit"], level__in=COMMUNE_LEVELS)
            .first()
        )
        owner = agency_acting_for(request.user, P.EDIT_VICTIM_CASES)
        if unit is None:
            form.add_error("home_unit", _("Không có xã, phường mã này vào ngày tiếp nhận."))
        elif owner is None:
            form.add_error(None, _("Tài khoản chưa được phân công cho cơ quan nào."))
        else:
            person = Person(
                home_unit=unit,
                **{
                    k: data[k]
                    for k in (
                        "full_name",
                        "other_names",
                        "sex",
                        "age_at_reception",
                        "date_of_birth",
                        "ethnicity",
                        "identity_document",
                        "address",
                        "contacts",
                        "relatives",
                        "recruitment_channel",
                        "destination_country",
                        "narrative",
                        "exploitation_forms",
                        "means_of_control",
                        "exploited_from",
                        "exploited_to",
                        "place_of_exploitation",
                        "route",
                        "accompanying_children",
                    )
                },
                nationality=data["nationality"].upper(),
                stateless_resident=data["stateless_resident"],
            )
            try:
                case = case_create(
                    owner=owner,
                    received_on=data["received_on"],
                    notified_on=data["notified_on"],
                    source=data["source"],
                    person=person,
                    acting_user=request.user,
                    allow_duplicate=data["confirm_new"],
                )
            except CaseError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Đã lập hồ sơ %(code)s.") % {"code": case.code})
                return redirect("case_detail", pk=case.pk)
    return render(request, "victims/form.html", {"form": form})


@requires(P.VIEW_VICTIM_CASES)
def case_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The moves the user may take now (ctip.victims.case_page.steps_open); a move not offered
    is refused (403) and nothing is written, whatever was posted."""
    case = access_object(cases_visible(request.user), pk)
    today = date.today()
    choices = steps_open(request.user, case, today=today)
    posted = request.POST.get("to_state", "") if request.method == "POST" else ""
    if posted and posted not in dict(choices):
        raise PermissionDenied
    form = TransitionForm(request.POST or None, initial={"on": today, "to_state": _asked(request)})
    form.fields["to_state"].choices = choices  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["to_state"] == REOPEN:
                case = case_reopen(
                    case=case, on=data["on"], reason=data["reason"], acting_user=request.user
                )
                done = _("Đã mở lại hồ sơ %(code)s từ ngày %(day)s: hồ sơ trở về “%(state)s”.")
            else:
                case = case_transition(
                    case=case,
                    to_state=data["to_state"],
                    on=data["on"],
                    reason=data["reason"],
                    acting_user=request.user,
                )
                done = _("Đã chuyển hồ sơ %(code)s sang “%(state)s” từ ngày %(day)s.")
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            state = State(case.state).label
            messages.success(
                request, done % {"code": case.code, "state": state, "day": vn_date(data["on"])}
            )
            return redirect("case_detail", pk=case.pk)
    context = {"form": form, "case": case, "choices": choices}
    return render(request, "victims/transition.html", context)


def _asked(request: HttpRequest) -> str:
    """The move a link of the case page chose (`?buoc=identified`): a code, preselected."""
    return request.GET.get("buoc", "")[:20]


@requires(P.EDIT_VICTIM_CASES)
def case_identity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_case(request.user, pk, section="identity_edit")
    fields = ("full_name", "other_names", "address", "contacts", "relatives")
    initial = {"version": case.version, **{f: getattr(case, f) for f in fields}}
    form = IdentityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case_update(
                case=case,
                version=form.cleaned_data["version"],
                values={f: form.cleaned_data[f] for f in fields},
                acting_user=request.user,
            )
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu nhân thân hồ sơ %(code)s.") % {"code": case.code})
            return redirect("case_detail", pk=case.pk)
    return render(request, "victims/identity.html", {"form": form, "case": case})


@requires(P.SUPERVISE_VICTIM_CASES)
def case_access_log(request: HttpRequest, pk: int) -> HttpResponse:
    # Break-glass reasons often name the person: reading them is a read of the case, logged.
    case = access_case(request.user, pk, section="access_log")
    log = AccessLog.objects.filter(case=case).select_related("user")[:500]
    return render(request, "victims/access_log.html", {"case": case, "log": log})


@requires(P.MANAGE_USERS)
def case_break_glass(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator opens a case outside their scope: reason required, flagged for review.
    Personal data is read here, so the second factor is required whatever the role says."""
    if not request.user.is_verified():  # type: ignore[union-attr]
        return redirect(f"{reverse('two_factor_verify')}?next={request.path}")
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = access_case(
            request.user, pk, section="identity", break_glass_reason=form.cleaned_data["reason"]
        )
        # The case as its agency sees it, without the steps: the administrator only reads.
        context = {**_detail_context(case), "break_glass": True}
        return render(request, "victims/detail.html", context)
    return render(request, "victims/break_glass.html", {"form": form, "pk": pk})
