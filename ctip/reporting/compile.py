"""Compile a report from the data: walk the template's outline, turn indicator values into
Vietnamese prose, and keep every figure with its provenance (indicator, territory, period, the
group it is narrowed to). The result is plain JSON: the DOCX, the XLSX annex and the browser
preview are all rendered from it, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.core import disclosure
from ctip.core.indicators import REGISTRY, Indicator, compute, records_behind
from ctip.geo.selectors import covered_unit_ids
from ctip.reporting.models import Audience, Report
from ctip.reporting.prose import figure_text, vn_date, vn_int

Segment = list[Any]  # [text, figure id or None]
Progress = Callable[[int, str], None]


class Builder:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.unit, self.start, self.end = report.unit, report.period_start, report.period_end
        self.public = report.audience == Audience.PUBLIC
        self.threshold = disclosure.threshold(on=self.end)
        self.body: list[dict[str, Any]] = []
        self.figures: dict[str, dict[str, Any]] = {}
        self._in_use: dict[str, bool] = {}
        self.contributed: dict[str, list[tuple[str, str]]] = {}
        if report.request_id:
            from ctip.reporting.contributions import accepted_texts

            self.contributed = accepted_texts(report.request)  # type: ignore[arg-type]

    # --- output ---------------------------------------------------------------------------

    def para(self, kind: str, *segments: Segment | str) -> None:
        segs = [s if isinstance(s, list) else [s, None] for s in segments]
        self.body.append({"kind": kind, "segments": [s for s in segs if s[0]]})

    def controls(self, indicator: Indicator) -> bool:
        """A figure of a report for publication that can point at a person: its readers open
        no record, so ctip.core.disclosure applies (reports for the state chain stay exact)."""
        return self.public and disclosure.applies(indicator)

    def zero(self, row: dict[str, Any]) -> bool:
        """A value the reader sees as none: a controlled zero is "dưới 5" like 1 to 4."""
        return not row["value"] and not self.controls(REGISTRY[row["indicator"]])

    def listed(self, row: dict[str, Any]) -> bool:
        """Whether a group (an agency, a target group) is named for this value: not for a
        controlled value that is withheld, whose naming would say that records exist."""
        indicator = REGISTRY[row["indicator"]]
        if self.controls(indicator):
            return disclosure.release_figure(indicator, row["value"], self.threshold) is not None
        return bool(row["value"])

    def figure(self, row: dict[str, Any], where: dict[str, Any], where_name: str) -> Segment:
        """A figure's words, registered with its provenance; returns its segment."""
        indicator = REGISTRY[row["indicator"]]
        value: int | None = int(row["value"] or 0)
        controlled = self.controls(indicator)
        if controlled:
            value = disclosure.release_figure(indicator, value, self.threshold)
        suppressed = value is None
        if value is None:
            text, bound = disclosure.withheld_words(indicator, self.threshold), False
        else:
            text, bound = figure_text(
                value, estimate=row["estimate"], round_large=self.report.round_large
            )
            if controlled:
                text, bound = disclosure.about(text), True
        fid = f"f{len(self.figures) + 1}"
        self.figures[fid] = {
            "id": fid,
            "indicator": indicator.code,
            "label": str(indicator.label),
            "measure": str(indicator.measure),
            "value": value,
            "text": text,
            "estimate": row["estimate"],
            "bound": bound,
            "suppressed": suppressed,
            "controlled": controlled,
            "where": where,
            "where_name": where_name,
            "unit": self.unit.pk,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }
        if "records" in row:
            self.figures[fid]["records"] = self.records_shown(self.figures[fid], row["records"])
        return [text, fid]

    def records_shown(self, figure: dict[str, Any], count: int) -> int | str:
        """The number of records behind a figure, controlled like the figure itself."""
        if not figure["controlled"]:
            return count
        shown = disclosure.release(count, self.threshold)
        return disclosure.mark(self.threshold) if shown is None else shown

    def in_use(self, code: str) -> bool:
        """A data source is in use once anything was ever recorded in it (a deployment serves
        one province): a zero then means none, not that nobody entered the data."""
        if code not in self._in_use:
            self._in_use[code] = REGISTRY[code].records().exists()
        return self._in_use[code]

    # --- outline ----------------------------------------------------------------------------

    def sections(self, sections: list[dict], depth: int, progress: Progress | None) -> None:
        for i, section in enumerate(sections):
            if progress and depth == 1:
                progress(int(80 * i / max(len(sections), 1)), section["title"])
            kind = "h1" if depth == 1 else "h2" if depth == 2 else "h3"
            self.para(kind, f"{section['numeral']} {section['title']}")
            for block in section.get("blocks", []):
                BLOCKS[block["type"]](self, block)
            self.sections(section.get("sections", []), depth + 1, None)


