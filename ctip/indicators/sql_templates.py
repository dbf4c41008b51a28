"""Compiled SQL kept for reuse (issue 27): a dashboard page computed afresh reads some thirty
headline figures from the records, and building each one's queryset and compiling it through the
ORM cost more than the database's work (about 20 ms of a 95 ms page). The SQL of such a figure
depends on its definition, not on the unit or the period asked: those are parameters.

`Templates.sql(key, compile, values)` compiles once per key with two sets of stand-ins for the
values (the unit's id, the dates, a narrowing's agency id or code), keeps the SQL when both give
the same text and every parameter that differs between them is one of the stand-ins (as the ORM
adapted it), and then only puts the asked values in their places. A definition whose SQL is not
such a function of them (a stock standing a number of days before the period's end, say) is
compiled every time, as before.

Two stand-ins cannot prove that a function of the dates is a template (SQL written one way
before some day and another way after it would pass unless a stand-in falls on each side): the
caller keeps SQL only where the dates reach it as the bounds of a range lookup, by construction
(`raw.totals_sql`: flows, not a stock's `standing_on`). It also relies on what the registry asks
of a definition (`Indicator.records`, `filters`, `value`): it reads neither the database nor the
clock; the exchange hashes it for the same reason.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date, timedelta
from typing import Any

from django.db import connection

# Two stand-ins for each value a compile takes, by its type: no real unit, agency or case has
# these ids, no code is such a text, and the dates lie on either side of any day the law or the
# units change on (1/7/2025), so that SQL written differently before and after one is caught.
# Each position gets its own, so a parameter names the value it came from.
STAND_IN_DATES = (date(1901, 1, 1), date(2091, 1, 1))
# Keys are definitions × breakdowns × narrowings (the values of a narrowing are stand-ins too):
# a worker keeps at most this many, the least recently asked dropped first.
MOST_KEPT = 2_000
# A compile takes the asked values (unit id, start, end, then those of the narrowing) and gives
# (SQL, parameters, what else its caller keeps: the columns' names, say).
Compile = Callable[[tuple[Any, ...]], tuple[str, list[Any], Any]]
# A parameter of the kept SQL: ("value", v) kept as it is, ("slot", n, adapt) the n-th asked
# value as the ORM adapted it.
Param = tuple[Any, ...]
# The types a value may have to be put in: others (None, a boolean) belong in the caller's key.
SLOT_TYPES = (int, str, date)


def stand_in(value: Any, position: int, which: int) -> Any:
    """The `which`-th (0 or 1) stand-in for an asked value of `value`'s type at `position`."""
    if type(value) is date:
        return STAND_IN_DATES[which] + timedelta(days=40 * position)  # start before end
    if type(value) is int:
        return -900_000_000 - 2 * position - which
    return f"\x1fctip-stand-in-{position}-{which}"


class Templates:
    """`keep=False`: compile every time (the tests' reference)."""

    def __init__(self, *, keep: bool = True, most: int = MOST_KEPT) -> None:
        self._kept: OrderedDict[Hashable, tuple[str, list[Param], Any] | None] = OrderedDict()
        self._keep = keep
        self._most = most
        # Workers are single-threaded; runserver and the tests' live servers are not.
        self._lock = threading.Lock()

    def sql(
        self, key: Hashable, compile_: Compile, values: tuple[Any, ...]
    ) -> tuple[str, list[Any], Any]:
        """(SQL, parameters, the rest) as `compile_(values)` gives them (the rest from the first
        stand-ins' compile when kept). Values of other types than `SLOT_TYPES` (a datetime for
        a date, say, which the ORM would narrow to its day) are compiled every time."""
        if not self._keep or any(type(v) not in SLOT_TYPES for v in values):
            return compile_(values)
        key = (connection.vendor, key, tuple(type(v).__name__ for v in values))
        with self._lock:
            known = key in self._kept
            kept = self._kept.get(key)
            if known:
                self._kept.move_to_end(key)
        if not known:
            kept = _template(compile_, values)
            with self._lock:
                self._kept[key] = kept
                if len(self._kept) > self._most:
                    self._kept.popitem(last=False)  # the least recently asked
        if kept is None:
            return compile_(values)
        sql, params, rest = kept
        return sql, [p[1] if p[0] == "value" else p[2](values[p[1]]) for p in params], rest

    def kept(self, key: Hashable, values: tuple[Any, ...]) -> bool:
        """Whether the SQL for `key` and values of these types is kept (False: compiled every
        time, or not yet asked)."""
        types = tuple(type(v).__name__ for v in values)
        return self._kept.get((connection.vendor, key, types)) is not None


def _template(compile_: Compile, values: tuple[Any, ...]) -> tuple[str, list[Param], Any] | None:
    """The SQL and its parameters' places, or None when the SQL is not a function of the asked
    values through its parameters alone."""
    stand_ins = [tuple(stand_in(v, n, which) for n, v in enumerate(values)) for which in (0, 1)]
    (sql_a, params_a, rest), (sql_b, params_b, _rest) = (compile_(v) for v in stand_ins)
    if sql_a != sql_b or len(params_a) != len(params_b):
        return None
    params: list[Param] = []
    for a, b in zip(params_a, params_b, strict=True):
        if a == b and type(a) is type(b):
            if _slot(a, stand_ins[0]) is not None:
                return None  # a stand-in that did not change: not a parameter of ours
            params.append(("value", a))
            continue
        slot = _slot(a, stand_ins[0])
        if slot is None or _slot(b, stand_ins[1]) != slot:
            return None
        params.append(("slot", *slot))
    return sql_a, params, rest


def _slot(value: Any, values: tuple[Any, ...]) -> tuple[int, Callable] | None:
    """(place, adapt) when `value` is one of `values` as the ORM passes it (a date may be
    adapted to text, on SQLite)."""
    for n, given in enumerate(values):
        for adapt in _ADAPTERS[type(given)]:
            if type(value) is type(adapt(given)) and value == adapt(given):
                return n, adapt
    return None


def _same(value: Any) -> Any:
    return value


def _adapted_date(value: date) -> Any:
    return connection.ops.adapt_datefield_value(value)


_ADAPTERS: dict[type, tuple[Callable[[Any], Any], ...]] = {
    int: (_same,),
    str: (_same,),
    date: (_same, _adapted_date),
}
