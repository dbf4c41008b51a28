"""/viec-cua-toi/ (what waits for me, by deadline) and /thong-bao/ (my notices)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.access import requires
from ctip.core.permissions import P
from ctip.reporting.reminders import SOON
from ctip.work.items import WorkItem
from ctip.work.queue import request_work
from ctip.work.selectors import access_notice, notices_of
from ctip.work.services import notice_mark_read, notices_mark_all_read

GROUPS = [
    ("overdue", _l("Quá hạn")),
    ("soon", _l("Sắp đến hạn")),
    ("later", _l("Còn thời hạn")),
    ("open", _l("Không có hạn")),
]


def grouped(items: list[WorkItem], *, today: date) -> list[dict[str, Any]]:
    """The items (already by deadline) in the groups a person reads first to last; empty groups
    left out."""
    soon = today + SOON

    def group(item: WorkItem) -> str:
        if item.deadline is None:
            return "open"
        if item.overdue:
            return "overdue"
        return "soon" if item.deadline <= soon else "later"

    found: dict[str, list[WorkItem]] = {}
    for item in items:
        found.setdefault(group(item), []).append(item)
    return [
        {"code": code, "label": label, "items": found[code]}
        for code, label in GROUPS
        if code in found
    ]


def work_context(request: HttpRequest) -> dict[str, Any]:
    work = request_work(request)
    today = date.today()
    return {"work": work, "groups": grouped(work.items, today=today), "today": today}


@requires(P.VIEW_HOME)
def my_work(request: HttpRequest) -> HttpResponse:
    return render(request, "work/my_work.html", work_context(request))


@requires(P.VIEW_HOME)
def notice_list(request: HttpRequest) -> HttpResponse:
    """The user's own notices, newest first; POST marks one (`notice`) or all (`all`) read."""
    if request.method == "POST":
        if "all" in request.POST:
            notices_mark_all_read(acting_user=request.user)
            messages.success(request, _("Đã đánh dấu mọi thông báo là đã đọc."))
        else:
            notice = access_notice(request.user, request.POST.get("notice"))
            notice_mark_read(notice=notice, acting_user=request.user)
            messages.success(request, _("Đã đánh dấu thông báo là đã đọc."))
        return redirect("notice_list")
    page = Paginator(notices_of(request.user), 50).get_page(request.GET.get("page"))
    unread = notices_of(request.user).filter(read_at__isnull=True).exists()
    return render(request, "work/notices.html", {"page": page, "unread": unread})
