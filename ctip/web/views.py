from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.agencies.selectors import agencies_on
from ctip.core.access import public, requires
from ctip.core.permissions import P
from ctip.geo.selectors import summary
from ctip.work.queue import has_sources
from ctip.work.views import work_context


@requires(P.VIEW_HOME)
def home(request: HttpRequest) -> HttpResponse:
    """Each role's day starts from what waits for it ("Việc của tôi"); a role without any
    source of work (leaders, administrators) gets the reference figures instead."""
    today = date.today()
    assignments = [
        {"role": ROLES[a.role].label, "agency": a.agency, "unit": a.unit}
        for a in active_assignments(request.user)
        if a.role in ROLES
    ]
    if has_sources(request.user):
        return render(
            request,
            "core/home.html",
            {"assignments": assignments, "has_work": True, **work_context(request)},
        )
    return render(
        request,
        "core/home.html",
        {
            "units": summary(),
            "agency_count": agencies_on(today).count(),
            "today": today,
            "assignments": assignments,
        },
    )


@public
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check (settings.CSRF_FAILURE_VIEW): ctip's page in the user's
    language, not Django's English one. The reason is for developers and is not shown."""
    return render(request, "403_csrf.html", status=403)
