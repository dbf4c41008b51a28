from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "ctip.directives"
    label = "directives"
    verbose_name = "Văn bản chỉ đạo"

    def ready(self) -> None:
        from ctip.directives import indicators  # noqa: F401 - registers the indicators
