"""Agencies a user may act for."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from ctip.accounts.permissions import ROLES, P
from ctip.accounts.scope import active_assignments
from ctip.agencies.models import Agency
from ctip.agencies.selectors import covered_agency_ids


def agencies_acting_for(user: Any, perm: str) -> QuerySet[Agency]:
    """Agencies the user acts for with `perm`: those of their assignments holding it, and every
    agency those succeeded (history is recorded under the agency that did the work)."""
    own = [
        a.agency
        for a in active_assignments(user)
        if a.agency is not None and a.role in ROLES and perm in ROLES[a.role].permissions
    ]
    if not own:
        return Agency.objects.none()
    condition = Q()
    for agency in own:
        condition |= Q(pk__in=covered_agency_ids(agency))
    return Agency.objects.filter(condition)


def agencies_editable_by(user: Any) -> QuerySet[Agency]:
    """Own agencies in force today (an officer of a successor also keeps its predecessors'
    records, but a dissolved agency's contact details are history, not edited)."""
    return agencies_acting_for(user, P.EDIT_OWN_AGENCY).valid_on(date.today())  # type: ignore[attr-defined]


def access_agency_for_edit(user: Any, pk: Any) -> Agency:
    from ctip.core.access import access_object

    return access_object(agencies_editable_by(user), pk)  # type: ignore[return-value]
