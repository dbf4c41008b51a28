from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """ctip's user. Declared before the first migration so roles, scopes and two-factor login
    ("Foundation II") can extend it without swapping the user model later."""

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
