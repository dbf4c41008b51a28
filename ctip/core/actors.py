"""Who to store as the person behind a write."""

from __future__ import annotations

from typing import Any


def stored_user(acting_user: Any) -> Any:
    """The user to record in an actor column: None for a system job (`acting_user=None`) or a
    user that is not saved (anonymous), whose foreign key would not resolve."""
    return acting_user if getattr(acting_user, "pk", None) else None


def actor_name(user: Any) -> str:
    """The person behind a write as pages name ctip's users: the full name, else the account;
    "" for a system job (no user), which a page shows as a dash."""
    if user is None:
        return ""
    return user.get_full_name() or user.username
