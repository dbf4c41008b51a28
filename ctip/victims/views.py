from datetime import date

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.db.models.lookups import Exact
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.agencies.selectors_scope import agency_acting_for
from ctip.core.access import access_object, requires
from ctip.core.listing import Listing
from ctip.core.permissions import P
from ctip.core.personal import remember
from ctip.core.text import fold
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.victims.checks import CaseError
from ctip.victims.duplicates import linked_cases
from ctip.victims.forms import BreakGlassForm, CaseForm, IdentityForm, SearchForm, TransitionForm
from ctip.victims.models import AccessLog, CaseEvent
from ctip.victims.selectors import access_case, cases_visible, overdue_verifications, search_by_name
from ctip.victims.services import Person, case_create, case_update
from ctip.victims.states import CASE_FLOW, State
from ctip.victims.transitions import case_reopen, case_transition


@requires(P.VIEW_VICTIM_CASES)
def case_list(request: HttpRequest) -> HttpResponse:
    """Filters (state, received from/to, commune of residence, owner agency, mine), sorting and
    counts by state over the cases the user may see; codes only in the URL and the rows.

    "Mine": a case has no assignee, only an owner agency, which every visible case of a case
    worker already is (or a referring one); the person handling a case is the one who took its
    latest step, so "mine" is the cases whose latest event the user recorded."""
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
    units = Unit.objects.filter(pk__in=visible.values("home_unit")).select_related("parent")
    agencies = Agency.objects.filter(pk__in=visible.values("owner")).order_by("name")
    unit_choices = sorted(
        ((str(u.pk), f"{u.name}, {u.parent.name}" if u.parent else u.name) for u in units),
        key=lambda c: fold(c[1]),
    )
    agency_choices = [(str(a.pk), a.name) for a in agencies]
    latest_actor = CaseEvent.objects.filter(case=OuterRef("pk")).order_by("-at", "-pk")
    listing = Listing(
        request,
        visible,
        sorts={
            "code": ("code",),
            "received_on": ("received_on",),
            "state": ("state",),
            "owner": ("owner__name",),
            "unit": ("home_unit__name",),
        },
        default_sort="-received_on",
    )
    listing.dates(
        "from",
        "to",
        field="received_on",
        label_from=_("Tiếp nhận từ ngày"),
        label_to=_("Đến ngày"),
    )
    listing.choice("unit", field="home_unit", choices=unit_choices, label=_("Địa bàn cư trú"))
    listing.choice("agency", field="owner", choices=agency_choices, label=_("Cơ quan quản lý"))
    listing.flag(
        "mine",
        condition=Exact(Subquery(latest_actor.values("actor")[:1]), request.user.pk),
        label=_("Do tôi xử lý"),
    )
    listing.counts_by("state", State.choices)
    listing.choice("state", field="state", choices=State.choices, label=_("Trạng thái"))
    context.update(listing.context())
    context.update(
        {"states": State.choices, "unit_choices": unit_choices, "agency_choices": agency_choices}
    )
    return render(request, "victims/case_list.html", context)


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
