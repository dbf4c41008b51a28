from datetime import date

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.agencies.forms import ContactForm
from ctip.agencies.models import Agency, Kind
from ctip.agencies.selectors import agencies_on
from ctip.agencies.selectors_scope import access_agency_for_edit, agencies_editable_by
from ctip.agencies.services import agency_update_contact
from ctip.core.access import access_object, is_htmx, requires
from ctip.core.permissions import P


@requires(P.VIEW_REFERENCE)
def agency_list(request: HttpRequest) -> HttpResponse:
    qs = agencies_on(date.today())
    kind = request.GET.get("kind", "")
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    # PostgreSQL refuses a NUL in a query: a search term never needs one.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    if query:
        qs = qs.filter(name__icontains=query)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    template = "agencies/_rows.html" if is_htmx(request) else "agencies/list.html"
    return render(
        request, template, {"page": page, "kinds": Kind.choices, "kind": kind, "q": query}
    )


@requires(P.VIEW_REFERENCE)
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = access_object(Agency.objects.select_related("unit", "parent", "heir"), pk)
    editable = agencies_editable_by(request.user).filter(pk=agency.pk).exists()
    return render(request, "agencies/detail.html", {"agency": agency, "editable": editable})


@requires(P.EDIT_OWN_AGENCY)
def my_agency(request: HttpRequest) -> HttpResponse:
    own = list(agencies_editable_by(request.user)[:2])
    if len(own) == 1:
        return redirect("agency_detail", pk=own[0].pk)
    return render(request, "agencies/mine.html", {"agencies": agencies_editable_by(request.user)})


@requires(P.EDIT_OWN_AGENCY)
def agency_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agency = access_agency_for_edit(request.user, pk)
    initial = {"phone": agency.phone, "email": agency.email, "address": agency.address}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        agency_update_contact(agency=agency, acting_user=request.user, **form.cleaned_data)
        from django.contrib import messages

        messages.success(request, _("Đã lưu thông tin liên hệ."))
        return redirect("agency_detail", pk=agency.pk)
    if request.method not in ("GET", "POST"):
        raise Http404
    return render(request, "agencies/edit.html", {"agency": agency, "form": form})
