"""Sender side: queue a push as an Outbox row (service, audited), and send what is due (the
background job). A failed send is retried with a growing delay; a refusal that no retry can
change (4xx other than 408/429) ends the row as failed."""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from ctip.core.audit import audit_write
from ctip.core.tasks import enqueue
from ctip.core.work import unit_of_work
from ctip.exchange import payload as payloads
from ctip.exchange import signing, transport
from ctip.exchange.models import Outbox

# Delays after the 1st, 2nd... failure: 1 min doubling to at most 6 hours.
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=6)
RETRIED = {408, 425, 429}
SEND_JOB = "ctip.exchange.jobs.outbox_send"
log = logging.getLogger(__name__)


def push_queue(
    *, period: str, acting_user: Any, url: str = "", now: datetime | None = None
) -> tuple[Outbox, bool]:
    """Compute this instance's province's figures for `period` and queue them; (row, created).
    The same figures queued again are the same push (its idempotency id), not a second row."""
    target = url or settings.CTIP_PUSH_URL
    province = settings.CTIP_PUSH_PROVINCE
    if not target or not province:
        raise signing.KeyMissing("CTIP_PUSH_URL and CTIP_PUSH_PROVINCE must be set to push")
    signing.own_key()  # refuse now, not at the first attempt, when no key is set
    data = payloads.build(province_code=province, period=payloads.parse_period(period), now=now)
    push_id = payloads.push_id(data)
    with unit_of_work():
        row, created = Outbox.objects.get_or_create(
            push_id=push_id,
            defaults={
                "province_code": data["province"]["code"],
                "period": data["period"]["code"],
                "content_hash": data["content_hash"],
                "url": target,
                "body": signing.canonical(data).decode(),
                "next_attempt_at": timezone.now(),
            },
        )
        if created:
            audit_write(
                action="exchange.push_queue",
                acting_user=acting_user,
                obj=row,
                changes={"push_id": push_id, "figures": len(data["figures"])},
            )
            enqueue(SEND_JOB)
    return row, created


def outbox_due(now: datetime | None = None) -> list[Outbox]:
    moment = now or timezone.now()
    return list(
        Outbox.objects.filter(status=Outbox.Status.PENDING, next_attempt_at__lte=moment).order_by(
            "next_attempt_at", "pk"
        )
    )


def outbox_attempt(row: Outbox, *, now: datetime | None = None) -> Outbox:
    """One attempt at sending `row`, signed now (a retry carries a fresh time and signature)."""
    moment = now or timezone.now()
    body = row.body.encode()
    try:
        headers = signing.headers(timestamp=int(time.time()), body=body)
        answer = transport.post(row.url, body, headers)
    except Exception as exc:  # noqa: BLE001 - any failure to reach the receiver is retried
        # The class name only: a message could quote a URL with credentials or a reply's text.
        log.warning("push %s: attempt failed: %s", row.push_id, type(exc).__name__)
        return _failed(row, type(exc).__name__, moment, retry=True)
    if 200 <= answer.status < 300:
        row.status, row.sent_at, row.last_error = Outbox.Status.SENT, moment, ""
        row.attempts += 1
        row.save(update_fields=["status", "sent_at", "last_error", "attempts"])
        return row
    retry = answer.status >= 500 or answer.status in RETRIED
    return _failed(row, f"HTTP {answer.status}{_reason(answer.body)}", moment, retry=retry)


def backoff(attempts: int) -> timedelta:
    # The exponent is bounded before the product: 2**41 minutes overflows timedelta, and a row
    # past its 42nd attempt (some 8 days of outage) must wait MAX_DELAY, not stop the worker.
    return min(FIRST_DELAY * (2 ** min(max(attempts - 1, 0), 16)), MAX_DELAY)


def _failed(row: Outbox, error: str, moment: datetime, *, retry: bool) -> Outbox:
    row.attempts += 1
    row.last_error = error[:200]
    if retry:
        row.next_attempt_at = moment + backoff(row.attempts)
    else:
        row.status = Outbox.Status.FAILED
    row.save(update_fields=["attempts", "last_error", "next_attempt_at", "status"])
    return row


def _reason(body: bytes) -> str:
    """The receiver's reason code (a fixed word such as "replay"), never free text."""
    try:
        code = json.loads(body or b"{}").get("code", "")
    except (ValueError, AttributeError):
        return ""
    return f" {code}" if isinstance(code, str) and code.isidentifier() else ""
