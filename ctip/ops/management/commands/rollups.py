"""`ctip rollups [--name N]`: rebuild the monthly rollups the dashboards read (ADR 0008)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.core.text import vn_int
from ctip.indicators import rollups


class Command(BaseCommand):
    help = "Rebuild the monthly rollups of additive indicators from the records."

    def add_arguments(self, parser):
        parser.add_argument("--name", action="append", help="one rollup (default: all)")

    def handle(self, *args, **options):
        known = {n for s in rollups.SOURCES.values() for n in s.names}
        unknown = sorted(set(options["name"] or ()) - known)
        if unknown:
            raise CommandError(
                _("Không có bảng tổng hợp: %(names)s.") % {"names": ", ".join(unknown)}
            )
        started = time.monotonic()
        counts = rollups.rebuild(options["name"])
        for name, cells in counts.items():
            self.stdout.write(f"{name}: {vn_int(cells)}")
        self.stdout.write(
            _("Đã dựng lại %(n)s bảng tổng hợp trong %(seconds)s giây.")
            % {"n": len(counts), "seconds": f"{time.monotonic() - started:.1f}"}
        )
