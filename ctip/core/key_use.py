"""Which encryption keys have encrypted something (`KeyInUse`), listed from the encryption path
itself: `ctip.core.crypto` calls `encrypting` before it encrypts. ctip.core.keyring reads the
list at start-up and refuses while a listed key is missing from the ring.

Apart from keyring because the models' encrypted fields import crypto: this module imports no
ctip model and reads the table through the app registry when called (the models are loaded by
then), so crypto can import it at the top."""

from __future__ import annotations

import hashlib
import time
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction


@lru_cache(maxsize=16)  # computed on every encryption (`encrypting`)
def fingerprint(key: str) -> str:
    """A truncated SHA-256 of the key under a fixed label: it identifies a key without revealing
    anything usable about it."""
    return hashlib.sha256(b"ctip-key-fingerprint:" + key.strip().encode()).hexdigest()[:16]


# Fingerprints whose `KeyInUse` row this process knows to be committed, with when it learnt it:
# the encryption path then asks the database nothing for CTIP_KEY_RECHECK_SECONDS. After that
# the next encryption writes the row again (one INSERT ... ON CONFLICT DO NOTHING): a finished
# rotation deletes every other key's row, and a process still running the old ring (a worker
# not restarted) would otherwise keep writing under the released key without the database
# knowing it. Within that interval it still can: every process must run the same ring
# (docs/operations.md).
_recorded: dict[str, float] = {}
_table_ready = False


def _known(fp: str) -> bool:
    learnt = _recorded.get(fp)
    return learnt is not None and time.monotonic() - learnt < settings.CTIP_KEY_RECHECK_SECONDS


class _Written:
    """The on-commit callback of a `KeyInUse` row written in the open transaction. While it is
    queued it also says the row is there: Django drops it with the savepoint the row was written
    in if that rolls back, and then the next encryption writes the row again."""

    def __init__(self, fingerprint: str, recorded: bool) -> None:
        self.fingerprint = fingerprint
        self.recorded = recorded

    def __call__(self) -> None:
        if self.recorded:
            _recorded[self.fingerprint] = time.monotonic()


def _written_in_transaction(fp: str) -> bool:
    callbacks = (entry[1] for entry in connection.run_on_commit)  # (savepoints, func, robust)
    return any(isinstance(func, _Written) and func.fingerprint == fp for func in callbacks)


def _table_exists() -> bool:
    """Whether migration 0008 has run (it records the keys of the process that runs it)."""
    global _table_ready
    if not _table_ready:
        table = apps.get_model("core", "KeyInUse")._meta.db_table
        _table_ready = table in connection.introspection.table_names()
    return _table_ready


def encrypting(key: str) -> None:
    """Called before anything is encrypted under `key` (ctip.core.crypto): its fingerprint is
    written into `KeyInUse` first, in the same transaction as what is encrypted, so that no
    value or file under a key can be committed while the database does not know the key. Once
    per process and key in CTIP_KEY_RECHECK_SECONDS (a query, then none until it has passed).
    Savepoints are followed as `transaction.atomic` takes them; a savepoint taken by hand
    (`transaction.savepoint()`) and rolled back would leave the marker of a row it removed."""
    fp = fingerprint(key)
    if _known(fp) or _written_in_transaction(fp):
        return
    recorded = _table_exists()  # before migration 0008 (it records the ring itself)
    if recorded:
        model = apps.get_model("core", "KeyInUse")
        model.objects.bulk_create([model(fingerprint=fp)], ignore_conflicts=True)
    if connection.in_atomic_block:
        transaction.on_commit(_Written(fp, recorded))
    elif recorded:
        _recorded[fp] = time.monotonic()


def recorded_on_commit(fingerprints: set[str]) -> None:
    """These rows were written in the open transaction (migration 0008, a finished rotation):
    this process may trust them once they commit."""
    for fp in fingerprints:
        transaction.on_commit(_Written(fp, recorded=True))
