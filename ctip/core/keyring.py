"""Which keys this database was written with, and whether the configured ones can read it.

A missing key used to go unnoticed: a new one was generated into var/secrets.json, case lists
failed and new records were encrypted under the wrong key. The database now stores the
fingerprint of the encrypting key and of the blind-index key (`KeyFingerprint`); ctip refuses to
start (system check, WSGI start-up, `ctip check`) when the configured keys do not match it.

That fingerprint alone missed a key put first in the ring and taken out again before `ctip
rotate-key` ran: whatever was written meanwhile became unreadable. So every encryption key that
may have encrypted something not yet re-encrypted is listed too (`KeyInUse`): the encryption
path (ctip.core.crypto) records the first key before anything is encrypted under it, inside the
writing transaction, and ctip refuses to start while a listed key is missing from the ring. A
finished rotation keeps only its own key.

A fingerprint is a truncated SHA-256 of the key under a fixed label: it identifies a key without
revealing anything usable about it.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from ctip.core.crypto import blind_index_key, encryption_keys
from ctip.core.models import KeyFingerprint, KeyInUse, KeyRotation


@lru_cache(maxsize=16)  # computed on every encryption (`encrypting`)
def fingerprint(key: str) -> str:
    return hashlib.sha256(b"ctip-key-fingerprint:" + key.strip().encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Fingerprints:
    encryption: str  # of the first (encrypting) key
    blind_index: str

    def as_dict(self) -> dict[str, str]:
        return {"encryption": self.encryption, "blind_index": self.blind_index}


def configured() -> Fingerprints:
    return Fingerprints(fingerprint(encryption_keys()[0]), fingerprint(blind_index_key()))


def ring() -> list[str]:
    """Fingerprints of every configured encryption key (the first encrypts, all decrypt)."""
    return [fingerprint(k) for k in encryption_keys()]


class KeyMismatch(ImproperlyConfigured):
    pass


def problems(stored: Fingerprints | None) -> list[str]:
    """What is wrong between the configured keys and `stored` (Vietnamese messages)."""
    if stored is None:
        return []
    found = encryption_problems(stored)
    if stored.blind_index != configured().blind_index:
        found.append(
            _(
                "Khóa chỉ mục tra cứu (CTIP_BLIND_INDEX_KEY) khác khóa đã dùng (dấu %(stored)s, "
                "đang cấu hình %(configured)s): tìm hồ sơ trùng sẽ sai. Đặt lại đúng khóa, hoặc "
                "nếu đổi khóa có chủ ý thì chạy “ctip rotate-key”."
            )
            % {"stored": stored.blind_index, "configured": configured().blind_index}
        )
    return found


def encryption_problems(stored: Fingerprints | None) -> list[str]:
    """The encryption key ring cannot read the data (a rotation needs the old key in it)."""
    if stored is None or stored.encryption in ring():
        return []
    return [
        _(
            "Khóa mã hóa (CTIP_ENCRYPTION_KEY) không đọc được dữ liệu đã mã hóa: dữ liệu được "
            "ghi bằng khóa có dấu %(stored)s, khóa đang cấu hình có dấu %(configured)s. Hãy "
            "đặt lại đúng khóa (xem docs/operations.md); không ghi thêm dữ liệu bằng khóa này."
        )
        % {"stored": stored.encryption, "configured": ", ".join(ring())}
    ]


def rotation_problems() -> list[str]:
    """An unfinished `ctip rotate-key` has re-encrypted part of the data under its new key (and
    new records were written under it): that key must stay in the ring until the rotation ends,
    or those rows cannot be read. Checked at start-up like the stored fingerprints."""
    keys = _rotation_keys()
    return [
        _(
            "Lần đổi khóa trước (sang khóa mã hóa có dấu %(fingerprint)s) chưa xong: một phần "
            "dữ liệu đã được mã hóa bằng khóa đó, nhưng khóa này không còn trong "
            "CTIP_ENCRYPTION_KEY. Thêm lại khóa đó vào sau khóa mới rồi chạy lại "
            "“ctip rotate-key”."
        )
        % {"fingerprint": key}
        for key in sorted(keys - set(ring()))
    ]


def _rotation_keys() -> set[str]:
    """Encryption fingerprints of the unfinished rotations' new keys."""
    try:
        targets = set(KeyRotation.objects.values_list("target", flat=True))
    except DatabaseError:  # before `ctip migrate`
        if connection.in_atomic_block:
            raise
        return set()
    return {target.split(":")[0] for target in targets}


