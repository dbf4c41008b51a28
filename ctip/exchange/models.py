"""The outbox of a province's pushes (sender side) and the figures a national ctip received
(receiver side). Figures only: no row here ever holds a person's data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outbox(models.Model):
    """One signed push waiting to be sent, sent, or given up. `body` is the exact bytes that are
    signed at each attempt (canonical JSON of aggregate figures)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Bị từ chối")

    push_id = models.CharField(_("mã lần gửi"), max_length=120, unique=True)
    province_code = models.CharField(_("mã tỉnh"), max_length=9)
    period = models.CharField(_("kỳ"), max_length=16)
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64)
    url = models.CharField(_("địa chỉ nhận"), max_length=300)
    body = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("số lần thử"), default=0)
    # A status code or an exception's class name: never a response body, which could echo data.
    last_error = models.CharField(_("lỗi gần nhất"), max_length=200, blank=True)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần gửi số liệu")
        verbose_name_plural = _("các lần gửi số liệu")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return self.push_id


class ReceivedPush(models.Model):
    """A push a national ctip applied: one version of a province's figures for a period."""

    push_id = models.CharField(_("mã lần gửi"), max_length=120, unique=True)
    province_code = models.CharField(_("mã tỉnh"), max_length=9)
    province_name = models.CharField(_("tên tỉnh"), max_length=120)
    period = models.CharField(_("kỳ"), max_length=16)
    period_end = models.DateField(_("ngày cuối kỳ"))
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64)
    version = models.PositiveIntegerField(_("phiên bản"))
    # The sender's time of computing the figures: orders versions (a late retry of an older push
    # must not replace a newer one).
    computed_at = models.DateTimeField(_("tính lúc"))
    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True)
    key_id = models.CharField(_("mã khóa"), max_length=60)
    current = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("số liệu tỉnh đã nhận")
        verbose_name_plural = _("các lần nhận số liệu tỉnh")
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "period", "version"], name="exchange_push_version"
            )
        ]

    def __str__(self) -> str:
        return self.push_id


class ReceivedFigure(models.Model):
    """A figure of the current version for a province, a period and an indicator, with the
    definition it was computed under (a definition changed at the sender shows as a new hash)."""

    push = models.ForeignKey(ReceivedPush, on_delete=models.CASCADE, related_name="figures")
    province_code = models.CharField(_("mã tỉnh"), max_length=9)
    period = models.CharField(_("kỳ"), max_length=16)
    indicator = models.CharField(_("chỉ tiêu"), max_length=80)
    label = models.CharField(_("tên chỉ tiêu"), max_length=300)
    measure = models.CharField(_("đơn vị tính"), max_length=80)
    definition = models.CharField(_("mã định nghĩa"), max_length=64)
    disclosure = models.CharField(_("công bố"), max_length=10)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, null=True)
    estimate = models.BooleanField(_("ước tính"), default=False)

    class Meta:
        verbose_name = _("chỉ tiêu tỉnh đã nhận")
        verbose_name_plural = _("các chỉ tiêu tỉnh đã nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "period", "indicator"], name="exchange_figure_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.province_code} {self.period} {self.indicator}"


class SeenSignature(models.Model):
    """Signatures accepted within the freshness window: the same request twice is a replay."""

    signature = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("chữ ký đã nhận")
        verbose_name_plural = _("các chữ ký đã nhận")

    def __str__(self) -> str:
        return self.signature[:12]
