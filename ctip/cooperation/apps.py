from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "ctip.cooperation"
    label = "cooperation"
    verbose_name = "Hợp tác quốc tế"

    def ready(self) -> None:
        from ctip.cooperation import indicators  # noqa: F401 - registers the indicators
