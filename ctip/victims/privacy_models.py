"""Requests by a data subject (access, correction, deletion, objection) and their time limits
(Decree 13/2023/NĐ-CP; Personal Data Protection Law 91/2025/QH15), imported into models.py."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.crypto import EncryptedTextField
from ctip.core.validators import validate_date


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Xem, cung cấp dữ liệu")
    CORRECTION = "correction", _("Chỉnh sửa dữ liệu")
    DELETION = "deletion", _("Xóa dữ liệu")
    OBJECTION = "objection", _("Phản đối, hạn chế xử lý")


class DataSubjectRequest(models.Model):
    """A request by the person (or the guardian of a child), with the due date fixed by the
    rule in force on the day it was received (rule victims.privacy.request.<kind>)."""

    case = models.ForeignKey("victims.Case", on_delete=models.CASCADE, related_name="requests")
    kind = models.CharField(_("loại yêu cầu"), max_length=20, choices=RequestKind.choices)
    received_on = models.DateField(_("ngày nhận"), validators=[validate_date])
    due_on = models.DateField(_("hạn trả lời"))
    answered_on = models.DateField(
        _("ngày trả lời"), null=True, blank=True, validators=[validate_date]
    )
    # What was done, or why refused; can name the person: encrypted.
    outcome = EncryptedTextField(_("kết quả"), blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("yêu cầu của người có dữ liệu")
        verbose_name_plural = _("yêu cầu của người có dữ liệu")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.due_on}"
