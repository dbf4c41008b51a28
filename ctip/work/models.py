"""In-app notices: something waits for a person, or falls due. A notice holds the kind, the
deadline and a link inside ctip, never a personal value nor any text taken from a record; its
words are the kind's label, rendered in the reader's language when shown."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from ctip.work.kinds import Kind, Occasion


class Notice(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("loại việc"), max_length=30, choices=Kind.choices)
    occasion = models.CharField(_("lý do thông báo"), max_length=10, choices=Occasion.choices)
    deadline = models.DateField(_("hạn"), null=True, blank=True)
    link = models.CharField(_("đường dẫn"), max_length=200)
    # The item across runs of the job ("case:12:verifying"): record ids and steps, no values.
    key = models.CharField(_("mã việc"), max_length=100)
    created = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    read_at = models.DateTimeField(_("thời điểm đã đọc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created", "-pk"]
        constraints = [
            # One notice per item and occasion: the job run twice sends nothing twice.
            models.UniqueConstraint(fields=["user", "key", "occasion"], name="notice_once"),
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notice_unread")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_occasion_display()})"

    def text(self) -> str:
        """What the notice says, in the active language: the kind and the deadline, no more."""
        if self.deadline is None:
            return _t("%(kind)s (không có hạn)") % {"kind": self.get_kind_display()}
        return _t("%(kind)s, hạn %(deadline)s") % {
            "kind": self.get_kind_display(),
            "deadline": date_format(self.deadline, "SHORT_DATE_FORMAT"),
        }
