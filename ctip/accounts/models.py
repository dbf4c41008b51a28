from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.validity import Validity, ValidityManager


class User(AbstractUser):
    """ctip's user. Roles come from assignments (role + scope + period), not Django groups."""

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")


def _role_choices() -> list[tuple[str, str]]:
    from ctip.accounts.permissions import ROLES

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
