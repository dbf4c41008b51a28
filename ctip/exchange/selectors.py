"""The national page's figures: for a period, every province's completeness (indicators
received out of those the national registry pushes) and timeliness (the period's first version
received when, against the deadline rule `exchange.push_deadline`); who may read them (a
national user); and the province side's own outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from ctip.accounts.scope import territories_granting
from ctip.core.permissions import P
from ctip.exchange.models import Outbox, ReceivedFigure, ReceivedPush
from ctip.exchange.payload import Period, definition_hash, pushed_indicators
from ctip.exchange.sending import may_push, own_province
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
    # Days after the deadline of the period's FIRST version (a correction pushed after the
    # deadline does not make a province that sent on time late); None: not received, or no
    # deadline rule.
    late_days: int | None

    @property
    def complete(self) -> bool:
        return self.received_at is not None and not self.missing

    @property
    def percent(self) -> float:
        return 100 * self.figures / self.expected if self.expected else 0.0


def is_national(user: Any) -> bool:
    """A user who reads aggregates over the whole country: a territory role (leader, standing
    office) assigned to the country unit (ADR 0016). Only the country's own unit covers the
    country (a unit's cover runs downwards), so its level is the whole test (a role scoped by
    agency counts through its agency's unit). No query: the assignments are read once per
    request."""
    territories = territories_granting(user, P.VIEW_AGGREGATES)
    return any(t.level == Level.COUNTRY for t in territories)


def is_sender() -> bool:
    """This instance pushes its province's figures to a national ctip."""
    return bool(settings.CTIP_PUSH_URL)


def outbox_sent(user: Any) -> QuerySet[Outbox]:
    """This instance's pushes, newest first, for a user who compiles the province's reports
    (`may_push`); the signed body (kilobytes of figures) is not read: the page shows a push's
    state, not its figures. The province is the unit the setting names, so "051" or a name
    finds the rows push_queue stored under the unit's code."""
    province = own_province()
    if province is None or not may_push(user, province):
        return Outbox.objects.none()
    return (
        Outbox.objects.filter(province_code=str(province.code))
        .defer("body", "url")
        .order_by("-created_at", "-pk")
    )


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
    first = dict(
        ReceivedPush.objects.filter(period=period.code)
        .values("province_code")
        .annotate(first=Min("received_at"))
        .values_list("province_code", "first")
        .order_by()
    )
    names = province_names(period, {code: p.province_name for code, p in pushes.items()})
    rows = []
    for code, name in names.items():
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
                late_days=_late(first[code], due) if push and due else None,
            )
        )
    return rows


def province_names(period: Period, pushed: dict[str, str]) -> dict[str, str]:
    """{GSO code: name} of every province standing at the period's end, and of every province
    in `pushed` ({code: name as pushed}) that the unit list does not hold, in code order: a
    code that pushed must never vanish from a national page. One query."""
    names = {
        str(code): name
        for code, name in Unit.objects.valid_on(period.end)
        .filter(level=Level.PROVINCE)
        .values_list("code", "name")
    }
    for code, name in pushed.items():
        names.setdefault(code, name)
    return dict(sorted(names.items(), key=lambda item: int(item[0])))


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
