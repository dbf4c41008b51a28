"""Idle sessions end CTIP_SESSION_MINUTES after the last request, as before, without writing the
session on every request.

Django's SESSION_SAVE_EVERY_REQUEST wrote the session row on each page (a savepoint, an UPDATE
and its release: 3 of the 11 queries of a cached dashboard page, issue 27). Here a signed-in
user's session is marked changed, so Django saves it and moves its expiry on, only when a minute
(CTIP_SESSION_TOUCH_SECONDS) has passed since the last save: the idle timeout then ends between
29 and 30 minutes after the last request instead of exactly 30, and a page served within the
minute writes nothing.

This module is also the session engine (SESSION_ENGINE): its store stamps the time into every
session it saves, so a session just written for another reason (the login itself) is not written
again by the next page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

TOUCHED = "_ctip_touched"  # epoch seconds of the session's last save (SessionStore.save)


def _now() -> int:
    return int(timezone.now().timestamp())


class SessionStore(DatabaseStore):
    """Django's database sessions, each save stamped with its time."""

    def save(self, must_create: bool = False) -> None:
        self[TOUCHED] = _now()
        super().save(must_create=must_create)


class SessionTouchMiddleware:
    """Placed after SessionMiddleware, so its response step runs before the session is saved."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # Only a signed-in user's idle time is measured: a visitor's session (a password
        # reset's token, a message) lives as Django keeps it, never prolonged by its pages.
        if user is None or not user.is_authenticated or request.session.modified:
            return response
        if _now() - int(request.session.get(TOUCHED, 0)) >= settings.CTIP_SESSION_TOUCH_SECONDS:
            request.session.modified = True  # saved by SessionMiddleware, stamped by the store
        return response
