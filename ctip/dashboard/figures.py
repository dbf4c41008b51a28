"""The figures of a dashboard, all from the indicator registry (one aggregate query per
indicator and breakdown, whatever the data size), with disclosure control
(ctip.indicators.disclosure) for figures about persons whose records the reader does not open: the
period is whole quarters, a value below the threshold (zero included) is withheld and its group
not listed, every other value is rounded to a multiple of the threshold, changes come from the
values shown, and a monthly series becomes quarterly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.dashboard.panels import Panel, Scope
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.indicators import disclosure
from ctip.indicators.queries import compute, compute_halves
from ctip.indicators.registry import REGISTRY

TOP = 15  # bars drawn per breakdown chart; its table lists every group


@dataclass(frozen=True)
class Period:
    unit: Unit
    start: date
    end: date
    grid: bool = False  # whole quarters (disclosure control): so is the previous period

    @property
    def previous(self) -> Period:
        """The period of the same length just before (as many whole quarters on the grid)."""
        if self.grid:
            start, end = disclosure.quarters_before(self.start, self.end)
            return Period(self.unit, start, end, grid=True)
        end = self.start - timedelta(days=1)
        return Period(self.unit, end - (self.end - self.start), end)


def _where(scope: Scope) -> dict[str, Any] | None:
    return {"agency": scope.agency_id} if scope.agency_id else None


def _compute(codes: list[str], scope: Scope, period: Period, **kw: Any) -> list[dict[str, Any]]:
    return compute(
        codes, unit=period.unit, start=period.start, end=period.end, where=_where(scope), **kw
    )


def headline(panel: Panel, scope: Scope, period: Period, limit: int) -> list[dict[str, Any]]:
    # The period and the one before, in one query per batch of indicators.
    earlier, current = compute_halves(
        list(panel.headline),
        unit=period.unit,
        start=period.previous.start,
        split=period.start,
        end=period.end,
        where=_where(scope),
    )
    now = {r["indicator"]: r for r in current}
    before = {r["indicator"]: r for r in earlier}
    cards = []
    for code in panel.headline:
        if code not in now:
            continue  # not broken down by agency: left out of an agency's dashboard
        indicator = REGISTRY[code]
        value: int | None = int(now[code]["value"] or 0)
        prev: int | None = int(before[code]["value"] or 0)
        if scope.controls(code):  # headlines too: a headline of 1 beside its rows names one
            value = disclosure.release_figure(indicator, value, limit)
            prev = disclosure.release_figure(indicator, prev, limit)
        cards.append(
            {
                "code": code,
                "label": str(indicator.label),
                "measure": str(indicator.measure),
                "value": value,
                "previous": prev,
                "change": disclosure.change(value, prev),
                "estimate": now[code]["estimate"],
            }
        )
    return cards


def months(start: date, end: date) -> list[str]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(f"{day:%Y-%m}")
        day = (day + timedelta(days=32)).replace(day=1)
    return out


def series(code: str, scope: Scope, period: Period, limit: int) -> dict[str, Any]:
    """Monthly values over the period (months without records show 0); quarterly when the
    figure is disclosure-controlled (the grid is whole quarters)."""
    found = {
        r["month"]["code"]: int(r["value"] or 0)
        for r in _compute([code], scope, period, by=("month",))
    }
    if scope.controls(code):
        by_quarter: dict[str, int] = {}
        for month, value in found.items():
            key = disclosure.quarter_key(date.fromisoformat(f"{month}-01"))
            by_quarter[key] = by_quarter.get(key, 0) + value
        rows = [
            {
                "key": disclosure.quarter_key(q),
                "name": disclosure.quarter_name(q),
                "value": by_quarter.get(disclosure.quarter_key(q), 0),
            }
            for q in disclosure.quarters(period.start, period.end)
        ]
        return _chart(code, "quarter", rows, scope, limit, kind="line")
    rows = [
        {"key": m, "name": f"{m[5:]}/{m[:4]}", "value": found.get(m, 0)}
        for m in months(period.start, period.end)
    ]
    return _chart(code, "month", rows, scope, limit, kind="line")


def breakdown(code: str, dim: str, scope: Scope, period: Period, limit: int) -> dict[str, Any]:
    level = "commune" if dim == "unit" and period.unit.level == Level.PROVINCE else None
    rows = [
        {"key": r[dim]["code"], "name": r[dim]["name"], "value": int(r["value"] or 0)}
        for r in _compute([code], scope, period, by=(dim,), level=level)
        if r["value"]
    ]
    return _chart(code, dim, rows, scope, limit, kind="bar")


def _chart(
    code: str, dim: str, rows: list[dict[str, Any]], scope: Scope, limit: int, *, kind: str
) -> dict[str, Any]:
    indicator = REGISTRY[code]
    controlled = scope.controls(code)
    if controlled:
        rows = release_rows(indicator, rows, limit, listed=kind == "line")
    if kind == "bar":
        # Sorted on the values shown: an order taken from exact values would rank two
        # groups both shown as 5.
        rows.sort(key=lambda r: (-r["value"], r["name"]))
    return {
        "code": code,
        "dimension": dim,
        "title": _("%(label)s theo %(dimension)s")
        % {"label": indicator.label, "dimension": DIMENSION_NAMES.get(dim, dim)},
        "measure": str(indicator.measure),
        "kind": kind,
        "rows": rows,
        "limit": limit,
        "controlled": controlled,
    }


def release_rows(
    indicator: Any, rows: list[dict[str, Any]], limit: int, *, listed: bool
) -> list[dict[str, Any]]:
    """The rows as a reader without the records sees them. `listed`: the groups are a fixed
    list (the months or quarters of the period) and stay, withheld ones as None; otherwise a
    withheld group is left out, so that its presence does not say it has records."""
    out = []
    for r in rows:
        value = disclosure.release_figure(indicator, r["value"], limit)
        if value is not None or listed:
            out.append({**r, "value": value})
    return out


DIMENSION_NAMES: dict[str, Any] = {
    "month": _l("tháng"),
    "quarter": _l("quý"),
    "agency": _l("cơ quan"),
    "unit": _l("địa bàn"),
    "target_group": _l("đối tượng"),
    "exploitation_form": _l("hình thức bóc lột"),
    "destination": _l("nước đến"),
    "platform": _l("nền tảng tuyển mộ"),
    "sex": _l("giới tính"),
    "age_band": _l("nhóm tuổi"),
    "watch_category": _l("nhóm theo dõi"),
    "counterpart_country": _l("nước đối tác"),
    "cooperation_kind": _l("hình thức hợp tác"),
}


def _specs(panel: Panel, scope: Scope, period: Period) -> list[tuple[str, str]]:
    """(indicator, dimension) of each chart the panel draws for this scope and territory; a
    commune has no breakdown by unit."""
    specs = [(panel.series, "month")]
    for code, dim in panel.breakdowns:
        below = dim == "unit" and period.unit.level in COMMUNE_LEVELS
        if _supports(code, dim, scope) and not below:
            specs.append((code, dim))
    return specs


def _chart_for(spec: tuple[str, str], scope: Scope, period: Period, limit: int) -> dict:
    code, dim = spec
    if dim == "month":
        return series(code, scope, period, limit)
    return breakdown(code, dim, scope, period, limit)


def panel_data(panel: Panel, scope: Scope, period: Period, limit: int) -> dict[str, Any]:
    """`limit`: the disclosure threshold in force today (read once for the page)."""
    charts = []
    for n, spec in enumerate(_specs(panel, scope, period)):
        charts.append({**_chart_for(spec, scope, period, limit), "key": f"{panel.code}-{n}"})
    return {"panel": panel, "cards": headline(panel, scope, period, limit), "charts": charts}


def panel_chart(panel: Panel, key: str, scope: Scope, period: Period) -> dict[str, Any] | None:
    """One chart of a panel (a download): only its own query runs."""
    specs = _specs(panel, scope, period)
    n = key.rsplit("-", 1)[-1]
    if not n.isdigit() or int(n) >= len(specs):
        return None
    limit = disclosure.current_threshold()
    return {**_chart_for(specs[int(n)], scope, period, limit), "key": key}


def _supports(code: str, dim: str, scope: Scope) -> bool:
    dims = REGISTRY[code].dimensions
    return dim in dims and (scope.agency_id is None or "agency" in dims)
