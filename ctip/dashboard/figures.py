"""The figures of a dashboard, all from the indicator registry (aggregates in SQL, a page's
panels read together by `panels_data`: the same queries whatever the data size), with
disclosure control (ctip.indicators.disclosure) for figures about persons whose records the
reader does not open: the period is whole quarters, a value below the threshold (zero included)
is withheld and its group not listed, every other value is rounded to a multiple of the
threshold, changes come from the values shown, and a monthly series becomes quarterly.

Comparison: the same period a year earlier ("Cùng kỳ năm trước", `year_earlier`). A month or
quarter not yet ended at `today()` is marked partial (its figures run to today), one not yet
begun is not plotted; a chart whose every value is withheld by the rule is not drawn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.dashboard.panels import Panel, Scope
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.indicators import disclosure
from ctip.indicators.queries import Ask, compute, compute_many
from ctip.indicators.registry import REGISTRY
from ctip.prevention.population import PopulationFigure, per_thousand

TOP = 15  # bars drawn per breakdown chart; its table lists every group


def today() -> date:
    """The day figures are read up to (the server's time zone); tests freeze it here."""
    return timezone.localdate()


def _last_of_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _a_year_before(day: date, *, month_end: bool) -> date:
    if month_end and day == _last_of_month(day):
        return _last_of_month(date(day.year - 1, day.month, 1))
    if (day.month, day.day) == (2, 29):  # no 29 February a year earlier
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def year_earlier(start: date, end: date) -> tuple[date, date]:
    """The same period a year earlier. A period of whole months (starting on a 1st and ending on
    a month's last day) gives the same whole months: 01/01-29/02/2024 gives 01/01-28/02/2023 and
    01/01-28/02/2025 gives 01/01-29/02/2024; otherwise the same days, 29 February becoming 28."""
    return (
        _a_year_before(start, month_end=False),
        _a_year_before(end, month_end=start.day == 1),
    )


@dataclass(frozen=True)
class Period:
    unit: Unit
    start: date
    end: date
    grid: bool = False  # whole quarters (disclosure control): so is the previous period
    today: date | None = None  # the day figures run to (None: the period has ended)

    @property
    def running(self) -> bool:
        """Not yet ended at `today`: its figures run to today."""
        return self.today is not None and self.start <= self.today < self.end

    @property
    def compared(self) -> Period | None:
        """The part of the period that is compared with a year earlier. A running period runs to
        today, so it is compared up to the same day a year earlier. On the grid (disclosure
        control) a running quarter would face a whole quarter a year earlier, so a running
        period is compared only up to the end of its last ended quarter; None when none of its
        quarters has ended yet (nothing comparable)."""
        if not self.running or self.today is None:
            return self
        if not self.grid:
            return Period(self.unit, self.start, self.today, today=self.today)
        end = disclosure.quarter_start(self.today) - timedelta(days=1)
        if end < self.start:
            return None
        return Period(self.unit, self.start, end, grid=True)

    @property
    def partly_compared(self) -> bool:
        """Only part of the period's figures (its ended quarters) are compared."""
        compared = self.compared
        return compared is None or (self.grid and compared.end != self.end)

    @property
    def previous(self) -> Period | None:
        """The same period a year earlier ("Cùng kỳ năm trước") as `compared`."""
        compared = self.compared
        if compared is None:
            return None
        start, end = year_earlier(compared.start, compared.end)
        return Period(self.unit, start, end, grid=self.grid)


def _where(scope: Scope) -> dict[str, Any] | None:
    return {"agency": scope.agency_id} if scope.agency_id else None


# How a figure is read: `read(codes, scope, period, by=..., level=...)` gives `compute`'s rows.
# `_compute` asks the database; a whole page reads through `panels_data`, which first notes
# what its panels ask and then reads it all at once (`compute_many`).
Read = Callable[..., list[dict[str, Any]]]


def _compute(codes: list[str], scope: Scope, period: Period, **kw: Any) -> list[dict[str, Any]]:
    return compute(
        codes, unit=period.unit, start=period.start, end=period.end, where=_where(scope), **kw
    )


def headline(
    panel: Panel, scope: Scope, period: Period, limit: int, read: Read = _compute
) -> list[dict[str, Any]]:
    if not panel.headline:  # none counts for the agency's kind (panels.narrowed); and
        return []  # `compute` asked for no codes would compute every indicator
    # The period and the same period a year earlier: one query per batch of indicators each
    # (two periods that do not adjoin cannot share compute_halves' one scan).
    current = read(list(panel.headline), scope, period)
    now = {r["indicator"]: r for r in current}
    before, base = _comparison(panel, scope, period, now, read)
    cards = []
    for code in panel.headline:
        if code not in now:
            continue  # not broken down by agency: left out of an agency's dashboard
        indicator = REGISTRY[code]
        comparable = code in before
        value: int | None = int(now[code]["value"] or 0)
        compared: int | None = int(base[code]["value"] or 0) if comparable else None
        prev: int | None = int(before[code]["value"] or 0) if comparable else None
        if scope.controls(code):  # headlines too: a headline of 1 beside its rows names one
            value = disclosure.release_figure(indicator, value, limit)
            if comparable:
                compared = disclosure.release_figure(indicator, compared, limit)
                prev = disclosure.release_figure(indicator, prev, limit)
        cards.append(
            {
                "code": code,
                "label": str(indicator.label),
                "measure": str(indicator.measure),
                "value": value,
                # What is compared, when only part of the period is (its ended quarters).
                "comparable": comparable,
                "compared": compared,
                "previous": prev,
                "change": disclosure.change(compared, prev) if comparable else None,
                "estimate": now[code]["estimate"],
            }
        )
    return cards


def _comparison(
    panel: Panel,
    scope: Scope,
    period: Period,
    now: dict[str, dict[str, Any]],
    read: Read = _compute,
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The headlines a year earlier and the values they are compared with: the period's own, or
    (a running period on the grid) those of its ended quarters, one more query; none when no
    quarter of it has ended."""
    compared, previous = period.compared, period.previous
    if compared is None or previous is None:
        return {}, {}
    earlier = read(list(panel.headline), scope, previous)
    before = {r["indicator"]: r for r in earlier}
    if not period.partly_compared:
        return before, now
    base = {r["indicator"]: r for r in read(list(panel.headline), scope, compared)}
    return before, base


def months(start: date, end: date) -> list[str]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(f"{day:%Y-%m}")
        day = (day + timedelta(days=32)).replace(day=1)
    return out


def series(
    code: str, scope: Scope, period: Period, limit: int, read: Read = _compute
) -> dict[str, Any]:
    """Monthly values over the period (months without records show 0); quarterly when the
    figure is disclosure-controlled (the grid is whole quarters). A month or quarter not yet
    ended at the period's `today` is marked partial, one not yet begun is not plotted."""
    found = {
        r["month"]["code"]: int(r["value"] or 0) for r in read([code], scope, period, by=("month",))
    }
    if scope.controls(code):
        by_quarter: dict[str, int] = {}
        for month, value in found.items():
            key = disclosure.quarter_key(date.fromisoformat(f"{month}-01"))
            by_quarter[key] = by_quarter.get(key, 0) + value
        quarters = disclosure.quarters(period.start, period.end)
        rows = [
            {
                "key": disclosure.quarter_key(q),
                "name": disclosure.quarter_name(q),
                "value": by_quarter.get(disclosure.quarter_key(q), 0),
            }
            for q in quarters
        ]
        bounds = [(q, disclosure.quarter_end(q), disclosure.quarter_name(q)) for q in quarters]
        chart = _chart(code, "quarter", rows, scope, limit, kind="line")
    else:
        rows = [
            {"key": m, "name": f"{m[5:]}/{m[:4]}", "value": found.get(m, 0)}
            for m in months(period.start, period.end)
        ]
        bounds = []
        for row in rows:
            first = date.fromisoformat(f"{row['key']}-01")
            bounds.append(
                (first, _last_of_month(first), _("tháng %(month)s") % {"month": row["name"]})
            )
        chart = _chart(code, "month", rows, scope, limit, kind="line")
    if period.today is not None:
        _mark_running(chart, bounds, period.today)
    return chart


def _mark_running(chart: dict[str, Any], bounds: list[tuple[date, date, str]], day: date) -> None:
    """A month or quarter running at `day` is partial (drawn dashed, its table row and a note
    under the chart say the figures run to `day`): a running December is not a December of 0.
    One not yet begun has no value (not plotted; its row says so)."""
    for row, (first, last, name) in zip(chart["rows"], bounds, strict=True):
        if first > day:
            row.update(value=None, future=True, note=_("chưa đến"))
        elif last > day:
            to = f"{day:%d/%m/%Y}"
            row.update(partial=True, note=_("chưa kết thúc, số liệu đến %(day)s") % {"day": to})
            chart["partial_note"] = _("%(name)s chưa kết thúc: số liệu đến %(day)s.") % {
                "name": name[:1].upper() + name[1:],
                "day": to,
            }


# A province's breakdown by territory: today's communes, read from the rollup cells kept at
# that level. The country's (ADR 0016, issue 27): today's provinces, where each record counts
# in exactly one (rollup_province); records placed in no province (an old unit whose territory
# went to several) make one row of their own, so that the rows still add up to the national
# figure.
_BY_COMMUNE = (Level.PROVINCE,)
UNPLACED = _l("Không xác định được tỉnh (chỉ tính ở cấp toàn quốc)")


def unit_level(unit: Unit) -> str | None:
    """The level a breakdown "by unit" of `unit`'s figures groups by (None: the records' own
    units)."""
    if unit.level == Level.COUNTRY:
        return Level.PROVINCE
    return "commune" if unit.level in _BY_COMMUNE else None


def breakdown(
    code: str, dim: str, scope: Scope, period: Period, limit: int, read: Read = _compute
) -> dict[str, Any]:
    level = unit_level(period.unit) if dim == "unit" else None
    by_province = level == Level.PROVINCE
    rows = [
        {
            "key": r[dim]["code"],
            "name": r[dim]["name"] if r[dim]["code"] or not by_province else str(UNPLACED),
            "value": int(r["value"] or 0),
        }
        for r in read([code], scope, period, by=(dim,), level=level)
        if r["value"]
    ]
    name = _("tỉnh, thành phố") if by_province else None
    return _chart(code, dim, rows, scope, limit, kind="bar", dimension_name=name)


def _chart(
    code: str,
    dim: str,
    rows: list[dict[str, Any]],
    scope: Scope,
    limit: int,
    *,
    kind: str,
    dimension_name: str | None = None,
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
        # A breakdown by unit names what its rows are (the country's: provinces).
        "dimension_name": str(dimension_name or DIMENSION_NAMES.get(dim, "")),
        "title": _("%(label)s theo %(dimension)s")
        % {"label": indicator.label, "dimension": dimension_name or DIMENSION_NAMES.get(dim, dim)},
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
    commune has no breakdown by unit; an agency's panel may have no series (panels.narrowed)."""
    specs = [(panel.series, "month")] if panel.series else []
    for code, dim in panel.breakdowns:
        below = dim == "unit" and period.unit.level in COMMUNE_LEVELS
        if _supports(code, dim, scope) and not below:
            specs.append((code, dim))
    return specs


def _chart_for(
    spec: tuple[str, str], scope: Scope, period: Period, limit: int, read: Read = _compute
) -> dict:
    code, dim = spec
    if dim == "month":
        return series(code, scope, period, limit, read)
    return breakdown(code, dim, scope, period, limit, read)


def withheld(chart: dict[str, Any]) -> bool:
    """Every value of a disclosure-controlled chart withheld: nothing to draw (not even a box)."""
    shown = [r for r in chart["rows"] if not r.get("future")]
    if not chart["controlled"] or (chart["rows"] and not shown):  # a period still to come
        return False
    return all(r["value"] is None for r in shown)


def panel_data(
    panel: Panel,
    scope: Scope,
    period: Period,
    limit: int,
    population: PopulationFigure | None = None,
    read: Read = _compute,
) -> dict[str, Any]:
    """`limit`: the disclosure threshold in force today (read once for the page);
    `population`: the inhabitants of the period's territory (read once for the page), for the
    panel's rates per 1,000 inhabitants. Its figures are read panel by panel: a page reads its
    panels' together (`panels_data`)."""
    charts = []
    for n, spec in enumerate(_specs(panel, scope, period)):
        charts.append({**_chart_for(spec, scope, period, limit, read), "key": f"{panel.code}-{n}"})
    for chart in charts:
        chart["withheld"] = withheld(chart)  # not drawn (no empty box); counted in a note
    cards = headline(panel, scope, period, limit, read)
    return {
        "panel": panel,
        "cards": cards,
        "rates": rates(panel, cards, population),
        "charts": charts,
        "withheld": sum(1 for c in charts if c["withheld"]),
    }


def panels_data(
    panels: list[Panel],
    scope: Scope,
    period: Period,
    limit: int,
    population: PopulationFigure | None = None,
) -> list[dict[str, Any]]:
    """`panel_data` of each panel, the same data, read together (issue 27: a page's queries
    bounded by a small constant): the panels are first built over no rows while noting what
    they ask, the asks of the same period and breakdown are joined into one (`compute` reads
    the indicators sharing a scan together), `compute_many` reads them all at once, and the
    panels are built again over the rows found."""
    asked: list[Ask] = []

    def note(codes: list[str], _scope: Scope, p: Period, **kw: Any) -> list[dict[str, Any]]:
        asked.append(_ask(codes, p, **kw))
        return []

    for panel in panels:
        panel_data(panel, scope, period, limit, population, note)
    by_code = _read_together(asked, scope, period)

    def found(codes: list[str], _scope: Scope, p: Period, **kw: Any) -> list[dict[str, Any]]:
        rows = by_code.get(_ask((), p, **kw))
        if rows is None:  # an ask the first pass did not make (rows it had not seen): read it
            return _compute(codes, _scope, p, **kw)
        return [dict(row) for code in codes for row in rows.get(code, [])]

    return [panel_data(panel, scope, period, limit, population, found) for panel in panels]


def _read_together(
    asked: list[Ask], scope: Scope, period: Period
) -> dict[Ask, dict[str, list[dict[str, Any]]]]:
    """The rows of each ask (keyed without its codes) by indicator, the asks of one period and
    breakdown joined into one."""
    joined: dict[Ask, list[str]] = {}
    for ask in asked:
        codes = joined.setdefault(replace(ask, codes=()), [])
        codes += [c for c in ask.codes if c not in codes]
    keys = list(joined)
    asks = [replace(k, codes=tuple(joined[k])) for k in keys]
    by_code: dict[Ask, dict[str, list[dict[str, Any]]]] = {k: {} for k in keys}
    found = compute_many(asks, unit=period.unit, where=_where(scope))
    for key, rows in zip(keys, found, strict=True):
        for row in rows:
            by_code[key].setdefault(row["indicator"], []).append(row)
    return by_code


def _ask(codes: Any, period: Period, by: tuple[str, ...] = (), level: str | None = None) -> Ask:
    return Ask(tuple(codes), period.start, period.end, by, level)


def rates(
    panel: Panel, cards: list[dict[str, Any]], population: PopulationFigure | None
) -> list[dict[str, Any]]:
    """The panel's figures per 1,000 inhabitants (`per_thousand`, from the values shown), with
    the population's year and source; "synthetic" when the population is not a real one."""
    out = []
    values = {c["code"]: c for c in cards}
    for code in panel.rates:
        if code not in values:
            continue
        card = values[code]
        value = card["value"]
        out.append(
            {
                "code": code,
                "label": _("%(label)s trên 1.000 dân") % {"label": card["label"]},
                "value": (
                    per_thousand(value, population.population)
                    if population is not None and value is not None
                    else None
                ),
                "population": population,
            }
        )
    return out


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
