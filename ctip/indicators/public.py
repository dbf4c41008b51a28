"""The query language of `ctip indicators`, shared by the command and the REST API (issue 26):
a unit named by GSO code or name, a period, indicator codes, breakdowns, a level, how agency
groups are named, and figures as a reader without the records sees them (`public=True`, the
rule of ctip.indicators.disclosure: whole quarters, small values withheld, others rounded).

Every problem is an `IndicatorError` with a Vietnamese message: the command turns it into a
CommandError, the API into a 400 answer."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_DATE, MIN_DATE
from ctip.geo.models import Unit
from ctip.geo.selectors import UnitNotFound, unit_named
from ctip.indicators import disclosure
from ctip.indicators.naming import agency_rows_named_at
from ctip.indicators.queries import compute
from ctip.indicators.registry import DIMENSIONS, REGISTRY, IndicatorError

PERIOD_END, TODAY = "period-end", "today"
NAMES = (PERIOD_END, TODAY)
LEVELS = ("province", "district", "commune")
# A unit's GSO code has at most 5 digits; anything longer names no unit (and a number of
# thousands of digits would cost time before the database refuses it).
MAX_CODE_DIGITS = 9


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date within ctip's bounds."""
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise IndicatorError(
            _("Ngày không hợp lệ: %(text)s (dùng YYYY-MM-DD)") % {"text": repr(text)}
        ) from exc
    return check_day(day)


def check_day(day: date) -> date:
    if not MIN_DATE <= day <= MAX_DATE:
        raise IndicatorError(
            _("Ngày phải trong khoảng %(min)s – %(max)s.")
            % {"min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"}
        )
    return day


def resolve_unit(text: str, day: date) -> Unit:
    """A province's GSO code or a unit's name, as it stood on `day` (the period's end)."""
    text = text.strip()
    if not text or (text.isdigit() and len(text) > MAX_CODE_DIGITS):
        raise IndicatorError(
            _("Không có đơn vị %(name)s vào ngày %(day)s.")
            % {"name": text[:40], "day": f"{day:%d/%m/%Y}"}
        )
    try:
        return unit_named(text, day)
    except UnitNotFound as exc:
        raise IndicatorError(str(exc)) from exc


def check_codes(indicators: list[str], by: list[str]) -> None:
    """Every indicator code and dimension named exists."""
    unknown = [c for c in indicators if c not in REGISTRY]
    unknown += [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise IndicatorError(
            _("Không có chỉ tiêu hoặc chiều phân tổ: %(codes)s") % {"codes": ", ".join(unknown)}
        )


def public_period(start: date, end: date, by: list[str]) -> tuple[date, date]:
    """The period as a reader without the records gets it: whole quarters, never months."""
    if "month" in by:
        raise IndicatorError(
            _(
                "Với --public, số liệu về người chỉ tính theo quý trọn vẹn: "
                "dùng --by quarter hoặc --by year."
            )
        )
    return disclosure.snap(start, end)


def indicator_rows(
    *,
    indicators: list[str],
    unit: Unit,
    start: date,
    end: date,
    by: list[str],
    level: str | None = None,
    names: str = PERIOD_END,
    public: bool = False,
    where: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The rows of `ctip indicators` (ctip.indicators.queries.compute), agency groups named as
    `names` says; with `public`, through the disclosure rule (the period must already be
    snapped: `public_period`), each row carrying its period."""
    if start > end:
        raise IndicatorError(_("Ngày bắt đầu sau ngày kết thúc."))
    rows = compute(
        indicators or None, unit=unit, start=start, end=end, by=tuple(by), level=level, where=where
    )
    if "agency" in by and names == PERIOD_END:
        rows = agency_rows_named_at(rows, unit=unit, day=end)
    if public:
        rows = public_rows(rows, grouped=bool(by), limit=disclosure.current_threshold())
        for row in rows:
            row.update(start=start.isoformat(), end=end.isoformat())
    return rows


def public_rows(rows: list[dict], *, grouped: bool, limit: int) -> list[dict]:
    """The rows through ctip.indicators.disclosure for a reader who opens no record."""
    out = []
    for row in rows:
        indicator = REGISTRY[row["indicator"]]
        if disclosure.controlled(indicator, frozenset()):
            value = disclosure.release_figure(indicator, row["value"], limit)
            if value is None and grouped:
                continue  # a group listed for a withheld value would say it has records
            row = {**row, "value": value, "withheld": value is None}
        out.append(row)
    return out
