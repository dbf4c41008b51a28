"""One writer at a time for a named thing (a register's numbers, one uploaded file), until the
transaction ends: a PostgreSQL advisory transaction lock on a hash of the name. SQLite writes
one transaction at a time, so there is nothing to take there."""

from __future__ import annotations

import hashlib

from django.db import connection


def serialise(name: str, *, shared: bool = False) -> None:
    """Wait for any other transaction that serialised on `name`; held until this one ends.
    `shared`: many transactions may hold it together, and wait only for one holding it alone."""
    if connection.vendor != "postgresql":
        return
    key = int(hashlib.sha256(name.encode()).hexdigest()[:15], 16)
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [key])  # noqa: S608 - one of two names
