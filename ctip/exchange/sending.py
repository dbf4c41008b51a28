"""Sender side: queue a push as an Outbox row (service, audited), and send what is due (the
background job). A failed send is retried with a growing delay; a refusal that no retry can
change (4xx other than 408/429) ends the row as failed, until a person queues it again once the
cause is fixed (`push_requeue`, from the page "Số liệu đã gửi lên cấp trên")."""

from __future__ import annotations

import json
import logging
import time
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.accounts.scope import territories_granting, within_any
from ctip.core.access import has_perm
from ctip.core.audit import audit_write
from ctip.core.permissions import P
from ctip.core.tasks import enqueue
from ctip.core.work import unit_of_work
from ctip.exchange import payload as payloads
from ctip.exchange import signing, transport
from ctip.exchange.models import Outbox
from ctip.geo.models import Unit
from ctip.indicators.registry import IndicatorError

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
    if not target or not settings.CTIP_PUSH_PROVINCE.strip():
        raise signing.KeyMissing("CTIP_PUSH_URL and CTIP_PUSH_PROVINCE must be set to push")
    signing.own_key()  # refuse now, not at the first attempt, when no key is set
    parsed = payloads.parse_period(period)
    province = push_province(parsed.end)
    data = payloads.build(province_code=str(province.code), period=parsed, now=now)
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


def push_province(day: date | None = None) -> Unit:
    """The province CTIP_PUSH_PROVINCE names on `day` (today by default): a GSO code as GSO
    writes it ("051", "01") or a name; IndicatorError when it names none. Every reader of the
    setting goes through here, so the rows push_queue stores (the unit's code, "51") are the
    rows the page and the resend look for."""
    return payloads.province_unit(settings.CTIP_PUSH_PROVINCE, day or timezone.localdate())


def own_province() -> Unit | None:
    """This instance's province today; None when the setting is unset or names no unit (then
    no one sees or resends a push: there is no province of ours)."""
    try:
        return push_province()
    except IndicatorError:
        return None


class PushRefused(ValueError):
    """A requeue the row's status does not allow; the message is the page's, in Vietnamese."""


# Who may queue or resend a push from a screen: whoever compiles the province's reports (the
# command `ctip push` is an operator's, with no user at all).
PUSH_PERMISSION = P.COMPILE_REPORTS


def may_push(user: Any, province: Unit | None = None) -> bool:
    """`user` compiles the reports of this instance's province: an assignment granting
    PUSH_PERMISSION whose territory covers the province. The permission alone is not enough: a
    commune's standing office compiles the commune's reports, not the province's. The page, the
    resend and the menu entry ask this one question."""
    province = province or own_province()
    if province is None or not has_perm(user, PUSH_PERMISSION):
        return False
    # Asked by the menu and the page in one request: answered once per user object, as the
    # assignments it rests on are read once (ctip.accounts.scope.active_assignments).
    key = f"_ctip_may_push_{province.pk}"
    if not hasattr(user, key):
        setattr(user, key, within_any(province, territories_granting(user, PUSH_PERMISSION)))
    return bool(getattr(user, key))


def push_requeue(*, outbox_id: int, acting_user: Any) -> Outbox:
    """Send a push the receiver refused for good (FAILED) again, once its cause is fixed (a key,
    a clock, the receiver's peers). Only this instance's province's rows; any other status is
    refused and nothing changes. Outbox.DoesNotExist for a row that is missing or not ours, and
    for a user who compiles reports elsewhere than this province (the 404 of a missing row).
    The row goes to the CTIP_PUSH_URL set now: a refusal may have been the address's fault."""
    if not has_perm(acting_user, PUSH_PERMISSION):
        raise PushRefused(_("Bạn không có quyền gửi lại số liệu lên cấp trên."))
    province = own_province()
    if province is None or not may_push(acting_user, province):
        raise Outbox.DoesNotExist
    with unit_of_work():
        row = Outbox.objects.select_for_update().get(pk=outbox_id, province_code=str(province.code))
        if row.status != Outbox.Status.FAILED:
            raise PushRefused(
                _("Chỉ gửi lại được lần gửi bị từ chối; lần gửi này đang “%(status)s”.")
                % {"status": row.get_status_display()}  # type: ignore[attr-defined]
            )
        attempts, url = row.attempts, row.url
        # The count starts again: a person decided the cause is fixed, so a network failure on
        # the way must be retried after 1 minute, not after the delay the old count reached
        # (up to 6 hours). The old count stays in the audit row; the last error stays on the
        # row (it says why it was refused) until the next attempt replaces it.
        row.status, row.attempts = Outbox.Status.PENDING, 0
        row.next_attempt_at = timezone.now()
        # The address stored at queue time may be the cause (a receiver's 404): once the
        # operator fixes CTIP_PUSH_URL, the resend goes there. A URL holds no personal data.
        row.url = settings.CTIP_PUSH_URL or row.url
        row.save(update_fields=["status", "attempts", "next_attempt_at", "url"])
        changes: dict[str, Any] = {
            "status": [Outbox.Status.FAILED, Outbox.Status.PENDING],
            "attempts": [attempts, 0],
            "last_error": row.last_error,
        }
        if row.url != url:
            changes["url"] = [url, row.url]
        audit_write(
            action="exchange.push_requeue", acting_user=acting_user, obj=row, changes=changes
        )
        enqueue(SEND_JOB)
    return row


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
