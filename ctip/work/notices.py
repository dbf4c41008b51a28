"""Notices of work: run by the background worker (`ctip.work.jobs.notices_send`, scheduled by
`ctip.ops.jobs`), or by `ctip notices`.

For every active user with a source of work, each item of their queue gets one in-app notice
when it is first seen ("Việc mới"), and one more when its deadline comes within the reminders'
window (`ctip.reporting.reminders.SOON`) or has passed; an item first seen already due gets only
the second. A second run the same day creates nothing: a notice is unique per user, item and
occasion. Each user's notices are written in a transaction of their own, with an audit row
(`work.notices_send`, the count), so that one user's failure keeps the others' notices. The user
is e-mailed the notices just created, after that transaction commits: the kind, the deadline and
the link, in the user's language, never a code, a name or any text of a record. A mail that
fails (the mail server refuses it) is logged by the user's id and the error's type, and the
others are still sent; the notices stay on the notices page, and are not mailed again.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ctip.accounts.models import Assignment, User
from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.reporting.reminders import SOON
from ctip.work.items import WorkItem
from ctip.work.kinds import Occasion
from ctip.work.models import Notice
from ctip.work.queue import has_sources, work_items

logger = logging.getLogger(__name__)


def notices_send_due(*, today: date) -> int:
    """Create the notices due today for every user; returns how many were created."""
    holders = Assignment.objects.valid_on(today).values("user")  # type: ignore[attr-defined]
    users = User.objects.filter(is_active=True, pk__in=holders).order_by("pk")
    created = 0
    for user in users:
        if not has_sources(user):
            continue
        # One transaction per user: a failure later in the run keeps what was sent before.
        with unit_of_work():
            fresh = _new_notices(user, work_items(user, today=today), today=today)
            if fresh:
                Notice.objects.bulk_create(fresh)
                audit_write(action="work.notices_send", count=len(fresh))
                _mail_after_commit(user, fresh)
        created += len(fresh)
    return created


def _new_notices(user: Any, items: list[WorkItem], *, today: date) -> list[Notice]:
    """The notices the items owe that were not sent yet (one query for the user's items)."""
    sent: dict[str, set[str]] = {}
    for key, occasion in Notice.objects.filter(
        user=user, key__in=[i.key for i in items]
    ).values_list("key", "occasion"):
        sent.setdefault(key, set()).add(occasion)
    fresh = []
    for item in items:
        due = item.deadline is not None and item.deadline <= today + SOON
        seen = sent.get(item.key, set())
        if seen and (not due or Occasion.DUE in seen):
            continue
        fresh.append(
            Notice(
                user=user,
                kind=item.kind,
                occasion=Occasion.DUE if due else Occasion.NEW,
                deadline=item.deadline,
                link=item.link,
                key=item.key,
            )
        )
    return fresh


def _mail_after_commit(user: Any, notices: list[Notice]) -> None:
    if user.email:
        # After commit: no mail for notices rolled back. Robust: a mail that fails does not
        # stop the mails of the users after it (nor, inside an outer transaction, the rest).
        transaction.on_commit(lambda: _mail_or_log(user, notices), robust=True)


def _mail_or_log(user: Any, notices: list[Notice]) -> None:
    try:
        notices_mail(user, notices)
    except Exception as exc:  # noqa: BLE001 - any failure of the mail server is logged alike
        # The user's id and the error's type only: an SMTP error's text names the address.
        logger.warning("Notice mail to user %s failed: %s", user.pk, type(exc).__name__)


def notices_mail(user: Any, notices: list[Notice]) -> None:
    """One e-mail listing the new notices: kind, deadline, link (absolute when CTIP_SITE_URL
    is set, as the worker has no request to take the address from)."""
    base = getattr(settings, "CTIP_SITE_URL", "").rstrip("/")
    with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
        lines = [f"- {n.text()}: {base}{n.link}" for n in notices]
        body = _("Trong ctip có việc đang chờ bạn:") + "\n\n" + "\n".join(lines)
        send_mail(_("ctip: việc đang chờ bạn"), body, settings.DEFAULT_FROM_EMAIL, [user.email])
