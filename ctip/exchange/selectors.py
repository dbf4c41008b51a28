"""The national page's figures: for a period, every province's completeness (indicators
received out of those the national registry pushes) and timeliness (received when, against the
deadline rule `exchange.push_deadline`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from ctip.exchange.models import ReceivedFigure, ReceivedPush
from ctip.exchange.payload import Period, definition_hash, pushed_indicators
from ctip.geo.models import Level, Unit
from ctip.rules.selectors import RuleMissing, deadline

DEADLINE_RULE = "exchange.push_deadline"


@dataclass(frozen=True)
class ProvinceStatus:
    code: str
    name: str
    received_at: datetime | None
    version: int | None
    figures: int
    expected: int
    missing: list[str]
    redefined: list[str]
    late_days: int | None  # None: not received, or no deadline rule

    @property
    def complete(self) -> bool:
        return self.received_at is not None and not self.missing

    @property
    def percent(self) -> float:
        return 100 * self.figures / self.expected if self.expected else 0.0


def period_deadline(period: Period) -> date | None:
    try:
        return deadline(DEADLINE_RULE, event_day=period.end)
    except RuleMissing:
        return None


def national_status(period: Period) -> list[ProvinceStatus]:
    """One row per province standing at the period's end, and per province that pushed though
    the national unit list does not hold it (a code must never vanish from the page)."""
    expected = {ind.code: definition_hash(ind) for ind in pushed_indicators()}
    due = period_deadline(period)
    pushes = {
        p.province_code: p
        for p in ReceivedPush.objects.filter(period=period.code, current=True).annotate(
            n=Count("figures", filter=Q(figures__indicator__in=list(expected)))
        )
    }
    received: dict[str, dict[str, str]] = {}
    for province, indicator, definition in ReceivedFigure.objects.filter(
        period=period.code
    ).values_list("province_code", "indicator", "definition"):
        received.setdefault(province, {})[indicator] = definition
    names = {
        str(code): name
        for code, name in Unit.objects.valid_on(period.end)
        .filter(level=Level.PROVINCE)
        .values_list("code", "name")
    }
    for code, found in pushes.items():
        names.setdefault(code, found.province_name)
    rows = []
    for code, name in sorted(names.items(), key=lambda item: int(item[0])):
        push = pushes.get(code)
        got = received.get(code, {})
        rows.append(
            ProvinceStatus(
                code=code,
                name=name,
                received_at=push.received_at if push else None,
                version=push.version if push else None,
                figures=push.n if push else 0,
                expected=len(expected),
                missing=sorted(c for c in expected if c not in got) if push else sorted(expected),
                redefined=sorted(c for c, h in got.items() if c in expected and expected[c] != h),
                late_days=_late(push.received_at, due) if push and due else None,
            )
        )
    return rows


def _late(received_at: datetime, due: date) -> int:
    """Days after the deadline (0: on time), in the national ctip's time zone."""
    return max(0, (timezone.localtime(received_at).date() - due).days)


def summary(rows: list[ProvinceStatus]) -> dict[str, Any]:
    received = [r for r in rows if r.received_at is not None]
    return {
        "provinces": len(rows),
        "received": len(received),
        "complete": sum(r.complete for r in rows),
        "on_time": sum(r.late_days == 0 for r in received),
    }
