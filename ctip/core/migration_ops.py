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


class AppendOnly(migrations.operations.base.Operation):
    """A trigger that refuses to rewrite what a log row records (issue 19, finding 6).

    `columns` may never change once written; when `whole_row_if` (an SQL condition on OLD) holds,
    nothing in the row may change. Other columns stay writable on purpose: purge blanks a
    break-glass reason and key rotation re-encrypts it, a reviewer clears the flag. Deleting rows
    is not refused: the application deletes no log row (purge keeps them), and test databases
    are emptied with DELETE on SQLite."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, *, table: str, columns: list[str], whole_row_if: str = "") -> None:
        self.table, self.columns, self.whole_row_if = table, columns, whole_row_if

    def deconstruct(self) -> tuple[str, list, dict[str, Any]]:
        kwargs = {"table": self.table, "columns": self.columns, "whole_row_if": self.whole_row_if}
        return (self.__class__.__qualname__, [], kwargs)

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    @property
    def trigger(self) -> str:
        return f"{self.table}_append_only"

    def _condition(self, q: Any, distinct: str) -> str:
        changed = [f"NEW.{q(c)} {distinct} OLD.{q(c)}" for c in self.columns]
        if self.whole_row_if:
            changed.append(f"({self.whole_row_if})")
        return " OR ".join(changed)

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        q, name, table = schema_editor.quote_name, self.trigger, self.table
        message = f"{table}: rows are append-only"
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {q(name)}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {q(name)} BEFORE UPDATE ON {q(table)} FOR EACH ROW "
                f"WHEN ({self._condition(q, 'IS DISTINCT FROM')}) EXECUTE FUNCTION {q(name)}()"
            )
        else:
            schema_editor.execute(
                f"CREATE TRIGGER {q(name)} BEFORE UPDATE ON {q(table)} FOR EACH ROW "
                f"WHEN {self._condition(q, 'IS NOT')} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        q = schema_editor.quote_name
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {q(self.trigger)} ON {q(self.table)}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {q(self.trigger)}()")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {q(self.trigger)}")

    def describe(self) -> str:
        return f"Make {self.table} append-only"


class AppendOnlyWiden(migrations.operations.base.Operation):
    """The append-only trigger of `table` re-created over more columns (a column added to a
    log later is as unchangeable as the first ones); backwards, the trigger over `before`."""

    reduces_to_sql = True
    reversible = True

    def __init__(
        self, *, table: str, before: list[str], columns: list[str], whole_row_if: str = ""
    ) -> None:
        self.table, self.before, self.columns = table, before, columns
        self.whole_row_if = whole_row_if

    def deconstruct(self) -> tuple[str, list, dict[str, Any]]:
        kwargs = {
            "table": self.table,
            "before": self.before,
            "columns": self.columns,
            "whole_row_if": self.whole_row_if,
        }
        return (self.__class__.__qualname__, [], kwargs)

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def _swap(self, old: list[str], new: list[str], *args: Any) -> None:
        when = self.whole_row_if
        AppendOnly(table=self.table, columns=old, whole_row_if=when).database_backwards(*args)
        AppendOnly(table=self.table, columns=new, whole_row_if=when).database_forwards(*args)

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        self._swap(self.before, self.columns, app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        self._swap(self.columns, self.before, app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Widen the append-only trigger of {self.table}"
