"""Encryption of personal data at rest.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under CTIP_ENCRYPTION_KEY, which may
list several keys separated by commas: the first encrypts, all decrypt (MultiFernet), so a key is
rotated by putting a new one first and running `ctip rotate-key`. Exact-match lookups use a keyed
HMAC-SHA256 of the normalised value (a "blind index"), never the clear value; its key is
CTIP_BLIND_INDEX_KEY, a secret of its own (ctip/core/keyring.py checks both against the database).
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

from ctip.core.key_use import encrypting
from ctip.core.personal import PersonalField, remember
from ctip.core.text import fold


def encryption_keys() -> list[str]:
    """The configured key ring, the encrypting key first."""
    return [k.strip() for k in str(settings.CTIP_ENCRYPTION_KEY).split(",") if k.strip()]


def blind_index_key() -> str:
    return str(settings.CTIP_BLIND_INDEX_KEY).strip()


@lru_cache(maxsize=4)
def _index_hmac_key(key: str) -> bytes:
    return hashlib.sha256(b"ctip-blind-index:" + key.encode()).digest()


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(encryption_keys()))


def _encrypting() -> MultiFernet:
    """The ring, once the database knows its first key is in use: a key that has encrypted
    anything must stay configured until a rotation re-encrypts it (ctip.core.keyring)."""
    keys = encryption_keys()
    encrypting(keys[0])
    return _fernet(tuple(keys))


def encrypt(text: str) -> str:
    return _encrypting().encrypt(text.encode("utf-8")).decode("ascii")


def encrypt_bytes(data: bytes) -> bytes:
    return _encrypting().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return fernet().decrypt(token)
    except InvalidToken as exc:
        raise ValueError("a file cannot be decrypted with the configured keys") from exc


def rotate_bytes(token: bytes) -> bytes:
    return _encrypting().rotate(token)


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        # Never include the token or a value in the message.
        raise ValueError("personal data cannot be decrypted with the configured keys") from exc


def rotate(token: str) -> str:
    """The same value encrypted under the current first key."""
    return _encrypting().rotate(token.encode("ascii")).decode("ascii")


def blind_index(value: str) -> str:
    """Keyed hash of the normalised value (accents, case and spacing ignored)."""
    key = _index_hmac_key(blind_index_key())
    return hmac.new(key, fold(value).encode("utf-8"), hashlib.sha256).hexdigest()


class EncryptedTextField(PersonalField, models.TextField):
    """Personal data, stored encrypted. Not filterable: look up through a blind-index column."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        clear = decrypt(value)
        remember(clear)
        return clear

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        text = str(value)
        remember(text)
        return encrypt(text)

    def to_python(self, value: Any) -> Any:
        return value
