"""One writer at a time for a named thing (a register's numbers, one uploaded file), until the
transaction ends: a PostgreSQL advisory transaction lock on a hash of the name. SQLite writes
one transaction at a time, so there is nothing to take there."""

from __future__ import annotations

import hashlib

from django.db import connection


def serialise(name: str) -> None:
    """Wait for any other transaction that serialised on `name`; held until this one ends."""
    if connection.vendor != "postgresql":
        return
    key = int(hashlib.sha256(name.encode()).hexdigest()[:15], 16)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
