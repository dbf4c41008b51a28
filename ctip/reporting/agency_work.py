"""The `agency_work` block: one paragraph per agency saying what it did, for whom and how, with
its figures, as a provincial review reads ("- Công an tỉnh: Tổ chức 98 buổi tuyên truyền cho
Nhân dân, giáo viên và học sinh, sinh viên, với hơn 3.000 lượt người tham gia; ...").

Every word pattern comes from the template (see `check_agency_work` in outline.py for the
schema): a clause per kind of activity, with a variant for work recorded without a figure, and
slots for partners, theme, audiences, attendance and the campaign it answered. Figures come from
the indicator registry, grouped by agency (today's heir, named as it stood at the period's end)
and kind; partners, themes and campaigns are words, read from the same records. Agencies whose
work reads the same and has no figure share one paragraph ("Viện kiểm sát ..., Tòa án ...:")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.db.models.functions import Coalesce

from ctip.agencies.models import Agency
from ctip.indicators.naming import agency_names_at
from ctip.indicators.queries import compute
from ctip.indicators.raw import records_behind
from ctip.reporting.builder import Builder, Segment, worded
from ctip.reporting.phrasing import enumerate_vi, local_name, lower_first, upper_first

ACTIVITIES = "prevention.activities"


@dataclass
class Work:
    """What one agency did of one kind in the period."""

    kind: str
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # indicator -> compute row
    groups: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    plain_themes: set[str] = field(default_factory=set)
    campaigns: set[str] = field(default_factory=set)
    campaign_themes: set[str] = field(default_factory=set)
    without_campaign: bool = False


def agency_work(b: Builder, block: dict) -> None:
    if not b.in_use(ACTIVITIES):
        b.unused(ACTIVITIES)
        return
    kinds = [k["kind"] for k in block["kinds"]]
    codes = [ACTIVITIES, *_figure_codes(block)]
    span: dict[str, Any] = {"unit": b.unit, "start": b.start, "end": b.end}
    works: dict[int, dict[str, Work]] = {}
    rows = compute(codes, by=("agency", "kind"), records=True, **span)
    agency_pk = _agency_pks({r["agency"]["code"] for r in rows})
    for r in rows:
        kind, heir = r["kind"]["code"], agency_pk.get(r["agency"]["code"])
        if heir and kind in kinds and (r["indicator"] != ACTIVITIES or b.listed(r)):
            works.setdefault(heir, {}).setdefault(kind, Work(kind)).rows[r["indicator"]] = r
    works = {a: w for a, w in works.items() if any(ACTIVITIES in x.rows for x in w.values())}
    _add_groups(b, block, works, span, agency_pk)
    _add_words(b, works, span)
    contributed = b.contributed_by_agency(block.get("slot", ""))
    if not works and not contributed:
        if block.get("zero"):
            b.para("p", block["zero"])
        return
    agencies = _ordered(block, set(works) | set(contributed))
    names = agency_names_at([a.pk for a in agencies], unit=b.unit, day=b.end)
    if block.get("intro"):
        b.para("p", block["intro"])
    paragraphs = [
        (_short(b, names[a.pk]), _clauses(b, block, a, works.get(a.pk, {}), _short(b, names[a.pk])))
        for a in agencies
    ]
    _emit(b, paragraphs, contributed, agencies)


def _figure_codes(block: dict) -> list[str]:
    found = [k["figure"] for k in block["kinds"] if k.get("figure")]
    found += [e["indicator"] for e in block.get("extras", [])]
    return list(dict.fromkeys(found))


def _agency_pks(codes: set[str]) -> dict[str, int]:
    """The agencies behind the codes of a breakdown, in one query."""
    found = Agency.objects.filter(code__in=[c for c in codes if c])
    return dict(found.values_list("code", "pk"))


def _add_groups(
    b: Builder, block: dict, works: dict, span: dict, agency_pk: dict[str, int]
) -> None:
    """The audiences of each agency's work of each kind, in the template's words."""
    keep = block.get("keep_case", [])
    for r in compute([ACTIVITIES], by=("agency", "kind", "target_group"), **span):
        if not r["target_group"]["code"] or not b.listed(r):
            continue
        work = works.get(agency_pk.get(r["agency"]["code"]), {}).get(r["kind"]["code"])
        if work is not None:
            work.groups.append(lower_first(r["target_group"]["name"], keep))


def _add_words(b: Builder, works: dict, span: dict) -> None:
    """Partners, themes and campaigns: words from the same records the figures count."""
    records = records_behind(ACTIVITIES, **span).order_by()
    # Grouped as `compute` groups them: by the heir, or the agency itself before its heir is set.
    heir = Coalesce(F("agency__rollup_agency"), F("agency"))
    for row in records.values("kind", "campaign", "theme", h=heir).distinct():
        work = works.get(row["h"], {}).get(row["kind"])
        if work is None:
            continue
        theme = " ".join(row["theme"].split())
        if row["campaign"]:
            work.campaigns.add(row["campaign"])
            if theme:
                work.campaign_themes.add(theme)
        else:
            work.without_campaign = True
            if theme:
                work.plain_themes.add(theme)
    partners = records.filter(partners__isnull=False).values("kind", h=heir, p=F("partners__name"))
    for row in partners.distinct().order_by("p"):
        work = works.get(row["h"], {}).get(row["kind"])
        if work is not None:
            work.partners.append(_short(b, row["p"]))


def _ordered(block: dict, pks: set[int]) -> list[Any]:
    order = {kind: n for n, kind in enumerate(block.get("order", []))}
    agencies = Agency.objects.filter(pk__in=pks)
    return sorted(agencies, key=lambda a: (order.get(a.kind, len(order)), a.name, a.pk))


def _short(b: Builder, name: str) -> str:
    return local_name(name, b.unit.name)


def _clauses(
    b: Builder, block: dict, agency: Any, works: dict[str, Work], name: str
) -> list[list[Segment | str]]:
    """One clause per kind of work, in the template's order."""
    clauses = []
    for spec in block["kinds"]:
        work = works.get(spec["kind"])
        if work is not None:
            clauses.append(_clause(b, block, spec, work, agency, name))
    return clauses


