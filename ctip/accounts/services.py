"""Writes to user accounts, assignments and second factors: one transaction each, audited."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import Assignment, User
from ctip.accounts.permissions import ROLES
from ctip.core.audit import audit_write, field_changes
from ctip.core.work import unit_of_work

BACKUP_CODES = 10


def user_ensure_demo(
    *, username: str, password: str, superuser: bool = False, acting_user: Any = None
) -> User:
    """Create the demo account, or reset its password to `password`. Idempotent."""
    with unit_of_work():
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": superuser, "is_superuser": superuser}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            # The password itself never goes into the audit row.
            audit_write(
                action="accounts.user_ensure_demo",
                acting_user=acting_user,
                obj=user,
                changes={"created": [None, created], "password": ["***", "***"]},
            )
    return user


def assignment_grant(
    *,
    user: User,
    role: str,
    agency: Any = None,
    unit: Any = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    acting_user: Any,
) -> Assignment:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with unit_of_work():
        assignment, created = Assignment.objects.get_or_create(
            user=user,
            role=role,
            agency=agency,
            unit=unit,
            defaults={"valid_from": valid_from, "valid_to": valid_to},
        )
        if created:
            audit_write(
                action="accounts.assignment_grant",
                acting_user=acting_user,
                obj=assignment,
                changes={
                    "user": [None, user.username],
                    **{k: [None, v] for k, v in _assignment_values(assignment).items()},
                },
            )
    return assignment


def assignment_update(
    *,
    assignment: Assignment,
    role: str,
    agency: Any = None,
    unit: Any = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    acting_user: Any,
) -> Assignment:
    """Change an assignment's role, scope or period; every changed field is audited (a changed
    scope widens or narrows what the user sees, as a changed role does)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with unit_of_work():
        locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
        before = _assignment_values(locked)
        locked.role, locked.agency, locked.unit = role, agency, unit
        locked.valid_from, locked.valid_to = valid_from, valid_to
        changes = field_changes(before, _assignment_values(locked))
        if changes:
            locked.save(update_fields=["role", "agency", "unit", "valid_from", "valid_to"])
            audit_write(
                action="accounts.assignment_update",
                acting_user=acting_user,
                obj=locked,
                changes=changes,
            )
    return locked


def assignments_apply(
    *,
    user: User,
    revoked: list[Assignment],
    changed: list[tuple[Assignment, dict[str, Any]]],
    granted: list[dict[str, Any]],
    acting_user: Any,
) -> None:
    """A user's assignments edited together (the admin's rows): all or nothing, each change
    audited by its own service."""
    with unit_of_work():
        for assignment in revoked:
            assignment_revoke(assignment=assignment, acting_user=acting_user)
        for assignment, fields in changed:
            assignment_update(assignment=assignment, **fields, acting_user=acting_user)
        for fields in granted:
            assignment_grant(user=user, **fields, acting_user=acting_user)


def assignment_revoke(*, assignment: Assignment, acting_user: Any) -> None:
    """Delete an assignment; the audit row keeps what it granted."""
    with unit_of_work():
        locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
        audit_write(
            action="accounts.assignment_revoke",
            acting_user=acting_user,
            obj=locked,
            changes={
                "user": [locked.user.username, None],
                **{k: [v, None] for k, v in _assignment_values(locked).items()},
            },
        )
        locked.delete()


def _assignment_values(assignment: Assignment) -> dict[str, Any]:
    """What an assignment grants, as the audit row names it (codes, never names)."""
    return {
        "role": assignment.role,
        "agency": getattr(assignment.agency, "code", None),
        "unit": assignment.unit_id,
        "valid_from": _day(assignment.valid_from),
        "valid_to": _day(assignment.valid_to),
    }


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def totp_start(*, user: User, acting_user: Any) -> TOTPDevice:
    """An unconfirmed authenticator for `user` (replacing an unconfirmed one)."""
    with unit_of_work():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="ctip", confirmed=False)
        audit_write(action="accounts.totp_start", acting_user=acting_user, obj=user)
    return device


def totp_confirm(*, device: TOTPDevice, token: str, acting_user: Any) -> list[str] | None:
    """Confirm the authenticator with a code from it; returns new backup codes, or None when the
    code is wrong (then only django-otp's throttle moves, and the failure is recorded: repeated
    wrong codes are what an administrator looks for)."""
    with unit_of_work():
        if not device.verify_token(token.strip()):
            audit_write(
                action="accounts.totp_confirm_failed", acting_user=acting_user, obj=device.user
            )
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
        codes = _new_backup_codes(device.user)
        audit_write(action="accounts.totp_confirm", acting_user=acting_user, obj=device.user)
    return codes


def backup_codes_renew(*, user: User, acting_user: Any) -> list[str]:
    with unit_of_work():
        codes = _new_backup_codes(user)
        audit_write(action="accounts.backup_codes_renew", acting_user=acting_user, obj=user)
    return codes


def _new_backup_codes(user: User) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="backup")
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def two_factor_reset(*, user: User, acting_user: Any) -> None:
    """An administrator removes a user's authenticator and backup codes (lost phone); the user
    sets up a new one at the next login."""
    with unit_of_work():
        removed = TOTPDevice.objects.filter(user=user).count()
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_write(
            action="accounts.two_factor_reset",
            acting_user=acting_user,
            obj=user,
            changes={"devices": [removed, 0]},
        )


def password_save(*, form: Any, action: str, acting_user: Any) -> Any:
    """A password chosen by its user (Django's set-password or change-password form, already
    valid): saved with its audit row, which never holds the password."""
    with unit_of_work():
        user = form.save()
        audit_write(action=action, acting_user=acting_user, obj=user)
    return user


def second_factor_passed(*, device: Any, acting_user: Any) -> None:
    """A login completed its second factor: recorded, with the kind of device only."""
    with unit_of_work():
        audit_write(
            action="accounts.second_factor_passed",
            acting_user=acting_user,
            obj=device.user,
            changes={"device": [None, device.__class__.__name__]},
        )
