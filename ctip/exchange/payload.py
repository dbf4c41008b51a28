"""What a province pushes: every additive indicator of the registry for the province and a whole
period, through the disclosure rule as the REST API gives them (ctip.api.figures: a reader who
opens no record), each with its definition. Figures only: the payload is built from the
indicator rows' code, label, unit and released value, never from a record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ctip.exchange.signing import canonical, digest
from ctip.geo.models import Unit
from ctip.indicators import disclosure
from ctip.indicators.public import indicator_rows, resolve_unit
from ctip.indicators.registry import REGISTRY, Indicator, IndicatorError

FORMAT = "ctip-push/1"
PERIOD = re.compile(r"^(?P<year>\d{4})(?:-Q(?P<quarter>[1-4]))?$")
EXACT, ROUNDED, WITHHELD = "exact", "rounded", "withheld"


@dataclass(frozen=True)
class Period:
    code: str
    start: date
    end: date


def parse_period(text: str) -> Period:
    """A year ("2025") or a quarter ("2025-Q3"): whole quarters, the grid of the disclosure rule."""
    match = PERIOD.match(text.strip())
    if match is None or not 2000 <= int(match["year"]) <= 2100:
        raise IndicatorError(
            _("Kỳ không hợp lệ: %(text)s (dùng 2025 hoặc 2025-Q3)") % {"text": text[:20]}
        )
    year = int(match["year"])
    if match["quarter"]:
        first = date(year, 3 * int(match["quarter"]) - 2, 1)
        return Period(match.group(0), first, disclosure.quarter_end(first))
    return Period(match.group(0), date(year, 1, 1), date(year, 12, 31))


def pushed_indicators() -> list[Indicator]:
    """Additive indicators only: the national level adds provinces up, and an average of
    provinces' averages would be wrong."""
    return [ind for ind in REGISTRY.values() if ind.additive]


def definition(indicator: Indicator) -> dict[str, Any]:
    """What makes a figure what it is: a change here is a new definition hash, so the national
    level never adds up figures computed under two definitions without knowing it."""
    value = indicator.value()
    return {
        "code": indicator.code,
        "kind": indicator.kind,
        "records": disclosure.register_of(indicator),
        "value": repr(value),
        "date_field": indicator.date_field,
        "unit_field": indicator.unit_field,
        "agency_field": indicator.agency_field or "",
        "estimate_field": indicator.estimate_field or "",
        "persons": indicator.persons,
        "attendance": indicator.attendance,
        "filters": str(indicator.filters),
        "standing_on": getattr(indicator.standing_on, "__qualname__", ""),
    }


def definition_hash(indicator: Indicator) -> str:
    return digest(canonical(definition(indicator)))[:16]


def province_unit(code: str, day: date) -> Unit:
    return resolve_unit(code, day)


def build(*, province_code: str, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """The payload of a push (a dict; `canonical` makes its bytes)."""
    province = province_unit(province_code, period.end)
    indicators = pushed_indicators()
    limit = disclosure.current_threshold()
    rows = indicator_rows(
        indicators=[ind.code for ind in indicators],
        unit=province,
        start=period.start,
        end=period.end,
        by=[],
        public=True,
    )
    with translation.override("vi"):
        figures = [_figure(row) for row in rows]
    figures.sort(key=lambda f: f["indicator"])
    content = {
        "province": {"code": str(province.code), "name": province.name},
        "period": {
            "code": period.code,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "threshold": limit,
        "figures": figures,
    }
    return {
        **content,
        "format": FORMAT,
        "content_hash": digest(canonical(content)),
        "computed_at": (now or timezone.now()).isoformat(),
    }


def push_id(payload: dict[str, Any]) -> str:
    """The idempotency id: the province, the period and the hash of the figures."""
    return f"{payload['province']['code']}/{payload['period']['code']}/{payload['content_hash']}"


def _figure(row: dict[str, Any]) -> dict[str, Any]:
    indicator = REGISTRY[row["indicator"]]
    controlled = disclosure.controlled(indicator, frozenset())
    value = row["value"]
    shown = (WITHHELD if value is None else ROUNDED) if controlled else EXACT
    return {
        "indicator": indicator.code,
        "label": str(indicator.label),
        "unit": str(indicator.measure),
        "kind": indicator.kind,
        "definition": definition_hash(indicator),
        "disclosure": shown,
        "value": _number(value),
        "estimate": bool(row.get("estimate", False)),
    }


def _number(value: Any) -> int | str | None:
    """Integers as JSON numbers; anything else as its exact decimal text (no float rounding)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else str(number)
