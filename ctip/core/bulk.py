"""Inserting many rows without model instances (imports of 100,000 rows).

`bulk_create` builds a model instance per row and an INSERT of a few thousand parameters per
batch; for an import that was most of the write. Here rows go as tuples: PostgreSQL's COPY, or
one prepared INSERT run by SQLite for every row. No `save()`, no ids returned: a caller that
needs the new ids reads them back (an import's rows share its batch, and ids rise in insertion
order within one transaction on both backends)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Model


def bulk_insert(model: type[Model], fields: list[str], rows: Iterable[tuple]) -> None:
    """Insert `rows`, each the values of `fields` (attribute names; a foreign key as its id,
    e.g. "agency_id") in order, converted as the model's fields convert them."""
    meta = model._meta
    columns: list[Any] = [meta.get_field(f) for f in fields]  # "agency_id" finds the key
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(c.column) for c in columns)
    # The connection itself, not the proxy: the proxy looks it up again on every attribute.
    prepared = _prepared(columns, rows, connections[DEFAULT_DB_ALIAS])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - model names
            cursor.executemany(sql, list(prepared))


def _prepared(columns: list[Any], rows: Iterable[tuple], db: Any) -> Iterator[Any]:
    # Only fields whose database value differs from the Python one are converted (dates on
    # SQLite, for instance); ints, strings and booleans go as they are. Each converter is chosen
    # once per column, not per value.
    converters = [
        (n, _converter(c, db)) for n, c in enumerate(columns) if c.get_internal_type() not in AS_IS
    ]
    if not converters:
        yield from rows
        return
    for row in rows:
        values = list(row)
        for n, convert in converters:
            values[n] = convert(values[n])
        yield values


def _converter(column: Any, db: Any) -> Callable[[Any], Any]:
    if column.get_internal_type() == "DateField":
        adapt = db.ops.adapt_datefield_value

        def convert(value: Any) -> Any:
            # A plain date is what DateField.get_db_prep_save would adapt unchanged; anything
            # else (a datetime, a text) takes the field's own way.
            if type(value) is date:
                return adapt(value)
            return column.get_db_prep_save(value, db)

        return convert
    return lambda value: column.get_db_prep_save(value, db)


# Field types whose Python value is the database value: no conversion per row.
AS_IS = {
    "CharField",
    "TextField",
    "BooleanField",
    "IntegerField",
    "PositiveIntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveSmallIntegerField",
    "ForeignKey",
}
