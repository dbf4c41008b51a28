"""Services for the few records administrators keep in the admin site (holidays, report
layouts, the outgoing register, volunteer teams, funding, population, user accounts): each save
or delete is a unit of work with its audit row, so the admin never writes on its own. The
model's own validators and check constraints bound the values (the admin form runs them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work

Changes = dict[str, list[Any]]


def form_changes(form: Any, *, hidden: bool = False) -> Changes:
    """{field: [None, new]} for what an admin form changed; `hidden` keeps only the names (a
    layout file's or a template's content is no audit diff)."""
    return {
        name: [None, "…" if hidden else str(form.cleaned_data.get(name))]
        for name in form.changed_data
    }


def admin_save(
    *, obj: Model, action: str, changes: Changes, save: Callable[[], None], acting_user: Any
) -> None:
    """Save `obj` through the admin's own `save` (which may save related rows too)."""
    with unit_of_work():
        save()
        audit_write(action=action, acting_user=acting_user, obj=obj, changes=changes)


def admin_delete(
    *, obj: Model, action: str, delete: Callable[[], None], acting_user: Any, changes: Changes
) -> None:
    with unit_of_work():
        audit_write(action=action, acting_user=acting_user, obj=obj, changes=changes)
        delete()
