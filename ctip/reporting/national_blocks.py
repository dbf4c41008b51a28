"""The national review's documents, campaigns and cooperation as a ministry writes them (issue
27, ADR 0016): the provinces' own documents counted by kind ("các tỉnh, thành phố đã ban hành
120 kế hoạch, 45 công văn ..."), the campaigns counted with their lead sectors, the cooperation
activities counted by kind and by counterpart country, instead of one line per record of the
country. The central documents and campaigns are still listed, by blocks.py.

Every figure is an indicator's value (`compute`, one query per breakdown) registered through the
builder like the `figures` block's; a group (a kind, a sector, a country) is named only when
`b.listed` says so. The sentences are the block's `national` words in the template
(outline.NATIONAL_WORDS); a template without them keeps the listing, with a hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.geo.models import Level, Unit
from ctip.indicators.queries import compute
from ctip.reporting.agency_work import SECTORS, _sector_in_sentence
from ctip.reporting.builder import Builder, Segment
from ctip.reporting.phrasing import lower_first, upper_first

LOCAL_DOCUMENTS = "directives.local_documents"
CAMPAIGNS = "enforcement.campaigns"
COOPERATION = "cooperation.activities"


def national_words(b: Builder, block: dict) -> dict | None:
    """The block's national sentences when the review is the country's; None for a province's
    review (which stays as it was) and for a template copied before they existed."""
    if b.unit.level != Level.COUNTRY:
        return None
    words = block.get("national")
    if not words:
        b.hint(
            _(
                "[Mẫu báo cáo chưa có mẫu câu tổng hợp toàn quốc cho khối “%(type)s”: "
                "các bản ghi được liệt kê từng dòng.]"
            )
            % {"type": block["type"]}
        )
        return None
    return words


def _span(b: Builder) -> dict[str, Any]:
    return {"unit": b.unit, "start": b.start, "end": b.end}


def local_document_kinds(b: Builder) -> list[dict[str, Any]]:
    """The provinces' own documents of the period by kind, the largest first (named groups
    only)."""
    rows = compute([LOCAL_DOCUMENTS], by=("kind",), records=True, **_span(b))
    return _ranked(b, rows, "kind")


def local_documents(b: Builder, words: dict, kinds: list[dict[str, Any]]) -> None:
    """ "Có 30 tỉnh, thành phố đã ban hành 120 kế hoạch, 45 công văn và 12 chỉ thị ...": the
    kinds' figures, and how many of today's provinces issued any (the same indicator broken down
    by today's province; `local` when every province did)."""
    if not kinds:
        b.para("p", words["local_zero"])
        return
    by_province = compute([LOCAL_DOCUMENTS], by=("unit",), level=Level.PROVINCE, **_span(b))
    # Records placed in no province today count nationally only: not a province.
    counted = [r for r in by_province if r["unit"]["code"] and b.listed(r)]
    listed = _listing(
        b, kinds, "kind", words["local_kind"], "{kind}", lambda r: lower_first(r["kind"]["name"])
    )
    b.para("p", *_filled(_issued_by(words, counted), listed))


def _issued_by(words: dict, counted: list[dict[str, Any]]) -> str:
    """Who issued them: "Các tỉnh, thành phố" only when every province of today did; one
    province by its name ("Tỉnh Quảng Ngãi", as the review names units); "Có 30 tỉnh, thành
    phố" for some; and, when none is counted (documents recorded by a central body, or in
    groups too small to name), a sentence that counts no province and claims none."""
    if not counted:
        return words["local_unplaced"]
    if len(counted) == 1:
        return words["local_one"].replace("{province}", upper_first(counted[0]["unit"]["name"]))
    if len(counted) >= _provinces_today():
        return words["local"]
    return words["local_partial"].replace("{provinces}", str(len(counted)))


def _provinces_today() -> int:
    """The provinces a national breakdown is by (today's, ADR 0016)."""
    return Unit.objects.valid_on(timezone.localdate()).filter(level=Level.PROVINCE).count()


def campaign_count(b: Builder, words: dict) -> None:
    """ "Trong kỳ, lực lượng chức năng các cấp đã mở 25 đợt cao điểm ..., trong đó lực lượng
    Công an chủ trì 18 đợt và Bộ đội Biên phòng chủ trì 7 đợt.": the count, and each
    lead sector's (the per-agency figures summed by the kind of today's heir, as agency work
    does)."""
    span = _span(b)
    total = compute([CAMPAIGNS], records=True, **span)[0]
    if b.zero(total):
        if words.get("zero"):
            b.para("p", words["zero"])
        return
    segments = _worded(words["count"], b.figure(total, {}, b.unit.name))
    sectors = _by_sector(compute([CAMPAIGNS], by=("agency",), records=True, **span))
    shown = sorted(
        ((k, r) for k, r in sectors.items() if b.listed(r)),
        key=lambda kr: (-int(kr[1]["value"] or 0), str(SECTORS.get(kr[0], kr[0]))),
    )
    alone = len(sectors) == 1 and bool(shown) and shown[0][1]["value"] == total["value"]
    if alone and words.get("sector_one"):
        # Every peak led by one sector: its share is the count, so no "trong đó", no figure.
        segments.append(words["sector_one"].replace("{sector}", _sector_in_sentence(shown[0][0])))
    elif shown and words.get("sectors"):
        items = [
            _worded(
                words["sector"].replace("{sector}", _sector_in_sentence(kind)),
                b.figure(row, {"agency_kind": kind}, str(SECTORS.get(kind, kind))),
            )
            for kind, row in shown
        ]
        segments += _filled(words["sectors"], _joined(items))
    segments.append(words.get("end", "."))
    b.para("p", *segments)


def _by_sector(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per-agency rows added up by the kind of the agency (today's heir) they group by."""
    codes = [r["agency"]["code"] for r in rows if r["agency"]["code"]]
    kinds = dict(Agency.objects.filter(code__in=codes).values_list("code", "kind"))
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        kind = kinds.get(row["agency"]["code"])
        if not kind:
            continue
        seen = found.get(kind)
        if seen is None:
            found[kind] = {k: v for k, v in row.items() if k != "agency"}
            continue
        seen["value"] = int(seen["value"] or 0) + int(row["value"] or 0)
        seen["estimate"] = bool(seen["estimate"] or row["estimate"])
        seen["records"] = int(seen.get("records") or 0) + int(row.get("records") or 0)
    return found


def cooperation_summary(b: Builder, words: dict) -> None:
    """Two items after the count of activities: by kind of cooperation, and by counterpart
    country (the first few named, "và N nước khác")."""
    span = _span(b)
    kinds = _ranked(
        b,
        compute([COOPERATION], by=("cooperation_kind",), records=True, **span),
        "cooperation_kind",
    )
    countries = _ranked(
        b,
        compute([COOPERATION], by=("counterpart_country",), records=True, **span),
        "counterpart_country",
    )
    lines: list[list[Segment | str]] = []
    if kinds:
        listed = _listing(b, kinds, "cooperation_kind", words["kind"], "{kind}", _kind_name)
        lines.append(_filled(words["kinds"], listed))
    if countries:
        top = countries[: int(words.get("top", 5))]
        items = [
            _worded(
                words["country"].replace("{country}", r["counterpart_country"]["name"]),
                _figure(b, r, "counterpart_country"),
            )
            for r in top
        ]
        if len(countries) > len(top):
            items.append([words["others"].replace("{count}", str(len(countries) - len(top)))])
        lines.append(_filled(words["countries"], _joined(items)))
    for n, line in enumerate(lines):
        mark = "." if n == len(lines) - 1 else ";"
        b.para("item", "- ", *line, mark)


def _kind_name(row: dict[str, Any]) -> str:
    return lower_first(row["cooperation_kind"]["name"])


def _ranked(b: Builder, rows: list[dict[str, Any]], dim: str) -> list[dict[str, Any]]:
    """The groups a sentence names: listed, with a key, the largest first, then by name."""
    named = [r for r in rows if r[dim]["code"] and b.listed(r)]
    return sorted(named, key=lambda r: (-int(r["value"] or 0), r[dim]["name"]))


def _figure(b: Builder, row: dict[str, Any], dim: str) -> Segment:
    return b.figure(row, {dim: row[dim]["code"]}, row[dim]["name"])


def _listing(
    b: Builder,
    rows: list[dict[str, Any]],
    dim: str,
    pattern: str,
    slot: str,
    name: Callable[[dict[str, Any]], str],
) -> list[Segment | str]:
    """ "120 kế hoạch, 45 công văn và 12 chỉ thị": each group's figure in the pattern."""
    return _joined([_worded(pattern.replace(slot, name(r)), _figure(b, r, dim)) for r in rows])


def _worded(pattern: str, figure: Segment) -> list[Segment | str]:
    before, _sep, after = pattern.partition("{value}")
    return [before, figure, after]


def _joined(items: list[list[Segment | str]]) -> list[Segment | str]:
    """Items as a clerk lists them: "A, B và C". Not phrasing.enumerate_vi: the items are
    segments holding figures (the reader's links to their records), not strings, and two items
    that read the same ("1 đợt" of two sectors) are both kept."""
    out: list[Segment | str] = []
    for n, item in enumerate(items):
        if n:
            out.append(" và " if n == len(items) - 1 else ", ")
        out += item
    return out


def _filled(pattern: str, listed: list[Segment | str]) -> list[Segment | str]:
    before, _sep, after = pattern.partition("{list}")
    return [before, *listed, after]
