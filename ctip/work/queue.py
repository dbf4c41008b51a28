"""A person's work: what waits for them in every domain, ordered by deadline (none last).

Each source (`ctip.work.sources`) asks its domain's selectors with the user's scope, filtered and
limited in the database; a source whose permission the user lacks makes no query. The number of
queries depends on the user's roles and the rules in force, never on the number of records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ctip.core.access import user_permissions
from ctip.work.items import WorkItem
from ctip.work.sources import SOURCES


@dataclass(frozen=True)
class Work:
    items: list[WorkItem]
    more: bool  # a source had more items than it lists (the count reads "50+")

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.overdue)


def has_sources(user: Any) -> bool:
    """Whether any source of work applies to the user's roles (no query beyond their roles)."""
    perms = user_permissions(user)
    return any(s.needs in perms for s in SOURCES)


def work_of(user: Any, *, today: date) -> Work:
    perms = user_permissions(user)
    items: list[WorkItem] = []
    more = False
    for source in SOURCES:
        if source.needs not in perms:
            continue
        found = source.items(user, today)
        items += found.items
        more = more or found.more
    return Work(sorted(items, key=WorkItem.sort_key), more)


def work_items(user: Any, *, today: date) -> list[WorkItem]:
    return work_of(user, today=today).items


_CACHE = "_ctip_work"


def request_work(request: Any) -> Work:
    """The user's work for this request, read once: the menu's count and the page share it."""
    found = getattr(request, _CACHE, None)
    if found is None:
        found = work_of(request.user, today=date.today())
        setattr(request, _CACHE, found)
    return found
