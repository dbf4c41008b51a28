"""Idle sessions end CTIP_SESSION_MINUTES after the last request, as before, without writing the
session on every request.

Django's SESSION_SAVE_EVERY_REQUEST wrote the session row on each page (a savepoint, an UPDATE
and its release: 3 of the 11 queries of a cached dashboard page, issue 27). Here a signed-in
user's session is marked changed, so Django saves it and moves its expiry on, only when a minute
has passed since the last save: the idle timeout then ends between 29 and 30 minutes after the
last request instead of exactly 30, and a page served within the minute writes nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

TOUCHED = "_ctip_touched"  # epoch seconds of the last save this middleware asked for
TOUCH_SECONDS = 60


class SessionTouchMiddleware:
    """Placed after SessionMiddleware, so its response step runs before the session is saved."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # Only a signed-in user's session: touching an anonymous one would create a row for
        # every visitor (and for every stale cookie) just to remember when it was touched.
        if user is None or not user.is_authenticated or request.session.modified:
            return response
        now = int(timezone.now().timestamp())
        if now - int(request.session.get(TOUCHED, 0)) >= TOUCH_SECONDS:
            request.session[TOUCHED] = now
        return response
