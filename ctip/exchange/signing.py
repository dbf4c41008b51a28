"""HMAC-SHA256 signatures of a push (docs/adr/0017-province-push.md).

The signed message binds the key id, the time of sending, a nonce drawn for each request and the
SHA-256 of the exact body, so neither the figures nor the time can change without the signature
failing, and two sends of the same body within one second (a retry after a lost answer) are two
requests, not a replay of one. Each province has
its own key: the national ctip knows which province a key id belongs to, and refuses a push
naming another province."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings

KEY_HEADER = "X-Ctip-Key"
TIME_HEADER = "X-Ctip-Timestamp"
SIGNATURE_HEADER = "X-Ctip-Signature"
NONCE_HEADER = "X-Ctip-Nonce"
NONCE = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Peer:
    key_id: str
    province_code: str
    secret: bytes


def canonical(data: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8 (hashes and signatures are
    computed over it, and the receiver hashes what it received, never a re-encoding)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def message(key_id: str, timestamp: int, nonce: str, body: bytes) -> bytes:
    return f"ctip-push/1\n{key_id}\n{timestamp}\n{nonce}\n{digest(body)}".encode()


def sign(*, key_id: str, secret: bytes, timestamp: int, nonce: str, body: bytes) -> str:
    return hmac.new(secret, message(key_id, timestamp, nonce, body), hashlib.sha256).hexdigest()


def verify(*, peer: Peer, timestamp: int, nonce: str, body: bytes, signature: str) -> bool:
    if not NONCE.fullmatch(nonce):
        return False
    expected = sign(
        key_id=peer.key_id, secret=peer.secret, timestamp=timestamp, nonce=nonce, body=body
    )
    return hmac.compare_digest(expected, signature.strip().lower())


def new_nonce() -> str:
    return secrets.token_hex(16)


def headers(*, timestamp: int, body: bytes) -> dict[str, str]:
    """The headers of a push sent now with this instance's own key (a fresh nonce each)."""
    key_id, secret = own_key()
    nonce = new_nonce()
    return {
        KEY_HEADER: key_id,
        TIME_HEADER: str(timestamp),
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: sign(
            key_id=key_id, secret=secret, timestamp=timestamp, nonce=nonce, body=body
        ),
    }


def own_key() -> tuple[str, bytes]:
    key_id, secret = settings.CTIP_PUSH_KEY_ID, settings.CTIP_PUSH_KEY
    if not key_id or not secret:
        raise KeyMissing("CTIP_PUSH_KEY_ID and CTIP_PUSH_KEY must be set to push")
    return key_id, secret.encode()


def peers() -> dict[str, Peer]:
    """The provinces' keys a national ctip accepts: CTIP_PUSH_PEERS, "id:province:secret"
    separated by commas or semicolons. The province is a GSO code read as a number: GSO writes
    "01" for Hà Nội, a payload carries the unit's code "1", and the two must match. An entry
    whose province is not a number is ignored (it could match no payload)."""
    found: dict[str, Peer] = {}
    for item in settings.CTIP_PUSH_PEERS.replace(";", ",").split(","):
        parts = item.strip().split(":", 2)
        if len(parts) != 3 or not all(parts):
            continue
        province = parts[1].strip()
        if province.isascii() and province.isdigit():
            found[parts[0]] = Peer(parts[0], str(int(province)), parts[2].encode())
    return found


class KeyMissing(RuntimeError):
    pass
