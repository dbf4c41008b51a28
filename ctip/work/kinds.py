"""The kinds of work that wait for a person, in words, and why a notice was sent."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """In the order the queue lists items with the same deadline."""

    CASE_STEP = "case_step", _("Hồ sơ nạn nhân chờ bạn quyết định bước tiếp theo")
    REFERRAL = "referral", _("Hồ sơ được chuyển đến, chờ tiếp nhận")
    DUPLICATE = "duplicate", _("Hồ sơ có thể trùng, chờ quyết định")
    PRIVACY_REQUEST = "privacy_request", _("Yêu cầu về dữ liệu cá nhân chờ trả lời")
    WATCH_CHECK = "watch_check", _("Kiểm tra người trong diện theo dõi đến hạn")
    CRIMINAL_PROSECUTION = (
        "criminal_prosecution",
        _("Vụ án chờ Viện kiểm sát quyết định truy tố"),
    )
    CRIMINAL_TRIAL = "criminal_trial", _("Vụ án đã truy tố, chờ Tòa án xét xử sơ thẩm")
    PART_WRITE = "part_write", _("Phần báo cáo của cơ quan cần soạn")
    PART_SIGN = "part_sign", _("Phần báo cáo của cơ quan cần ký gửi")
    PART_DECIDE = "part_decide", _("Phần báo cáo đã gửi, chờ tiếp nhận hoặc trả lại")
    REPORT = "report", _("Báo cáo cần tổng hợp, ban hành")


class Occasion(models.TextChoices):
    """Why a notice was sent: the item is new for the person, or its deadline is near or past."""

    NEW = "new", _("Việc mới")
    DUE = "due", _("Sắp đến hạn hoặc quá hạn")


ORDER = {kind: n for n, kind in enumerate(Kind.values)}
