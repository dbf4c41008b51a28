"""`ctip push --period 2025 [--to URL] [--now]`: compute this instance's province's additive
indicators for the period (as the REST API gives them: disclosure applied), queue them as one
signed push (ctip.exchange) and let the worker send it, retrying after failures. `--now` sends
at once in this process as well (an operator's check). Prints the push id and status only."""

from django.core.management.base import BaseCommand, CommandError

from ctip.exchange.jobs import outbox_send
from ctip.exchange.sending import push_queue
from ctip.exchange.signing import KeyMissing
from ctip.indicators.registry import IndicatorError


class Command(BaseCommand):
    help = "Queue this province's figures for a period for the national ctip (signed, idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="a year (2025) or a quarter (2025-Q3)")
        parser.add_argument("--to", default="", help="the receiver's URL (CTIP_PUSH_URL if not)")
        parser.add_argument("--now", action="store_true", help="also send now, in this process")

    def handle(self, *args, **options):
        try:
            row, created = push_queue(period=options["period"], url=options["to"], acting_user=None)
        except (IndicatorError, KeyMissing) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{row.push_id}: {'queued' if created else 'already queued'}")
        if options["now"]:
            outbox_send()
            row.refresh_from_db()
            self.stdout.write(f"{row.push_id}: {row.status}, {row.attempts} attempt(s)")
