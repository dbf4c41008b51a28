"""Writes of the work app: a person marks their own notices read."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.work.models import Notice


def notice_mark_read(*, notice: Notice, acting_user: Any) -> bool:
    """Mark one of the user's own notices read; False when it was read already (or is not
    theirs: the selector gives each user only their own, and this checks again)."""
    with unit_of_work():
        changed = Notice.objects.filter(
            pk=notice.pk, user=acting_user, read_at__isnull=True
        ).update(read_at=timezone.now())
        if changed:
            audit_write(action="work.notice_read", acting_user=acting_user, obj=notice)
    return bool(changed)


def notices_mark_all_read(*, acting_user: Any) -> int:
    with unit_of_work():
        changed = Notice.objects.filter(user=acting_user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        if changed:
            audit_write(action="work.notices_read_all", acting_user=acting_user, count=changed)
    return changed
