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

from dataclasses import dataclass
from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.utils.translation import gettext as _

from ctip.core.crypto import blind_index_key, encryption_keys
from ctip.core.key_use import fingerprint, recorded_on_commit
from ctip.core.models import KeyFingerprint, KeyInUse, KeyRotation


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


def keys_in_use_only(fp: str) -> list[str]:
    """A rotation to the key `fp` has finished: nothing is left under any other key. Returns
    the fingerprints released (for the rotation's audit row)."""
    released = sorted(
        KeyInUse.objects.exclude(fingerprint=fp).values_list("fingerprint", flat=True)
    )
    KeyInUse.objects.exclude(fingerprint=fp).delete()
    KeyInUse.objects.bulk_create([KeyInUse(fingerprint=fp)], ignore_conflicts=True)
    recorded_on_commit({fp})
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
