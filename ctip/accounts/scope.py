"""What a user may do and see: permissions from active assignments, and record scope.

Everything here denies by default: no active assignment, no permission, no records.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.accounts.models import Assignment
from ctip.accounts.permissions import ROLES
from ctip.agencies.selectors import covered_agency_ids
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids, unit_by_code


def active_assignments(user: Any, day: date | None = None) -> list[Assignment]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cache_key = f"_ctip_assignments_{day}"
    if not hasattr(user, cache_key):
        qs = Assignment.objects.valid_on(day or date.today()).filter(user=user)
        setattr(user, cache_key, list(qs.select_related("agency", "unit")))
    return getattr(user, cache_key)


def user_permissions(user: Any) -> frozenset[str]:
    """Union of the user's active roles. Django's superuser flag grants nothing here: even the
    system administrator sees records and personal data only through a role that allows it.

    A request made with an API token (ctip.api.auth) carries the token's permissions on the
    user (`ctip_token_permissions`: its scopes, never a personal-data permission): the user's
    roles are narrowed to them, so every check built on this one (has_perm, scope_q, scoped,
    disclosure.readable, the dashboards' scope) narrows with it."""
    perms: set[str] = set()
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is not None:
            perms |= role.permissions
    narrowed = getattr(user, "ctip_token_permissions", None)
    if narrowed is not None:
        perms &= narrowed
    return frozenset(perms)


def has_perm(user: Any, perm: str) -> bool:
    return perm in user_permissions(user)


def _token_refuses(user: Any, perm: str) -> bool:
    """A request made with an API token whose scopes do not grant `perm`: what reads roles
    directly (scope_q, agencies_granting) reaches nothing through them."""
    narrowed = getattr(user, "ctip_token_permissions", None)
    return narrowed is not None and perm not in narrowed


def agencies_granting(user: Any, perm: str) -> list[Any]:
    """The agencies of the user's active assignments whose role grants `perm`."""
    if _token_refuses(user, perm):
        return []
    return [
        a.agency
        for a in active_assignments(user)
        if a.agency is not None and a.role in ROLES and perm in ROLES[a.role].permissions
    ]


def territories_granting(user: Any, perm: str) -> list[Any]:
    """The units of the user's active assignments whose role grants `perm`, each once: the
    assignment's unit, or its agency's unit for a role scoped by agency. The screens that pick
    a territory (coverage, HTCDS export) offer these and check a picked unit against them."""
    if _token_refuses(user, perm):
        return []
    found: list[Any] = []
    for a in active_assignments(user):
        if perm not in _perms_of(a):
            continue
        territory = a.unit or (a.agency.unit if a.agency else None)
        if territory is not None and territory not in found:
            found.append(territory)
    return found


def unit_within(code: int, day: date, territories: list[Any]) -> Any | None:
    """The unit of GSO `code` on `day` if it lies within one of `territories`, else None (the
    unit picker checked it too; this is the server's own check of a posted code)."""
    unit = unit_by_code(code, day=day)
    if unit is None:
        return None
    return unit if within_any(unit, territories) else None


def within_any(unit: Any, territories: list[Any]) -> bool:
    """`unit` lies within one of `territories` (each covering its own subtree)."""
    covered = [covered_unit_ids(territory) for territory in territories]
    return any(Unit.objects.filter(pk=unit.pk, id__in=ids).exists() for ids in covered)


class AccountActors:
    """The kernel's view of acting users (ctip.core.access.Actors), provided at start-up."""

    def permissions(self, user: Any) -> frozenset[str]:
        return user_permissions(user)

    def agencies(self, user: Any, perm: str) -> list[Any]:
        return agencies_granting(user, perm)


def missing_agency_roles(user: Any, perm: str | None = None) -> list[str]:
    """The names of the user's active roles that work through an agency but were given none
    (optionally only those granting `perm`). Such a role reaches no record and cannot make one:
    a form it opens says so before it is filled in (`agency_missing_notice`)."""
    found: list[str] = []
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or not role.scoped_by_agency or assignment.agency_id is not None:
            continue
        if perm is not None and perm not in role.permissions:
            continue
        if str(role.label) not in found:
            found.append(str(role.label))
    return found


def agency_missing_notice(user: Any, perm: str) -> str | None:
    """What a form that records for the user's agency tells a user whose roles granting `perm`
    have no agency, before they fill it in; None when one of those roles has an agency."""
    if any(a.agency is not None for a in active_assignments(user) if perm in _perms_of(a)):
        return None
    missing = missing_agency_roles(user, perm)
    if not missing:
        return None
    return _(
        "Tài khoản của bạn có vai trò “%(roles)s” nhưng chưa được gắn với cơ quan nào, nên chưa "
        "ghi được hồ sơ. Hãy đề nghị Cơ quan Thường trực hoặc quản trị hệ thống bổ sung cơ quan "
        "cho vai trò này."
    ) % {"roles": ", ".join(missing)}


def _perms_of(assignment: Assignment) -> frozenset[str]:
    role = ROLES.get(assignment.role)
    return role.permissions if role is not None else frozenset()


def requires_two_factor(user: Any) -> bool:
    """Roles that can see personal data must log in with a second factor (and superusers)."""
    if getattr(user, "is_superuser", False):
        return True
    return any(
        ROLES[a.role].sees_personal_data for a in active_assignments(user) if a.role in ROLES
    )


def scope_q(
    user: Any, perm: str, *, agency_field: str | None = "agency", unit_field: str | None = None
) -> Q | None:
    """The condition on records that `user` may reach with `perm`, or None for nothing.

    Per assignment holding `perm`: an agency-scoped role reaches the records of its agency and of
    every agency that agency succeeded; a role scoped by territory reaches the records made in its
    unit's subtree and in every unit that unit succeeded. Assignments combine with OR.
    """
    if _token_refuses(user, perm):
        return None
    condition: Q | None = None
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or perm not in role.permissions:
            continue
        part: Q | None = None
        if role.scoped_by_agency and assignment.agency is not None and agency_field:
            part = Q(**{f"{agency_field}__in": covered_agency_ids(assignment.agency)})
        elif assignment.unit is not None and unit_field:
            part = Q(**{f"{unit_field}__in": covered_unit_ids(assignment.unit)})
        if part is not None:
            condition = part if condition is None else condition | part
    return condition


def scoped(
    qs: QuerySet,
    user: Any,
    perm: str,
    *,
    agency_field: str | None = "agency",
    unit_field: str | None = None,
) -> QuerySet:
    """`qs` narrowed to what `user` may reach with `perm`; empty by default."""
    condition = scope_q(user, perm, agency_field=agency_field, unit_field=unit_field)
    return qs.none() if condition is None else qs.filter(condition)
