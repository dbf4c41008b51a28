"""The receiver's endpoint (a national ctip) and the national page of provinces' pushes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ctip.core.access import public, requires
from ctip.core.permissions import P
from ctip.exchange.payload import parse_period
from ctip.exchange.receiving import push_receive
from ctip.exchange.selectors import national_status, period_deadline, summary
from ctip.indicators.registry import IndicatorError

MAX_BODY = 1024 * 1024  # a province's figures for a period are a few kilobytes


@public  # open to any caller: the HMAC signature of the body is the authentication
@csrf_exempt  # a machine's signed POST, no browser session, no cookie
@require_POST
def receive(request: HttpRequest) -> HttpResponse:
    if int(request.headers.get("Content-Length") or 0) > MAX_BODY:
        return JsonResponse({"code": "too_large"}, status=413)
    outcome = push_receive(body=request.body, headers=request.headers)
    return JsonResponse(outcome.json(), status=outcome.status)


@requires(P.VIEW_AGGREGATES)
def national(request: HttpRequest) -> HttpResponse:
    """Every province's completeness and timeliness for one period (?ky=2025 or 2025-Q3)."""
    default = str(timezone.localdate().year - 1)
    text = request.GET.get("ky", "") or default
    try:
        period = parse_period(text)
        error = ""
    except IndicatorError as exc:
        period, error = parse_period(default), str(exc)
    rows = national_status(period)
    context = {
        "period": period,
        "rows": rows,
        "summary": summary(rows),
        "deadline": period_deadline(period),
        "error": error,
    }
    return render(request, "exchange/national.html", context)
