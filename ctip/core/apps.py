from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ctip.core"
    label = "core"
    verbose_name = _("Hệ thống")  # the audit log in the admin (issue 23: not "Lõi")

    def ready(self) -> None:
        from django.core import checks

        from ctip.core.keyring import key_check
        from ctip.core.personal import install_log_redaction

        install_log_redaction()
        checks.register(key_check)
