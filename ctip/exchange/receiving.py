"""Receiver side (a national ctip): check the signature and the time, then apply a push once.

Order of checks: the key is known and the signature matches the exact body (else 401); the
time of sending is within the window (else 401: an old captured request is refused even before
its signature is remembered); the same signature was not seen before (else 409 "replay"); the
province is the key's own and the payload is well formed (else 403/400). Then, in one
transaction: a push id already applied answers "already applied" with no write; a push computed
before the current version is refused (409 "older"); otherwise its figures replace the current
ones as a new version, with an audit row."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection
from django.db.models import Max
from django.utils import timezone

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.exchange import signing
from ctip.exchange.models import ReceivedFigure, ReceivedPush, SeenSignature
from ctip.exchange.payload import EXACT, FORMAT, PERIOD, ROUNDED, WITHHELD

DISCLOSURES = {EXACT, ROUNDED, WITHHELD}
# Fields a figure may carry: anything else (a name, a date of birth...) refuses the push.
FIGURE_FIELDS = {
    "indicator",
    "label",
    "unit",
    "kind",
    "definition",
    "disclosure",
    "value",
    "estimate",
}
TOP_FIELDS = {"format", "province", "period", "threshold", "figures", "content_hash", "computed_at"}


@dataclass(frozen=True)
class Outcome:
    status: int
    code: str
    version: int | None = None

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code}
        if self.version is not None:
            out["version"] = self.version
        return out


def push_receive(*, body: bytes, headers: Any, now: datetime | None = None) -> Outcome:
    moment = now or timezone.now()
    peer = signing.peers().get(headers.get(signing.KEY_HEADER, ""))
    signature = headers.get(signing.SIGNATURE_HEADER, "")
    stamp = headers.get(signing.TIME_HEADER, "")
    if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= 12):
        return Outcome(401, "bad_signature")
    timestamp = int(stamp)
    nonce = headers.get(signing.NONCE_HEADER, "")
    if peer is None or not signing.verify(
        peer=peer, timestamp=timestamp, nonce=nonce, body=body, signature=signature
    ):
        return Outcome(401, "bad_signature")
    window = settings.CTIP_PUSH_WINDOW_SECONDS
    if abs(moment.timestamp() - timestamp) > window:
        return Outcome(401, "stale")
    try:
        data = json.loads(body)
        checked = _checked(data)
    except (
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        InvalidOperation,
        RecursionError,
        OverflowError,
    ):
        return Outcome(400, "malformed")
    if checked["province"]["code"] != peer.province_code:
        return Outcome(403, "wrong_province")
    try:
        # A log of requests, as the log of reads: no audit row of its own.
        with unit_of_work(audit=False):
            SeenSignature.objects.create(signature=signature.strip().lower())
            old = moment - timedelta(seconds=2 * window)
            SeenSignature.objects.filter(seen_at__lt=old).delete()
    except IntegrityError:
        return Outcome(409, "replay")
    return push_apply(payload=checked, key_id=peer.key_id, acting_user=None)


def push_apply(*, payload: dict[str, Any], key_id: str, acting_user: Any) -> Outcome:
    """Apply a checked payload once (see the module's docstring)."""
    push_id = f"{payload['province']['code']}/{payload['period']['code']}/{payload['content_hash']}"
    province, period = payload["province"]["code"], payload["period"]["code"]
    try:
        with unit_of_work():
            _lock(province, period)
            return _apply(payload, push_id, key_id, acting_user)
    except IntegrityError:  # the same push applied at once by another request (SQLite)
        return Outcome(200, "already_applied")


def _lock(province: str, period: str) -> None:
    """Two pushes of one province and period apply one after the other. On PostgreSQL a
    transaction-scoped advisory lock: the queries after it are new statements, which see what
    the other transaction committed (a row lock taken by the first query would not let a
    waiting older push see the newer version created meanwhile). SQLite writes one
    transaction at a time."""
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"{province}/{period}".encode()).digest()[:8], "big")
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key - (1 << 63)])


