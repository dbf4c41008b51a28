"""Writes to user accounts: one transaction each, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ctip.accounts.models import User
from ctip.core.audit import audit_write


def user_ensure_demo(
    *, username: str, password: str, superuser: bool = False, acting_user: Any = None
) -> User:
    """Create the demo account, or reset its password to `password`. Idempotent."""
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": superuser, "is_superuser": superuser}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            # The password itself never goes into the audit row.
            audit_write(
                action="accounts.user_ensure_demo",
                acting_user=acting_user,
                obj=user,
                changes={"created": [None, created], "password": ["***", "***"]},
            )
    return user
