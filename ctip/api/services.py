"""Issuing and revoking API tokens: one unit of work and one audit row each.

A personal token is issued by its own user (the page asks for the second factor first); a
machine client's token by a manager of that account (ctip.accounts.stewardship) for an account
created as a machine client's (machine_client_create: a MachineClient row) that no person logs
into (no usable password; a person's new account has none either until its owner follows the
one-time link, so that alone proves nothing). The token's text is returned once, here, and
never stored: only the SHA-256 of its secret is."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.accounts.scope import user_permissions
from ctip.accounts.services import user_create
from ctip.accounts.stewardship import AccountError, check_manage
from ctip.api.auth import PREFIX, digest
from ctip.api.models import ApiToken, MachineClient, TokenKind
from ctip.api.permissions import SCOPES, token_permissions
from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work

DEFAULT_DAYS = 90
MAX_DAYS = 365
MAX_NAME = 100


class TokenError(ValueError):
    """A refused issue or revocation; its message is for the person, and nothing was saved."""


def token_issue(
    *,
    user: Any,
    name: str,
    scopes: list[str],
    expires_at: datetime,
    acting_user: Any,
    kind: str = TokenKind.PERSONAL,
) -> tuple[ApiToken, str]:
    """A new token and its text (`ctip_<prefix>_<secret>`), shown once."""
    name = (name or "").strip()
    _check(user=user, name=name, scopes=scopes, expires_at=expires_at, kind=kind, by=acting_user)
    secret = secrets.token_urlsafe(32)
    with unit_of_work():
        token = ApiToken.objects.create(
            prefix=_new_prefix(),
            digest=digest(secret),
            user=user,
            kind=kind,
            name=name,
            scopes=sorted(set(scopes)),
            created_by=acting_user,
            expires_at=expires_at,
        )
        audit_write(
            action="api.token_issue",
            acting_user=acting_user,
            obj=token,
            changes={
                "prefix": [None, token.prefix],
                "user": [None, user.username],
                "kind": [None, kind],
                "scopes": [None, ", ".join(token.scopes)],
                "expires_at": [None, expires_at.isoformat()],
            },
        )
    return token, f"{PREFIX}_{token.prefix}_{secret}"


def machine_client_create(*, acting_user: Any, **account: Any) -> Any:
    """A new account for a machine client, marked as one in the same unit of work: the
    account's fields and first assignment as `accounts.services.user_create` takes them (its
    checks, its audit row `accounts.user_create`). No password link is sent: nobody logs into
    it, and a password set on it later ends its tokens (auth._machine_token_allowed)."""
    with unit_of_work():
        user = user_create(acting_user=acting_user, **account)
        MachineClient.objects.create(user=user, created_by=acting_user)
    return user


def token_revoke(*, token: ApiToken, acting_user: Any) -> ApiToken:
    """The token refused from now on (its own user, or a manager of a machine account)."""
    if token.user_id != acting_user.pk:
        if token.kind != TokenKind.MACHINE:
            raise TokenError(_("Chỉ người được cấp mới thu hồi được mã truy cập cá nhân."))
        _check_manager(acting_user, token.user)
    with unit_of_work():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise TokenError(_("Mã truy cập này đã bị thu hồi."))
        token.revoked_at = timezone.now()
        token.revoked_by = acting_user
        token.save(update_fields=["revoked_at", "revoked_by"])
        audit_write(
            action="api.token_revoke",
            acting_user=acting_user,
            obj=token,
            changes={"prefix": [token.prefix, token.prefix], "revoked": [False, True]},
        )
    return token


def _check(
    *, user: Any, name: str, scopes: list[str], expires_at: datetime, kind: str, by: Any
) -> None:
    if not name or len(name) > MAX_NAME or "\x00" in name:
        raise TokenError(_("Hãy đặt tên gợi nhớ cho mã (tối đa 100 ký tự)."))
    if not scopes or any(s not in SCOPES for s in scopes):
        raise TokenError(_("Hãy chọn ít nhất một phạm vi trong danh sách."))
    now = timezone.now()
    if not now < expires_at <= now + timedelta(days=MAX_DAYS):
        raise TokenError(
            _("Thời hạn của mã phải trong vòng %(days)s ngày kể từ hôm nay.") % {"days": MAX_DAYS}
        )
    if kind == TokenKind.PERSONAL:
        if by is None or by.pk != user.pk:
            raise TokenError(_("Mã truy cập cá nhân chỉ do chính người dùng tự cấp."))
    elif kind == TokenKind.MACHINE:
        _check_manager(by, user)
        machine = MachineClient.objects.filter(user_id=user.pk).exists()
        if not machine or user.has_usable_password():
            raise TokenError(
                _(
                    "Mã cho hệ thống kết nối chỉ cấp cho tài khoản được tạo làm tài khoản của "
                    "hệ thống kết nối và không có mật khẩu đăng nhập."
                )
            )
    else:
        raise TokenError(_("Loại mã không hợp lệ."))
    held = user_permissions(user)
    useless = [s for s in scopes if not token_permissions([s]) & held]
    if useless:
        raise TokenError(
            _("Vai trò của tài khoản không có quyền nào thuộc phạm vi: %(scopes)s")
            % {"scopes": ", ".join(useless)}
        )


def _check_manager(acting_user: Any, user: Any) -> None:
    try:
        check_manage(acting_user, user)
    except AccountError as exc:
        raise TokenError(str(exc)) from exc
    if acting_user is not None and acting_user.pk == user.pk:
        raise TokenError(_("Không cấp mã cho hệ thống kết nối trên chính tài khoản của bạn."))


def _new_prefix() -> str:
    """8 base32 characters, unused so far (the unique index refuses a collision anyway)."""
    for _attempt in range(5):
        prefix = base64.b32encode(secrets.token_bytes(5)).decode().lower()
        if not ApiToken.objects.filter(prefix=prefix).exists():
            return prefix
    raise IntegrityError("no free token prefix")
