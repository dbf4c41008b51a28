"""Report templates (outlines as data), the requests reports answer, reports and their
compilations (a snapshot of every figure with its provenance)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.geo.models import Unit


class ReportTemplate(models.Model):
    """An outline of numbered sections (see outline.py for its schema) and an optional Word
    layout; without one the built-in state layout (Decree 30/2020) is used."""

    code = models.SlugField(_("mã mẫu"), max_length=60, unique=True)
    name = models.CharField(_("tên mẫu"), max_length=200)
    kind = models.CharField(_("loại văn bản (ký hiệu)"), max_length=10, default="BC")
    subject = models.CharField(_("trích yếu mặc định"), max_length=400)
    outline = models.JSONField(_("đề cương"))
    layout = models.FileField(
        _("mẫu trình bày Word (.docx)"), upload_to="report-layouts/", blank=True
    )
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shipped = models.BooleanField(_("mẫu có sẵn"), default=False, editable=False)

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ReportRequest(models.Model):
    """A request from above (a ministry's letter) that a report answers."""

    number_symbol = models.CharField(_("số, ký hiệu"), max_length=80)
    date = models.DateField(_("ngày văn bản"))
    issuer = models.CharField(_("cơ quan yêu cầu"), max_length=200)
    subject = models.CharField(_("trích yếu"), max_length=400, blank=True)
    template = models.ForeignKey(
        ReportTemplate, verbose_name=_("mẫu báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField(_("kỳ báo cáo từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    deadline = models.DateField(_("hạn gửi báo cáo"), null=True, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list)
    signing_authority = models.CharField(_("thẩm quyền ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("văn bản yêu cầu báo cáo")
        verbose_name_plural = _("văn bản yêu cầu báo cáo")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["number_symbol", "date"], name="report_request_unique")
        ]

    def __str__(self) -> str:
        return self.number_symbol


class Audience(models.TextChoices):
    STATE = "state", _("Trong hệ thống cơ quan nhà nước (số liệu đầy đủ)")
    PUBLIC = "public", _("Công bố, gửi đối tác ngoài nhà nước (che số nhỏ)")


class Report(models.Model):
    request = models.ForeignKey(
        ReportRequest,
        verbose_name=_("trả lời văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    subject = models.CharField(_("trích yếu"), max_length=400)
    authority = models.CharField(_("cơ quan ban hành"), max_length=200)
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    place = models.CharField(_("địa danh"), max_length=80)
    report_date = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list)
    signing_authority = models.CharField(_("thẩm quyền ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    audience = models.CharField(
        _("phạm vi gửi"), max_length=10, choices=Audience.choices, default=Audience.STATE
    )
    round_large = models.BooleanField(_("làm tròn số lớn thành “hơn N”"), default=False)
    narratives = models.JSONField(_("phần viết"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.number or self.subject


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tổng hợp")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Lỗi")


class Compilation(models.Model):
    """One compilation of a report: the text and every figure with its provenance, frozen as
    JSON so the DOCX, the XLSX annex and the browser preview show the same numbers."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="compilations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    step = models.CharField(max_length=200, blank=True)
    result = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.report_id} #{self.pk}"
