"""Dashboards: one page per role (its panels and scope, see panels.py) for a period and a
territory in the URL, compared with the same period a year earlier; one page in anchored
sections (a pillar each) under a contents bar; every chart with its table and a CSV / XLSX
download of exactly that table."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core import formfields as bounded
from ctip.core.access import requires
from ctip.core.listing import attachment_name, content_disposition
from ctip.core.permissions import P
from ctip.core.validators import NUMBER_MESSAGE
from ctip.dashboard import cache as panel_cache
from ctip.dashboard import exports, figures
from ctip.dashboard.figures import (
    DIMENSION_NAMES,
    TOP,
    Period,
    panel_chart,
    panels_data,
    rates,
)
from ctip.dashboard.panels import Panel, Scope, user_scope
from ctip.dashboard.risk import OUTREACH, RISK, by_province, outreach_vs_risk
from ctip.dashboard.templatetags.dashboard import risk_rows
from ctip.geo.models import Unit
from ctip.geo.picker import UnitPickerField, bind_unit_pickers
from ctip.geo.selectors import unit_by_code
from ctip.indicators import disclosure, rollup_read
from ctip.prevention.population import population_of


class FilterForm(forms.Form):
    # Bounded fields (ctip.core.formfields): 01/01/0001 or 31/12/9999 would overflow the
    # previous period's arithmetic; they get a message and the default period instead.
    tu = bounded.DateField(label=_l("Từ ngày"), required=False)
    den = bounded.DateField(label=_l("Đến ngày"), required=False)
    # The territory picked by name within the user's scope, as it stood on the period's last
    # day; the URL keeps its code (`dv`), so links with a code still work. A huge number is
    # refused before any query.
    dv = UnitPickerField(
        label=_l("Địa bàn (để trống: toàn bộ)"),
        required=False,
        area_only=True,
        date_field="den",
        error_messages={"no_such_code": NUMBER_MESSAGE},
    )


def period_for(
    request: HttpRequest, scope: Scope, *, controlled: bool | None = None
) -> tuple[FilterForm, Period]:
    """The period and territory in the URL, within the user's scope; this year so far, over
    the whole scope, by default (and when the URL asks for something outside it). When some
    figure on the page is disclosure-controlled (`controlled`, by default the scope's), the
    period is widened to whole calendar quarters: whatever dates are typed, the figures come
    from the same fixed grid."""
    today = figures.today()
    form = FilterForm(request.GET or None)
    bind_unit_pickers(form, territories=[scope.unit])
    start, end, unit = date(today.year, 1, 1), today, scope.unit
    grid = scope.controlled if controlled is None else controlled
    valid = form.is_valid()
    if valid:
        start = form.cleaned_data["tu"] or start
        end = form.cleaned_data["den"] or end
        if start > end:
            form.add_error("den", _("Ngày kết thúc trước ngày bắt đầu."))
            start, end = date(today.year, 1, 1), today
    if grid:
        start, end = disclosure.snap(start, end)
    if valid:
        code = form.cleaned_data["dv"]
        if code:
            picker = form.fields["dv"]
            assert isinstance(picker, UnitPickerField)
            unit = _unit_within(code, end, picker.area) or unit
            if unit is scope.unit:
                form.add_error("dv", _("Không có địa bàn mã này trong phạm vi của bạn."))
    return form, Period(unit, start, end, grid=grid, today=today)


def _unit_within(code: int, day: date, area: AbstractSet[int]) -> Unit | None:
    """The unit with `code` on `day` (the period's end) if inside the scope's `area` (the
    picker's ids of the scope's units, `bind_unit_pickers`)."""
    unit = unit_by_code(code, day=day)
    return unit if unit is not None and unit.pk in area else None


def _links_query(form: FilterForm, period: Period, scope: Scope) -> str:
    """The query of the page's own links (downloads): the dates as typed (checked by the form)
    and the territory the page shows, never the raw query string: the cached sections' HTML
    holds it, so ?x=1, ?x=2... would each make a cache entry (issue 27 review)."""
    params = {}
    cleaned = getattr(form, "cleaned_data", {})
    for name in ("tu", "den"):
        if cleaned.get(name):
            params[name] = cleaned[name].strftime("%d/%m/%Y")
    if period.unit != scope.unit:
        params["dv"] = str(period.unit.code)
    return urlencode(params)


@requires(P.VIEW_DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = user_scope(request.user)
    if scope is None:
        return render(request, "dashboard/none.html")
    form, period = period_for(request, scope)
    limit = disclosure.current_threshold()
    population = population_of(period.unit, period.end.year)  # one query, for every rate

    query = _links_query(form, period, scope)

    def compute(missing: list[Panel]) -> list[dict[str, Any]]:
        with rollup_read.reading():  # which rollups are built: asked once for the page
            found = panels_data(missing, scope, period, limit)  # read together
        return [{k: d[k] for k in ("cards", "charts", "withheld")} for d in found]

    def section(panel: Panel, computed: dict[str, Any]) -> str:
        data = {"panel": panel, **computed, "rates": rates(panel, computed["cards"], population)}
        for chart in data["charts"]:
            chart.setdefault("dimension_name", str(DIMENSION_NAMES.get(chart["dimension"], "")))
            chart["data_id"] = f"data-{chart['key']}"
        if data["withheld"]:
            data["withheld_note"] = withheld_text(data["withheld"], limit)
        context = {
            "data": data,
            "limit": limit,
            "partly_compared": period.partly_compared,
            "top": TOP,
            "query": query,
        }
        return render_to_string("dashboard/_panel.html", context)

    # The section's HTML also depends on the query string (its download links) and the
    # population (its rates).
    shown = (query, population and (population.year, population.population, population.source))
    sections = panel_cache.sections(scope, period, limit, shown, compute, section)
    return render(
        request,
        "dashboard/index.html",
        {
            "form": form,
            "rule": rule_text(limit) if scope.controlled else "",
            "limit": limit,
            "scope": scope,
            "period": period,
            "previous": period.previous,
            "compared": period.compared,
            "partly_compared": period.partly_compared,
            "running": period.running,
            "today": period.today,
            "population": population,
            "panels": scope.panels,
            "sections": [mark_safe(html) for html in sections],  # noqa: S308 - rendered above
            "query": query,
        },
    )


@requires(P.VIEW_DASHBOARD)
def dashboard_download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    scope = user_scope(request.user)
    if scope is None or fmt not in ("csv", "xlsx"):
        raise Http404
    _form, period = period_for(request, scope)
    panel_code = key.rsplit("-", 1)[0]
    panel = next((p for p in scope.panels if p.code == panel_code), None)
    if panel is None:
        raise Http404
    with rollup_read.reading():
        chart = panel_chart(panel, key, scope, period)
    if chart is None:
        raise Http404
    chart.setdefault("dimension_name", str(DIMENSION_NAMES.get(chart["dimension"], "")))
    rows = exports.table(chart, _context(chart, scope, period))
    if fmt == "csv":
        body, mime = exports.as_csv(rows), "text/csv; charset=utf-8"
    else:
        body = exports.as_xlsx(rows, chart["dimension_name"] or "bang")
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=mime)
    name = attachment_name(
        chart["title"], period.unit.name, period.start, "den", period.end, ext=fmt
    )
    response["Content-Disposition"] = content_disposition(name)
    return response


def _context(chart: dict[str, Any], scope: Scope, period: Period) -> list[str]:
    lines = [
        chart["title"],
        _("Địa bàn: %(unit)s") % {"unit": period.unit.name},
        _("Từ ngày %(start)s đến ngày %(end)s")
        % {"start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}"},
    ]
    if scope.agency_name:
        lines.append(_("Cơ quan: %(agency)s") % {"agency": scope.agency_name})
    if period.running and period.today:
        lines.append(
            _("Kỳ chưa kết thúc: số liệu đến ngày %(day)s.") % {"day": f"{period.today:%d/%m/%Y}"}
        )
    if chart.get("partial_note"):
        lines.append(chart["partial_note"])
    if chart.get("controlled"):
        lines.append(rule_text(chart["limit"]))
    return lines


def withheld_text(count: int, limit: int) -> str:
    """Why a section draws fewer charts: every value of `count` of them is withheld."""
    return _(
        "%(count)s biểu đồ không được vẽ: mọi giá trị đều dưới %(n)s nên được giữ kín (số nhỏ "
        "có thể giúp nhận ra nạn nhân và người liên quan). Bảng tải về của chúng, dưới đây, "
        "ghi “<%(n)s”."
    ) % {"count": count, "n": limit}


def rule_text(limit: int) -> str:
    """The disclosure rule as the page and the downloads state it."""
    return _(
        "Số liệu về người (người không xem được hồ sơ): tính theo các quý trọn vẹn, làm tròn "
        "đến bội số của %(n)s; dưới %(n)s, kể cả 0, ghi “<%(n)s” và nhóm đó không được liệt kê."
    ) % {"n": limit}


@requires(P.VIEW_AGGREGATES)
def risk(request: HttpRequest) -> HttpResponse:
    scope = user_scope(request.user)
    if scope is None:
        return render(request, "dashboard/none.html")
    controlled = any(scope.controls(code) for code in RISK)
    form, period = period_for(request, scope, controlled=controlled)
    limit = disclosure.current_threshold()

    columns = [*OUTREACH, *RISK]

    def compute() -> dict[str, Any]:
        # The table's rows rendered once (a province lists hundreds of communes): kept as HTML.
        with rollup_read.reading():
            rows = outreach_vs_risk(period, readable=scope.readable, limit=limit)
        return {
            "table": risk_rows(rows, columns, limit) if rows else "",
            "flagged": sum(1 for r in rows if r.low_outreach),
            "synthetic": any(r.synthetic for r in rows if r.per_thousand is not None),
        }

    found = panel_cache.cached("risk", panel_cache.RISK_SOURCES, scope, period, limit, compute)
    return render(
        request,
        "dashboard/risk.html",
        {
            "form": form,
            "period": period,
            "table": mark_safe(found["table"]),  # noqa: S308 - risk_rows escapes the names
            "flagged": found["flagged"],
            "synthetic": found["synthetic"],
            "by_province": by_province(period),
            "limit": limit,
            "rule": rule_text(limit) if controlled else "",
            "query": request.GET.urlencode(),
        },
    )
