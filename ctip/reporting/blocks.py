"""The outline's blocks turned into paragraphs: figures in prose, documents, campaigns,
cooperation, narratives and fixed text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.cooperation.models import CooperationActivity
from ctip.directives.models import Document
from ctip.directives.symbols import KINDS
from ctip.enforcement.models import Campaign
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY
from ctip.reporting.builder import Builder, Progress, Segment
from ctip.reporting.prose import vn_date


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


def outline_sections(
    b: Builder, sections: list[dict], depth: int, progress: Progress | None
) -> None:
    """The template's sections in order, each heading followed by its blocks."""
    for i, section in enumerate(sections):
        if progress and depth == 1:
            progress(int(80 * i / max(len(sections), 1)), section["title"])
        kind = "h1" if depth == 1 else "h2" if depth == 2 else "h3"
        b.para(kind, f"{section['numeral']} {section['title']}")
        for block in section.get("blocks", []):
            BLOCKS[block["type"]](b, block)
        outline_sections(b, section.get("sections", []), depth + 1, None)
