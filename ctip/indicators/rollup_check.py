"""Do the rollup cells say what the records say? Rebuilds a source's cells inside a savepoint
that is then rolled back, and compares them with the stored ones group by group. Used after
every test for the sources the test's writes touched (tests/conftest.py), and by `ctip rollups
--check`."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Model

from ctip.core.models import RollupCell
from ctip.indicators.rollup_read import built_rollups
from ctip.indicators.rollups import KEY_COLUMNS, KEYS, SLOTS, SOURCES, _insert

Cells = dict[tuple, tuple]


class _Discard(Exception):
    pass


def stale_rollups(models: Iterable[type[Model]] | None = None) -> dict[str, int]:
    """{rollup name: groups whose stored cells differ from the records} for the built rollups
    of the sources over `models`, or following one of them (all sources by default); {} when
    every cell is right."""
    wanted = set(models) if models is not None else None
    built = built_rollups()
    stale: dict[str, int] = {}
    for source in SOURCES.values():
        if wanted is not None and not wanted & {source.model, *source.follows}:
            continue
        for shape in source.shapes:
            name = source.rollup(shape)
            if name not in built:
                continue
            stored = _summed(name)
            fresh = _rebuilt(source, shape, name)
            differ = {k for k in stored.keys() | fresh.keys() if stored.get(k) != fresh.get(k)}
            if differ:
                stale[name] = len(differ)
    return stale


def _rebuilt(source, shape, name: str) -> Cells:  # type: ignore[no-untyped-def]
    found: Cells = {}
    try:
        with transaction.atomic():
            RollupCell.objects.filter(rollup=name).delete()
            _insert(source, shape)
            found = _summed(name)
            raise _Discard
    except _Discard:
        pass
    return found


def _summed(name: str) -> Cells:
    """The cells of a rollup added up per (scope, month, keys): `add` stores further cells for
    the same group, which reads sum. Groups that add up to nothing are left out."""
    sums = ", ".join(f"SUM(v{i})" for i in range(SLOTS))
    sql = (
        f"SELECT scope, month, {KEY_COLUMNS}, {sums}, MAX(estimate) FROM core_rollupcell "  # noqa: S608
        f"WHERE rollup = %s GROUP BY scope, month, {KEY_COLUMNS}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [name])
        rows = cursor.fetchall()
    out: Cells = {}
    for scope, month, *rest in rows:
        keys, values = rest[:KEYS], rest[KEYS:]
        numbers = tuple(int(v or 0) for v in values)
        if any(numbers):
            out[(scope, str(month)[:10], *keys)] = numbers
    return out
