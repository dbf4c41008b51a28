"""`ctip rotate-key`: re-encrypt every personal value and sealed file under the first key of
CTIP_ENCRYPTION_KEY, and recompute every blind index under CTIP_BLIND_INDEX_KEY (put the new
encryption key first and keep the old ones after it until this has finished). An interrupted run
resumes where it stopped when started again."""

from django.core.management.base import BaseCommand, CommandError

from ctip.core.crypto_rotation import encryption_rotate
from ctip.core.keyring import KeyMismatch


class Command(BaseCommand):
    help = "Re-encrypt all personal data and files under the configured keys (resumable)."
    # The key check would refuse a changed blind-index key, which is what this command fixes;
    # encryption_rotate checks that the old encryption key, and every key still in use
    # (keyring.in_use_problems), is configured.
    requires_system_checks: list[str] = []

    def handle(self, *args, **options):
        try:
            done = encryption_rotate(acting_user=None)
        except KeyMismatch as exc:
            raise CommandError(str(exc)) from exc
        for step, count in done.items():
            self.stdout.write(f"{step}: {count}")
        self.stdout.write(
            f"{sum(done.values())} records and files re-encrypted; key fingerprints updated"
        )
