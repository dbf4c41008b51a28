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
    """{unit id: (today's province id, today's commune id or None)}.

    Province: the unit's province at its own time, followed along succession to the province in
    force today. Commune: followed along succession only while each step has exactly one whole
    successor; a split commune (several successors, or only part of it passing on) has none, so
    its records are shown as the old commune and never counted twice. A district that passed
    whole to one commune-level unit (Lý Sơn to the special zone) rolls up to it like a commune.
    """
    by_id = {u.pk: u for u in units}
    successors: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for pred, succ, partial in links:
        successors[pred].append((succ, partial))

    def current(u: Any) -> bool:
        return (u.valid_from is None or u.valid_from <= today) and (
            u.valid_to is None or u.valid_to >= today
        )

    province_memo: dict[int, int | None] = {}
    commune_memo: dict[int, int | None] = {}

    def province_of(uid: int, seen: frozenset[int] = frozenset()) -> int | None:
        if uid in province_memo:
            return province_memo[uid]
        if uid in seen:  # a cycle in hand-entered succession data: stop rather than loop
            return None
        u = by_id[uid]
        seen = seen | {uid}
        answer: int | None
        if u.level != Level.PROVINCE and u.parent_id is not None:
            answer = province_of(u.parent_id, seen)
        elif u.level == Level.PROVINCE and current(u):
            answer = uid
        else:
            found = {province_of(s, seen) for s, _ in successors.get(uid, [])}
            found.discard(None)
            answer = found.pop() if len(found) == 1 else None
        province_memo[uid] = answer
        return answer

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

    return {uid: (province_of(uid), commune_of(uid)) for uid in by_id}
