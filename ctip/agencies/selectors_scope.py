"""Agencies a user may act for."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from ctip.agencies.models import Agency
from ctip.agencies.selectors import covered_agency_ids
from ctip.core.access import access_object, own_agencies
from ctip.core.permissions import P


def agencies_acting_for(user: Any, perm: str) -> QuerySet[Agency]:
    """Agencies the user acts for with `perm`: those of their assignments holding it, and every
    agency those succeeded (history is recorded under the agency that did the work)."""
    own = own_agencies(user, perm)
    if not own:
        return Agency.objects.none()
    condition = Q()
    for agency in own:
        condition |= Q(pk__in=covered_agency_ids(agency))
    return Agency.objects.filter(condition)


def agency_acting_for(user: Any, perm: str) -> Agency | None:
    """The one agency a new record is made for: that of the user's own assignment granting
    `perm` (not one it succeeded), in force today; the first by id if there are several, so the
    choice does not depend on the order assignments are read in."""
    own = [agency.pk for agency in own_agencies(user, perm)]
    if not own:
        return None
    return Agency.objects.valid_on(date.today()).filter(pk__in=own).order_by("pk").first()  # type: ignore[attr-defined]


def agencies_editable_by(user: Any) -> QuerySet[Agency]:
    """Own agencies in force today (an officer of a successor also keeps its predecessors'
    records, but a dissolved agency's contact details are history, not edited)."""
    return agencies_acting_for(user, P.EDIT_OWN_AGENCY).valid_on(date.today())  # type: ignore[attr-defined]


def access_agency_for_edit(user: Any, pk: Any) -> Agency:
    return access_object(agencies_editable_by(user), pk)  # type: ignore[return-value]
