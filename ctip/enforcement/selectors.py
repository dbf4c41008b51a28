"""Who sees which criminal case: the investigating agency its own (and its predecessors'); the
procuracy and the court of the territory the cases that reached their stage; nobody else."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.agencies.selectors import covered_agency_ids
from ctip.core.access import access_object
from ctip.core.permissions import P
from ctip.enforcement.models import Campaign, CriminalCase, Stage
from ctip.geo.selectors import covered_unit_ids

REACHED = {
    "procuracy": (Stage.INSTITUTED, Stage.INDICTED, Stage.TRIED, Stage.JUDGED),
    "court": (Stage.INDICTED, Stage.TRIED, Stage.JUDGED),
}


def criminal_cases_visible(user: Any) -> QuerySet[CriminalCase]:
    condition = Q(pk__in=[])
    for assignment in active_assignments(user):
        role, agency = ROLES.get(assignment.role), assignment.agency
        if role is None or agency is None or P.VIEW_CRIMINAL_CASES not in role.permissions:
            continue
        if agency.kind == "police":
            condition |= Q(owner__in=covered_agency_ids(agency))
        elif agency.kind in REACHED:
            condition |= Q(unit__in=covered_unit_ids(agency.unit), stage__in=REACHED[agency.kind])
    return CriminalCase.objects.filter(condition).select_related("owner", "unit")


def criminal_cases_editable(user: Any) -> QuerySet[CriminalCase]:
    """Cases whose facts the user may edit: investigators (`EDIT_CRIMINAL_CASES`) of a police
    agency covering the owner (its own and its predecessors'). The procuracy and the court read
    the case; they do not rewrite the police's modus operandi."""
    condition = Q(pk__in=[])
    for assignment in active_assignments(user):
        role, agency = ROLES.get(assignment.role), assignment.agency
        if role is None or agency is None or agency.kind != "police":
            continue
        if P.EDIT_CRIMINAL_CASES in role.permissions:
            condition |= Q(owner__in=covered_agency_ids(agency))
    return criminal_cases_visible(user).filter(condition)


def access_criminal_case(user: Any, pk: Any) -> CriminalCase:
    return access_object(criminal_cases_visible(user), pk)


def campaigns_visible(user: Any) -> QuerySet[Campaign]:
    """Campaigns led by an agency the user acts for (or one it succeeded), or by an agency of
    the user's territory: an agency role's is its agency's (a provincial department sees the
    province's campaigns), a territorial role's is its unit. Nothing otherwise."""
    condition = Q(pk__in=[])
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or P.VIEW_ACTIVITIES not in role.permissions:
            continue
        agency = assignment.agency if role.scoped_by_agency else None
        if agency is not None:
            condition |= Q(lead__in=covered_agency_ids(agency))
        territory = agency.unit if agency is not None else assignment.unit
        if territory is not None:
            condition |= Q(lead__unit__in=covered_unit_ids(territory))
    return Campaign.objects.filter(condition).select_related("lead")


def access_campaign(user: Any, pk: Any) -> Campaign:
    return access_object(campaigns_visible(user), pk)  # type: ignore[return-value]


def investigating_agency(user: Any) -> Any:
    """The police agency in which the user opens cases (as an investigator), or None."""
    return next(
        (
            a.agency
            for a in active_assignments(user)
            if a.agency and a.agency.kind == "police" and a.role == "investigator"
        ),
        None,
    )
