"""Audit rows, written by services inside their own transaction."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from ctip.core.actors import stored_user
from ctip.core.models import AuditEntry
from ctip.core.personal import MASK, personal_field_names
from ctip.core.work import mark_audited


def audit_write(
    *,
    action: str,
    acting_user: Any = None,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    count: int | None = None,
    file_hash: str = "",
) -> AuditEntry:
    """Record one action. Must run inside the service's transaction, so that the audit row and
    the change it describes are committed (or rolled back) together."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_write must be called inside transaction.atomic()")
    mark_audited()
    return AuditEntry.objects.create(
        actor=stored_user(acting_user),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        changes=changes or {},
        count=count,
        file_hash=file_hash,
        # A write made with an API token names the token (ctip.api.auth marks the user).
        via=getattr(acting_user, "ctip_via", None),
    )


def field_changes(
    before: dict[str, Any], after: dict[str, Any], *, model: type[models.Model] | None = None
) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed (JSON-safe via str for dates).
    Personal fields of `model` appear as changed, with both values masked."""
    hidden = personal_field_names(model) if model is not None else set()
    out: dict[str, list[Any]] = {}
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new:
            out[key] = [MASK, MASK] if key in hidden else [_plain(old), _plain(new)]
    return out


def model_values(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def audit_read(*, acting_user: Any, obj: models.Model, purpose: str = "") -> AuditEntry:
    """Log a read of a confidential record (who, when, which record; never its content)."""
    with transaction.atomic():
        return audit_write(
            action="read", acting_user=acting_user, obj=obj, changes={"purpose": purpose}
        )
