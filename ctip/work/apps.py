from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "ctip.work"
    verbose_name = _("Việc của tôi")
    default_auto_field = "django.db.models.BigAutoField"
