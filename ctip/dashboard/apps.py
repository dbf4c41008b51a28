from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "ctip.dashboard"
    verbose_name = _("Bảng điều khiển")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every unit of work bumps the versions of what it wrote (the panel cache's keys).
        from ctip.dashboard import versions  # noqa: F401
