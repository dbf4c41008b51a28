"""`ctip notices [--date YYYY-MM-DD]`: create the notices of work due (new items, items falling
due) and e-mail them, as the worker's hourly job does. Prints a count only."""

from datetime import date

from django.core.management.base import BaseCommand

from ctip.work.notices import notices_send_due


class Command(BaseCommand):
    help = "Create and e-mail notices of work newly assigned or falling due."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, default=None)

    def handle(self, *args, **options):
        created = notices_send_due(today=options["date"] or date.today())
        self.stdout.write(f"{created} notices created")
