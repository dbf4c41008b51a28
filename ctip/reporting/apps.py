from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "ctip.reporting"
    verbose_name = _("Báo cáo")
    default_auto_field = "django.db.models.BigAutoField"
