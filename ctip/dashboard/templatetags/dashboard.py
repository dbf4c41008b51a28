"""Table rows written in Python: a province's breakdowns by commune list hundreds of groups,
and the template language spent more time on them than the page's queries did."""

from __future__ import annotations

from collections.abc import Callable
from html import escape  # Django's `escape` is this plus a lazy-string wrapper, per call
from typing import Any

from django import template
from django.utils.formats import get_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ctip.indicators.disclosure import mark

register = template.Library()


@register.filter
def table_rows(chart: dict[str, Any]) -> SafeString:
    """<tr> per group: its name and value ("<N" for a withheld count), numbers in the active
    language's format ("3.000" in Vietnamese)."""
    hidden = escape(mark(chart["limit"]))
    number = _formatter()
    cells = []
    for row in chart["rows"]:
        if row.get("future"):
            value = "—"
        else:
            value = hidden if row["value"] is None else number(row["value"])
        name = escape(str(row["name"]))
        if row.get("note"):  # a month still running (partial) or to come
            name += f' <span class="badge partial">{escape(str(row["note"]))}</span>'
        row_class = ' class="partial"' if row.get("partial") else ""
        cells.append(f'<tr{row_class}><td class="text">{name}</td><td>{value}</td></tr>')
    return mark_safe("".join(cells))  # noqa: S308 - every value above is escaped or a number


@register.simple_tag
def risk_rows(rows: list[Any], columns: list[str], limit: int) -> SafeString:
    """The outreach-versus-risk heat table's rows (see risk.py): the commune, flagged when it
    has risk and little outreach; each column's value in its heat class, the reach per 1,000
    inhabitants after the participants."""
    hidden = escape(mark(limit))
    number = _formatter()
    flag = escape(_("ít tuyên truyền"))
    synthetic = escape(_("dân số giả lập"))
    out = []
    for r in rows:
        name = escape(r.unit.name) + (f" <strong>({flag})</strong>" if r.low_outreach else "")
        cells = [f'<th scope="row" class="text">{name}</th>']
        for n, code in enumerate(columns):
            value = r.values.get(code)
            shown = hidden if value is None else number(value)
            cells.append(f'<td class="heat-{int(r.heat.get(code, 0))}">{shown}</td>')
            if n == 1:
                rate = r.per_thousand
                shown = "—" if rate is None else number(rate)
                if rate is not None and r.synthetic:  # every rate from an invented population
                    shown += f' <span class="badge synthetic">{synthetic}</span>'
                cells.append(f"<td>{shown}</td>")
        row_class = ' class="flagged"' if r.low_outreach else ""
        out.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    return mark_safe("\n".join(out))  # noqa: S308 - names escaped; the rest numbers and literals


def _formatter() -> Callable[[Any], str]:
    """Numbers in the active language's format: whole numbers grouped by hand (a table of
    several hundred rows spent more in `number_format` than in its query), others through it."""
    separator = get_format("THOUSAND_SEPARATOR")
    grouped = get_format("NUMBER_GROUPING") == 3

    def number(value: Any) -> str:
        if grouped and isinstance(value, int):
            return f"{value:,}".replace(",", separator)
        return number_format(value, force_grouping=True)

    return number
