"""The figures the provinces pushed, read at the national ctip (issue 27): for a period, per
additive indicator of THIS instance's registry, the national total over the provinces' current
pushes, and the table province x indicator (the same cells in the page and the XLSX).

Every figure shown is a value a province pushed, as it was pushed: nothing is recomputed from
records (a national ctip holds none of its own). A province's figure is added into a total only
when it was computed under this registry's definition (the same definition hash): a figure of
another definition would add two different things up, so it is shown in its province's row,
marked, and left out of the total, which names the province. Labels and units of measure are
the national registry's, not the ones a province sent. The totals are one aggregate query; the
page reads a fixed number of queries whatever the number of provinces."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.core.exports import safe_cell
from ctip.core.text import vn_date
from ctip.exchange.models import ReceivedFigure, ReceivedPush
from ctip.exchange.payload import Period, definition_hash, pushed_indicators
from ctip.exchange.selectors import province_names
from ctip.indicators.registry import Indicator

Number = int | Decimal
VALUE, WITHHELD, MISSING = "value", "withheld", "missing"
TOTAL_NOTE = gettext_lazy(
    "Tổng các tỉnh có cùng định nghĩa với cấp trung ương; số không công bố không được cộng"
)


@dataclass(frozen=True)
class Total:
    """An indicator's national total and how it was made. The provinces split four ways:
    `contributed` (added in), `withheld` (sent as null by the disclosure rule), `foreign` (names
    of those whose definition differs: not added in), `not_pushed` (no push for the period, or a
    push without this indicator)."""

    indicator: Indicator
    value: Number | None  # None: no province's figure was added in
    contributed: int
    withheld: int
    foreign: list[str]
    not_pushed: int
    estimate: bool  # a figure added in is an estimate

    @property
    def label(self) -> str:
        return str(self.indicator.label)

    @property
    def measure(self) -> str:
        return str(self.indicator.measure)

    @property
    def complete(self) -> bool:
        return not (self.withheld or self.foreign or self.not_pushed)


@dataclass(frozen=True)
class Cell:
    state: str  # VALUE, WITHHELD or MISSING
    value: Number | None = None
    foreign: bool = False  # computed under another definition: not in the total
    estimate: bool = False


@dataclass(frozen=True)
class ProvinceRow:
    code: str
    name: str
    pushed: bool
    cells: list[Cell]
    foreign: list[str]  # labels of the chosen indicators sent under another definition
    estimates: list[str]  # labels of the chosen indicators sent as estimates

    @property
    def note(self) -> str:
        return row_note(self)


@dataclass(frozen=True)
class PushedFigures:
    period: Period
    totals: list[Total]  # every additive indicator of the registry
    columns: list[Indicator]  # the indicators chosen for the table
    column_totals: list[Total]  # the totals of `columns`, in their order
    rows: list[ProvinceRow]
    pushed: int  # provinces with a current push for the period
    provinces: int
    chosen: bool  # the user chose the columns (else all of them)


def chosen_indicators(codes: list[str]) -> list[Indicator]:
    """The additive indicators named in `codes`, in the registry's order; all of them when
    `codes` names none (an unknown or non-additive code is ignored, never an error)."""
    every = pushed_indicators()
    wanted = set(codes)
    return [ind for ind in every if ind.code in wanted] or every


def pushed_figures(period: Period, codes: list[str]) -> PushedFigures:
    indicators = pushed_indicators()
    expected = {ind.code: definition_hash(ind) for ind in indicators}
    columns = chosen_indicators(codes)
    pushes = dict(
        ReceivedPush.objects.filter(period=period.code, current=True).values_list(
            "province_code", "province_name"
        )
    )
    names = province_names(period, pushes)
    totals = national_totals(period, indicators, expected, names)
    by_code = {t.indicator.code: t for t in totals}
    return PushedFigures(
        period=period,
        totals=totals,
        columns=columns,
        column_totals=[by_code[ind.code] for ind in columns],
        rows=_rows(period, columns, expected, names, set(pushes)),
        pushed=len(pushes),
        provinces=len(names),
        chosen=len(columns) < len(indicators),
    )


def _same_definition(expected: dict[str, str]) -> Q:
    """A figure computed under this registry's definition of its indicator."""
    return reduce(
        operator.or_,
        (Q(indicator=code, definition=digest) for code, digest in expected.items()),
        Q(pk__in=[]),
    )


def _current(period: Period, codes: list[str]) -> Any:
    """The figures of the provinces' current pushes for the period. A superseded push's figures
    are deleted when a new version is applied (receiving._apply); reading through `current`
    keeps an old version out even if one were left behind."""
    return ReceivedFigure.objects.filter(
        period=period.code, push__current=True, indicator__in=codes
    )


