from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "ctip.enforcement"
    label = "enforcement"
    verbose_name = "Đấu tranh, xử lý tội phạm"

    def ready(self) -> None:
        from ctip.enforcement import indicators  # noqa: F401 - registers the indicators
        from ctip.enforcement.models import Suspect
        from ctip.victims.privacy import provide_suspect_names

        # A guardian who is a suspect in the case never consents for a child (issue 22): the
        # victims app asks for the suspects' names through this hook (it may not import us).
        provide_suspect_names(
            lambda case: [s.full_name for s in Suspect.objects.filter(case__victim_cases=case)]
        )
