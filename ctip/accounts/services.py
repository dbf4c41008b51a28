"""Writes to user accounts, assignments and second factors: one transaction each, audited."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import Assignment, User
from ctip.accounts.notify import email_change_notify
from ctip.accounts.stewardship import (
    AccountError,
    check_assignment,
    check_change,
    check_grant,
    check_lock,
    check_manage,
    check_revoke,
    lock_administrators,
)
from ctip.core.audit import audit_write, field_changes
from ctip.core.work import unit_of_work

__all__ = ["AccountError"]  # re-exported: the services' refusals

BACKUP_CODES = 10
# An account's fields as its audit rows name them (never a password).
USER_FIELDS = ["username", "email", "first_name", "last_name"]


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


def user_create(
    *,
    username: str,
    email: str,
    first_name: str = "",
    last_name: str = "",
    role: str,
    agency: Any = None,
    unit: Any = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    acting_user: Any,
) -> User:
    """A new account with its first assignment. It has no password: its owner chooses one
    through the one-time link sent to the e-mail address (ctip.accounts.recovery), which is
    therefore required."""
    values = _user_values(username=username, email=email, first=first_name, last=last_name)
    check_assignment(role=role, agency=agency, unit=unit, valid_from=valid_from, valid_to=valid_to)
    with unit_of_work():
        check_grant(acting_user, role=role, agency=agency, unit=unit)
        _user_unique(values, exclude=None)
        user = User(**values)
        user.set_unusable_password()
        user.save()
        audit_write(
            action="accounts.user_create",
            acting_user=acting_user,
            obj=user,
            changes={k: [None, v] for k, v in values.items()},
        )
        _assignment_add(
            user=user,
            role=role,
            agency=agency,
            unit=unit,
            valid_from=valid_from,
            valid_to=valid_to,
            acting_user=acting_user,
        )
    return user


def user_update(
    *,
    user: User,
    username: str,
    email: str,
    first_name: str = "",
    last_name: str = "",
    acting_user: Any,
) -> User:
    """Change an account's name, username or e-mail address; each changed field is audited on
    the account (its id: the password link looks for it, recovery.password_reset_send), its
    owner is told at the next login (recovery.NOTICES), and a changed address is told to the
    old one after commit (a takeover starts by changing it)."""
    values = _user_values(username=username, email=email, first=first_name, last=last_name)
    with unit_of_work():
        locked = User.objects.select_for_update().get(pk=user.pk)
        check_manage(acting_user, locked)
        _user_unique(values, exclude=locked.pk)
        before = {f: getattr(locked, f) for f in USER_FIELDS}
        changes = field_changes(before, values)
        if changes:
            for name, value in values.items():
                setattr(locked, name, value)
            locked.save(update_fields=USER_FIELDS)
            audit_write(
                action="accounts.user_change", acting_user=acting_user, obj=locked, changes=changes
            )
            if "email" in changes:
                email_change_notify(user=locked, old=before["email"], acting_user=acting_user)
    return locked


def user_deactivate(*, user: User, acting_user: Any) -> User:
    """Lock an account (the person left): it can no longer log in, and its sessions end at
    their next request. Accounts are never deleted: audit rows and records keep naming them.
    Never one's own account, nor the last active administrator's (stewardship.check_lock)."""
    return _user_set_active(user=user, active=False, acting_user=acting_user)


def user_reactivate(*, user: User, acting_user: Any) -> User:
    return _user_set_active(user=user, active=True, acting_user=acting_user)


def _user_set_active(*, user: User, active: bool, acting_user: Any) -> User:
    with unit_of_work():
        if not active:
            lock_administrators()
        locked = User.objects.select_for_update().get(pk=user.pk)
        check_manage(acting_user, locked)
        if not active and locked.is_active:
            check_lock(acting_user, locked)
        if locked.is_active != active:
            locked.is_active = active
            locked.save(update_fields=["is_active"])
            audit_write(
                action="accounts.user_reactivate" if active else "accounts.user_deactivate",
                acting_user=acting_user,
                obj=locked,
                changes={"is_active": [not active, active]},
            )
    return locked


def _user_values(*, username: str, email: str, first: str, last: str) -> dict[str, str]:
    """The account's fields, checked: a username of letters, digits and @.+-_ (Django's rule),
    a valid e-mail address, names within their columns."""
    values = {
        "username": username.strip(),
        "email": email.strip(),
        "first_name": first.strip(),
        "last_name": last.strip(),
    }
    if not values["username"] or len(values["username"]) > 150:
        raise AccountError(_("Tên đăng nhập phải có từ 1 đến 150 ký tự."))
    try:
        UnicodeUsernameValidator()(values["username"])
    except ValidationError:
        raise AccountError(
            _("Tên đăng nhập chỉ gồm chữ, chữ số và các ký tự @ . + - _ (không có dấu cách).")
        ) from None
    if not values["email"]:
        raise AccountError(
            _("Phải có địa chỉ thư điện tử: người dùng nhận liên kết đặt mật khẩu qua đó.")
        )
    try:
        validate_email(values["email"])
    except ValidationError:
        raise AccountError(_("Địa chỉ thư điện tử không hợp lệ.")) from None
    if len(values["email"]) > 254 or max(len(values["first_name"]), len(values["last_name"])) > 150:
        raise AccountError(_("Họ, tên hoặc địa chỉ thư điện tử quá dài."))
    return values


def _user_unique(values: dict[str, str], *, exclude: int | None) -> None:
    """Usernames and e-mail addresses name one account each (a login may use either)."""
    others = User.objects.exclude(pk=exclude) if exclude else User.objects.all()
    if others.filter(username__iexact=values["username"]).exists():
        raise AccountError(
            _("Tên đăng nhập “%(username)s” đã có người dùng.") % {"username": values["username"]}
        )
    if others.filter(email__iexact=values["email"]).exists():
        raise AccountError(_("Địa chỉ thư điện tử này đã dùng cho một tài khoản khác."))


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
    """Give `user` a role for an agency and/or an area, for a period. A role that works through
    an agency is refused without one; a manager grants only within their reach
    (ctip.accounts.stewardship). Granting the same assignment again changes nothing."""
    check_assignment(role=role, agency=agency, unit=unit, valid_from=valid_from, valid_to=valid_to)
    with unit_of_work():
        locked = User.objects.select_for_update().get(pk=user.pk)
        check_manage(acting_user, locked)
        check_grant(acting_user, role=role, agency=agency, unit=unit)
        return _assignment_add(
            user=locked,
            role=role,
            agency=agency,
            unit=unit,
            valid_from=valid_from,
            valid_to=valid_to,
            acting_user=acting_user,
        )


def _assignment_add(
    *,
    user: User,
    role: str,
    agency: Any,
    unit: Any,
    valid_from: date | None,
    valid_to: date | None,
    acting_user: Any,
) -> Assignment:
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
                "user_id": [None, user.pk],
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
    scope widens or narrows what the user sees, as a changed role does). The same rules as a
    grant apply to what it becomes, and it does not take away one's own managing role nor the
    last administrator's (stewardship.check_change)."""
    check_assignment(role=role, agency=agency, unit=unit, valid_from=valid_from, valid_to=valid_to)
    with unit_of_work():
        locked = _lock_assignment(assignment)
        check_manage(acting_user, locked.user)
        check_grant(acting_user, role=role, agency=agency, unit=unit)
        check_change(acting_user, locked, role=role, valid_from=valid_from, valid_to=valid_to)
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
    """Delete an assignment; the audit row keeps what it granted and whose it was (the
    account's id: its history finds it whatever the account is called later)."""
    with unit_of_work():
        locked = _lock_assignment(assignment)
        check_manage(acting_user, locked.user)
        check_revoke(acting_user, locked)
        audit_write(
            action="accounts.assignment_revoke",
            acting_user=acting_user,
            obj=locked,
            changes={
                "user": [locked.user.username, None],
                "user_id": [locked.user_id, None],
                **{k: [v, None] for k, v in _assignment_values(locked).items()},
            },
        )
        locked.delete()


def _lock_assignment(assignment: Assignment) -> Assignment:
    """Lock, in this order, the administrators' accounts (stewardship.lock_administrators), the
    assignment's account (its other assignments decide what may go) and the assignment."""
    lock_administrators()
    user = User.objects.select_for_update().get(pk=assignment.user_id)
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    locked.user = user
    return locked


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
