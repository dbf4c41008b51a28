from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ctip.core"
    label = "core"
    verbose_name = "Lõi"