def in_use_problems(stored: Fingerprints | None) -> list[str]:
    """A key that encrypted data not yet re-encrypted is missing from the ring. The stored
    fingerprint and unfinished rotations' keys are left to their own, older messages."""
    try:
        used = set(KeyInUse.objects.values_list("fingerprint", flat=True))
    except DatabaseError:  # before `ctip migrate`
        if connection.in_atomic_block:
            raise
        return []
    told = _rotation_keys() | ({stored.encryption} if stored else set())
    return [
        _(
            "Khóa mã hóa có dấu %(fingerprint)s đã mã hóa dữ liệu chưa được mã hóa lại bằng "
            "khóa khác, nhưng khóa này không còn trong CTIP_ENCRYPTION_KEY: dữ liệu đó không "
            "đọc được. Thêm lại khóa đó vào CTIP_ENCRYPTION_KEY; chỉ bỏ nó sau khi “ctip "
            "rotate-key” đã chạy xong."
        )
        % {"fingerprint": key}
        for key in sorted(used - set(ring()) - told)
    ]


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
        _table_ready = KeyInUse._meta.db_table in connection.introspection.table_names()
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
        KeyInUse.objects.bulk_create([KeyInUse(fingerprint=fp)], ignore_conflicts=True)
    if connection.in_atomic_block:
        transaction.on_commit(_Written(fp, recorded))
    elif recorded:
        _recorded[fp] = time.monotonic()


def recorded_on_commit(fingerprints: set[str]) -> None:
    """Migration 0008 wrote these rows: this process may trust them once they commit."""
    for fp in fingerprints:
        transaction.on_commit(_Written(fp, recorded=True))


def keys_in_use_only(fp: str) -> list[str]:
    """A rotation to the key `fp` has finished: nothing is left under any other key. Returns
    the fingerprints released (for the rotation's audit row)."""
    released = sorted(
        KeyInUse.objects.exclude(fingerprint=fp).values_list("fingerprint", flat=True)
    )
    KeyInUse.objects.exclude(fingerprint=fp).delete()
    KeyInUse.objects.bulk_create([KeyInUse(fingerprint=fp)], ignore_conflicts=True)
    transaction.on_commit(_Written(fp, recorded=True))
    return released


def stored_fingerprints() -> Fingerprints | None:
    """The database's fingerprints; None before migrations or on a database that has none."""

    try:
        row = KeyFingerprint.objects.filter(pk=1).first()
    except DatabaseError:  # the table does not exist yet (before `ctip migrate`)
        if connection.in_atomic_block:
            raise
        return None
    return Fingerprints(row.encryption, row.blind_index) if row else None


def record(fingerprints: Fingerprints | None = None) -> None:
    """Store the fingerprints of the configured keys (migrations, a finished rotation)."""

    value = fingerprints or configured()
    KeyFingerprint.objects.update_or_create(
        pk=1, defaults={"encryption": value.encryption, "blind_index": value.blind_index}
    )


def verify() -> None:
    """Raise KeyMismatch with a clear message when the configured keys cannot read the data."""
    stored = stored_fingerprints()
    found = problems(stored) + rotation_problems() + in_use_problems(stored)
    if found:
        raise KeyMismatch(" ".join(found))


def key_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """System check (every ctip command, `ctip check`, runserver): keys match the database."""
    try:
        stored = stored_fingerprints()
    except DatabaseError:  # no database to compare with (yet): nothing to check
        return []
    found = problems(stored) + rotation_problems() + in_use_problems(stored)
    return [checks.Error(message, id="ctip.E001") for message in found]
