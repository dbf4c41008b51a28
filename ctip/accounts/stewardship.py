"""Who manages whose account (issue 24, point 3): the reach of P.MANAGE_ACCOUNTS.

- A system administrator manages every account and grants every role.
- A standing office manages the accounts of its own area: the area its assignment names (or
  its agency's), not the province that area rolls up to, so an office set up for a commune
  manages that commune's accounts and nothing above it. It grants every role that does not
  itself manage accounts: only the system administrator creates a standing office or another
  administrator (otherwise an office could make itself a second office anywhere in its area, or
  widen its own reach). An account is in its reach when the account has at least one
  assignment and every one of them lies in that area (its agency and its area, whichever it
  names) and is a role the office may grant; staff and superuser accounts (the admin site's),
  and so other managers, are never in its reach. A standing office never changes its own
  account (it sees it): a second manager does (otherwise it could give itself a role that reads
  personal data).
- No manager locks their own account or revokes their own managing role, and nobody locks or
  revokes the last active system administrator (`check_keeps_an_administrator`): accounts are
  managed inside ctip, so that would leave no one to manage them.

The services check this again themselves (`check_manage`, `check_grant`) inside their
transaction, whatever page called them; the pages show only what `users_managed` returns (one
404 for missing and out of reach).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from typing import Any

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from ctip.accounts.models import Assignment, User
from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.core.access import access_object
from ctip.core.permissions import P
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids

EVERYONE = "everyone"
OWN_AREA = "own_area"
# The roles that manage accounts: only a manager of everyone grants them.
MANAGING_ROLES = frozenset(
    code for code, role in ROLES.items() if P.MANAGE_ACCOUNTS in role.permissions
)
# Role -> (whose accounts, which roles it may grant). A role holding MANAGE_ACCOUNTS that is not
# here manages nobody (deny by default).
STEWARDS: dict[str, tuple[str, frozenset[str]]] = {
    "system_admin": (EVERYONE, frozenset(ROLES)),
    "standing_office": (OWN_AREA, frozenset(ROLES) - MANAGING_ROLES),
}
# The roles that manage every account: one active account must always hold one of them.
ADMINISTRATOR_ROLES = frozenset(code for code, (kind, _r) in STEWARDS.items() if kind == EVERYONE)


class AccountError(ValueError):
    """A refused write to an account or an assignment; its message is for the person, and
    nothing was saved."""


@dataclass(frozen=True)
class Reach:
    everyone: bool = False
    areas: tuple[Unit, ...] = ()
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def anyone(self) -> bool:
        return self.everyone or bool(self.areas)


def reach(user: Any) -> Reach:
    """Whose accounts `user` manages, from their active assignments."""
    everyone, areas, roles = False, [], set[str]()
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or P.MANAGE_ACCOUNTS not in role.permissions:
            continue
        if assignment.role not in STEWARDS:
            continue
        kind, grants = STEWARDS[assignment.role]
        if kind == EVERYONE:
            everyone = True
        else:
            area = _own_area(assignment)
            if area is None:
                continue
            if area not in areas:
                areas.append(area)
        roles |= grants
    return Reach(everyone=everyone, areas=tuple(areas), roles=frozenset(roles))


def _own_area(assignment: Assignment) -> Unit | None:
    """The area the assignment itself names, or its agency's: never the province above it (an
    office of a commune does not manage the province's accounts)."""
    return assignment.unit or (assignment.agency.unit if assignment.agency else None)


def _within(areas: tuple[Unit, ...]) -> Q:
    """An assignment's agency and area, whichever it names, lie in the same one of `areas`
    (that unit, what it succeeded and their subtrees)."""
    parts = []
    for territory in areas:
        area = covered_unit_ids(territory)
        parts.append(
            (Q(unit__isnull=True) | Q(unit_id__in=area))
            & (Q(agency__isnull=True) | Q(agency__unit_id__in=area))
        )
    return reduce(operator.or_, parts) if parts else Q(pk__in=[])


NAMES_A_PLACE = Q(unit__isnull=False) | Q(agency__isnull=False)


