"""Each user reads only their own notices."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ctip.core.access import access_object
from ctip.work.models import Notice


def notices_of(user: Any) -> QuerySet[Notice]:
    if not getattr(user, "is_authenticated", False):
        return Notice.objects.none()
    return Notice.objects.filter(user=user)


def access_notice(user: Any, pk: Any) -> Notice:
    return access_object(notices_of(user), pk)


def unread_count(user: Any) -> int:
    return notices_of(user).filter(read_at__isnull=True).count()
