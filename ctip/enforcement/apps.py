from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "ctip.enforcement"
    label = "enforcement"
    verbose_name = "Đấu tranh, xử lý tội phạm"

    def ready(self) -> None:
        from ctip.enforcement import indicators  # noqa: F401 - registers the indicators
