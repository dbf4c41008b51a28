"""The unit of work every write service runs in: one transaction, its audit row, and the
rollups of the record sources it declares brought up to date before it commits.

    with unit_of_work(sources=[Activity]) as work:
        activity = Activity.objects.create(...)
        work.touch(Activity, (activity.start_date, activity.unit_id))
        audit_write(action="prevention.activity_create", obj=activity, acting_user=acting_user)

`work.touch` refreshes the rollup cells of those (date, unit) points at once, inside the same
transaction, so that what the service reads next (a locked period's effect on issued figures)
sees them. Touching a model not declared in `sources` is an error: what a service may change is
stated where it starts.

The unit of work sees its own writes through Django's execute wrapper (a library mechanism, not
a signal of ours) and, on leaving the block normally, refuses to commit:
- a write without an audit row (any INSERT, UPDATE or DELETE other than the audit rows, the
  rollup cells and the log of reads; `audit=False` for a unit that audits nothing of its own);
- a write to the records of a rollup source (or its many-to-many links) whose cells it did not
  refresh (`work.touch`, `work.add`, or `rollups.refresh` inside it), or to records a source
  follows (a case's events' decisions move with the case's unit): that source must be
  refreshed too.
The rollups belong to `ctip.indicators`, above the kernel, which provides the refresh and the
tables of its sources here at import (`provide_rollups`).
"""

from __future__ import annotations

import re
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
_source_tables: Callable[[], dict[str, type[Model]]] = dict
_points: Callable[..., Iterable[Point]] | None = None
_followers: Callable[[], dict[type[Model], set[type[Model]]]] = dict
_current: ContextVar[Work | None] = ContextVar("ctip_unit_of_work", default=None)
# Called with the outermost Work before its transaction commits (after its checks): the
# dashboards' panel cache bumps the versions of what it changed (ctip.dashboard.versions).
_on_finish: list[Callable[[Work], None]] = []


def on_finish(hook: Callable[[Work], None]) -> None:
    """`hook(work)` runs inside the transaction of every outermost unit of work that ends
    normally: `work.tables` (every table written), `work.points` and `work.added` tell where;
    `work.everything`, that anything may have changed (`everything_changed`)."""
    if hook not in _on_finish:
        _on_finish.append(hook)


def provide_rollups(
    *,
    refresh: Refresh,
    add: Refresh,
    tables: Callable[[], dict[str, type[Model]]],
    points: Callable[..., Iterable[Point]],
    followers: Callable[[], dict[type[Model], set[type[Model]]]] = dict,
) -> None:
    """`tables()`: {database table: source model} of every table whose rows a rollup reads;
    `points(model, rows)`: the (date, unit) of those rows in every rollup over the model;
    `followers()`: {source model: the source models a write to it must refresh as well}."""
    global _refresh, _add, _source_tables, _points, _followers
    _refresh, _add, _source_tables, _points = refresh, add, tables, points
    _followers = followers


