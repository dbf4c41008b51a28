"""Writes to user accounts, assignments and second factors: one transaction each, audited."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import Assignment, User
from ctip.accounts.permissions import ROLES
from ctip.core.audit import audit_write

BACKUP_CODES = 10


def user_ensure_demo(
    *, username: str, password: str, superuser: bool = False, acting_user: Any = None
) -> User:
    """Create the demo account, or reset its password to `password`. Idempotent."""
    with transaction.atomic():
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
    with transaction.atomic():
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
                    "role": [None, role],
                    "agency": [None, getattr(agency, "code", None)],
                    "unit": [None, getattr(unit, "pk", None)],
                },
            )
    return assignment


def totp_start(*, user: User, acting_user: Any) -> TOTPDevice:
    """An unconfirmed authenticator for `user` (replacing an unconfirmed one)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="ctip", confirmed=False)
        audit_write(action="accounts.totp_start", acting_user=acting_user, obj=user)
    return device


def totp_confirm(*, device: TOTPDevice, token: str, acting_user: Any) -> list[str] | None:
    """Confirm the authenticator with a code from it; returns new backup codes, or None when the
    code is wrong (nothing changes then)."""
    with transaction.atomic():
        if not device.verify_token(token.strip()):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
        codes = _new_backup_codes(device.user)
        audit_write(action="accounts.totp_confirm", acting_user=acting_user, obj=device.user)
    return codes


def backup_codes_renew(*, user: User, acting_user: Any) -> list[str]:
    with transaction.atomic():
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
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).count()
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_write(
            action="accounts.two_factor_reset",
            acting_user=acting_user,
            obj=user,
            changes={"devices": [removed, 0]},
        )
