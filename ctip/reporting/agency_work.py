"""The `agency_work` block: one paragraph per agency saying what it did, for whom and how, with
its figures, as a provincial review reads ("- Công an tỉnh: Tổ chức 98 buổi tuyên truyền cho
Nhân dân, giáo viên và học sinh, sinh viên, với hơn 3.000 lượt người tham gia; ...").

Every word pattern comes from the template (see `check_agency_work` in outline.py for the
schema): a clause per kind of activity, with a variant for work recorded without a figure, and
slots for partners, theme, audiences, attendance and the campaign it answered. Figures come from
the indicator registry, grouped by agency (today's heir, named as it stood at the period's end)
and kind; partners, themes and campaigns are words, read from the same records. Agencies whose
work reads the same and has no figure share one paragraph ("Viện kiểm sát ..., Tòa án ...:").

The national review (ADR 0016, issue 27) does not list the country's thousand agencies one by
one: it speaks of each sector ("Lực lượng Công an", "Ngành Kiểm sát"), with the sums of that
kind's agencies: the same per-agency aggregates, added up by the heir's kind in Python (about
a thousand rows); its words (themes, campaigns, partners named by their sector) are read grouped
by that kind in SQL, one query each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _l

from ctip.agencies.models import Agency, Kind
from ctip.geo.models import Level
from ctip.indicators.naming import agency_names_at
from ctip.indicators.queries import compute
from ctip.indicators.raw import records_behind
from ctip.reporting.builder import Builder, Segment, worded
from ctip.reporting.phrasing import enumerate_vi, local_name, lower_first, upper_first

ACTIVITIES = "prevention.activities"

# Each kind of agency as the national review names its sector: the police of every province
# are "Lực lượng Công an", the procuracies "Ngành Kiểm sát", the unions "... các cấp".
SECTORS: dict[str, Any] = {
    Kind.POLICE: _l("Lực lượng Công an"),
    Kind.BORDER_GUARD: _l("Bộ đội Biên phòng"),
    Kind.COAST_GUARD: _l("Lực lượng Cảnh sát biển"),
    Kind.PROCURACY: _l("Ngành Kiểm sát"),
    Kind.COURT: _l("Ngành Tòa án"),
    Kind.SOCIAL_PROTECTION: _l("Các cơ quan bảo trợ xã hội"),
    Kind.FOREIGN_AFFAIRS: _l("Ngành Ngoại giao"),
    Kind.EDUCATION: _l("Ngành Giáo dục và Đào tạo"),
    Kind.INFORMATION: _l("Ngành Thông tin và Truyền thông"),
    Kind.WOMENS_UNION: _l("Hội Liên hiệp Phụ nữ các cấp"),
    Kind.YOUTH_UNION: _l("Đoàn Thanh niên các cấp"),
    Kind.FATHERLAND_FRONT: _l("Mặt trận Tổ quốc các cấp"),
    Kind.LABOUR_FEDERATION: _l("Công đoàn các cấp"),
    Kind.VETERANS: _l("Hội Cựu chiến binh các cấp"),
    Kind.FARMERS: _l("Hội Nông dân các cấp"),
    Kind.PEOPLE_COMMITTEE: _l("Ủy ban nhân dân các cấp"),
    Kind.JUSTICE: _l("Ngành Tư pháp"),
    Kind.LEGAL_AID: _l("Các Trung tâm Trợ giúp pháp lý nhà nước"),
    Kind.OTHER: _l("Các cơ quan, tổ chức khác"),
}


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
    national = b.unit.level == Level.COUNTRY
    # Who a paragraph speaks for: the agency (its pk), or nationally its kind ("police").
    works: dict[Any, dict[str, Work]] = {}
    rows = compute(codes, by=("agency", "kind"), records=True, **span)
    agency_pk, kind_of = _agencies({r["agency"]["code"] for r in rows})
    holder = kind_of.get if national else (lambda pk: pk)
    for r in rows:
        kind, heir = r["kind"]["code"], agency_pk.get(r["agency"]["code"])
        if heir and kind in kinds:
            work = works.setdefault(holder(heir), {}).setdefault(kind, Work(kind))
            _add_row(work, r)
    _unlisted_out(b, works)
    works = {a: w for a, w in works.items() if any(ACTIVITIES in x.rows for x in w.values())}
    by_pk = {pk: holder(pk) for pk in agency_pk.values()}
    _add_groups(b, block, works, span, {c: by_pk[pk] for c, pk in agency_pk.items()})
    _add_words(b, works, span, national)
    contributed: dict[Any, str] = b.contributed_by_agency(block.get("slot", ""))
    if national:
        contributed = _by_sector(contributed)
    if not works and not contributed:
        if block.get("zero"):
            b.para("p", block["zero"])
        return
    if block.get("intro"):
        b.para("p", block["intro"])
    if national:
        sectors = _sectors(block, set(works) | set(contributed))
        paragraphs = [
            (name, _clauses(b, block, {"agency_kind": k}, works.get(k, {}), name))
            for k, name in sectors
        ]
        _emit(b, paragraphs, contributed, [k for k, _name in sectors])
        return
    agencies = _ordered(block, set(works) | set(contributed))
    names = agency_names_at([a.pk for a in agencies], unit=b.unit, day=b.end)
    paragraphs = [
        (
            _short(b, names[a.pk]),
            _clauses(b, block, {"agency": a.pk}, works.get(a.pk, {}), _short(b, names[a.pk])),
        )
        for a in agencies
    ]
    _emit(b, paragraphs, contributed, [a.pk for a in agencies])


def _unlisted_out(b: Builder, works: dict[Any, dict[str, Work]]) -> None:
    """Work whose count of activities is withheld is not named: judged on the sum a sector's
    paragraph shows, not on each agency's row."""
    for by_kind in works.values():
        for kind, work in list(by_kind.items()):
            if ACTIVITIES in work.rows and not b.listed(work.rows[ACTIVITIES]):
                del work.rows[ACTIVITIES]
            if not work.rows:
                del by_kind[kind]