class Work:
    def __init__(self, sources: Iterable[type[Model]], audit: bool) -> None:
        self.sources = frozenset(sources)
        self.audit = audit
        self.audited = False
        self.wrote = False
        self.written: set[type[Model]] = set()  # rollup sources whose records were written
        self.refreshed: set[type[Model]] = set()
        self._tables: dict[str, type[Model]] | None = None
        self._followers: dict[type[Model], set[type[Model]]] | None = None
        self.tables: set[str] = set()  # every table written (audit rows and cells aside)
        self.points: dict[type[Model], set[Point]] = {}  # where `touch` said records changed
        self.added: dict[type[Model], list[Q]] = {}  # the batches `add` inserted
        # Records may have changed where no unit of work saw them (`everything_changed`).
        self.everything = False

    def touch(self, model: type[Model], *points: Point) -> None:
        """Records of `model` changed at these (date, unit id) points (before and after a
        move): their cells are recomputed now. Call after the write."""
        self._declared(model)
        _provided(_refresh)(model=model, points=points)
        self.points.setdefault(model, set()).update(points)

    def untouched(self, model: type[Model]) -> None:
        """Records of `model` were written in what no rollup reads (ciphertext, blind indexes):
        neither its cells nor those of the sources following it change."""
        self._declared(model)
        for changed in (model, *_followers().get(model, ())):
            _provided(_refresh)(model=changed, points=())
            # Written at no point: the panel cache keeps every panel (a written source model
            # absent from `points` would count as changed everywhere).
            self.points.setdefault(changed, set())

    def touch_records(self, model: type[Model], rows: Any) -> None:
        """`touch` at the points of these records (a queryset), read where they stand now,
        after the write. A write that moves them must also `touch` the points they stood at,
        read before it: a refresh runs at once, so one before the write would miss it."""
        if _points is None:
            raise RuntimeError("no rollup refresh provided (ctip.indicators.rollups)")
        self.touch(model, *_points(model, rows))

    def add(self, model: type[Model], only: Q) -> None:
        """New records of `model` (`only` selects them: a bulk import's batch) added to the
        cells as they are, without recomputing what was there. Call after the write."""
        self._declared(model)
        _provided(_add)(model=model, only=only)
        self.added.setdefault(model, []).append(only)

    def observe(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        table = _changed_table(sql)
        if table is not None and table not in _NOT_CHANGES:
            self.wrote = True
            self.tables.add(table)
            if self._tables is None:
                self._tables = _source_tables()
            source = self._tables.get(table)
            if source is not None:
                self.written.add(source)
                if self._followers is None:
                    self._followers = _followers()
                self.written |= self._followers.get(source, set())
        return execute(sql, params, many, context)

    def _declared(self, model: type[Model]) -> None:
        if model not in self.sources:
            raise RuntimeError(f"{model.__name__} is not a declared source of this unit of work")

    def _finish(self) -> None:
        if self.audit and self.wrote and not self.audited:
            raise RuntimeError("a unit of work that writes must write its audit row (audit_write)")
        stale = sorted(m.__name__ for m in self.written - self.refreshed)
        if stale:
            raise RuntimeError(
                f"records of {', '.join(stale)} written without refreshing their rollups "
                "(declare the source and call work.touch)"
            )


def _provided(function: Refresh | None) -> Refresh:
    if function is None:
        raise RuntimeError("no rollup refresh provided (ctip.indicators.rollups)")
    return function


@contextmanager
def unit_of_work(*, sources: Iterable[type[Model]] = (), audit: bool = True) -> Iterator[Work]:
    """Open the transaction (a savepoint inside an outer one), yield the Work, and on success
    check its audit row and refreshed rollups before the transaction closes."""
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
        if outer is not None:
            # A service calling another: the inner unit's audit row and refreshes count for the
            # outer one too (the outer wrapper saw the inner writes).
            outer.audited = outer.audited or work.audited
            outer.refreshed |= work.refreshed
            outer.everything = outer.everything or work.everything
            for model, points in work.points.items():
                outer.points.setdefault(model, set()).update(points)
            for model, batches in work.added.items():
                outer.added.setdefault(model, []).extend(batches)
        else:
            for hook in _on_finish:
                hook(work)


# Writes that need no audit row of their own: the audit rows, derived rollup cells, and the
# log of reads (written when a record is read, not changed).
_NOT_CHANGES = {"core_auditentry", "core_rollupcell", "core_rollupstate", "victims_accesslog"}
# SQLite's many-to-many links are written with INSERT OR IGNORE.
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


def _changed_table(sql: str) -> str | None:
    found = _WRITE.match(sql)
    return found.group(1).lower() if found else None


def everything_changed() -> None:
    """Records may have changed where no unit of work saw them (loaded by hand or by `ctip
    synth` before a rollup rebuild, a database restored or migrated): the hooks learn it
    (`work.everything`) at the end of the unit of work in progress, else of one opened here
    inside the caller's transaction if any. The dashboards then recompute every cached panel."""
    work = _current.get()
    if work is not None:
        work.everything = True
        return
    with unit_of_work(audit=False) as work:
        work.everything = True


def mark_audited() -> None:
    """Called by audit_write: the unit of work in progress has its audit row."""
    work = _current.get()
    if work is not None:
        work.audited = True


def mark_refreshed(model: type[Model]) -> None:
    """Called by the rollups' refresh and add: the cells of `model`'s records are up to date
    within the unit of work in progress."""
    work = _current.get()
    if work is not None:
        work.refreshed.add(model)
