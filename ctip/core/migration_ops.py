"""Migration operations ctip shares between apps."""

from __future__ import annotations

from typing import Any

from django.db import migrations


class PostgresIndex(migrations.operations.base.Operation):
    """A covering index created on PostgreSQL only.

    Why not `Meta.indexes`: SQLite has no INCLUDE and would get a plain index on the same
    columns, which its planner then prefers where it is the wrong one (an event index by state
    and date made a correlated "not yet identified" lookup read every event of a state, ADR
    0008). PostgreSQL's planner costs both and picks the cheaper per period."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, *, table: str, name: str, columns: list[str], include: list[str]) -> None:
        self.table, self.name, self.columns, self.include = table, name, columns, include

    def deconstruct(self) -> tuple[str, list, dict[str, Any]]:
        kwargs = {
            "table": self.table,
            "name": self.name,
            "columns": self.columns,
            "include": self.include,
        }
        return (self.__class__.__qualname__, [], kwargs)

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass  # not in any model's state: the ORM never needs to know of it

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        q = schema_editor.quote_name
        columns = ", ".join(q(c) for c in self.columns)
        include = ", ".join(q(c) for c in self.include)
        schema_editor.execute(
            f"CREATE INDEX {q(self.name)} ON {q(self.table)} ({columns}) INCLUDE ({include})"
        )

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.name)}")

    def describe(self) -> str:
        return f"Create index {self.name} on {self.table} (PostgreSQL only)"
