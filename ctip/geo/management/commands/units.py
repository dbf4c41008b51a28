import json

from django.core.management.base import BaseCommand

from ctip.geo.selectors import summary


class Command(BaseCommand):
    help = "What administrative units are loaded (--summary prints JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--summary", action="store_true", help="print counts as JSON")

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(summary(), ensure_ascii=False))
