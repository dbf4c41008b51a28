"""Shared by the tests/test_api_*.py files (no tests of its own): tokens made for a test, and
requests made with them."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from ctip.api.auth import digest
from ctip.api.models import ApiToken, TokenKind
from ctip.api.permissions import SCOPES

ALL_SCOPES = sorted(SCOPES)


def make_token(
    user: Any,
    scopes: list[str] | None = None,
    *,
    days: int = 30,
    kind: str = TokenKind.PERSONAL,
    rate: str = "600/hour",
) -> tuple[ApiToken, str]:
    """A token written directly (test set-up: any scopes, any expiry, even past), and its text."""
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        prefix=secrets.token_hex(4),
        digest=digest(secret),
        user=user,
        kind=kind,
        name="test",
        scopes=ALL_SCOPES if scopes is None else scopes,
        expires_at=timezone.now() + timedelta(days=days),
        rate=rate,
    )
    return token, f"ctip_{token.prefix}_{secret}"


def call(method: str, path: str, token: str | None = None, body: Any = None, **extra: Any) -> Any:
    """A request with `Authorization: Bearer <token>` (none when `token` is None)."""
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    kwargs: dict[str, Any] = {**headers, **extra}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return getattr(client, method.lower())(path, **kwargs)
