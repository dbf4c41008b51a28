"""Reads over prevention records, scoped to the user."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ctip.accounts.permissions import ROLES, P
from ctip.accounts.scope import active_assignments, scoped
from ctip.agencies.models import Agency
from ctip.agencies.selectors import covered_agency_ids
from ctip.prevention.models import Activity


def activities_visible(user: Any) -> QuerySet[Activity]:
    """Own agency's (and its predecessors') activities; territorial roles see their territory."""
    qs = Activity.objects.select_related("agency", "unit")
    return scoped(qs, user, P.VIEW_ACTIVITIES, agency_field="agency", unit_field="unit")


def activities_editable(user: Any) -> QuerySet[Activity]:
    return Activity.objects.filter(agency__in=agencies_recordable_by(user))


def agencies_recordable_by(user: Any) -> QuerySet[Agency]:
    """Agencies the user records activities for: their own and those it succeeded (so history
    can be entered under the agency that did the work)."""
    own = [
        a.agency
        for a in active_assignments(user)
        if a.agency is not None
        and P.EDIT_ACTIVITIES in ROLES.get(a.role, ROLES["leader"]).permissions
    ]
    if not own:
        return Agency.objects.none()
    condition = Q()
    for agency in own:
        condition |= Q(pk__in=covered_agency_ids(agency))
    return Agency.objects.filter(condition)
