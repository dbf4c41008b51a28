"""Computed panels kept between pages (issue 27), keyed so that they are never read stale.

A panel's key holds everything its figures depend on: the panel, the territory (its unit), the
period and the day figures run to, the agency an agency role's figures are narrowed to, the
registers the reader opens (disclosure control: a leader and a case worker see different
figures, so they never share an entry), the disclosure threshold, the language, and the
versions of the panel's sources at that unit and everywhere (ctip.dashboard.versions), which
every unit of work bumps inside its transaction, and the database's epoch, drawn anew when
records may have changed unseen or a restore brought older versions back. The versions and the
epoch are read once per page (one query); a hit costs no other query. Rates per 1,000
inhabitants are worked out on every page from the cached headlines and the population read for
the page."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from ctip.dashboard import versions
from ctip.dashboard.figures import Period
from ctip.dashboard.panels import Panel, Scope, panel_codes
from ctip.indicators.registry import REGISTRY

SHARED = versions.SHARED
# The outreach-versus-risk page, cached like a panel.
RISK_SOURCES = ("prevention", "victims", "enforcement", *SHARED)


def enabled() -> bool:
    return bool(getattr(settings, "CTIP_PANEL_CACHE", True))


def _epoch_drawn(found: dict[tuple[str, int], int]) -> bool:
    """Without an epoch (a database emptied by `flush`, or older than the epoch) versions could
    count up again to numbers an entry was cached under: nothing is cached or read until
    `ctip migrate`, `ctip rollups` or a restore draws one."""
    return (versions.EPOCH, versions.EVERYWHERE) in found


@functools.cache
def panel_sources(panel: Panel) -> tuple[str, ...]:
    """The apps whose tables the panel's figures read."""
    found = {REGISTRY[code].records().model._meta.app_label for code in panel_codes(panel)}
    return tuple(sorted(found | set(SHARED)))


def _key(
    name: str,
    sources: tuple[str, ...],
    found: dict[tuple[str, int], int],
    scope: Scope,
    period: Period,
    limit: int,
) -> str:
    unit = period.unit.pk
    parts = (
        name,
        unit,
        period.start,
        period.end,
        period.grid,
        period.today,
        scope.agency_id,
        tuple(sorted(scope.readable)),
        limit,
        translation.get_language(),
        found.get((versions.EPOCH, versions.EVERYWHERE)),
        tuple(
            (s, found.get((s, unit), 0), found.get((s, versions.EVERYWHERE), 0)) for s in sources
        ),
    )
    return "panel:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def sections(
    scope: Scope,
    period: Period,
    limit: int,
    shown: Any,
    compute: Callable[[list[Panel]], list[dict[str, Any]]],
    render: Callable[[Panel, dict[str, Any]], str],
) -> list[str]:
    """Each panel's section of the page, as HTML: from the cache; else rendered (`render(panel,
    data)`) from its cached data; else from `compute(the panels not cached)`. `shown`: what
    else the HTML depends on (the query string of its links, the population of its rates)."""
    if not enabled():
        return [
            render(p, d) for p, d in zip(scope.panels, compute(list(scope.panels)), strict=True)
        ]
    sources = {p.code: panel_sources(p) for p in scope.panels}
    found = versions.read({s for v in sources.values() for s in v}, period.unit.pk)
    if not _epoch_drawn(found):
        return [
            render(p, d) for p, d in zip(scope.panels, compute(list(scope.panels)), strict=True)
        ]
    keys = {
        p.code: _key(p.code, sources[p.code], found, scope, period, limit) for p in scope.panels
    }
    suffix = ":html:" + hashlib.sha256(repr(shown).encode()).hexdigest()
    pages = {p.code: keys[p.code] + suffix for p in scope.panels}
    cache = caches["panels"]
    hits = cache.get_many(list(pages.values()))
    missing = [p for p in scope.panels if pages[p.code] not in hits]
    if missing:
        data = cache.get_many([keys[p.code] for p in missing])
        absent = [p for p in missing if keys[p.code] not in data]
        if absent:
            computed = {keys[p.code]: d for p, d in zip(absent, compute(absent), strict=True)}
            cache.set_many(computed)
            data.update(computed)
        rendered = {pages[p.code]: render(p, data[keys[p.code]]) for p in missing}
        cache.set_many(rendered)
        hits.update(rendered)
    return [hits[pages[p.code]] for p in scope.panels]


def cached(
    name: str,
    sources: tuple[str, ...],
    scope: Scope,
    period: Period,
    limit: int,
    compute: Callable[[], Any],
) -> Any:
    """One cached value (the risk page's rows) under the same keys as a panel."""
    if not enabled():
        return compute()
    found = versions.read(sources, period.unit.pk)
    if not _epoch_drawn(found):
        return compute()
    key = _key(name, sources, found, scope, period, limit)
    cache = caches["panels"]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value
