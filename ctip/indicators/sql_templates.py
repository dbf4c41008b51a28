"""Compiled SQL kept for reuse (issue 27): a dashboard page computed afresh reads some thirty
headline figures from the records, and building each one's queryset and compiling it through the
ORM cost more than the database's work (about 20 ms of a 95 ms page). The SQL of such a figure
depends on its definition, not on the unit or the period asked: those are parameters.

`Templates.sql(key, compile, unit_pk, start, end)` compiles once per key with two sets of stand-in
values, keeps the SQL when both give the same text and every parameter that differs between them
is one of the stand-ins (as the ORM adapted it), and then only puts the asked values in their
places. A definition whose SQL is not such a function of the unit and the dates (a stock standing
a number of days before the period's end, say) is compiled every time, as before.

Two stand-ins cannot prove that a function of the dates is a template (SQL written one way
before some day and another way after it would pass unless a stand-in falls on each side): the
caller keeps SQL only where the dates reach it as the bounds of a range lookup, by construction
(`raw.totals_sql`: flows, not a stock's `standing_on`). It also relies on what the registry asks
of a definition (`Indicator.records`, `filters`, `value`): it reads neither the database nor the
clock; the exchange hashes it for the same reason.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from django.db import connection

# (unit id, start, end): two sets no real unit has, on either side of any date the law or the
# units change on (1/7/2025), so that SQL written differently before and after one is caught.
STAND_INS = (
    (-900_000_001, date(1901, 2, 3), date(1902, 4, 5)),
    (-900_000_002, date(2091, 6, 7), date(2092, 8, 9)),
)
# Keys are definitions × narrowings (an agency's page narrows to its agency): a worker keeps at
# most this many, the least recently asked dropped first.
MOST_KEPT = 2_000
# A compile gives (SQL, parameters, what else its caller keeps: the columns' names, say).
Compile = Callable[[int, date, date], tuple[str, list[Any], Any]]
# A parameter of the kept SQL: ("value", v) kept as it is, ("slot", n, adapt) the n-th asked
# value (0 the unit id, 1 the start, 2 the end) as the ORM adapted it.
Param = tuple[Any, ...]


class Templates:
    """`keep=False`: compile every time (the tests' reference)."""

    def __init__(self, *, keep: bool = True, most: int = MOST_KEPT) -> None:
        self._kept: OrderedDict[Hashable, tuple[str, list[Param], Any] | None] = OrderedDict()
        self._keep = keep
        self._most = most

    def sql(
        self, key: Hashable, compile_: Compile, unit_pk: int, start: date, end: date
    ) -> tuple[str, list[Any], Any]:
        """(SQL, parameters, the rest) as `compile_(unit_pk, start, end)` gives them (the rest
        from the first stand-in's compile when kept)."""
        if not self._keep:
            return compile_(unit_pk, start, end)
        key = (connection.vendor, key)
        if key in self._kept:
            self._kept.move_to_end(key)
        else:
            self._kept[key] = _template(compile_)
            if len(self._kept) > self._most:
                self._kept.popitem(last=False)  # the least recently asked
        kept = self._kept[key]
        if kept is None:
            return compile_(unit_pk, start, end)
        sql, params, rest = kept
        asked = (unit_pk, start, end)
        return sql, [p[1] if p[0] == "value" else p[2](asked[p[1]]) for p in params], rest

    def kept(self, key: Hashable) -> bool:
        """Whether the SQL for `key` is kept (False: compiled every time, or not yet asked)."""
        return self._kept.get((connection.vendor, key)) is not None


def _template(compile_: Compile) -> tuple[str, list[Param], Any] | None:
    """The SQL and its parameters' places, or None when the SQL is not a function of the three
    values through its parameters alone."""
    (sql_a, params_a, rest), (sql_b, params_b, _rest) = (compile_(*v) for v in STAND_INS)
    if sql_a != sql_b or len(params_a) != len(params_b):
        return None
    params: list[Param] = []
    for a, b in zip(params_a, params_b, strict=True):
        if a == b and type(a) is type(b):
            if _slot(a, STAND_INS[0]) is not None:
                return None  # a stand-in that did not change: not a parameter of ours
            params.append(("value", a))
            continue
        slot = _slot(a, STAND_INS[0])
        if slot is None or _slot(b, STAND_INS[1]) != slot:
            return None
        params.append(("slot", *slot))
    return sql_a, params, rest


def _slot(value: Any, values: tuple[int, date, date]) -> tuple[int, Callable] | None:
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
    date: (_same, _adapted_date),
}
