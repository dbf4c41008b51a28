from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ctip.agencies.selectors_scope import agency_acting_for
from ctip.core.access import access_object, requires
from ctip.core.permissions import P
from ctip.core.personal import remember
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.victims.checks import CaseError
from ctip.victims.duplicates import linked_cases
from ctip.victims.forms import BreakGlassForm, CaseForm, IdentityForm, SearchForm, TransitionForm
from ctip.victims.models import AccessLog
from ctip.victims.selectors import access_case, cases_visible, overdue_verifications, search_by_name
from ctip.victims.services import Person, case_create, case_update
from ctip.victims.states import CASE_FLOW, State
from ctip.victims.transitions import case_reopen, case_transition


@requires(P.VIEW_VICTIM_CASES)
def case_list(request: HttpRequest) -> HttpResponse:
    # Searched by POST: names and ID numbers must never appear in a URL (access logs). A query
    # string is ignored, so an old bookmark with ?q= searches nothing.
    form = SearchForm(request.POST if request.method == "POST" else None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    remember(query)  # whatever was typed is personal: redacted from logs and error pages
    cases = (
        search_by_name(request.user, query) if query else list(cases_visible(request.user)[:200])
    )
    return render(
        request,
        "victims/list.html",
        {
            "form": form,
            "cases": cases,
            "query": query,
            "overdue": overdue_verifications(request.user),
        },
    )


@requires(P.VIEW_VICTIM_CASES)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The case with its identity section: viewing it is logged (one row per view)."""
    case = access_case(request.user, pk, section="identity")
    return render(
        request,
        "victims/detail.html",
        {
            "case": case,
            "events": case.events.all(),  # type: ignore[attr-defined]
            "forms": list(case.exploitation.values_list("form", flat=True)),  # type: ignore[attr-defined]
            "next_states": [(s, State(s).label) for s in CASE_FLOW.allowed(case.state)],
            "linked": [
                r.known_case if r.new_case_id == case.pk else r.new_case for r in linked_cases(case)
            ],
        },
    )


@requires(P.EDIT_VICTIM_CASES)
def case_create_view(request: HttpRequest) -> HttpResponse:
    form = CaseForm(request.POST or None)
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
    case = access_object(cases_visible(request.user), pk)
    form = TransitionForm(request.POST or None, initial={"on": date.today()})
    choices: list[tuple[str, object]] = [(s, State(s).label) for s in CASE_FLOW.allowed(case.state)]
    if case.state == State.CLOSED:
        choices = [("reopen", _("Mở lại hồ sơ"))]
    form.fields["to_state"].choices = choices  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["to_state"] == "reopen":
                case_reopen(
                    case=case, on=data["on"], reason=data["reason"], acting_user=request.user
                )
            else:
                case_transition(
                    case=case,
                    to_state=data["to_state"],
                    on=data["on"],
                    reason=data["reason"],
                    acting_user=request.user,
                )
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("case_detail", pk=case.pk)
    return render(request, "victims/transition.html", {"form": form, "case": case})


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
        return render(
            request,
            "victims/detail.html",
            {
                "case": case,
                "events": case.events.all(),
                "break_glass": True,  # type: ignore[attr-defined]
                "forms": list(case.exploitation.values_list("form", flat=True)),  # type: ignore[attr-defined]
                "next_states": [],
            },
        )
    return render(request, "victims/break_glass.html", {"form": form, "pk": pk})
