"""The outline's blocks turned into paragraphs: figures in prose, documents, campaigns,
cooperation, narratives and fixed text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.cooperation.models import CooperationActivity
from ctip.core.countries import country_name
from ctip.directives.models import Document, Task
from ctip.directives.symbols import KINDS, OFFICIAL_LETTER
from ctip.enforcement.models import Campaign
from ctip.geo.models import Level
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.naming import agency_names_at
from ctip.indicators.queries import compute
from ctip.indicators.raw import records_behind
from ctip.indicators.registry import REGISTRY
from ctip.reporting.agency_work import agency_work
from ctip.reporting.builder import Builder, Progress, Segment, worded
from ctip.reporting.national_blocks import (
    LOCAL_DOCUMENTS,
    campaign_count,
    cooperation_summary,
    local_document_kinds,
    local_documents,
    national_words,
)
from ctip.reporting.phrasing import (
    enumerate_vi,
    local_name,
    lower_first,
    territory_block,
    territory_words,
    unit_place,
)
from ctip.reporting.prose import vn_date


def _figures(b: Builder, block: dict) -> None:
    parts = block["parts"]
    unused = [p["indicator"] for p in parts if not b.in_use(p["indicator"])]
    if len(unused) == len(parts):
        b.unused(parts[0]["indicator"])
        return
    if block.get("by") == "agency":
        _figures_by_agency(b, block)
        return
    codes = [p["indicator"] for p in parts]
    rows = {r["indicator"]: r for r in compute(codes, records=True, **_span(b))}
    if all(b.zero(rows[p["indicator"]]) for p in parts) and "zero" in block:
        if block["zero"]:
            b.para("p", block["zero"])
        return
    segments: list[Segment | str] = [block.get("intro", "")]
    shown = 0
    for part in parts:
        words = _part(b, part, rows[part["indicator"]], {}, b.unit.name)
        if words:
            if shown:
                segments.append(part.get("joiner", block.get("joiner", ", ")))
            segments += words
            shown += 1
    segments.append(block.get("end", "."))
    b.para("p", *segments)


def _part(
    b: Builder, part: dict, row: dict[str, Any], where: dict[str, Any], where_name: str
) -> list[Segment | str]:
    """A figure's words in the template's variant for its value: `zero` (a sentence without
    the figure, or nothing when the template gives none), `one`, or `text`."""
    if b.zero(row):
        return [part["zero"]] if part.get("zero") else []
    figure = b.figure(row, where, where_name)
    return worded(part, figure)


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
    if block.get("intro"):
        b.para("p", block["intro"])
    agencies = list(Agency.objects.filter(code__in=codes).order_by("pk"))
    names = agency_names_at([a.pk for a in agencies], unit=b.unit, day=b.end)
    for agency in agencies:
        name = local_name(names[agency.pk], b.unit.name)
        segments: list[Segment | str] = [f"- {name}: "]
        shown = [p for p in parts if (p["indicator"], agency.code) in values]
        for n, part in enumerate(shown):
            if n:
                segments.append(", ")
            row = values[(part["indicator"], agency.code)]
            segments += _part(b, part, row, {"agency": agency.pk}, name)
        segments.append(".")
        b.para("item", *segments)


def _span(b: Builder) -> dict[str, Any]:
    return {"unit": b.unit, "start": b.start, "end": b.end}


def _directives(b: Builder) -> tuple[list[Document], list[Document]]:
    """The territory's own documents of the period (issued by its agencies), and the central
    ones its work carried out: those recorded in the period and those they implement."""
    covered = covered_unit_ids(b.unit)
    tasks = Prefetch("tasks", Task.objects.select_related("agency").order_by("pk"))
    recorded = list(
        Document.objects.filter(recorded_by__unit__in=covered, date__range=(b.start, b.end))
        .prefetch_related("issuers", tasks)
        .order_by("date", "pk")
    )
    place = unit_place(b.unit.name)
    own_ids = set(
        Document.objects.filter(
            pk__in=[d.pk for d in recorded], issuers__unit__in=covered
        ).values_list("pk", flat=True)
    )
    own = [
        d
        for d in recorded
        if d.pk in own_ids or (not d.party and not d.issuers.all() and place in d.issuer_name)
    ]
    central = [d for d in recorded if d not in own]
    # Older central documents the province's own documents carry out (not those a central
    # document merely cites: the review names those inside the citing document's title).
    related = (
        Document.objects.filter(relations_in__source__in=[d.pk for d in own])
        .exclude(pk__in=[d.pk for d in recorded])
        .prefetch_related("issuers", tasks)
        .distinct()
        .order_by("date", "pk")
    )
    return own, central + list(related)


def _documents(b: Builder, block: dict) -> None:
    national = national_words(b, block)
    if national is not None:
        _national_documents(b, block, national)
        return
    own, central = _directives(b)
    if not own and not central:
        b.para("p", block["zero"])
        return
    if own:
        b.para("p", block["intro_own"])
        b.items([_document_words(b, block, d, tasks=True) for d in own])
    if central:
        b.para("p", block["intro_central"])
        b.items([_document_words(b, block, d, tasks=False) for d in central])


def _national_documents(b: Builder, block: dict, words: dict) -> None:
    """The country's review: the central documents listed as a province's review lists them,
    then the provinces' own documents in one sentence of figures (national_blocks)."""
    central = _central_documents(b)
    kinds = local_document_kinds(b)
    if not central and not kinds:
        b.para("p", block["zero"])
        return
    if central:
        b.para("p", words["intro_central"])
        b.items([_document_words(b, block, d, tasks=False) for d in central])
    local_documents(b, words, kinds)


