"""API tokens (issue 26): only the SHA-256 of a token's secret is kept; the token is shown once,
when issued. A token belongs to a user, acts with that user's roles narrowed to its scopes
(ctip.api.permissions), expires, and can be revoked."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_RATE = "600/hour"


class TokenKind(models.TextChoices):
    PERSONAL = "personal", _("Cá nhân")
    MACHINE = "machine", _("Hệ thống kết nối")


class ApiToken(models.Model):
    # The lookup key: shown in lists and audit rows; the secret after it is never stored.
    prefix = models.CharField(_("tiền tố"), max_length=12, unique=True)
    digest = models.CharField(_("mã băm SHA-256 của phần bí mật"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người dùng"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
    )
    kind = models.CharField(_("loại"), max_length=10, choices=TokenKind.choices)
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    scopes = models.JSONField(_("phạm vi"), default=list)
    created_at = models.DateTimeField(_("thời điểm cấp"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cấp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("dùng gần nhất"), null=True, blank=True)
    rate = models.CharField(_("giới hạn số yêu cầu"), max_length=20, default=DEFAULT_RATE)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"ctip_{self.prefix}_… ({self.name})"

    def in_force(self, now: datetime | None = None) -> bool:
        """Neither revoked nor expired."""
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class MachineClient(models.Model):
    """Marks an account as a machine client's: written only when a manager creates the account
    as one (services.machine_client_create), never afterwards, so a person's account (which also
    has no usable password until its owner follows the one-time link) is never one. A machine
    token is issued, and accepted, only for such an account while it has no usable password."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.PROTECT,
        related_name="api_machine_client",
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hệ thống kết nối")
        verbose_name_plural = _("hệ thống kết nối")

    def __str__(self) -> str:
        return str(self.user)
