"""A legal rule missing for a date never reaches a user as a server error: the page says which
rule and which date, and nothing was written (the service's transaction rolled back)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import render

from ctip.rules.selectors import RuleMissing


class RuleMissingMiddleware:
    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        return self.get_response(request)

    def process_exception(self, request: Any, exception: Exception) -> Any:
        if not isinstance(exception, RuleMissing):
            return None
        return render(request, "rules/missing.html", {"message": str(exception)}, status=422)
