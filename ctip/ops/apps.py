from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ctip.ops"
    label = "ops"
    verbose_name = "Vận hành"
