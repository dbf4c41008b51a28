"""Rate limits: per token (each token's own `rate`, 600 an hour by default) and, for requests
without a token (the schema, the docs page, refused requests), per client address.

The counts live in the "api" cache (settings.CACHES: the database, created by this app's first
migration), shared by every worker process; a per-process cache would allow the rate once per
worker. Counting is check-then-set, not atomic: a burst may overrun by a few requests."""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from ctip.accounts.client_address import client_address
from ctip.api.models import DEFAULT_RATE, ApiToken

CACHE = "api"


class _ApiCache:
    @property
    def cache(self) -> Any:  # type: ignore[override]
        return caches[CACHE]


class TokenRateThrottle(_ApiCache, SimpleRateThrottle):
    scope = "token"
    rate = DEFAULT_RATE

    def allow_request(self, request: Any, view: Any) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return True
        self.rate = token.rate or DEFAULT_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class AddressRateThrottle(_ApiCache, AnonRateThrottle):
    """Requests without a valid token, by client address (behind CTIP_PROXY_COUNT proxies)."""

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if isinstance(request.auth, ApiToken):
            return None
        ident = client_address(request._request) or "unknown"
        return self.cache_format % {"scope": self.scope, "ident": ident}


# Failed authentications per client address, past which every token from that address waits:
# DRF authenticates before it throttles, so without this a wrong token is answered (401) at
# full speed, and prefixes and secrets could be tried without limit.
FAILED_AUTH_RATE = "60/hour"


class FailedAuthThrottle(_ApiCache, SimpleRateThrottle):
    """Not one of the view's throttles: HashedTokenAuthentication asks `blocked` before it
    reads a token and calls `record` for each refused one."""

    scope = "failed_auth"

    def get_rate(self) -> str:
        return FAILED_AUTH_RATE

    def get_cache_key(self, request: Any, view: Any = None) -> str:
        ident = client_address(request._request) or "unknown"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def blocked(self, request: Any) -> bool:
        self.key = self.get_cache_key(request)
        self.now = self.timer()
        self.history = [t for t in self.cache.get(self.key, []) if t > self.now - self.duration]
        return len(self.history) >= (self.num_requests or 0)

    def record(self) -> None:
        self.history.insert(0, self.now)
        self.cache.set(self.key, self.history, self.duration)
