from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what, when, with the before/after of changed fields.

    Written by services inside their transaction. A bulk operation writes one entry for the batch
    (how many, file hash) and the records it created point to it.
    """

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("hành động"), max_length=80, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=80, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    count = models.PositiveIntegerField(_("số bản ghi"), null=True, blank=True)
    file_hash = models.CharField(_("mã băm tệp"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"
