"""Helpers shared by the generators: invented names, blank encrypted values, batched inserts."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from django.db import connection, models
from django.utils import timezone

from ctip.core.bulk import AS_IS
from ctip.core.crypto import blind_index, encrypt
from ctip.core.text import vn_int

BATCH = 5000

# Common family names and generic given names, combined at random: nobody real is meant.
FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Đinh",
    "Lò",
    "Giàng",
    "Hà",
)
MIDDLE_F = ("Thị", "Thị Thu", "Thị Ngọc", "Thị Mỹ", "Thị Kim", "Thị Thanh")
MIDDLE_M = ("Văn", "Minh", "Đức", "Quốc", "Hữu", "Thanh")
GIVEN_F = ("Hoa", "Lan", "Mai", "Hằng", "Nhung", "Thảo", "Vy", "Trang", "Linh", "Yến", "Dung")
GIVEN_M = ("Nam", "Hùng", "Tuấn", "Khang", "Thành", "Long", "Sơn", "Phúc", "Dũng", "Tâm")


def invented_name(rng: random.Random, female: bool) -> str:
    return " ".join(
        (
            rng.choice(FAMILY),
            rng.choice(MIDDLE_F if female else MIDDLE_M),
            rng.choice(GIVEN_F if female else GIVEN_M),
        )
    )


@lru_cache(maxsize=4096)
def name_index(name: str) -> str:
    """The blind index of an invented name; names repeat, so hash each one once."""
    return blind_index(name)


class Blank:
    """An empty personal field, encrypted once per load: every unused encrypted column of a row
    would otherwise cost a Fernet encryption, the bulk of the time for 200,000 rows. The value is
    the same for all rows and says only "empty", which the field's absence says anyway."""

    def __init__(self) -> None:
        self.token = encrypt("")


@lru_cache(maxsize=8192)
def sealed(name: str) -> str:
    """An invented name encrypted once per load: names repeat (a few thousand combinations), and
    a Fernet encryption per row was a fifth of the time. Equal names get equal tokens, which
    says no more than the blind index of the same name does."""
    return encrypt(name)


class Table:
    """Rows of one model written as tuples, never as model instances: at millions of rows the
    instances and Django's INSERT compilation were most of the time. Each row gives the values
    of `fields` in order (database values: names already encrypted); `fixed` columns hold one
    value for the whole load; every other column takes its default, computed once. Primary keys
    are reserved before the write, so dependent rows can point at them."""

    def __init__(
        self,
        model: type[models.Model],
        fields: tuple[str, ...],
        fixed: dict[str, Any] | None = None,
    ) -> None:
        meta = model._meta
        fixed = fixed or {}
        self.model = model
        self.given: list[Any] = [meta.get_field(f) for f in fields]
        rest = [f for f in meta.concrete_fields if not f.primary_key and f.attname not in fields]
        self.constants = tuple(_constant(f, fixed) for f in rest)
        names = [meta.pk.column] + [f.column for f in self.given] + [f.column for f in rest]
        quote = connection.ops.quote_name
        self.table = quote(meta.db_table)
        self.columns = ", ".join(quote(n) for n in names)
        self.pk_column = meta.pk.column
        self.db_table = meta.db_table
        postgres = connection.vendor == "postgresql"
        # psycopg writes dates, ints, strings and booleans itself; SQLite wants dates as text
        # and JSON as text, so those go through the field.
        self.convert = [
            (n, f)
            for n, f in enumerate(self.given)
            if f.get_internal_type() not in AS_IS
            and not (postgres and f.get_internal_type() == "DateField")
        ]

    def write(self, rows: list[tuple]) -> list[int]:
        """Insert `rows`; their new primary keys, in order."""
        ids = self._reserve(len(rows))
        if not rows:
            return ids
        constants = self.constants
        convert = self.convert
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                sql = f"COPY {self.table} ({self.columns}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    write_row = copy.write_row
                    if convert:
                        for pk, row in zip(ids, rows, strict=True):
                            write_row((pk, *_converted(row, convert), *constants))
                    else:
                        for pk, row in zip(ids, rows, strict=True):
                            write_row((pk, *row, *constants))
            else:
                marks = ", ".join(["%s"] * (1 + len(self.given) + len(constants)))
                sql = f"INSERT INTO {self.table} ({self.columns}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(
                    sql,
                    [
                        (pk, *_converted(row, convert), *constants)
                        for pk, row in zip(ids, rows, strict=True)
                    ],
                )
        return ids

    def _reserve(self, count: int) -> list[int]:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [self.table, self.pk_column, count],
                )
                return [r[0] for r in cursor.fetchall()]
            # SQLite: the load's transaction holds the write lock since its audit row, so no
            # other writer takes ids in between; explicit ids advance AUTOINCREMENT's sequence.
            cursor.execute(f"SELECT max({self.pk_column}) FROM {self.table}")  # noqa: S608
            top = cursor.fetchone()[0] or 0
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [self.db_table])
            row = cursor.fetchone()
            first = max(top, row[0] if row else 0) + 1
            return list(range(first, first + count))


def _constant(field: Any, fixed: dict[str, Any]) -> Any:
    if field.attname in fixed:
        return fixed[field.attname]
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        value: Any = timezone.now()
    else:
        value = field.get_default()
    return field.get_db_prep_save(value, connection)


def _converted(row: tuple, convert: list[tuple[int, Any]]) -> tuple:
    if not convert:
        return row
    values = list(row)
    for n, field in convert:
        values[n] = field.get_db_prep_save(values[n], connection)
    return tuple(values)


def chunks[T](items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert_all(
    table: Table,
    rows: Iterable[tuple[tuple, Any]],
    report: Callable[[str], None],
    label: str,
    total: int,
    after: Callable[[list[tuple[int, Any]]], None] | None = None,
) -> int:
    """Insert generated (row, extra) pairs chunk by chunk (memory stays flat), calling `after`
    with each chunk's (new id, extra) pairs (to add its dependent rows), reporting progress
    about ten times."""
    done, step, started = 0, max(BATCH, total // 10), time.monotonic()
    for chunk in chunks(rows):
        ids = table.write([row for row, _extra in chunk])
        if after is not None:
            after(list(zip(ids, (extra for _row, extra in chunk), strict=True)))
        before, done = done, done + len(chunk)
        if done // step != before // step or done == total:
            report(f"{label}: {vn_int(done)}/{vn_int(total)} ({time.monotonic() - started:.1f} s)")
    return done
