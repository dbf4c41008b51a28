from django.apps import AppConfig


class VictimsConfig(AppConfig):
    name = "ctip.victims"
    label = "victims"
    verbose_name = "Bảo vệ, hỗ trợ nạn nhân"

    def ready(self) -> None:
        from ctip.victims import indicators  # noqa: F401 - registers the indicators
