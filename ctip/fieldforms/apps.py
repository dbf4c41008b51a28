from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldFormsConfig(AppConfig):
    name = "ctip.fieldforms"
    label = "fieldforms"
    verbose_name = _("Biểu mẫu thu thập tại thực địa (ODK, Kobo)")
