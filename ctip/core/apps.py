from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ctip.core"
    label = "core"
    verbose_name = "Lõi"

    def ready(self) -> None:
        from django.core import checks

        from ctip.core.keyring import key_check
        from ctip.core.personal import install_log_redaction

        install_log_redaction()
        checks.register(key_check)
