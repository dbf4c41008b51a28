"""PostgreSQL-only covering indexes (ctip.core.migration_ops.PostgresIndex): present on
PostgreSQL with their INCLUDE column, absent on SQLite, where the planner would misuse them."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

INDEXES = {
    "victims_caseevent": ("caseevent_state_on_pg", ["to_state", "on"]),
    "enforcement_stageevent": ("stageevent_stage_on_pg", ["stage", "on"]),
}


@pytest.mark.parametrize("table", sorted(INDEXES))
def test_event_indexes_exist_on_postgresql_only(table):
    name, columns = INDEXES[table]
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    if connection.vendor != "postgresql":
        assert name not in found
        return
    # Django's introspection lists the INCLUDE column after the key columns.
    assert found[name]["index"] and found[name]["columns"] == [*columns, "case_id"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        (definition,) = cursor.fetchone()
    assert "INCLUDE (case_id)" in definition
