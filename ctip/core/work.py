"""The unit of work every write service runs in: one transaction, its audit row, and the
rollups of the record sources it declares brought up to date before it commits.

    with unit_of_work(sources=[Activity]) as work:
        activity = Activity.objects.create(...)
        work.touch(Activity, (activity.start_date, activity.unit_id))
        audit_write(action="prevention.activity_create", obj=activity, acting_user=acting_user)

`work.touch` refreshes the rollup cells of those (date, unit) points at once, inside the same
transaction, so that what the service reads next (a locked period's effect on issued figures)
sees them. On leaving the block normally, the unit of work refuses to commit when it wrote to the
database but wrote no audit row (`audit=False` for the few units that audit nothing, such as a
background job's progress). It sees its writes through Django's execute wrapper: any INSERT,
UPDATE or DELETE other than the audit row, the rollup cells and the access log of reads.
Touching a model not declared in `sources` is an error: what a service may change is stated
where it starts. The rollups belong to `ctip.indicators`, above the kernel, which provides the
refresh here at import (`provide_rollups`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, Q

Point = tuple[date | None, int | None]
Refresh = Callable[..., None]

_refresh: Refresh | None = None
_add: Refresh | None = None
_current: ContextVar[Work | None] = ContextVar("ctip_unit_of_work", default=None)


def provide_rollups(*, refresh: Refresh, add: Refresh) -> None:
    global _refresh, _add
    _refresh, _add = refresh, add


class Work:
    def __init__(self, sources: Iterable[type[Model]], audit: bool) -> None:
        self.sources = frozenset(sources)
        self.audit = audit
        self.audited = False
        self.wrote = False
        self.points: dict[type[Model], list[Point]] = {}
        self.added: list[tuple[type[Model], Q]] = []

    def touch(self, model: type[Model], *points: Point) -> None:
        """Records of `model` changed at these (date, unit id) points (before and after a
        move): their cells are recomputed now. Call after the write."""
        self._declared(model)
        self.points.setdefault(model, []).extend(points)
        _provided(_refresh)(model=model, points=points)

    def add(self, model: type[Model], only: Q) -> None:
        """New records of `model` (`only` selects them: a bulk import's batch) added to the
        cells as they are, without recomputing what was there. Call after the write."""
        self._declared(model)
        self.added.append((model, only))
        _provided(_add)(model=model, only=only)

    def observe(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        if not self.wrote and _is_change(sql):
            self.wrote = True
        return execute(sql, params, many, context)

    def _declared(self, model: type[Model]) -> None:
        if model not in self.sources:
            raise RuntimeError(f"{model.__name__} is not a declared source of this unit of work")

    def _finish(self) -> None:
        if self.audit and self.wrote and not self.audited:
            raise RuntimeError("a unit of work that writes must write its audit row (audit_write)")


def _provided(function: Refresh | None) -> Refresh:
    if function is None:
        raise RuntimeError("no rollup refresh provided (ctip.indicators.rollups)")
    return function


@contextmanager
def unit_of_work(*, sources: Iterable[type[Model]] = (), audit: bool = True) -> Iterator[Work]:
    """Open the transaction (a savepoint inside an outer one), yield the Work, and on success
    check that the audit row was written before the transaction closes."""
    with transaction.atomic():
        work = Work(sources, audit)
        outer = _current.get()
        token = _current.set(work)
        try:
            with connection.execute_wrapper(work.observe):
                yield work
            work._finish()
        finally:
            _current.reset(token)
        if outer is not None and work.audited:
            outer.audited = True  # a service calling another: the inner audit row counts


# Writes that need no audit row of their own: the audit rows, derived rollup cells, and the
# log of reads (written when a record is read, not changed).
_NOT_CHANGES = ("core_auditentry", "core_rollupcell", "core_rollupstate", "victims_accesslog")


def _is_change(sql: str) -> bool:
    head = sql.lstrip()[:7].upper()
    if not head.startswith(("INSERT", "UPDATE", "DELETE")):
        return False
    table = sql[: sql.find("(") if "(" in sql else 200].lower()
    return not any(name in table for name in _NOT_CHANGES)


def current_work() -> Work | None:
    return _current.get()


def mark_audited() -> None:
    """Called by audit_write: the unit of work in progress has its audit row."""
    work = _current.get()
    if work is not None:
        work.audited = True