def _central_documents(b: Builder) -> list[Document]:
    """The documents of the period not issued by a province (the indicator of local documents
    says which are), and the older central ones the provinces' documents carry out."""
    tasks = Prefetch("tasks", Task.objects.select_related("agency").order_by("pk"))
    local = records_behind(LOCAL_DOCUMENTS, unit=b.unit, start=b.start, end=b.end)
    recorded = Document.objects.filter(
        recorded_by__unit__in=covered_unit_ids(b.unit), date__range=(b.start, b.end)
    ).exclude(pk__in=local.values("pk"))
    every_local = Document.objects.filter(REGISTRY[LOCAL_DOCUMENTS].filters).values("pk")
    related = (
        Document.objects.filter(relations_in__source__in=local.values("pk"))
        .exclude(pk__in=every_local)
        .exclude(pk__in=recorded.values("pk"))
        .distinct()
    )
    found = recorded.prefetch_related("issuers", tasks).order_by("date", "pk")
    return list(found) + list(related.prefetch_related("issuers", tasks).order_by("date", "pk"))


def _document_words(b: Builder, block: dict, d: Document, *, tasks: bool) -> str:
    """ "Kế hoạch số 34/KH-UBND ngày 19/02/2021 thực hiện ...; trong đó, giao Công an tỉnh
    chủ trì ..." in the template's pattern."""
    kind = _("Công văn") if d.kind == OFFICIAL_LETTER else KINDS.get(d.kind, _("Văn bản"))
    subject = d.subject.strip().rstrip(".")
    if subject.casefold().startswith(kind.casefold() + " "):
        about = subject[len(kind) + 1 :]
    else:
        about = block["about"].replace("{subject}", lower_first(subject))
    issuer = ""
    if d.issuer_name.casefold() != b.report.authority.casefold():
        # As the register writes it (the issuers' order is the document's own), each named as
        # the report's province names its own agencies.
        names = [local_name(n.strip(), b.unit.name) for n in d.issuer_name.split(",")]
        issuer = block["issuer"].replace("{name}", enumerate_vi(names))
    words = (
        block["item"]
        .replace("{kind}", str(kind))
        .replace("{symbol}", d.number_symbol)
        .replace("{date}", vn_date(d.date))
        .replace("{issuer}", issuer)
        .replace("{about}", about)
    )
    assigned = [
        block["task"]
        .replace("{agency}", local_name(t.agency.name, b.unit.name))
        .replace("{task}", lower_first(t.description.strip().rstrip(".;")))
        for t in d.tasks.all()
    ]
    if tasks and assigned:
        words += block["tasks"].replace("{list}", "; ".join(assigned))
    return words


def _campaigns(b: Builder, block: dict) -> None:
    campaigns = Campaign.objects.filter(
        lead__unit__in=covered_unit_ids(b.unit), start__lte=b.end, end__gte=b.start
    ).select_related("lead")
    intro = block["intro"]
    national = national_words(b, block)
    if national is not None:
        # The country's count with its lead sectors; only the central bodies' peaks listed.
        campaign_count(b, national)
        campaigns = campaigns.filter(lead__unit__level=Level.COUNTRY)
        intro = national["intro_central"]
    lines = [
        block["item"]
        .replace("{name}", c.name)
        .replace("{start}", vn_date(c.start))
        .replace("{end}", vn_date(c.end))
        .replace("{lead}", local_name(c.lead.name, b.unit.name))
        for c in campaigns.order_by("start", "pk")
    ]
    if lines:
        b.para("p", intro)
        b.items(lines)


def _cooperation(b: Builder, block: dict) -> None:
    national = national_words(b, block)
    if national is not None:
        cooperation_summary(b, national)
        return
    activities = CooperationActivity.objects.filter(
        agency__unit__in=covered_unit_ids(b.unit), start__range=(b.start, b.end)
    ).select_related("agency")
    lines = []
    for a in activities.order_by("start", "pk"):
        summary = block["summary"].replace("{summary}", lower_first(a.summary.rstrip(".")))
        lines.append(
            block["item"]
            .replace("{date}", vn_date(a.start))
            .replace("{agency}", local_name(a.agency.name, b.unit.name))
            .replace("{kind}", lower_first(a.get_kind_display()))
            .replace("{counterpart}", a.counterpart)
            .replace("{country}", country_name(a.counterpart_country))
            .replace("{summary}", summary if a.summary else "")
        )
    b.items(lines)


def _narrative(b: Builder, block: dict) -> None:
    """What people wrote: the standing office's own text, else the agencies' accepted parts
    for this section (each under its name, in the outline's agency order), else a hole that
    stops the report from being issued, unless the section is optional."""
    text = (b.report.narratives or {}).get(block["slot"], "").strip()
    contributed = b.contributed_by_agency(block["slot"])
    if not text and contributed:
        agencies = Agency.objects.filter(pk__in=contributed)
        names = agency_names_at([a.pk for a in agencies], unit=b.unit, day=b.end)
        for agency in sorted(agencies, key=lambda a: (a.name, a.pk)):
            name = local_name(names[agency.pk], b.unit.name)
            first, *rest = [p.strip() for p in contributed[agency.pk].splitlines() if p.strip()]
            b.para("item", f"- {name}: {first}")
            for paragraph in rest:
                b.para("p", paragraph)
        return
    if not text:
        if not block.get("optional"):
            b.gap(
                _("[Phần do cán bộ viết: %(label)s]")
                % {"label": block.get("label") or block["slot"]}
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
    "agency_work": agency_work,
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
        title = territory_words(section["title"], b.unit.level)
        b.para(kind, f"{section['numeral']} {title}")
        for block in section.get("blocks", []):
            # The template speaks of a province; the national review, of the country.
            BLOCKS[block["type"]](b, territory_block(block, b.unit.level))
        outline_sections(b, section.get("sections", []), depth + 1, None)
