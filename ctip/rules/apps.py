from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "ctip.rules"
    label = "rules"
    verbose_name = "Quy định có thời hiệu"
