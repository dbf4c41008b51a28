"""Reads over the register: the documents of a user's scope, search, and overdue tasks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from ctip.accounts.scope import scope_q, scoped
from ctip.core.permissions import P
from ctip.core.text import fold
from ctip.directives.models import Document, Task, TaskStatus

# A document belongs to the agencies that recorded it, issued it, or were given a task in it.
_AGENCY_FIELDS = ("recorded_by", "issuers", "tasks__agency")


def documents_visible(user: Any) -> QuerySet[Document]:
    """Documents of the user's scope: an agency role those its agency (or one it succeeded)
    recorded, issued or was given a task in; a territorial role (the standing office and leaders:
    the province) those of every agency of its territory. Nothing otherwise."""
    condition: Q | None = None
    for field in _AGENCY_FIELDS:
        part = scope_q(user, P.VIEW_DIRECTIVES, agency_field=field, unit_field=f"{field}__unit")
        if part is not None:
            condition = part if condition is None else condition | part
    if condition is None:
        return Document.objects.none()
    # Through a subquery: joining issuers and tasks would repeat a document once per match.
    return Document.objects.filter(pk__in=Document.objects.filter(condition).values("pk"))


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
