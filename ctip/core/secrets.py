"""Secrets from the environment, or from var/secrets.json created on first use.

Losing var/secrets.json makes encrypted personal data unreadable: docs/deploy.md says so.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import sys
from pathlib import Path

GENERATORS = {
    "SECRET_KEY": lambda: secrets.token_urlsafe(50),
    "CTIP_ENCRYPTION_KEY": lambda: new_encryption_key(),
    # Keys the blind indexes (keyed hashes for exact lookups): its own secret, so that knowing or
    # rotating the encryption key says nothing about it.
    "CTIP_BLIND_INDEX_KEY": lambda: secrets.token_urlsafe(32),
}


def new_encryption_key() -> str:
    """A Fernet key: 32 random bytes, url-safe base64."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")


def read_secret(name: str, secrets_file: Path) -> str:
    """The secret `name` from the environment, else from `secrets_file` (created if missing)."""
    value = os.environ.get(name)
    if value:
        return value
    stored = _load(secrets_file)
    if name not in stored:
        stored[name] = GENERATORS[name]()
        _store(secrets_file, stored)
        print(
            f"ctip: {name} was not set; a new one is stored in {secrets_file} (keep that file: "
            "without it encrypted data cannot be read).",
            file=sys.stderr,
        )
    return stored[name]


def _load(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _store(path: Path, data: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    # Created with mode 0600 from the start so the secret is never world-readable.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2)
    os.replace(tmp, path)
    os.chmod(path, 0o600)