def _figures(b: Builder, block: dict) -> None:
    parts = block["parts"]
    unused = [p["indicator"] for p in parts if not b.in_use(p["indicator"])]
    if len(unused) == len(parts):
        b.para(
            "note",
            _("[Chưa sử dụng nguồn dữ liệu “%(label)s” trong hệ thống: đề nghị bổ sung.]")
            % {"label": REGISTRY[parts[0]["indicator"]].label},
        )
        return
    if block.get("by") == "agency":
        _figures_by_agency(b, block)
        return
    codes = [p["indicator"] for p in parts]
    rows = {r["indicator"]: r for r in compute(codes, records=True, **_span(b))}
    if all(b.zero(rows[p["indicator"]]) for p in parts) and block.get("zero"):
        b.para("p", block["zero"])
        return
    segments: list[Segment | str] = [block.get("intro", "")]
    shown = [p for p in parts if not b.zero(rows[p["indicator"]]) or not block.get("skip_zero")]
    for n, part in enumerate(shown):
        if n:
            segments.append(block.get("joiner", ", "))
        segments += _fill(part["text"], b.figure(rows[part["indicator"]], {}, b.unit.name))
    segments.append(block.get("end", "."))
    b.para("p", *segments)


def _figures_by_agency(b: Builder, block: dict) -> None:
    from ctip.agencies.models import Agency

    parts = block["parts"]
    rows = compute([p["indicator"] for p in parts], by=("agency",), records=True, **_span(b))
    values = {(r["indicator"], r["agency"]["code"]): r for r in rows if b.listed(r)}
    codes = {code for _, code in values}
    if not codes:
        # "None" is not said of a controlled figure: it may be 1 to 4.
        if block.get("zero") and not any(b.controls(REGISTRY[p["indicator"]]) for p in parts):
            b.para("p", block["zero"])
        return
    lists = _group_lists(b, block.get("groups", []))
    if block.get("intro"):
        b.para("p", block["intro"])
    agencies = list(Agency.objects.filter(code__in=codes).order_by("pk"))
    names = _names_at_end(b, agencies)
    for agency in agencies:
        segments: list[Segment | str] = [f"- {names[agency.pk]}: "]
        shown = [p for p in parts if (p["indicator"], agency.code) in values]
        for n, part in enumerate(shown):
            if n:
                segments.append(", ")
            row = values[(part["indicator"], agency.code)]
            figure = b.figure(row, {"agency": agency.pk}, names[agency.pk])
            segments += _fill(part["text"], figure)
        for text, by_agency in lists:
            if by_agency.get(agency.code):
                segments.append("; " + text.replace("{list}", ", ".join(by_agency[agency.code])))
        segments.append(".")
        b.para("item", *segments)


def _names_at_end(b: Builder, agencies: list[Any]) -> dict[int, str]:
    """Figures group by today's heir (Foundation I), but a report names each agency as it stood
    at the period's end: "Sở Lao động - Thương binh và Xã hội" in a 2023 review, not the
    department that took its records in 2025. The one standing agency of the report's own unit
    whose records roll up to the heir is named; failing that, the only one; else the heir."""
    from ctip.agencies.models import Agency

    names = {a.pk: a.name for a in agencies}
    standing: dict[int, list[Any]] = {}
    for a in Agency.objects.valid_on(b.end).filter(
        rollup_agency__in=list(names), unit__in=covered_unit_ids(b.unit)
    ):
        standing.setdefault(a.rollup_agency_id, []).append(a)
    for heir, found in standing.items():
        own = [a for a in found if a.unit_id == b.unit.pk]
        chosen = own if len(own) == 1 else found if len(found) == 1 else []
        if chosen:
            names[heir] = chosen[0].name
    return names


def _group_lists(b: Builder, groups: list[dict]) -> list[tuple[str, dict[str, list[str]]]]:
    """For each group spec, the names of the groups each agency's records fall in."""
    found = []
    for spec in groups:
        dim = spec["dimension"]
        by_agency: dict[str, list[str]] = {}
        for r in compute([spec["indicator"]], by=("agency", dim), **_span(b)):
            if b.listed(r) and r[dim]["code"]:
                name = r[dim]["name"]
                by_agency.setdefault(r["agency"]["code"], []).append(name[:1].lower() + name[1:])
        found.append((spec["text"], by_agency))
    return found


def _fill(text: str, figure: Segment) -> list[Segment | str]:
    before, _sep, after = text.partition("{value}")
    return [before, figure, after]


def _span(b: Builder) -> dict[str, Any]:
    return {"unit": b.unit, "start": b.start, "end": b.end}


