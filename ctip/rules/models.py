"""Legal rules that change over time (time limits, entitlements, amounts, who performs a statutory
step) as effective-dated data citing their legal basis, and the public-holiday calendar that
working-day time limits skip."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.validity import Validity, ValidityManager


class ValueKind(models.TextChoices):
    NUMBER = "number", _("Số")
    DURATION = "duration", _("Thời hạn")
    LIST = "list", _("Danh sách")
    MAPPING = "mapping", _("Ánh xạ (cơ quan theo luật → cơ quan thực hiện)")
    TEXT = "text", _("Văn bản")


class Rule(Validity):
    key = models.CharField(_("mã quy định"), max_length=120, db_index=True)
    kind = models.CharField(_("loại giá trị"), max_length=20, choices=ValueKind.choices)
    value = models.JSONField(_("giá trị"))
    legal_basis_document = models.CharField(_("văn bản căn cứ"), max_length=200)
    legal_basis_article = models.CharField(_("điều, khoản"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    # What the rule is, in words, for messages ("thời hạn xác minh ban đầu").
    title = models.CharField(_("tên quy định"), max_length=200, blank=True)
    # False until the value and citation are checked against the text in force
    # (docs/legal.md lists every unverified rule and what is missing).
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)

    objects = ValidityManager()

    class Meta:
        verbose_name = _("quy định")
        verbose_name_plural = _("quy định")
        ordering = ["key", "valid_from"]

    def __str__(self) -> str:
        return f"{self.key} ({self.legal_basis_document})"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Ngày nghỉ lễ, Tết")
    DAY_OFF = "day_off", _("Ngày nghỉ bù, hoán đổi")
    WORKING_DAY = "working_day", _("Ngày làm việc bù (thứ Bảy, Chủ nhật)")


class Holiday(models.Model):
    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=DayKind.choices)
    name = models.CharField(_("tên"), max_length=200)
    source = models.CharField(_("nguồn"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("lịch ngày nghỉ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"
