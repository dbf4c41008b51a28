from django.core.management.base import BaseCommand

from ctip.core.secrets import new_encryption_key


class Command(BaseCommand):
    help = "Print a new encryption key for CTIP_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        self.stdout.write(new_encryption_key())
