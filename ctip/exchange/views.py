"""The receiver's endpoint (a national ctip), the national page of provinces' pushes, the
national page of the figures they pushed (with its XLSX), and the province's page of its own
pushes (with "Gửi lại" for one the receiver refused)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ctip.core.access import access_object, public, requires
from ctip.core.listing import attachment_name, content_disposition
from ctip.core.permissions import P
from ctip.dashboard.exports import as_xlsx
from ctip.exchange.figures import TOTAL_NOTE, PushedFigures, completeness, pushed_figures
from ctip.exchange.figures import table as pushed_table
from ctip.exchange.figures import title as pushed_title
from ctip.exchange.models import Outbox
from ctip.exchange.payload import Period, parse_period, pushed_indicators
from ctip.exchange.receiving import push_receive
from ctip.exchange.review import render as render_summary
from ctip.exchange.selectors import (
    is_national,
    is_sender,
    national_status,
    outbox_sent,
    period_deadline,
    summary,
)
from ctip.exchange.sending import (
    PUSH_PERMISSION,
    PushRefused,
    may_push,
    own_province,
    push_requeue,
)
from ctip.indicators.registry import IndicatorError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_BODY = 1024 * 1024  # a province's figures for a period are a few kilobytes
SENT_PAGE_SIZE = 50  # one push per period (and one per change of its figures): years of them


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
    """Every province's completeness and timeliness for one period (?ky=2025 or 2025-Q3), for
    national users only: a province's leader reads aggregates too, but not other provinces'
    push status. Others get the 404 of a missing page, as a record out of scope does."""
    if not is_national(request.user):
        raise Http404
    period, error = _period(request)
    rows = national_status(period)
    context = {
        "period": period,
        "rows": rows,
        "summary": summary(rows),
        "deadline": period_deadline(period),
        "error": error,
    }
    return render(request, "exchange/national.html", context)


def _period(request: HttpRequest) -> tuple[Period, str]:
    """The period asked for (?ky=2025 or 2025-Q3), last year by default; a period that does not
    parse shows last year's with the error."""
    default = str(timezone.localdate().year - 1)
    text = request.GET.get("ky", "") or default
    try:
        return parse_period(text), ""
    except IndicatorError as exc:
        return parse_period(default), str(exc)


def _pushed(request: HttpRequest) -> tuple[PushedFigures, str]:
    """The figures provinces pushed, for national users only (the guard of the national page:
    a province's leader reads aggregates, but not the other provinces' figures)."""
    if not is_national(request.user):
        raise Http404
    period, error = _period(request)
    return pushed_figures(period, request.GET.getlist("ct")), error


@requires(P.VIEW_AGGREGATES)
def figures(request: HttpRequest) -> HttpResponse:
    """Per indicator, the national total of the provinces' current pushes with how it was made,
    and the table province x indicator (?ct= chooses the indicators; all by default)."""
    data, error = _pushed(request)
    query = [("ky", data.period.code)]
    if data.chosen:
        query += [("ct", ind.code) for ind in data.columns]
    context = {
        "data": data,
        "period": data.period,
        "title": pushed_title(data.period),
        "completeness": completeness(data),
        "indicators": pushed_indicators(),
        "selected": {ind.code for ind in data.columns} if data.chosen else set(),
        "total_note": TOTAL_NOTE,
        "query": urlencode(query),
        "error": error,
    }
    return render(request, "exchange/figures.html", context)


@requires(P.VIEW_AGGREGATES)
def figures_download(request: HttpRequest) -> HttpResponse:
    """The table province x indicator of the page, as XLSX (the dashboards' writer)."""
    data, _error = _pushed(request)
    body = as_xlsx(pushed_table(data), _("Số liệu các tỉnh"))
    response = HttpResponse(body, content_type=XLSX)
    name = attachment_name("So-lieu-cac-tinh-gui", data.period.code, ext="xlsx")
    response["Content-Disposition"] = content_disposition(name)
    return response


@requires(P.VIEW_AGGREGATES)
def figures_summary(request: HttpRequest) -> HttpResponse:
    """A draft national summary (DOCX) of the period's pushed figures: every indicator's total
    with how it was made, and who sent (ctip.exchange.review). Whatever indicators the page's
    table shows, the document speaks of all of them."""
    data, _error = _pushed(request)
    body = render_summary(data, national_status(data.period))
    response = HttpResponse(body, content_type=DOCX)
    name = attachment_name("Du-thao-bao-cao-tong-hop", data.period.code, ext="docx")
    response["Content-Disposition"] = content_disposition(name)
    return response


@requires(PUSH_PERMISSION)
def sent(request: HttpRequest) -> HttpResponse:
    """This province's pushes, newest first: status, attempts, the last error's code, times.
    For whoever compiles the province's reports; a compiler of a commune's or a district's gets
    the 404 of a missing page, as the national page does to a province's leader."""
    province = own_province()
    if province is None:
        # Not configured to push (no CTIP_PUSH_PROVINCE): an empty page that says so, as the
        # menu hides the entry; there is no province whose pushes could be shown.
        empty = Paginator(Outbox.objects.none(), SENT_PAGE_SIZE).get_page(1)
        return render(request, "exchange/sent.html", {"page": empty, "sender": False})
    if not may_push(request.user, province):
        raise Http404
    page = Paginator(outbox_sent(request.user), SENT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "exchange/sent.html", {"page": page, "sender": is_sender()})


@requires(PUSH_PERMISSION)
@require_POST
def requeue(request: HttpRequest, pk: int) -> HttpResponse:
    row = access_object(outbox_sent(request.user), pk)
    try:
        push_requeue(outbox_id=row.pk, acting_user=request.user)
    except PushRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Đã đưa số liệu kỳ %(period)s vào hàng chờ gửi lại.") % {"period": row.period},
        )
    return redirect("exchange_sent")
