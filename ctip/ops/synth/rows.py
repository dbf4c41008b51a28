"""Helpers shared by the generators: invented names, blank encrypted values, batched inserts."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from django.db import models
from django.db.models import Value

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
        # A plain TextField output: the database stores the token as given, not re-encrypted.
        # One expression serves every row (the insert resolves a copy of it).
        self._value = Value(encrypt(""), output_field=models.TextField())

    def value(self) -> Value:
        return self._value


def chunks[T](items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert(model: type[models.Model], objs: list[Any]) -> list[Any]:
    """One batch of rows; the primary keys are set on the objects (PostgreSQL, SQLite 3.35+)."""
    return model._default_manager.bulk_create(objs, batch_size=BATCH)


def insert_all(
    model: type[models.Model],
    rows: Iterable[Any],
    report: Callable[[str], None],
    label: str,
    total: int,
    after: Callable[[list[Any]], None] | None = None,
) -> int:
    """Insert generated rows chunk by chunk (memory stays flat), calling `after` with each
    inserted chunk (to add its dependent rows), reporting progress about ten times."""
    done, step, started = 0, max(BATCH, total // 10), time.monotonic()
    for chunk in chunks(rows):
        insert(model, chunk)
        if after is not None:
            after(chunk)
        before, done = done, done + len(chunk)
        if done // step != before // step or done == total:
            report(f"{label}: {vn_int(done)}/{vn_int(total)} ({time.monotonic() - started:.1f} s)")
    return done
