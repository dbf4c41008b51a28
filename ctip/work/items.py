"""What one item of a person's work is, and what a source of items gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ctip.work.kinds import ORDER, Kind

# At most this many items from one source: the queue is read on every page (the menu's count),
# so each source asks the database for a bounded slice, never for every row.
LIMIT = 50


@dataclass(frozen=True)
class WorkItem:
    """One thing waiting for a person. `title` is a code or a number (a case's code, a report
    request's number), never a name or any personal value; `key` identifies the item across runs
    of the notices job (record and step, no value of the record)."""

    kind: str
    title: str
    deadline: date | None
    link: str
    overdue: bool
    key: str
    note: Any = ""

    @property
    def kind_label(self) -> Any:
        return Kind(self.kind).label

    def sort_key(self) -> tuple[Any, ...]:
        # Deadline first, items without one last; then the kind's order, then the title.
        return (self.deadline is None, self.deadline or date.max, ORDER[self.kind], self.title)


@dataclass
class Batch:
    """The items of one source, and whether it had more than LIMIT."""

    items: list[WorkItem] = field(default_factory=list)
    more: bool = False


def batch(rows: list[Any], make: Callable[[Any], WorkItem]) -> Batch:
    """`rows` fetched with LIMIT + 1: the extra row only says that there are more."""
    return Batch([make(r) for r in rows[:LIMIT]], more=len(rows) > LIMIT)


@dataclass(frozen=True)
class Source:
    """A domain's items for a user: `needs` is the permission a user must hold for the source
    to apply at all (no query is made otherwise)."""

    needs: str
    items: Callable[[Any, date], Batch]
