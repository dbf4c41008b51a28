"""`ctip rotate_key`: re-encrypt every personal value under the first key of
CTIP_ENCRYPTION_KEY (put the new key first, keep the old ones after it until this has run)."""

from django.core.management.base import BaseCommand

from ctip.core.crypto_rotation import encryption_rotate


class Command(BaseCommand):
    help = "Re-encrypt all personal data under the first CTIP_ENCRYPTION_KEY key."

    def handle(self, *args, **options):
        count = encryption_rotate(acting_user=None)
        self.stdout.write(f"{count} records re-encrypted")
