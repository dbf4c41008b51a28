"""Report templates (outlines as data), the requests reports answer, reports and their
compilations (a snapshot of every figure with its provenance)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.bounds import MAX_COUNT, MAX_SMALL_COUNT, MAX_TEXT, MAX_YEAR, MIN_YEAR
from ctip.core.models import sealed_file_field
from ctip.core.validators import SMALL_COUNT, YEAR, InRange, range_q, validate_date
from ctip.geo.models import Unit
from ctip.reporting.states import Audience, ContributionState, JobStatus


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
        "self",
        verbose_name=_("sao từ mẫu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    date = models.DateField(_("ngày văn bản"), validators=[validate_date])
    issuer = models.CharField(_("cơ quan yêu cầu"), max_length=200)
    subject = models.CharField(_("trích yếu"), max_length=400, blank=True)
    template = models.ForeignKey(
        ReportTemplate, verbose_name=_("mẫu báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField(_("kỳ báo cáo từ ngày"), validators=[validate_date])
    period_end = models.DateField(_("đến ngày"), validators=[validate_date])
    deadline = models.DateField(
        _("hạn gửi báo cáo"), null=True, blank=True, validators=[validate_date]
    )
    recipients = models.JSONField(_("nơi nhận"), default=list)
    signing_authority = models.CharField(_("thẩm quyền ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    # The letter itself (PDF or Word), encrypted (it may name people), served only through a
    # permission-checked, logged view.
    letter = sealed_file_field(_("văn bản yêu cầu (tệp)"))

    class Meta:
        verbose_name = _("văn bản yêu cầu báo cáo")
        verbose_name_plural = _("văn bản yêu cầu báo cáo")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["number_symbol", "date"], name="report_request_unique")
        ]

    def __str__(self) -> str:
        return self.number_symbol


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
    period_start = models.DateField(_("từ ngày"), validators=[validate_date])
    period_end = models.DateField(_("đến ngày"), validators=[validate_date])
    subject = models.CharField(_("trích yếu"), max_length=400)
    authority = models.CharField(_("cơ quan ban hành"), max_length=200)
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    place = models.CharField(_("địa danh"), max_length=80)
    report_date = models.DateField(
        _("ngày báo cáo"), null=True, blank=True, validators=[validate_date]
    )
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
    # A new draft made from an issued report (compiling again never changes an issued one).
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Issuing freezes the report: the compilation it was issued from, and a hash of its content.
    issued_at = models.DateTimeField(_("ngày giờ ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_compilation = models.ForeignKey(
        "Compilation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    content_hash = models.CharField(_("mã băm nội dung (SHA-256)"), max_length=64, blank=True)
    scan = sealed_file_field(_("bản scan đã ký, đóng dấu"))
    scan_uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.number or self.subject

    @property
    def issued(self) -> bool:
        return self.issued_at is not None


class Compilation(models.Model):
    """One compilation of a report: the text and every figure with its provenance, frozen as
    JSON so the DOCX, the XLSX annex and the browser preview show the same numbers."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="compilations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, validators=[InRange(0, 100)])
    step = models.CharField(max_length=200, blank=True)
    result = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("bản tổng hợp báo cáo")
        verbose_name_plural = _("bản tổng hợp báo cáo")
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=range_q("progress", 0, 100), name="compilation_progress_bounds"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} #{self.pk}"


class OutgoingNumber(models.Model):
    """The records office's register of outgoing documents (sổ văn bản đi): numbers run from 1
    each year for each kind of document of an issuing body (Decree 30/2020, art. 15)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị hành chính"), on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.CharField(_("cơ quan ban hành (viết tắt)"), max_length=20)
    kind = models.CharField(_("loại văn bản"), max_length=10)
    year = models.PositiveSmallIntegerField(_("năm"), validators=[YEAR])
    number = models.PositiveIntegerField(_("số"), validators=[InRange(1, MAX_COUNT)])
    symbol = models.CharField(_("số, ký hiệu"), max_length=80)
    date = models.DateField(_("ngày ban hành"), validators=[validate_date])
    subject = models.CharField(_("trích yếu"), max_length=400)
    report = models.OneToOneField(
        Report,
        verbose_name=_("báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="register_entry",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lấy số"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("thời điểm lấy số"), auto_now_add=True)

    class Meta:
        verbose_name = _("sổ văn bản đi")
        verbose_name_plural = _("sổ văn bản đi")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "issuer", "kind", "year", "number"], name="outgoing_number_unique"
            ),
            models.CheckConstraint(
                condition=range_q("year", MIN_YEAR, MAX_YEAR), name="outgoing_year_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("number", 1, MAX_COUNT), name="outgoing_number_bounds"
            ),
        ]

    def __str__(self) -> str:
        return self.symbol


class Contribution(models.Model):
    """One agency's part of the answer to a request: its own figures (from the indicators) and
    its narrative, signed off by its leader and accepted or returned by the standing office."""

    request = models.ForeignKey(
        ReportRequest, on_delete=models.CASCADE, related_name="contributions"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField(_("hạn gửi nội bộ"), validators=[validate_date])
    state = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ContributionState.choices,
        default=ContributionState.ASSIGNED,
    )
    narratives = models.JSONField(_("phần viết"), default=dict)
    first_submitted_on = models.DateField(_("ngày gửi lần đầu"), null=True, blank=True)
    submitted_on = models.DateField(_("ngày gửi gần nhất"), null=True, blank=True)
    times_returned = models.PositiveSmallIntegerField(
        _("số lần bị trả lại"), default=0, validators=[SMALL_COUNT]
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phần đóng góp báo cáo")
        verbose_name_plural = _("phần đóng góp báo cáo")
        ordering = ["deadline", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["request", "agency"], name="contribution_unique"),
            models.CheckConstraint(
                condition=range_q("times_returned", 0, MAX_SMALL_COUNT),
                name="contribution_returned_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} · {self.agency_id}"


class ContributionRound(models.Model):
    """One submission: what the leader signed (text and figures as they stood) and what the
    standing office decided, with its comment. Rounds are never edited after the decision."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(validators=[InRange(1, MAX_SMALL_COUNT)])
    narratives = models.JSONField(default=dict)
    figures = models.JSONField(default=list)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decision = models.CharField(max_length=10, blank=True)  # accepted / returned
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("lượt trình phần đóng góp")
        verbose_name_plural = _("lượt trình phần đóng góp")
        ordering = ["contribution", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "number"], name="round_unique"),
            models.CheckConstraint(
                condition=range_q("number", 1, MAX_SMALL_COUNT), name="round_number_bounds"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contribution_id} #{self.number}"


class Correction(models.Model):
    """A change to a record inside the period of an issued report ("số liệu điều chỉnh"): the
    reason, and its effect on each issued figure it moved ([issued, before, after])."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="corrections")
    record_type = models.CharField(max_length=60)
    record_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=10)  # create / update / delete
    reason = models.TextField(_("lý do điều chỉnh"), max_length=MAX_TEXT)
    effect = models.JSONField(default=list)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    shown_in = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections_shown"
    )

    class Meta:
        verbose_name = _("số liệu điều chỉnh")
        verbose_name_plural = _("số liệu điều chỉnh")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_id}"
