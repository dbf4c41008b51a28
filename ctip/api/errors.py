"""Every answer under /api/ is JSON, refusals included: DRF's own errors, ctip's refusals (a
file's row problems, a locked period, a bad query, a legal rule missing for a date) as 400 or
409 with a Vietnamese message, and a 404 for a path no route matches (`not_found`, ctip's
handler404). Never a server error for a bad request."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from rest_framework import status
from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from ctip.indicators.registry import IndicatorError
from ctip.periods.locks import LockedPeriodError
from ctip.prevention.importer import ImportRejected
from ctip.rules.selectors import RuleMissing

API_PATH = "/api/"


class ApiConflict(Exception):
    """A request the current state refuses (409): its message says why."""


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = drf_exception_handler(exc, context)
    if response is not None:
        if isinstance(exc, Throttled):
            response.data = {"detail": _throttled(exc.wait)}
        return response
    found = _ctip_error(exc)
    if found is None:
        return None
    code, data = found
    set_rollback()
    return Response(data, status=code)


def _throttled(wait: float | None) -> str:
    """DRF formats the wait into its sentence before translating it ("Expected available in 5
    seconds."), so no catalog can match it: ctip words the refusal itself. The other DRF
    messages are Vietnamese through ctip/locale_packages."""
    if wait is None:
        return _("Gửi quá nhiều yêu cầu. Hãy thử lại sau.")
    return _("Gửi quá nhiều yêu cầu. Hãy thử lại sau %(seconds)s giây.") % {
        "seconds": math.ceil(wait)
    }


def _ctip_error(exc: Exception) -> tuple[int, dict[str, Any]] | None:
    if isinstance(exc, ImportRejected):
        return status.HTTP_400_BAD_REQUEST, {
            "detail": _("Dữ liệu không hợp lệ."),
            "errors": exc.errors,
        }
    if isinstance(exc, DjangoValidationError):
        return status.HTTP_400_BAD_REQUEST, {
            "detail": _("Dữ liệu không hợp lệ."),
            "errors": exc.messages,
        }
    if isinstance(exc, IndicatorError):
        return status.HTTP_400_BAD_REQUEST, {"detail": str(exc)}
    if isinstance(exc, LockedPeriodError | ApiConflict):
        return status.HTTP_409_CONFLICT, {"detail": str(exc)}
    if isinstance(exc, RuleMissing):
        return status.HTTP_409_CONFLICT, {"detail": str(exc)}
    return None


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """ctip's handler404: JSON under /api/ (a client reads JSON whatever the path), ctip's page
    elsewhere and on the token pages (HTML views: no DRF class behind them)."""
    match = getattr(request, "resolver_match", None)
    html_view = match is not None and not hasattr(match.func, "cls")
    if request.path.startswith(API_PATH) and not html_view:
        return JsonResponse({"detail": _("Không tìm thấy.")}, status=404)
    return page_not_found(request, exception)  # type: ignore[arg-type]
