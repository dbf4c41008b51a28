from datetime import date

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ctip.core.access import is_htmx, requires
from ctip.core.permissions import P
from ctip.geo.labels import level_choices
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit


@requires(P.VIEW_REFERENCE)
def unit_list(request: HttpRequest) -> HttpResponse:
    """Units in force today, or on ?date=; searchable by name or code (live, with htmx)."""
    day = _day(request.GET.get("date", ""))
    qs = Unit.objects.valid_on(day).select_related("parent")
    level = request.GET.get("level", "")
    if level == Level.COMMUNE:
        # The commune level as named on that day: from 1/7/2025 "xã, phường, đặc khu".
        qs = qs.filter(level__in=COMMUNE_LEVELS)
    elif level in Level.values:
        qs = qs.filter(level=level)
    # PostgreSQL refuses a NUL in a query: a search term never needs one.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    # isdigit() also holds for "²", which int() refuses; codes have at most 5 digits.
    if query.isdecimal() and len(query) <= 9:
        qs = qs.filter(code=int(query))
    elif query:
        qs = qs.filter(name__icontains=query)
    page = Paginator(qs.order_by("level", "code"), 50).get_page(request.GET.get("page"))
    levels = level_choices(day)
    context = {"page": page, "levels": levels, "level": level, "q": query, "day": day}
    template = "geo/_rows.html" if is_htmx(request) else "geo/list.html"
    return render(request, template, context)


def _day(text: str) -> date:
    from datetime import datetime

    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return date.today()
