"""`Authorization: Bearer ctip_<prefix>_<secret>`: the token is found by its prefix and its
secret compared by SHA-256 digest. Every request reads the token and the user from the
database (no cache), so a revocation, an expiry, a locked account or an ended assignment takes
effect on the next request."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from ctip.api.models import ApiToken
from ctip.api.permissions import token_permissions

KEYWORD = "Bearer"
PREFIX = "ctip"
# last_used_at is written at most this often per token (not once per request).
TOUCH_EVERY = timedelta(minutes=1)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


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
        if len(header) != 2:
            raise AuthenticationFailed(_("Mã truy cập không hợp lệ."))
        try:
            text = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("Mã truy cập không hợp lệ.")) from None
        return self.check(text)

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
        if not token.in_force(now) or not token.user.is_active:
            raise AuthenticationFailed(_("Mã truy cập không hợp lệ."))
        _touch(token, now)
        user = token.user
        user.ctip_token_permissions = token_permissions(token.scopes)  # type: ignore[attr-defined]
        return user, token

    def authenticate_header(self, request: Any) -> str:
        # With a challenge, a refused request is a 401 (not a 403).
        return KEYWORD


def _touch(token: ApiToken, now: Any) -> None:
    """When the token was last used (at most once a minute): not a change to any record, so
    no audit row, like Django's last_login."""
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
