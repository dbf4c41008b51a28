"""Navigation by pillar. Each app registers its entries with the permission they need; a user sees
only the entries their roles allow, and a pillar only when it has one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ctip.accounts.scope import user_permissions
from ctip.core.permissions import P
from ctip.exchange.selectors import is_national, is_sender
from ctip.exchange.sending import PUSH_PERMISSION, may_push
from ctip.work.queue import has_sources, request_work
from ctip.work.selectors import unread_count

PILLARS: list[tuple[str, Any]] = [
    ("overview", _("Tổng quan")),
    ("direction", _("Chỉ đạo, điều hành")),
    ("prevention", _("Phòng ngừa")),
    ("protection", _("Bảo vệ, hỗ trợ nạn nhân")),
    ("enforcement", _("Đấu tranh, xử lý tội phạm")),
    ("cooperation", _("Hợp tác quốc tế")),
    ("reports", _("Báo cáo")),
    ("reference", _("Danh mục")),
    ("admin", _("Quản trị")),
]


def _work_count(request: Any) -> str:
    """The items waiting. Reading them runs every source of work (a dozen queries), which no
    page but the queue's own needs: other pages show the count this worker read for the user
    within the last minute; the home page and "Việc của tôi", which read the work anyway, show
    it exact and refresh it (ctip/dashboard/README.md, issue 27)."""
    # A new login reads it afresh; 0 seconds (the test settings) reads it on every page.
    seconds = settings.CTIP_WORK_COUNT_SECONDS
    login = request.user.last_login
    key = f"ctip-work-count:{request.user.pk}:{login.timestamp() if login else 0}"
    if seconds and getattr(request, "_ctip_work", None) is None:  # not read by this page
        found = cache.get(key)
        if found is not None:
            return str(found)
    work = request_work(request)
    text = f"{work.count}+" if work.more else (str(work.count) if work.count else "")
    if seconds:
        cache.set(key, text, seconds)
    return text


def _sender(user: Any) -> bool:
    """The outbox matters only on an instance that pushes to a national ctip (settings), and
    only to whoever compiles its province's reports (not a commune's compiler)."""
    return is_sender() and may_push(user)


def _unread(request: Any) -> str:
    found = unread_count(request.user)
    return str(found) if found else ""


@dataclass(frozen=True)
class Entry:
    pillar: str
    label: Any
    url_name: str
    permission: str
    # Shown only when this holds for the user (e.g. a source of work applies to their roles).
    shown: Callable[[Any], bool] | None = None
    # A number beside the label ("" for none), computed for the request.
    count: Callable[[Any], str] | None = None


ENTRIES: list[Entry] = [
    Entry("overview", _("Việc của tôi"), "my_work", P.VIEW_HOME, has_sources, _work_count),
    Entry("overview", _("Thông báo"), "notice_list", P.VIEW_HOME, None, _unread),
    Entry("overview", _("Bảng điều khiển"), "dashboard", P.VIEW_DASHBOARD),
    Entry("overview", _("Tuyên truyền so với nguy cơ"), "risk", P.VIEW_AGGREGATES),
    Entry("prevention", _("Hoạt động tuyên truyền"), "activity_list", P.VIEW_ACTIVITIES),
    Entry("prevention", _("Nhập từ tệp Excel"), "import_upload", P.EDIT_ACTIVITIES),
    Entry(
        "prevention", _("Biểu mẫu thực địa (ODK, Kobo)"), "fieldform_activities", P.EDIT_ACTIVITIES
    ),
    Entry("prevention", _("Độ phủ tuyên truyền"), "coverage", P.VIEW_ACTIVITIES),
    Entry("direction", _("Văn bản chỉ đạo"), "document_list", P.VIEW_DIRECTIVES),
    Entry("direction", _("Nhiệm vụ quá hạn"), "tasks_overdue", P.VIEW_OWN_AGENCY),
    Entry("protection", _("Hồ sơ nạn nhân"), "case_list", P.VIEW_VICTIM_CASES),
    Entry("protection", _("Lập hồ sơ mới"), "case_create", P.EDIT_VICTIM_CASES),
    Entry("protection", _("Hồ sơ được chuyển đến"), "referrals_incoming", P.EDIT_VICTIM_CASES),
    Entry("protection", _("Yêu cầu về dữ liệu cá nhân"), "privacy_requests", P.EDIT_VICTIM_CASES),
    Entry("protection", _("Hồ sơ có thể trùng"), "duplicate_queue", P.REVIEW_DUPLICATES),
    Entry("protection", _("Xuất dữ liệu HTCDS (ẩn danh)"), "htcds_export", P.EXPORT_HTCDS),
    Entry("enforcement", _("Vụ án mua bán người"), "criminal_case_list", P.VIEW_CRIMINAL_CASES),
    Entry("enforcement", _("Theo dõi người có nguy cơ"), "watch_list", P.VIEW_WATCHLIST),
    Entry(
        "enforcement",
        _("Nhập kết quả kiểm tra từ biểu mẫu"),
        "fieldform_watch_checks",
        P.VIEW_WATCHLIST,
    ),
    Entry(
        "enforcement",
        _("Theo dõi quá hạn theo xã"),
        "watch_overdue_by_unit",
        P.VIEW_AGGREGATES,
    ),
    Entry("enforcement", _("Kiểm tra cơ sở kinh doanh"), "inspection_list", P.VIEW_ACTIVITIES),
    Entry("enforcement", _("Đợt cao điểm"), "campaign_list", P.VIEW_ACTIVITIES),
    Entry("cooperation", _("Hợp tác quốc tế"), "cooperation_list", P.VIEW_ACTIVITIES),
    Entry("reports", _("Báo cáo"), "report_list", P.VIEW_REPORTS),
    Entry("reports", _("Đăng ký yêu cầu báo cáo"), "report_request_new", P.COMPILE_REPORTS),
    Entry("reports", _("Phần báo cáo của cơ quan"), "contribution_list", P.CONTRIBUTE_REPORTS),
    Entry("reports", _("Tình hình gửi báo cáo"), "report_completeness", P.VIEW_REPORTS),
    Entry(
        "reports",
        _("Số liệu các tỉnh gửi lên"),
        "exchange_national",
        P.VIEW_AGGREGATES,
        is_national,  # national users only: a province does not read the others' pushes
    ),
    Entry("reports", _("Số liệu đã gửi lên cấp trên"), "exchange_sent", PUSH_PERMISSION, _sender),
    Entry("reports", _("Số liệu điều chỉnh"), "correction_list", P.VIEW_REPORTS),
    Entry("reference", _("Đơn vị hành chính"), "unit_list", P.VIEW_REFERENCE),
    Entry("reference", _("Cơ quan, đơn vị"), "agency_list", P.VIEW_REFERENCE),
    Entry("reference", _("Cơ quan của tôi"), "my_agency", P.EDIT_OWN_AGENCY),
    Entry("admin", _("Người dùng"), "user_list", P.MANAGE_ACCOUNTS),
    Entry("admin", _("Mã truy cập API"), "api:token_list", P.VIEW_HOME),
    Entry("admin", _("Nhật ký thao tác"), "admin:core_auditentry_changelist", P.VIEW_AUDIT),
    Entry(
        "admin", _("Nhật ký xem hồ sơ nạn nhân"), "admin:victims_accesslog_changelist", P.VIEW_AUDIT
    ),
]


def menu(request: Any) -> dict[str, Any]:
    """Template context: the pillars and entries this user may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}

    perms = user_permissions(user)
    groups = []
    for code, label in PILLARS:
        items = [
            {"label": e.label, "url": url, "count": e.count(request) if e.count else ""}
            for e in ENTRIES
            if e.pillar == code
            and e.permission in perms
            and (e.shown is None or e.shown(user))
            and (url := _url(e.url_name))
        ]
        if items:
            groups.append({"code": code, "label": label, "items": items})
    return {"menu": groups}


def _url(name: str) -> str | None:
    """The entry's address, or None under a URL conf without it (a test's own): an error page
    rendered there shows the menu it can (tests/test_look.py checks every entry reverses in
    ctip's URL conf, so a mistyped name is still caught)."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None
