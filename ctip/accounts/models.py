from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.accounts.permissions import ROLES
from ctip.core.validity import Validity, ValidityManager


class User(AbstractUser):
    """ctip's user. Roles come from assignments (role + scope + period), not Django groups."""

    # The language of the screens: the user's own choice, Vietnamese unless they chose English;
    # never the browser's Accept-Language (ctip.accounts.language).
    language = models.CharField(
        _("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES, default="vi"
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")


def _role_choices() -> list[tuple[str, str]]:
    return [(code, role.label) for code, role in ROLES.items()]


class Assignment(Validity):
    """A user holds `role` for `agency` (and what it succeeded) and/or the subtree of `unit`,
    from valid_from to valid_to."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="assignments"
    )
    role = models.CharField(_("vai trò"), max_length=40, choices=_role_choices)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "geo.Unit",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ValidityManager()

    class Meta:
        verbose_name = _("phân công vai trò")
        verbose_name_plural = _("phân công vai trò")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class TwoFactorResetRequest(models.Model):
    """Removing a user's second factor (a lost phone) takes two administrators: one asks, another
    approves. A single administrator who could also send themselves a password link could
    otherwise take over an account that reads personal data."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chờ phê duyệt")
        APPROVED = "approved", _("Đã phê duyệt, đã đặt lại")
        CANCELLED = "cancelled", _("Đã hủy")

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        User, verbose_name=_("người đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("thời điểm đề nghị"), auto_now_add=True)
    reason = models.CharField(_("lý do"), max_length=300)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("người phê duyệt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("thời điểm phê duyệt"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề nghị đặt lại xác thực hai lớp")
        verbose_name_plural = _("đề nghị đặt lại xác thực hai lớp")
        ordering = ["status", "-requested_at"]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_status_display()})"
