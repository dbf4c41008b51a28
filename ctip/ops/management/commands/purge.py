"""`ctip purge [--dry-run]`: remove personal data of cases past retention or whose consent to
processing was withdrawn; counts are kept. Prints what it did (no personal value). Each purge
refreshes, inside its own transaction, the rollup cells of the records it changed."""

from django.core.management.base import BaseCommand

from ctip.core.sealed import sealed_orphans_delete
from ctip.enforcement.watchlist import watch_purge
from ctip.prevention.jobs import imports_expire
from ctip.victims.lifecycle import cases_purge


class Command(BaseCommand):
    help = "Remove personal data past retention (rule victims.retention.closed); keep counts."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        report = cases_purge(acting_user=None, dry_run=options["dry_run"])
        if not options["dry_run"]:
            report["watchlist entries"] = watch_purge(acting_user=None)
            report["import uploads"] = imports_expire()
            report["orphan files"] = sealed_orphans_delete()
        verb = "would be purged" if options["dry_run"] else "purged"
        details = ", ".join(f"{k}: {v}" for k, v in report.items())
        self.stdout.write(f"{verb}: {details}")
