"""Secondary indexes and foreign keys set aside while a load fills empty tables (PostgreSQL).

At millions of rows, keeping a dozen B-trees per table up to date row by row, and queueing a
deferred foreign-key check per row and key until the commit, cost more than writing the rows.
Built once at the end, an index is one sort, a foreign key one join. Only when every table is
empty (a dataset loaded into a fresh database): then the load is the tables' only content, and a
failure rolls the whole transaction back, the dropped definitions with it. Primary keys, unique
indexes and checks stay in force throughout.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import Model

# More memory for the index sorts of this transaction only (the default 64 MB spills millions
# of keys to disk).
SORT_MEMORY = "256MB"


@contextmanager
def deferred(models: tuple[type[Model], ...], report: Callable[[str], None]) -> Iterator[bool]:
    """Inside a transaction: drop the tables' secondary indexes and foreign keys if all of them
    are empty on PostgreSQL, and recreate them on leaving. Yields whether it did."""
    tables = [m._meta.db_table for m in models]
    if connection.vendor != "postgresql" or not _empty(tables):
        yield False
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY(%s::regclass[]) "
            "ORDER BY 1, 2",
            [tables],
        )
        keys = cursor.fetchall()
        # Indexes that back no constraint and enforce nothing (not unique).
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
            "FROM pg_index i WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisunique "
            "AND NOT i.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
            [tables],
        )
        indexes = cursor.fetchall()
        quote = connection.ops.quote_name
        # Dropping a foreign key alters the table it references too, which PostgreSQL refuses
        # while checks on that table are queued (the agencies this load just created): run
        # the queued checks now, then defer again as Django's keys are.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    report(f"deferred: {len(indexes)} indexes, {len(keys)} foreign keys")
    yield True
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{SORT_MEMORY}'")
        for _name, definition in indexes:
            cursor.execute(definition)
        built = time.monotonic()
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
    report(
        f"indexes rebuilt: {built - started:.1f} s; "
        f"foreign keys checked: {time.monotonic() - built:.1f} s"
    )


def _empty(tables: list[str]) -> bool:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")  # noqa: S608
            if cursor.fetchone()[0]:
                return False
    return True
