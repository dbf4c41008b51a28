"""Generated legal papers of a case (numbered, encrypted at rest) and their Word templates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.models import sealed_file_field


class PaperKind(models.TextChoices):
    RECEPTION_MINUTES = "reception_minutes", _("Biên bản tiếp nhận")
    VICTIM_CONFIRMATION = "victim_confirmation", _("Giấy xác nhận nạn nhân")
    SUPPORT_DECISION = "support_decision", _("Quyết định hỗ trợ")


# The number/symbol suffix of each paper (Decree 30/2020: <number>/<kind>-<issuer>).
PAPER_SYMBOLS = {
    PaperKind.RECEPTION_MINUTES: "BB",
    PaperKind.VICTIM_CONFIRMATION: "GXN",
    PaperKind.SUPPORT_DECISION: "QĐ",
}


class PaperTemplate(models.Model):
    """An edited Word template replacing the shipped default for one kind of paper."""

    kind = models.CharField(
        _("loại giấy tờ"), max_length=30, choices=PaperKind.choices, unique=True
    )
    file = models.FileField(_("mẫu Word (.docx)"), upload_to="paper-templates/")

    class Meta:
        verbose_name = _("mẫu giấy tờ")
        verbose_name_plural = _("mẫu giấy tờ")

    def __str__(self) -> str:
        return self.get_kind_display()


class Paper(models.Model):
    """A generated legal paper, numbered and kept with the case. The file holds personal data,
    so its bytes are encrypted at rest like the case's fields."""

    case = models.ForeignKey("victims.Case", on_delete=models.CASCADE, related_name="papers")
    kind = models.CharField(max_length=30, choices=PaperKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=40)
    issued_on = models.DateField()
    # The body in whose register the paper is numbered (the identifying body for a victim
    # confirmation, the owner otherwise); empty on papers issued before it was kept.
    issuer = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan cấp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Encrypted, under a random name; NULL once the case's personal data is purged.
    file = sealed_file_field()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("giấy tờ của hồ sơ")
        verbose_name_plural = _("giấy tờ của hồ sơ")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.number
