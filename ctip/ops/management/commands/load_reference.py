"""`ctip load_reference`: the reference data every installation needs (idempotent)."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ctip.agencies.generate import commune_agencies_generate
from ctip.agencies.package_data import shipped_fixtures
from ctip.agencies.services import agencies_load_fixture
from ctip.ops.jobs import ensure_schedules, refresh_reference_data
from ctip.reporting.services import templates_load_fixture
from ctip.rules.calendar import default_years
from ctip.rules.services import holidays_load, rules_load_fixture

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
        # Commune People's Committees and police, where reception starts: from the unit data,
        # after the fixtures that hold their district and provincial parents.
        self.stdout.write(f"commune agencies: {commune_agencies_generate().changed} changed")
        self.stdout.write(f"holidays: {holidays_load(years=default_years())} added")
        rules = sum(rules_load_fixture(path=p) for p in rule_fixtures())
        self.stdout.write(f"rules: {rules} added")
        self.stdout.write(f"report templates: {templates_load_fixture()} changed")
        self.stdout.write(f"schedules: {ensure_schedules()} created")
        # Roll-up targets depend on today's date, not only on what was loaded.
        self.stdout.write(f"roll-up: {refresh_reference_data()}")
