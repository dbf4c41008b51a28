from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "ctip.prevention"
    label = "prevention"
    verbose_name = "Phòng ngừa"

    def ready(self) -> None:
        from ctip.prevention import indicators  # noqa: F401 - registers the indicators