def _add_row(work: Work, row: dict[str, Any]) -> None:
    """A compute row into a work: nationally, the rows of every agency of the sector add up
    (an activity has one agency, so its records are counted once)."""
    found = work.rows.get(row["indicator"])
    if found is None:
        work.rows[row["indicator"]] = row
        return
    found = {**found, "value": int(found["value"] or 0) + int(row["value"] or 0)}
    found["estimate"] = bool(found["estimate"] or row["estimate"])
    if "records" in row:
        found["records"] = int(found.get("records") or 0) + int(row["records"] or 0)
    work.rows[row["indicator"]] = found


def _by_sector(contributed: dict[int, str]) -> dict[Any, str]:
    """Agencies' accepted texts, nationally: each after its sector's figures."""
    kinds = dict(Agency.objects.filter(pk__in=list(contributed)).values_list("pk", "kind"))
    found: dict[Any, list[str]] = {}
    for pk in sorted(contributed):
        found.setdefault(kinds.get(pk), []).append(contributed[pk])
    return {k: " ".join(texts) for k, texts in found.items() if k}


def _sectors(block: dict, kinds: set[str]) -> list[tuple[str, str]]:
    """The sectors of the national review, in the template's order of kinds of agency."""
    order = {kind: n for n, kind in enumerate(block.get("order", []))}
    names = {k: str(SECTORS.get(k, Kind(k).label if k in Kind.values else k)) for k in kinds}
    ranked = sorted(kinds, key=lambda k: (order.get(k, len(order)), names[k]))
    return [(k, names[k]) for k in ranked]


def _figure_codes(block: dict) -> list[str]:
    found = [k["figure"] for k in block["kinds"] if k.get("figure")]
    found += [e["indicator"] for e in block.get("extras", [])]
    return list(dict.fromkeys(found))


def _agencies(codes: set[str]) -> tuple[dict[str, int], dict[int, str]]:
    """The agencies behind the codes of a breakdown, in one query: {code: pk}, {pk: kind}."""
    found = Agency.objects.filter(code__in=[c for c in codes if c])
    rows = list(found.values_list("code", "pk", "kind"))
    return {c: pk for c, pk, _k in rows}, {pk: k for _c, pk, k in rows}


