"""Compile a report from the data: walk the template's outline, turn indicator values into
Vietnamese prose, and keep every figure with its provenance (indicator, territory, period, the
group it is narrowed to). The result is plain JSON: the DOCX, the XLSX annex and the browser
preview are all rendered from it, so they cannot disagree."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.core.text import vn_int
from ctip.indicators.raw import records_behind
from ctip.reporting.annex import annex_tables
from ctip.reporting.blocks import outline_sections
from ctip.reporting.builder import Builder, Progress
from ctip.reporting.header import header
from ctip.reporting.models import Correction, Report
from ctip.reporting.prose import vn_date


def compile_report(report: Report, *, progress: Progress | None = None) -> dict[str, Any]:
    b = Builder(report)
    outline_sections(b, report.template.outline["sections"], 1, progress)
    corrections = _corrections(b)
    if progress:
        progress(85, _("Phụ lục số liệu"))
    annex = annex_tables(b, report.template.outline.get("annex", []))
    if progress:
        progress(95, _("Nguồn gốc số liệu"))
    _count_records(b)
    _close(b.body)
    return {
        "header": header(report),
        "body": b.body,
        "figures": b.figures,
        "annex": annex,
        "threshold": b.threshold,
        "audience": report.audience,
        "corrections": corrections,
    }


HEADINGS = ("h1", "h2", "h3")
CLOSING = "./."


def _close(body: list[dict[str, Any]]) -> None:
    """A state document's text ends with "./." (clerical practice under Decree 30/2020): on
    the last paragraph, replacing its own "." or ";". Nothing when the text ends in an empty
    heading: "./." before it would close the text above a section still to be written."""
    if not body or body[-1]["kind"] in HEADINGS:
        return
    segments = body[-1]["segments"]
    while segments and segments[-1][1] is None:  # plain words; a figure's text stays as is
        text = segments[-1][0].rstrip().rstrip(".;").rstrip()
        if text.endswith(CLOSING[:-1]):  # a narrative already closed: "... Tổ quốc./."
            return
        if text:
            segments[-1][0] = text
            break
        segments.pop()  # a segment that was only the final "."
    segments.append([CLOSING, None])


def _corrections(b: Builder) -> list[int]:
    """Corrections to reports already issued for this territory not shown in a later issued
    report: listed after the sections, each with its effect on the issued figures."""

    found = list(
        Correction.objects.filter(shown_in=None, report__unit=b.unit)
        .exclude(report=b.report)
        .select_related("report")
        .order_by("report__report_date", "created", "pk")
    )
    if not found:
        return []
    b.para("h1", _("SỐ LIỆU ĐIỀU CHỈNH SO VỚI BÁO CÁO ĐÃ BAN HÀNH"))
    for c in found:
        effects = "; ".join(
            _("%(label)s (%(where)s): đã báo cáo %(issued)s, điều chỉnh %(before)s → %(after)s")
            % {
                "label": e["label"],
                "where": e["where_name"],
                "issued": e["issued"],
                "before": vn_int(e["before"]),
                "after": vn_int(e["after"]),
            }
            for e in c.effect
        )
        b.para(
            "item",
            _("- Báo cáo số %(number)s, ngày %(day)s: %(reason)s. %(effects)s.")
            % {
                "number": c.report.number,
                "day": vn_date(timezone.localdate(c.created)),
                "reason": c.reason.rstrip("."),
                "effects": effects or _("Không làm thay đổi số liệu đã báo cáo"),
            },
        )
    return [c.pk for c in found]


def _count_records(b: Builder) -> None:
    """How many records each figure counts (its provenance): counted with the value by
    `compute`; one query per figure made otherwise."""
    for figure in b.figures.values():
        if "records" in figure:
            continue
        count = records_behind(
            figure["indicator"],
            unit=b.unit,
            start=date.fromisoformat(figure["start"]),
            end=date.fromisoformat(figure["end"]),
            where=figure["where"] or None,
        ).count()
        figure["records"] = b.records_shown(figure, count)
