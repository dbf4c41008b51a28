"""Possible duplicates across agencies awaiting a decision (one person or two)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DuplicateReview(models.Model):
    """A possible duplicate the creator of a case could not see (another agency's case).

    The creator is told nothing: telling them would answer "is this person a victim?" for cases
    outside their access. The known case's supervisor and the standing office decide, seeing
    codes and agencies only, whether the two records are one person (link, or merge when one
    agency owns both) or two.
    """

    class Basis(models.TextChoices):
        DOCUMENT = "document", _("Trùng số giấy tờ tùy thân")
        NAME_BIRTH = "name_birth", _("Trùng họ tên và ngày sinh")

    class Status(models.TextChoices):
        OPEN = "open", _("Chờ quyết định")
        LINKED = "linked", _("Cùng một người: đã liên kết")
        MERGED = "merged", _("Cùng một người: đã gộp")
        DISTINCT = "distinct", _("Không phải cùng một người")

    new_case = models.ForeignKey("victims.Case", on_delete=models.CASCADE, related_name="+")
    known_case = models.ForeignKey("victims.Case", on_delete=models.CASCADE, related_name="+")
    basis = models.CharField(_("căn cứ"), max_length=20, choices=Basis.choices)
    found_on = models.DateField(_("ngày phát hiện"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ có thể trùng cần xem xét")
        verbose_name_plural = _("hồ sơ có thể trùng cần xem xét")
        ordering = ["status", "-found_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["new_case", "known_case"], name="duplicate_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.new_case.code} ~ {self.known_case.code} ({self.status})"
