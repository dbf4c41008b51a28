import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ctip.geo.csv_import import UnitImportError, units_import_csv
from ctip.geo.flags import shipped_flag_fixtures, units_load_flags
from ctip.geo.services import units_load_package


class Command(BaseCommand):
    help = (
        "Load today's 34 provinces and 3,321 communes, the January 2025 snapshot and the "
        "succession between them (idempotent); --csv adds units dissolved earlier."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", type=Path, help="CSV of units dissolved before 2025")

    def handle(self, *args, **options):
        started = time.monotonic()
        result = units_load_package()
        flagged = sum(units_load_flags(path=p) for p in shipped_flag_fixtures())
        self.stdout.write(
            f"units: {result.created} created, {result.updated} updated, "
            f"{result.links_created} successions, {flagged} flag changes "
            f"({time.monotonic() - started:.1f} s)"
        )
        if options["csv"]:
            try:
                count = units_import_csv(data=options["csv"].read_bytes(), acting_user=None)
            except UnitImportError as exc:
                raise CommandError("\n".join(exc.errors)) from exc
            self.stdout.write(f"csv: {count} units imported")