def _clause(
    b: Builder, block: dict, spec: dict, work: Work, agency: Any, name: str
) -> list[Segment | str]:
    slots = block.get("slots", {})
    where = {"agency": agency.pk, "kind": work.kind}
    out: list[Segment | str] = []
    if work.partners and slots.get("partners"):
        out.append(slots["partners"].replace("{list}", enumerate_vi(work.partners)))
    main = work.rows.get(spec.get("figure", ""))
    if main is not None and not b.zero(main) and spec.get("text"):
        figure = b.figure(main, where, name)
        out += worded(spec, figure)
    else:
        out.append(spec["blank"])
    if len(work.plain_themes) == 1 and slots.get("theme"):
        theme = lower_first(next(iter(work.plain_themes)), block.get("keep_case", []))
        out.append(slots["theme"].replace("{theme}", theme.rstrip(".")))
    if work.groups and slots.get("groups") and not spec.get("no_groups"):
        out.append(slots["groups"].replace("{list}", enumerate_vi(work.groups)))
    for extra in block.get("extras", []):
        row = work.rows.get(extra["indicator"])
        if row is not None and not b.zero(row):
            figure = b.figure(row, where, name)
            out += worded(extra, figure)
    out += _campaign_words(block, work)
    return out


def _campaign_words(block: dict, work: Work) -> list[Segment | str]:
    slots, names = block.get("slots", {}), block.get("campaigns", {})
    known = [names[c] for c in sorted(work.campaigns) if c in names]
    if not known:
        return []
    key = "campaign_part" if work.without_campaign else "campaign"
    out: list[Segment | str] = [
        slots.get(key, " {campaign}").replace("{campaign}", " và ".join(known))
    ]
    themes = [t for t in sorted(work.campaign_themes) if not _said(t, known)]
    if len(themes) == 1 and slots.get("message"):
        out.append(slots["message"].replace("{theme}", themes[0].rstrip(".")))
    return out


def _said(theme: str, phrases: list[str]) -> bool:
    """A theme that only repeats the campaign's name ("Ngày toàn dân ... 30/7") adds nothing."""

    def letters(text: str) -> str:
        return re.sub(r"\W+", " ", text.casefold()).strip()

    return any(letters(theme) in letters(p) or letters(p) in letters(theme) for p in phrases)


def _emit(
    b: Builder,
    paragraphs: list[tuple[str, list[list[Segment | str]]]],
    contributed: dict[int, str],
    agencies: list[Any],
) -> None:
    """One paragraph per agency; neighbours whose work reads the same, without figures, share
    one; an agency's accepted text for this section follows its own figures."""
    merged: list[tuple[list[str], list[list[Segment | str]], list[str]]] = []
    for agency, (name, clauses) in zip(agencies, paragraphs, strict=True):
        own = contributed.get(agency.pk, "")
        plain = not own and all(isinstance(s, str) for c in clauses for s in c)
        if merged and plain and not merged[-1][2] and _same(merged[-1][1], clauses):
            merged[-1][0].append(name)
            continue
        merged.append(([name], clauses, [own] if own else []))
    for names, clauses, texts in merged:
        segments: list[Segment | str] = [f"- {', '.join(names)}: "]
        for n, clause in enumerate(clauses):
            if n:
                segments.append("; ")
            segments += _capitalised(clause) if n == 0 else clause
        if clauses:
            segments.append(".")
        for text in texts:
            segments.append((" " if clauses else "") + " ".join(text.split()))
        b.para("item", *segments)


def _same(a: list[list[Segment | str]], c: list[list[Segment | str]]) -> bool:
    return a == c and all(isinstance(s, str) for clause in a for s in clause)


def _capitalised(clause: list[Segment | str]) -> list[Segment | str]:
    if clause and isinstance(clause[0], str):
        return [upper_first(clause[0]), *clause[1:]]
    return clause
