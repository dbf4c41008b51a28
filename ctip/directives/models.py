"""The register of directives: plans, decisions, official letters, coordination regulations...
with the tasks they assign to agencies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_COUNT, MAX_TEXT, MAX_YEAR, MIN_YEAR
from ctip.core.permissions import P
from ctip.core.validators import COUNT, YEAR, range_q, validate_date
from ctip.core.workflow import Step, Workflow


class Document(models.Model):
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=80, db_index=True)
    number = models.PositiveIntegerField(_("số"), validators=[COUNT])
    year = models.PositiveSmallIntegerField(
        _("năm trong ký hiệu"), null=True, blank=True, validators=[YEAR]
    )
    kind = models.CharField(_("loại văn bản"), max_length=10, db_index=True)
    issuer_codes = models.JSONField(_("mã cơ quan ban hành"), default=list)
    party = models.BooleanField(_("văn bản của Đảng"), default=False)
    date = models.DateField(_("ngày ban hành"), db_index=True, validators=[validate_date])
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=300)
    issuers = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan ban hành trong hệ thống"), blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        Agency, verbose_name=_("cơ quan nhập"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.TextField(_("trích yếu"), max_length=MAX_TEXT)
    # Lower case without diacritics: "ke hoach" finds "Kế hoạch" on SQLite and PostgreSQL alike.
    search_text = models.TextField(editable=False, default="")
    file = models.FileField(_("tệp đính kèm"), upload_to="directives/%Y/", blank=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-date", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["number_symbol", "date"], name="directive_unique"),
            models.CheckConstraint(
                condition=range_q("number", 0, MAX_COUNT), name="directive_number_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("year", MIN_YEAR, MAX_YEAR, null=True),
                name="directive_year_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.number_symbol


class Relation(models.TextChoices):
    IMPLEMENTS = "implements", _("triển khai, thực hiện")
    CONTINUES = "continues", _("tiếp tục thực hiện")
    REPLACES = "replaces", _("thay thế")


class DocumentRelation(models.Model):
    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="relations_in")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=Relation.choices)

    class Meta:
        verbose_name = _("quan hệ giữa văn bản")
        verbose_name_plural = _("quan hệ giữa văn bản")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="directive_relation")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.target}"


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    CANCELLED = "cancelled", _("Hủy")


# Explicit workflow: which status may follow which. The agency that carries the task moves it:
# the view opens only tasks of the agencies the user edits for (P.EDIT_OWN_AGENCY).
_TASK_MOVE = Step(permission=P.EDIT_OWN_AGENCY)
TASK_FLOW = Workflow(
    states=TaskStatus.choices,
    transitions={
        (TaskStatus.OPEN, TaskStatus.DONE): _TASK_MOVE,
        (TaskStatus.OPEN, TaskStatus.CANCELLED): _TASK_MOVE,
        (TaskStatus.DONE, TaskStatus.OPEN): _TASK_MOVE,
        (TaskStatus.CANCELLED, TaskStatus.OPEN): _TASK_MOVE,
    },
    initial=TaskStatus.OPEN,
    refused=_("Không thể chuyển nhiệm vụ từ “%(old)s” sang “%(new)s”."),
)


class Task(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="tasks")
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("nội dung nhiệm vụ"), max_length=MAX_TEXT)
    deadline = models.DateField(
        _("hạn hoàn thành"), null=True, blank=True, validators=[validate_date]
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return f"{self.document}: {self.description[:60]}"