def _apply(payload: dict[str, Any], push_id: str, key_id: str, acting_user: Any) -> Outcome:
    province, period = payload["province"]["code"], payload["period"]["code"]
    if ReceivedPush.objects.filter(push_id=push_id).exists():
        return Outcome(200, "already_applied")
    pushes = ReceivedPush.objects.filter(province_code=province, period=period)
    latest = pushes.order_by("-computed_at").first()
    if latest is not None and latest.computed_at >= payload["computed_at"]:
        return Outcome(409, "older")
    version = (pushes.aggregate(n=Max("version"))["n"] or 0) + 1
    pushes.update(current=False)
    push = ReceivedPush.objects.create(
        push_id=push_id,
        province_code=province,
        province_name=payload["province"]["name"],
        period=period,
        period_end=payload["period"]["end"],
        content_hash=payload["content_hash"],
        version=version,
        computed_at=payload["computed_at"],
        key_id=key_id,
    )
    ReceivedFigure.objects.filter(province_code=province, period=period).delete()
    ReceivedFigure.objects.bulk_create(
        ReceivedFigure(push=push, province_code=province, period=period, **figure)
        for figure in payload["figures"]
    )
    audit_write(
        action="exchange.push_apply",
        acting_user=acting_user,
        obj=push,
        changes={"push_id": push_id, "version": version},
        count=len(payload["figures"]),
    )
    return Outcome(200, "applied", version)


def _finite(value: Any) -> bool:
    """A figure is a number within the column's 20 digits: no NaN, infinity or boolean."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) < 10**15


def _checked(data: dict[str, Any]) -> dict[str, Any]:
    """The payload with typed values, or an exception: a payload carrying anything but the
    fields of figures is refused whole (the national ctip never stores what it did not ask for)."""
    if data.get("format") != FORMAT or set(data) != TOP_FIELDS:
        raise ValueError("format")
    if set(data["province"]) != {"code", "name"} or set(data["period"]) != {"code", "start", "end"}:
        raise ValueError("shape")
    code = str(data["province"]["code"])
    if not code.isdigit() or len(code) > 9 or PERIOD.match(data["period"]["code"]) is None:
        raise ValueError("ids")
    # The hash is recomputed from the content: the push id names what was sent.
    content = {k: data[k] for k in ("province", "period", "threshold", "figures")}
    if signing.digest(signing.canonical(content)) != data["content_hash"]:
        raise ValueError("hash")
    computed = datetime.fromisoformat(data["computed_at"])
    if computed.tzinfo is None:
        raise ValueError("naive time")
    figures = []
    seen: set[Any] = set()
    for figure in data["figures"]:
        if set(figure) != FIGURE_FIELDS or figure["disclosure"] not in DISCLOSURES:
            raise ValueError("figure")
        value = figure["value"]
        if figure["disclosure"] == WITHHELD and value is not None:
            raise ValueError("withheld value")
        if value is not None and not _finite(value):
            raise ValueError("value")
        if figure["indicator"] in seen:
            raise ValueError("indicator twice")
        seen.add(figure["indicator"])
        figures.append(
            {
                "indicator": str(figure["indicator"])[:80],
                "label": str(figure["label"])[:300],
                "measure": str(figure["unit"])[:80],
                "definition": str(figure["definition"])[:64],
                "disclosure": figure["disclosure"],
                "value": None if value is None else Decimal(str(value)),
                "estimate": bool(figure["estimate"]),
            }
        )
    return {
        "province": {"code": code, "name": str(data["province"]["name"])[:120]},
        "period": {
            "code": data["period"]["code"],
            "end": date.fromisoformat(data["period"]["end"]),
        },
        "content_hash": data["content_hash"],
        "computed_at": computed,
        "figures": figures,
    }