def users_managed(user: Any) -> QuerySet[User]:
    """The accounts `user` manages; none by default. For a standing office: accounts with an
    assignment in its area and none elsewhere, none of a role it may not grant (so no other
    manager's), and its own account, which it sees but does not change (`check_manage`). An
    assignment naming neither agency nor area (saved before agencies were required: it reaches
    no record) keeps the account in reach, so that the office can mend it."""
    found = reach(user)
    if found.everyone:
        return User.objects.all()
    if not found.areas:
        return User.objects.none()
    within = _within(found.areas)
    fits = Q(role__in=sorted(found.roles)) & (~NAMES_A_PLACE | within)
    judged = Assignment.objects.annotate(
        fits=Case(When(fits, then=Value(True)), default=Value(False), output_field=BooleanField())
    )
    inside = Assignment.objects.filter(NAMES_A_PLACE, within, user=OuterRef("pk"))
    outside = judged.filter(user=OuterRef("pk"), fits=False)
    managed = Q(Exists(inside), is_staff=False, is_superuser=False) & ~Q(Exists(outside))
    return User.objects.filter(managed | Q(pk=user.pk))


def access_managed_user(user: Any, pk: Any) -> User:
    """One account `user` manages, or 404 (missing and out of reach alike)."""
    return access_object(users_managed(user), pk)


def access_managed_assignment(user: Any, pk: Any) -> Assignment:
    """One assignment of an account `user` manages, or 404."""
    qs = Assignment.objects.filter(user__in=users_managed(user)).select_related(
        "user", "agency", "unit"
    )
    return access_object(qs, pk)


def may_change_self(user: Any) -> bool:
    """Only a manager of every account changes their own (a standing office does not)."""
    return reach(user).everyone


def check_manage(acting_user: Any, user: User) -> None:
    """Refuse a write to `user`'s account by someone it is out of reach of. None acts for the
    system (commands, the demo), which the reach does not bind."""
    if acting_user is None:
        return
    if user.pk == acting_user.pk and not may_change_self(acting_user):
        raise AccountError(
            _(
                "Bạn không tự thay đổi tài khoản hay vai trò của chính mình; hãy đề nghị một "
                "người quản lý khác."
            )
        )
    if not users_managed(acting_user).filter(pk=user.pk).exists():
        raise AccountError(_("Tài khoản này không thuộc phạm vi bạn quản lý."))


def check_grant(acting_user: Any, *, role: str, agency: Any, unit: Any) -> None:
    """Refuse an assignment its grantor may not give: a role it may not grant (a standing
    office grants no role that manages accounts), or an agency or area outside its own area."""
    if acting_user is None:
        return
    found = reach(acting_user)
    if role not in found.roles:
        raise AccountError(
            _("Bạn không được giao vai trò “%(role)s”.") % {"role": ROLES[role].label}
        )
    if found.everyone:
        return
    if agency is None and unit is None:
        raise AccountError(
            _("Hãy chọn cơ quan hoặc địa bàn trong phạm vi bạn quản lý (%(area)s).")
            % {"area": area_names(found)}
        )
    if not _values_inside(found.areas, agency=agency, unit=unit):
        raise AccountError(
            _("Cơ quan và địa bàn của vai trò phải nằm trong phạm vi bạn quản lý (%(area)s).")
            % {"area": area_names(found)}
        )


def _values_inside(areas: tuple[Unit, ...], *, agency: Any, unit: Any) -> bool:
    """The agency and the area named lie in one of `areas`."""
    for territory in areas:
        area = covered_unit_ids(territory)
        unit_ok = unit is None or Unit.objects.filter(pk=unit.pk, pk__in=area).exists()
        agency_ok = agency is None or Unit.objects.filter(pk=agency.unit_id, pk__in=area).exists()
        if unit_ok and agency_ok:
            return True
    return False


def area_names(found: Reach) -> str:
    return ", ".join(p.name for p in found.areas)


def agencies_within(found: Reach) -> Q:
    """Agencies a manager may name in an assignment: any for a manager of everyone, else those
    located in its areas."""
    if found.everyone:
        return Q()
    parts = [Q(unit_id__in=covered_unit_ids(territory)) for territory in found.areas]
    return reduce(operator.or_, parts) if parts else Q(pk__in=[])


