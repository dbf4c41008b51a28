"""`ctip load_reference`: the reference data every installation needs (idempotent)."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ctip.agencies.services import agencies_load_fixture, shipped_fixtures
from ctip.core.jobs import ensure_schedules, refresh_reference_data
from ctip.rules.services import default_years, holidays_load, rules_load_fixture

APPS_DIR = Path(__file__).resolve().parents[3]


def rule_fixtures() -> list[Path]:
    """Every app's effective-dated rules (fixtures/rules*.yaml beside the app's code)."""
    return sorted(APPS_DIR.glob("*/fixtures/rules*.yaml"))


class Command(BaseCommand):
    help = "Load units (with flags), agencies and the holiday calendar; create recurring jobs."

    def handle(self, *args, **options):
        call_command("load_units", stdout=self.stdout)
        for path in shipped_fixtures():
            changed = agencies_load_fixture(path=path)
            self.stdout.write(f"agencies: {path.name}: {changed} changed")
        self.stdout.write(f"holidays: {holidays_load(years=default_years())} added")
        rules = sum(rules_load_fixture(path=p) for p in rule_fixtures())
        self.stdout.write(f"rules: {rules} added")
        from ctip.reporting.services import templates_load_fixture

        self.stdout.write(f"report templates: {templates_load_fixture()} changed")
        self.stdout.write(f"schedules: {ensure_schedules()} created")
        # Roll-up targets depend on today's date, not only on what was loaded.
        self.stdout.write(f"roll-up: {refresh_reference_data()}")