def national_totals(
    period: Period,
    indicators: list[Indicator],
    expected: dict[str, str],
    names: dict[str, str],
) -> list[Total]:
    """One GROUP BY over the current figures for the totals and counts, one query for the
    provinces of another definition (to name them)."""
    same = _same_definition(expected)
    added = same & Q(value__isnull=False)
    sums = {
        row["indicator"]: row
        for row in _current(period, list(expected))
        .values("indicator")
        .annotate(
            total=Sum("value", filter=added),
            contributed=Count("pk", filter=added),
            withheld=Count("pk", filter=same & Q(value__isnull=True)),
            foreign=Count("pk", filter=~same),
            estimates=Count("pk", filter=added & Q(estimate=True)),
        )
        .order_by()
    }
    foreign: dict[str, list[str]] = {}
    for indicator, province in sorted(
        _current(period, list(expected)).exclude(same).values_list("indicator", "province_code"),
        key=lambda pair: int(pair[1]),  # GSO code order, as the table's rows
    ):
        foreign.setdefault(indicator, []).append(names.get(province, province))
    totals = []
    for ind in indicators:
        row = sums.get(ind.code, {})
        found = row.get("contributed", 0) + row.get("withheld", 0) + row.get("foreign", 0)
        totals.append(
            Total(
                indicator=ind,
                value=plain(row.get("total")),
                contributed=row.get("contributed", 0),
                withheld=row.get("withheld", 0),
                foreign=foreign.get(ind.code, []),
                not_pushed=max(0, len(names) - found),
                estimate=bool(row.get("estimates")),
            )
        )
    return totals


def _rows(
    period: Period,
    columns: list[Indicator],
    expected: dict[str, str],
    names: dict[str, str],
    pushed: set[str],
) -> list[ProvinceRow]:
    """The table province x indicator: the figures as pushed, one query for all provinces."""
    found: dict[tuple[str, str], Cell] = {}
    for province, indicator, value, definition, estimate in _current(
        period, [ind.code for ind in columns]
    ).values_list("province_code", "indicator", "value", "definition", "estimate"):
        found[province, indicator] = Cell(
            state=WITHHELD if value is None else VALUE,
            value=plain(value),
            foreign=definition != expected[indicator],
            estimate=estimate,
        )
    rows = []
    for code, name in names.items():
        cells = [found.get((code, ind.code), Cell(MISSING)) for ind in columns]
        rows.append(
            ProvinceRow(
                code=code,
                name=name,
                pushed=code in pushed,
                cells=cells,
                foreign=[str(i.label) for i, c in zip(columns, cells, strict=True) if c.foreign],
                estimates=[str(i.label) for i, c in zip(columns, cells, strict=True) if c.estimate],
            )
        )
    return rows


def plain(value: Any) -> Number | None:
    """A stored decimal as it reads: 3000.0000 -> 3000 (printed "3.000"), 2.5000 -> 2.5."""
    if value is None:
        return None
    number = Decimal(value)
    if number == number.to_integral_value():
        return int(number)
    return number.normalize()


# --- the words and cells shared by the page and the XLSX ---------------------------------------


def period_words(period: Period) -> str:
    year, _dash, quarter = period.code.partition("-Q")
    if quarter:
        return _("quý %(quarter)s năm %(year)s") % {"quarter": quarter, "year": year}
    return _("năm %(year)s") % {"year": year}


def title(period: Period) -> str:
    return _("Số liệu do các tỉnh, thành phố gửi, %(period)s") % {"period": period_words(period)}


def completeness(data: PushedFigures) -> str:
    return _("%(pushed)s/%(provinces)s tỉnh đã gửi") % {
        "pushed": data.pushed,
        "provinces": data.provinces,
    }


def cell_value(cell: Cell) -> Any:
    """A cell as the page prints it and the XLSX holds it: the number, or words."""
    if cell.state == WITHHELD:
        return _("không công bố")
    if cell.state == MISSING:
        return "—"
    return cell.value


def total_value(total: Total) -> Any:
    return "—" if total.value is None else total.value


def row_note(row: ProvinceRow) -> str:
    if not row.pushed:
        return _("Chưa gửi")
    notes = []
    if row.foreign:
        notes.append(
            _("Định nghĩa khác, không cộng vào tổng: %(labels)s")
            % {"labels": ", ".join(row.foreign)}
        )
    if row.estimates:
        notes.append(_("Số ước tính: %(labels)s") % {"labels": ", ".join(row.estimates)})
    return "; ".join(notes)


def column_heading(indicator: Indicator) -> str:
    return f"{indicator.label} ({indicator.measure})"


def table(data: PushedFigures) -> list[list[Any]]:
    """The XLSX's rows: title lines, the header, one row per province, the national total."""
    period = data.period
    rows: list[list[Any]] = [
        [title(period)],
        [
            _("Từ ngày %(start)s đến ngày %(end)s")
            % {"start": vn_date(period.start), "end": vn_date(period.end)}
        ],
        [completeness(data)],
        [],
        [_("Mã"), _("Tỉnh, thành phố"), *map(column_heading, data.columns), _("Ghi chú")],
    ]
    for row in data.rows:
        rows.append(
            [
                row.code,
                safe_cell(row.name),
                *map(cell_value, row.cells),
                safe_cell(row.note),
            ]
        )
    rows.append(["", _("Cả nước"), *map(total_value, data.column_totals), str(TOTAL_NOTE)])
    # How each national total was made, as the page's first table says it: a downloaded
    # "Cả nước" row must not read as complete when provinces withheld or did not send.
    rows += [[], [_("Tổng cả nước theo chỉ tiêu")], _totals_header()]
    rows += [_total_row(t) for t in data.column_totals]
    return rows


def _totals_header() -> list[Any]:
    return [
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Tổng"),
        _("Số tỉnh cộng vào"),
        _("Số tỉnh không công bố"),
        _("Số tỉnh chưa gửi"),
        _("Định nghĩa khác (không cộng vào)"),
        _("Có số ước tính"),
    ]


def _total_row(total: Total) -> list[Any]:
    return [
        total.label,
        total.measure,
        total_value(total),
        total.contributed,
        total.withheld,
        total.not_pushed,
        safe_cell(", ".join(total.foreign)),
        _("Có") if total.estimate else "",
    ]
