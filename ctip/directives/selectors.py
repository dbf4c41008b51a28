"""Reads over the register: search, and overdue tasks per agency."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, QuerySet

from ctip.accounts.permissions import P
from ctip.accounts.scope import has_perm, scoped
from ctip.core.text import fold
from ctip.directives.models import Document, Task, TaskStatus


def documents_visible(user: Any) -> QuerySet[Document]:
    """Directives are province-wide instructions: every role that may read them sees them all."""
    if not has_perm(user, P.VIEW_DIRECTIVES):
        return Document.objects.none()
    return Document.objects.all()


def documents_search(
    user: Any,
    *,
    query: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    issuer: str = "",
) -> QuerySet[Document]:
    qs = documents_visible(user)
    for word in fold(query).split():
        qs = qs.filter(search_text__contains=word)
    if date_from:
        qs = qs.filter(date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    if issuer:
        qs = qs.filter(search_text__contains=fold(issuer))
    return qs.order_by("-date", "-number")


def tasks_overdue(user: Any, *, today: date | None = None) -> QuerySet[Task]:
    """Open tasks past their deadline that the user's agencies (or territory) answer for."""
    qs = Task.objects.filter(status=TaskStatus.OPEN, deadline__lt=today or date.today())
    qs = scoped(qs, user, P.VIEW_OWN_AGENCY, agency_field="agency", unit_field="agency__unit")
    return qs.select_related("document", "agency").order_by("agency__name", "deadline")


def overdue_count_by_agency(user: Any, *, today: date | None = None) -> list[dict]:
    return list(
        tasks_overdue(user, today=today)
        .values("agency__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "agency__name")
    )
