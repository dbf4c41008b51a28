"""Who sees which report: holders of the reports permission, for the units of their territory
(a report carries aggregates only; the records behind a figure are checked separately)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ctip.accounts.scope import scoped
from ctip.agencies.selectors_scope import agencies_acting_for
from ctip.core.access import access_object
from ctip.core.permissions import P
from ctip.reporting.models import Compilation, Contribution, Correction, Report, ReportRequest


def reports_visible(user: Any) -> QuerySet[Report]:
    return scoped(
        Report.objects.select_related("template", "unit", "request"),
        user,
        P.VIEW_REPORTS,
        agency_field=None,
        unit_field="unit",
    )


def requests_visible(user: Any) -> QuerySet[ReportRequest]:
    return scoped(
        ReportRequest.objects.select_related("template", "unit"),
        user,
        P.VIEW_REPORTS,
        agency_field=None,
        unit_field="unit",
    )


def access_report(user: Any, pk: Any) -> Report:
    return access_object(reports_visible(user), pk)


def access_compilation(user: Any, pk: Any) -> Compilation:
    return access_object(
        Compilation.objects.filter(report__in=reports_visible(user)).select_related(
            "report__template", "report__unit"
        ),
        pk,
    )


def contributions_visible(user: Any) -> QuerySet[Contribution]:
    """An agency's own parts (and those of agencies it succeeded), and every part of the requests
    the user coordinates as standing office."""

    coordinated = scoped(
        ReportRequest.objects.all(), user, P.COMPILE_REPORTS, agency_field=None, unit_field="unit"
    )
    own = agencies_acting_for(user, P.CONTRIBUTE_REPORTS)
    return Contribution.objects.filter(
        Q(agency__in=own) | Q(request__in=coordinated)
    ).select_related("request__template", "request__unit", "agency")


def access_contribution(user: Any, pk: Any) -> Contribution:
    return access_object(contributions_visible(user), pk)


def corrections_visible(user: Any) -> QuerySet[Correction]:
    return Correction.objects.filter(report__in=reports_visible(user)).select_related(
        "report", "shown_in", "user"
    )
