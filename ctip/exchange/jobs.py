"""The background job that sends the outbox. It runs after each push is queued; when a send
failed, it books itself again (a one-off django-q2 schedule) for the earliest retry time, so a
retry needs no recurring job and no process other than the worker."""

from __future__ import annotations

from django.db.models import Min
from django_q.models import Schedule

from ctip.exchange.models import Outbox
from ctip.exchange.sending import SEND_JOB, outbox_attempt, outbox_due, push_queue

RETRY_NAME = "Gửi lại số liệu tỉnh lên cấp trung ương"


def outbox_send() -> dict[str, int]:
    done = {"sent": 0, "waiting": 0, "failed": 0}
    for row in outbox_due():
        row = outbox_attempt(row)
        key = {"sent": "sent", "failed": "failed"}.get(row.status, "waiting")
        done[key] += 1
    retry_book()
    return done


def retry_book() -> None:
    """One pending one-off schedule at the earliest retry time of the rows still waiting."""
    earliest = Outbox.objects.filter(status=Outbox.Status.PENDING).aggregate(
        at=Min("next_attempt_at")
    )["at"]
    booked = Schedule.objects.filter(func=SEND_JOB, schedule_type=Schedule.ONCE)
    if earliest is None:
        return
    if booked.filter(next_run__lte=earliest).exists():
        return
    booked.delete()
    Schedule.objects.create(
        func=SEND_JOB, name=RETRY_NAME, schedule_type=Schedule.ONCE, next_run=earliest
    )


def push_period(period: str) -> str:
    """A job that computes and queues a period's push (for a schedule an operator adds, such as
    the previous quarter after each quarter's end); the send follows as its own job."""
    row, _created = push_queue(period=period, acting_user=None)
    return row.push_id
