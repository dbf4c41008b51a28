from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "ctip.exchange"
    label = "exchange"
    verbose_name = _("Gửi số liệu tỉnh lên cấp trung ương")