def _add_groups(b: Builder, block: dict, works: dict, span: dict, holder: dict[str, Any]) -> None:
    """The audiences of each agency's (sector's) work of each kind, in the template's words."""
    keep = block.get("keep_case", [])
    # A group is named on its sector's count, not on each agency's (disclosure: five agencies
    # with one activity each for a group have five); an agency's is its own.
    counts: dict[tuple[Any, str, str], dict[str, Any]] = {}
    for r in compute([ACTIVITIES], by=("agency", "kind", "target_group"), **span):
        if not r["target_group"]["code"]:
            continue
        key = (holder.get(r["agency"]["code"]), r["kind"]["code"], r["target_group"]["name"])
        found = counts.setdefault(key, {"indicator": r["indicator"], "value": 0})
        found["value"] += int(r["value"] or 0)
    for (who, kind, name), row in counts.items():
        work = works.get(who, {}).get(kind)
        group = lower_first(name, keep)
        if work is not None and b.listed(row) and group not in work.groups:
            work.groups.append(group)


def _add_words(b: Builder, works: dict, span: dict, national: bool) -> None:
    """Partners, themes and campaigns: words from the same records the figures count."""
    records = records_behind(ACTIVITIES, **span).order_by()
    # Grouped as `compute` groups them: by the heir, or the agency itself before its heir is set;
    # nationally by the heir's kind, in SQL (a few hundred distinct rows, not tens of thousands).
    heir: Any = Coalesce(F("agency__rollup_agency"), F("agency"))
    if national:
        heir = F("agency__rollup_agency__kind")
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
    # Nationally a partner is named by its sector too: "cùng Hội Liên hiệp Phụ nữ các cấp", not
    # a list of every province's union.
    named = F("partners__kind") if national else F("partners__name")
    partners = records.filter(partners__isnull=False).values("kind", h=heir, p=named)
    for row in partners.distinct().order_by("p"):
        work = works.get(row["h"], {}).get(row["kind"])
        partner = _sector_in_sentence(row["p"]) if national else _short(b, row["p"])
        if work is not None and partner not in work.partners:
            work.partners.append(partner)


def _sector_in_sentence(kind: str) -> str:
    """A sector's name inside a sentence: "cùng ngành Giáo dục và Đào tạo, lực lượng Công an";
    names of organisations ("Hội Liên hiệp Phụ nữ các cấp") keep their capital."""
    name = str(SECTORS.get(kind, kind))
    return lower_first(name) if name.startswith(("Ngành ", "Lực lượng ", "Các ")) else name


def _ordered(block: dict, pks: set[int]) -> list[Any]:
    order = {kind: n for n, kind in enumerate(block.get("order", []))}
    agencies = Agency.objects.filter(pk__in=pks)
    return sorted(agencies, key=lambda a: (order.get(a.kind, len(order)), a.name, a.pk))


def _short(b: Builder, name: str) -> str:
    return local_name(name, b.unit.name)


def _clauses(
    b: Builder, block: dict, who: dict[str, Any], works: dict[str, Work], name: str
) -> list[list[Segment | str]]:
    """One clause per kind of work, in the template's order."""
    clauses = []
    for spec in block["kinds"]:
        work = works.get(spec["kind"])
        if work is not None:
            clauses.append(_clause(b, block, spec, work, who, name))
    return clauses


def _clause(
    b: Builder, block: dict, spec: dict, work: Work, who: dict[str, Any], name: str
) -> list[Segment | str]:
    slots = block.get("slots", {})
    where = {**who, "kind": work.kind}
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
    contributed: dict[Any, str],
    holders: list[Any],
) -> None:
    """One paragraph per agency (sector); neighbours whose work reads the same, without
    figures, share one; an agency's accepted text for this section follows its own figures."""
    merged: list[tuple[list[str], list[list[Segment | str]], list[str]]] = []
    for holder, (name, clauses) in zip(holders, paragraphs, strict=True):
        own = contributed.get(holder, "")
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