def _documents(b: Builder, block: dict) -> None:
    from ctip.directives.models import Document
    from ctip.directives.symbols import KINDS

    issued = list(
        Document.objects.filter(
            recorded_by__unit__in=covered_unit_ids(b.unit), date__range=(b.start, b.end)
        ).order_by("date", "pk")
    )
    implemented = list(
        Document.objects.filter(relations_in__source__in=[d.pk for d in issued])
        .exclude(pk__in=[d.pk for d in issued])
        .distinct()
        .order_by("date")
    )
    if not issued and not implemented:
        b.para("p", _("Trong kỳ, chưa có văn bản chỉ đạo, điều hành nào được ghi nhận."))
        return
    row = compute(["directives.documents"], records=True, **_span(b))[0]
    b.para(
        "p",
        _("Trong kỳ, các cơ quan đã ban hành "),
        b.figure(row, {}, b.unit.name),
        _(" văn bản chỉ đạo, điều hành về phòng, chống mua bán người:"),
    )

    def line(d: Document) -> str:
        kind = KINDS.get(d.kind, _("Văn bản"))
        day = vn_date(d.date)
        return f"- {kind} số {d.number_symbol} ngày {day} của {d.issuer_name}: {d.subject};"

    for d in issued:
        b.para("item", line(d))
    if implemented:
        b.para("p", _("Đồng thời tiếp tục triển khai thực hiện:"))
        for d in implemented:
            b.para("item", line(d))


def _campaigns(b: Builder, block: dict) -> None:
    from ctip.enforcement.models import Campaign

    campaigns = Campaign.objects.filter(
        lead__unit__in=covered_unit_ids(b.unit), start__lte=b.end, end__gte=b.start
    ).select_related("lead")
    lines = [
        f"- {c.name} ({vn_date(c.start)} - {vn_date(c.end)}), {c.lead.name} chủ trì;"
        for c in campaigns.order_by("start", "pk")
    ]
    if lines:
        b.para("p", block.get("intro") or _("Các đợt cao điểm đã triển khai trong kỳ:"))
        for text in lines:
            b.para("item", text)


def _cooperation(b: Builder, block: dict) -> None:
    from ctip.cooperation.models import CooperationActivity

    activities = CooperationActivity.objects.filter(
        agency__unit__in=covered_unit_ids(b.unit), start__range=(b.start, b.end)
    ).select_related("agency")
    for a in activities.order_by("start", "pk"):
        summary = f": {a.summary}" if a.summary else ""
        b.para(
            "item",
            f"- {vn_date(a.start)}, {a.agency.name} - {a.get_kind_display().lower()} "
            f"với {a.counterpart} ({a.counterpart_country}){summary};",
        )


def _narrative(b: Builder, block: dict) -> None:
    text = (b.report.narratives or {}).get(block["slot"], "").strip()
    if not text and b.contributed.get(block["slot"]):
        # The standing office has not written this section itself: the accepted parts of the
        # agencies, each under its name, as the stitched document used to be.
        for agency, part in b.contributed[block["slot"]]:
            b.para("p", f"{agency}:")
            _paragraphs(b, part)
        return
    if not text:
        b.para(
            "note",
            _("[Phần do cán bộ viết: %(label)s]") % {"label": block.get("label") or block["slot"]},
        )
        return
    _paragraphs(b, text)


def _paragraphs(b: Builder, text: str) -> None:
    for paragraph in (p.strip() for p in text.splitlines()):
        if paragraph:
            b.para("item" if paragraph.startswith(("-", "+")) else "p", paragraph)


def _text(b: Builder, block: dict) -> None:
    b.para("p", block["text"])


BLOCKS: dict[str, Callable[[Builder, dict], None]] = {
    "figures": _figures,
    "documents": _documents,
    "campaigns": _campaigns,
    "cooperation": _cooperation,
    "narrative": _narrative,
    "text": _text,
}


def compile_report(report: Report, *, progress: Progress | None = None) -> dict[str, Any]:
    from ctip.reporting.annex import annex_tables
    from ctip.reporting.header import header

    b = Builder(report)
    b.sections(report.template.outline["sections"], 1, progress)
    corrections = _corrections(b)
    if progress:
        progress(85, _("Phụ lục số liệu"))
    annex = annex_tables(b, report.template.outline.get("annex", []))
    if progress:
        progress(95, _("Nguồn gốc số liệu"))
    _count_records(b)
    return {
        "header": header(report),
        "body": b.body,
        "figures": b.figures,
        "annex": annex,
        "threshold": b.threshold,
        "audience": report.audience,
        "corrections": corrections,
    }


def _corrections(b: Builder) -> list[int]:
    """Corrections to reports already issued for this territory not shown in a later issued
    report: listed after the sections, each with its effect on the issued figures."""
    from ctip.reporting.models import Correction

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
