from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "ctip.api"
    label = "api"
    verbose_name = _("Giao diện lập trình (API)")

    def ready(self) -> None:
        # drf-spectacular finds the token scheme through this registration.
        from ctip.api import schema  # noqa: F401
