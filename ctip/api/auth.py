"""`Authorization: Bearer ctip_<prefix>_<secret>`: the token is found by its prefix and its
secret compared by SHA-256 digest. Every request reads the token and the user from the
database (no cache), so a revocation, an expiry, a locked account or an ended assignment takes
effect on the next request. A token issued before the account was last locked stays refused
after the account is reopened, a machine client's token is refused once its account has a
password, and refused tokens are counted per client address (throttles.FailedAuthThrottle)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, Throttled

from ctip.api.models import ApiToken, MachineClient, TokenKind
from ctip.api.permissions import token_permissions
from ctip.api.throttles import FailedAuthThrottle
from ctip.core.models import AuditEntry

KEYWORD = "Bearer"
PREFIX = "ctip"
# last_used_at is written at most this often per token (not once per request).
TOUCH_EVERY = timedelta(minutes=1)
# The audit rows that change an account's is_active: the service's, and the admin's edit
# (ctip.accounts.services._user_set_active, ctip.accounts.admin.CtipUserAdmin.save_model).
ACTIVE_CHANGES = ("accounts.user_reactivate", "accounts.user_deactivate", "accounts.user_change")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def via(token: ApiToken) -> str:
    """The audit rows' channel of a token's writes: its prefix, which names it and is not
    secret (the secret part is never stored)."""
    return f"api:{token.prefix}"


def split_token(text: str) -> tuple[str, str] | None:
    """(prefix, secret) of `ctip_<prefix>_<secret>`, or None."""
    parts = text.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        return None
    if len(parts[1]) > 12 or len(parts[2]) > 100:
        return None
    return parts[1], parts[2]


class HashedTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        failures = FailedAuthThrottle()
        if failures.blocked(request):
            # Even a right token waits: otherwise guessing would go on, answered 429 or 200.
            raise Throttled(wait=failures.wait())
        try:
            if len(header) != 2:
                raise AuthenticationFailed(_("Mã truy cập không hợp lệ."))
            try:
                text = header[1].decode("ascii")
            except UnicodeDecodeError:
                raise AuthenticationFailed(_("Mã truy cập không hợp lệ.")) from None
            return self.check(text)
        except AuthenticationFailed:
            failures.record()
            raise

    def check(self, text: str) -> tuple[Any, ApiToken]:
        parts = split_token(text)
        token = None
        if parts is not None:
            token = ApiToken.objects.select_related("user").filter(prefix=parts[0]).first()
        # One answer for unknown, wrong, expired and revoked: it says nothing about which.
        if (
            token is None
            or parts is None
            or not hmac.compare_digest(token.digest, digest(parts[1]))
        ):
            raise AuthenticationFailed(_("Mã truy cập không hợp lệ."))
        now = timezone.now()
        if (
            not token.in_force(now)
            or not token.user.is_active
            or not _machine_token_allowed(token)
            or _reopened_since(token)
        ):
            raise AuthenticationFailed(_("Mã truy cập không hợp lệ."))
        _touch(token, now)
        user = token.user
        user.ctip_token_permissions = token_permissions(token.scopes)  # type: ignore[attr-defined]
        # Every audit row this request writes names the token it came through (audit_write).
        user.ctip_via = via(token)  # type: ignore[attr-defined]
        return user, token

    def authenticate_header(self, request: Any) -> str:
        # With a challenge, a refused request is a 401 (not a 403).
        return KEYWORD


def _machine_token_allowed(token: ApiToken) -> bool:
    """A machine client's token only on an account created as one (MachineClient) that nobody
    logs into: a password set since (through the one-time link, say) ends its tokens."""
    if token.kind != TokenKind.MACHINE:
        return True
    user = token.user
    return MachineClient.objects.filter(user_id=user.pk).exists() and not user.has_usable_password()


def _reopened_since(token: ApiToken) -> bool:
    """Whether the account was locked (and, being active now, reopened) after the token was
    issued: locking ends its tokens for good. Read from the audit rows each lock and reopening
    writes in its own unit of work (ctip.accounts cannot reach the API's tokens: layers)."""
    user = token.user
    rows = AuditEntry.objects.filter(
        action__in=ACTIVE_CHANGES,
        object_type=user._meta.label_lower,
        object_id=str(user.pk),
        at__gte=token.created_at,
    ).values_list("action", "changes")
    return any(
        action != "accounts.user_change" or "is_active" in (changes or {})
        for action, changes in rows
    )


def _touch(token: ApiToken, now: Any) -> None:
    """When the token was last used (at most once a minute): not a change to any record, so
    no audit row, like Django's last_login."""
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
