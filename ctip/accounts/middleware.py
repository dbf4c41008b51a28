"""Users whose roles can see personal data must pass a second factor before anything else."""

from collections.abc import Callable
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from ctip.accounts.scope import requires_two_factor

# Reachable before the second factor: the 2FA pages themselves, logout, language switch.
ALLOWED_BEFORE_SECOND_FACTOR = ("two_factor_verify", "two_factor_setup", "logout", "set_language")


def verify_url(back_to: str, page: str = "two_factor_verify") -> str:
    """The second-factor page, which returns to `back_to` (a path with its query string)
    afterwards. Encoded, so that the query's own ? & = (a list's filters) come back whole."""
    return f"{reverse(page)}?next={quote(back_to, safe='/')}"


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[union-attr,attr-defined]
            and requires_two_factor(user)
            and not self._allowed(request.path)
        ):
            return redirect(verify_url(request.get_full_path()))
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        return any(path == reverse(name) for name in ALLOWED_BEFORE_SECOND_FACTOR) or (
            path.startswith("/static/")
        )
