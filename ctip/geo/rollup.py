"""Where a unit's records count in today's structure (pure computation, no database)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from ctip.geo.models import COMMUNE_LEVELS, Level


def compute_rollup(
    units: Iterable[Any], links: Iterable[tuple[int, int, bool]], today: date
) -> dict[int, tuple[int | None, int | None]]:
    """{unit id: (today's province id or None, today's commune id or None)}.

    Province (issue 27): where the unit's own territory went, commune by commune, so that a
    record counts in exactly one of today's provinces. A unit in force today stands in its
    parent's province. A unit gone before today takes the one province all its placed children
    went to (an old province or district: its communes decide, whatever its own province links
    say; a child placed nowhere does not vote); else the one province all its successors stand
    in; else (no children or successors, or they disagree) its nearest ancestor's province: one
    in force today, or one its own territory places. A unit placed by none of these has none:
    its records count at the national level only (ADR 0016), never in two provinces.

    Commune: followed along succession only while each step has exactly one whole successor; a
    split commune (several successors, or only part of it passing on) has none, so its records
    are shown as the old commune and never counted twice. A district that passed whole to one
    commune-level unit (Lý Sơn to the special zone) rolls up to it like a commune.
    """
    by_id = {u.pk: u for u in units}
    successors: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for pred, succ, partial in links:
        successors[pred].append((succ, partial))
    children: dict[int, list[int]] = defaultdict(list)
    for u in by_id.values():
        if u.parent_id is not None and u.parent_id in by_id:
            children[u.parent_id].append(u.pk)

    def current(u: Any) -> bool:
        return (u.valid_from is None or u.valid_from <= today) and (
            u.valid_to is None or u.valid_to >= today
        )

    province_memo: dict[int, int | None] = {}
    commune_memo: dict[int, int | None] = {}

    def one(found: set[int | None]) -> int | None:
        """The single province all of them stand in; None when none or several (an unplaced
        successor counts as one more: a successor's territory is not this unit's to guess)."""
        return next(iter(found)) if len(found) == 1 else None

    def by_links(uid: int, seen: frozenset[int]) -> int | None:
        nexts = successors.get(uid, [])
        return one({province_of(s, seen) for s, _ in nexts}) if nexts else None

    def province_of(uid: int, seen: frozenset[int] = frozenset()) -> int | None:
        """Where the unit's own territory went: down (its children) and forward (its
        successors), never up, so that a parent and its child never wait on each other."""
        if uid in province_memo:
            return province_memo[uid]
        if uid in seen:  # a cycle in hand-entered succession data: stop rather than loop
            return None
        u = by_id[uid]
        seen = seen | {uid}
        answer: int | None = None
        if current(u):
            if u.level == Level.PROVINCE:
                answer = uid
            elif u.level != Level.COUNTRY and u.parent_id in by_id:
                answer = province_of(u.parent_id, seen)
        else:
            # A child that cannot be placed does not vote (one split commune must not take its
            # whole old district, and the district's own records, out of its province).
            votes = {province_of(k, seen) for k in children.get(uid, [])} - {None}
            answer = one(votes)
            if answer is None:
                answer = by_links(uid, seen)
        province_memo[uid] = answer
        return answer

    def upward(uid: int) -> int | None:
        """A unit its own territory does not place: its nearest ancestor that is in force today,
        or that its own territory places. The ancestors' answers never depend on this unit
        (an unplaced child does not vote), so the fallback is the same in any order."""
        walked: set[int] = set()
        parent = by_id[uid].parent_id
        while parent is not None and parent in by_id and parent not in walked:
            walked.add(parent)
            found = province_of(parent)
            if found is not None or current(by_id[parent]):
                return found
            parent = by_id[parent].parent_id
        return None

    def placed(uid: int) -> int | None:
        own = province_of(uid)
        return own if own is not None or current(by_id[uid]) else upward(uid)

    def commune_of(uid: int, seen: frozenset[int] = frozenset()) -> int | None:
        if uid in commune_memo:
            return commune_memo[uid]
        u = by_id[uid]
        answer: int | None = None
        nexts = successors.get(uid, [])
        whole = nexts[0][0] if len(nexts) == 1 and not nexts[0][1] else None
        if u.level in COMMUNE_LEVELS and uid not in seen:
            if current(u):
                answer = uid
            elif whole is not None:
                answer = commune_of(whole, seen | {uid})
        elif u.level == Level.DISTRICT and whole is not None and not current(u):
            # Only a whole successor at commune level: a district has no commune otherwise.
            answer = (
                commune_of(whole, seen | {uid}) if by_id[whole].level in COMMUNE_LEVELS else None
            )
        commune_memo[uid] = answer
        return answer

    return {uid: (placed(uid), commune_of(uid)) for uid in by_id}
