"""The language of the screens (issue 23): Vietnamese for everyone unless the user chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an English browser got
English screens. Here the language is, in order: a logged-in user's saved choice (User.language),
else the choice an anonymous visitor made with the header switch (the language cookie), else
settings.LANGUAGE_CODE ("vi"). Accept-Language is never read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def supported(code: str | None) -> str | None:
    return code if code in dict(settings.LANGUAGES) else None


def _cookie_language(request: HttpRequest) -> str:
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)) or settings.LANGUAGE_CODE


def _user_language(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return supported(getattr(user, "language", None))
    return None


def _activate(request: HttpRequest, code: str) -> None:
    translation.activate(code)
    request.LANGUAGE_CODE = code  # type: ignore[attr-defined]


class UserLanguageMiddleware:
    """In LocaleMiddleware's place. The cookie (or Vietnamese) is active from the start, so even a
    response made before the view (a CSRF refusal, a redirect to log in) speaks it; the user's
    saved choice replaces it in process_view, when the session's user is known."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        _activate(request, _cookie_language(request))
        response = self.get_response(request)
        chosen = _user_language(request)
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            # After logging out, the login page keeps the language the user chose.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language() or "vi")
        return response

    def process_view(
        self, request: HttpRequest, view: Callable, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        chosen = _user_language(request)
        if chosen:
            _activate(request, chosen)
        return None


def language_save(*, user: Any, language: str, acting_user: Any) -> None:
    """A user's own choice of language, kept for their next sessions (a preference, not a record:
    no audit row)."""
    if supported(language) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
