from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "ctip.reporting"
    verbose_name = _("Báo cáo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ctip.periods import locks
        from ctip.reporting import indicators  # noqa: F401 - registers the indicators
        from ctip.reporting.periods import IssuedReports

        # Domain services consult locked periods through ctip.periods; the reports provide them.
        locks.provide(IssuedReports())