def check_revoke(acting_user: Any, assignment: Assignment) -> None:
    """A standing office does not revoke an account's last assignment: the account would leave
    its reach for good. It deactivates the account instead. No manager revokes their own
    managing role, and the last administrator's role is never revoked."""
    if _own_managing_role(acting_user, assignment):
        raise AccountError(_own_role_message())
    check_keeps_an_administrator(assignment=assignment)
    if acting_user is None or reach(acting_user).everyone:
        return
    if not Assignment.objects.filter(user=assignment.user_id).exclude(pk=assignment.pk).exists():
        raise AccountError(
            _(
                "Đây là vai trò cuối cùng của tài khoản. Thay vì thu hồi, hãy khóa tài khoản "
                "nếu người này thôi làm việc."
            )
        )


def check_change(
    acting_user: Any, assignment: Assignment, *, role: str, valid_from: Any, valid_to: Any
) -> None:
    """Changing an assignment so that it no longer holds its managing role today is revoking
    that role: not one's own, not the last administrator's."""
    today = date.today()
    in_force = (valid_from is None or valid_from <= today) and (
        valid_to is None or valid_to >= today
    )
    if role == assignment.role and in_force:
        return
    if _own_managing_role(acting_user, assignment):
        raise AccountError(_own_role_message())
    check_keeps_an_administrator(assignment=assignment)


def check_lock(acting_user: Any, user: User) -> None:
    """Nobody locks their own account, nor the last active administrator's."""
    if acting_user is not None and user.pk == acting_user.pk:
        raise AccountError(
            _("Bạn không tự khóa tài khoản của chính mình; hãy đề nghị một người quản lý khác.")
        )
    check_keeps_an_administrator(user=user)


def _own_managing_role(acting_user: Any, assignment: Assignment) -> bool:
    """`assignment` is the acting manager's own role that manages accounts."""
    return (
        acting_user is not None
        and assignment.user_id == acting_user.pk
        and assignment.role in MANAGING_ROLES
    )


def _own_role_message() -> str:
    return _(
        "Bạn không tự thu hồi hay thay đổi vai trò quản lý tài khoản của chính mình; hãy đề "
        "nghị một người quản lý khác."
    )


def _administrators() -> QuerySet[Assignment]:
    """The assignments in force today that manage every account, of active accounts."""
    return Assignment.objects.valid_on(date.today()).filter(
        role__in=sorted(ADMINISTRATOR_ROLES), user__is_active=True
    )


def lock_administrators() -> None:
    """Lock the administrators' account rows, always in the same order, before a lock or a
    revocation: two administrators removing each other at the same moment then wait for each
    other, and the second sees the first's result instead of both passing the check below."""
    held = Assignment.objects.filter(role__in=sorted(ADMINISTRATOR_ROLES)).values("user")
    list(User.objects.select_for_update().filter(pk__in=held).order_by("pk").values_list("pk"))


def check_keeps_an_administrator(
    *, user: User | None = None, assignment: Assignment | None = None
) -> None:
    """Refuse locking `user` or removing `assignment` when no other active account would then
    manage every account: accounts are managed inside ctip, and nobody could mend that."""
    found = _administrators()
    if user is not None:
        affected = found.filter(user=user)
    elif assignment is not None:
        affected = found.filter(pk=assignment.pk)
    else:
        return
    if not affected.exists():
        return
    if not found.exclude(pk__in=affected.values("pk")).exists():
        raise AccountError(
            _(
                "Đây là tài khoản quản trị hệ thống cuối cùng đang hoạt động: hãy giao vai trò "
                "quản trị hệ thống cho một tài khoản khác trước."
            )
        )


def check_assignment(
    *, role: str, agency: Any, unit: Any, valid_from: date | None, valid_to: date | None
) -> None:
    """What every assignment needs, whoever grants it: a known role; an agency for a role that
    works through one (its records are the agency's: without one it sees nothing, and its
    forms cannot record anything); a period that ends after it begins."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if ROLES[role].scoped_by_agency and agency is None:
        raise AccountError(agency_required_message(role))
    if valid_from and valid_to and valid_to < valid_from:
        raise AccountError(_("Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi."))


def agency_required_message(role: str) -> str:
    return _("Vai trò “%(role)s” làm việc theo cơ quan: phải chọn cơ quan.") % {
        "role": ROLES[role].label
    }
