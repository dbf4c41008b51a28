"""From a report's figures to proposed activities: the figures of one sentence become one
activity ("tổ chức 98 buổi ..., với hơn 3.000 lượt người tham gia": sessions 98, participants
3.000 estimated, since "hơn" bounds it). Pure: no database; services.reading_create saves them.

Only sentences with a figure of prevention work propose an activity. Figures with a column of
their own in an Activity fill it (several of one column in a sentence are added up); the others of
prevention work ("45 băng rôn", "1.200 tờ rơi") are proposed as the activity's notes, for the
officer to keep or drop. The sentence's words also propose the target groups (ctip.ingest.
audiences) and the partners (agencies named after "phối hợp với", "cùng"...; matched to records by
the service, which knows the reader's province).

A sentence with a figure of cases whose verb says they were found or opened ("phát hiện, khởi tố
17 vụ/32 đối tượng") proposes criminal cases to open (`CaseProposal`); cases indicted, tried or
handled ("truy tố", "xét xử", "thụ lý") are cases some agency opened already: the procuracy and the
court record their decisions on them (ctip.enforcement.decisions), so they are not proposed again.
Victims are never proposed: a victim's file is opened at intake, with consent (ctip.victims).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import translation

from ctip.ingest.agency_names import AgencyName, agency_names, is_object
from ctip.ingest.audiences import target_groups
from ctip.ingest.extract import Figure, extract
from ctip.ingest.kinds import label
from ctip.ingest.text import normalise, sentences

# Figure kind -> the Activity count it fills.
COLUMNS = {
    "sessions": "sessions",
    "trainings": "sessions",
    "meetings": "sessions",
    "events": "sessions",
    "participants": "participants",
    "media_items": "media_items",
    "sms": "sms",
}
# Prevention figures with no column: kept as notes.
NOTED = (
    "leaflets",
    "materials",
    "banners",
    "broadcasts",
    "contests",
    "skits",
    "views",
    "lessons",
    "hours",
)
# The activity's kind (ctip.prevention.models.ActivityKind) from the figure kinds it holds, the
# first that applies.
KIND_BY_FIGURE = (
    ("trainings", "training"),
    ("meetings", "meeting"),
    ("sessions", "session"),
    ("events", "session"),
    ("lessons", "school"),
    ("media_items", "media"),
    ("broadcasts", "media"),
    ("sms", "sms"),
    ("banners", "banner"),
)


# Words before a name that make its agency a partner of the one acting.
_PARTNER = re.compile(
    r"(?:phối hợp(?: chặt chẽ)?(?: với| cùng)?|cùng với|cùng|với sự (?:tham gia|phối hợp) của"
    r"|liên kết với|phối hợp giữa)\s*(?:[^.;:]{0,80}?,\s*)?$",
    re.IGNORECASE,
)
# The verb before a figure of cases that says they were found or opened; the last one wins.
_OPENED = re.compile(
    r"(?:phát hiện|khởi tố|điều tra|triệt phá|bắt giữ|bắt|làm rõ|xác lập|đấu tranh|thụ lý|truy tố"
    r"|xét xử|đưa ra xét xử|kết thúc điều tra|đình chỉ)",
    re.IGNORECASE,
)
_NOT_OPENED = ("thụ lý", "truy tố", "xét xử", "đưa ra xét xử", "kết thúc điều tra", "đình chỉ")


@dataclass
class Proposal:
    sentence: str
    figures: list[dict[str, Any]]
    kind: str = "other"
    counts: dict[str, int] = field(default_factory=dict)
    participants_estimated: bool = False
    notes: str = ""
    start_date: date | None = None
    end_date: date | None = None
    target_groups: list[str] = field(default_factory=list)
    # The agencies named as partners and the one acting, as written (matched by the service).
    partners: list[AgencyName] = field(default_factory=list)
    actor: AgencyName | None = None


@dataclass
class CaseProposal:
    sentence: str
    figures: list[dict[str, Any]]
    verb: str
    cases: int
    suspects: int | None = None
    victims: int | None = None
    start_date: date | None = None
    end_date: date | None = None


def propose(text: str) -> list[Proposal]:
    """One proposal per sentence with a figure of prevention work, in the text's order."""
    return [p for p in read(text) if isinstance(p, Proposal)]


def read(text: str) -> list[Proposal | CaseProposal]:
    """The proposals of a text in its order: activities (`Proposal`) and criminal cases to open
    (`CaseProposal`); a sentence with both kinds of figures gives one of each."""
    norm = normalise(text)
    figures = extract(norm)
    found: list[Proposal | CaseProposal] = []
    for sentence in sentences(norm):
        end = sentence.start + len(sentence.text)
        own = [f for f in figures if sentence.start <= f.span[0] < end]
        if any(f.kind in COLUMNS or f.kind in NOTED for f in own):
            found.append(_proposal(sentence.text, sentence.start, own))
        case = _case_proposal(sentence.text, sentence.start, own)
        if case is not None:
            found.append(case)
    return found


def _placed(figures: list[Figure], start: int) -> list[dict[str, Any]]:
    placed = []
    for f in figures:
        row: dict[str, Any] = {
            "kind": f.kind,
            "value": f.value,
            "bound": f.bound,
            "unit_noun": f.unit_noun,
            "start": f.span[0] - start,
            "end": f.span[1] - start,
        }
        # A range's higher end ("từ 30 đến 50"), a part's whole ("12/14 huyện").
        row.update({k: v for k, v in (("upper", f.upper), ("of", f.of)) if v is not None})
        placed.append(row)
    return placed


def _case_proposal(text: str, start: int, figures: list[Figure]) -> CaseProposal | None:
    # A range of cases ("3 - 5 vụ") says no number of cases to open.
    cases = [f for f in figures if f.kind == "cases"]
    if not cases or cases[0].value < 1 or cases[0].bound == "range":
        return None
    first = cases[0]
    verbs = _OPENED.findall(text[max(0, first.span[0] - start - 300) : first.span[0] - start])
    verb = verbs[-1].lower() if verbs else ""
    if verb in _NOT_OPENED:
        return None
    # The suspects and victims written with the cases ("17 vụ/32 đối tượng"), not those of a
    # later clause about other cases ("..., truy tố 5 vụ/9 bị can").
    after = [f for f in figures if f.span[0] > first.span[0]]
    upto = next((f.span[0] for f in after if f.kind == "cases"), None)
    own = [f for f in after if upto is None or f.span[0] < upto]
    suspects = next((f.value for f in own if f.kind == "suspects"), None)
    victims = next((f.value for f in own if f.kind == "victims"), None)
    period = first.period
    return CaseProposal(
        sentence=text,
        figures=_placed(figures, start),
        verb=verb,
        cases=first.value,
        suspects=suspects,
        victims=victims,
        start_date=period.start if period is not None and period.end else None,
        end_date=period.end if period is not None and period.start else None,
    )


def _proposal(text: str, start: int, figures: list[Figure]) -> Proposal:
    proposal = Proposal(sentence=text, figures=_placed(figures, start))
    kinds = {f.kind for f in figures}
    proposal.kind = next((k for fig, k in KIND_BY_FIGURE if fig in kinds), "other")
    noted = []
    for figure in figures:
        column = COLUMNS.get(figure.kind)
        if column is None and figure.kind not in NOTED:
            continue
        if column is None or (figure.bound == "range" and column != "participants"):
            # No column ("45 băng rôn"), or a range that is a rate or a span rather than a
            # count to add up ("từ 3 đến 5 buổi mỗi quý"): a note, in Vietnamese whatever the
            # officer's language, since it is kept in the record.
            with translation.override("vi"):
                noted.append(f"{label(figure.kind)}: {_written(figure)}")
            continue
        # A range of participants counts its lower end, estimated ("từ 50 đến 70 người").
        proposal.counts[column] = proposal.counts.get(column, 0) + figure.value
        if column == "participants" and figure.bound != "exact":
            proposal.participants_estimated = True
    proposal.notes = "; ".join(noted)
    period = next((f.period for f in figures if f.period is not None), None)
    if period is not None and period.start and period.end:
        proposal.start_date, proposal.end_date = period.start, period.end
    proposal.target_groups = target_groups(text)
    proposal.partners = partner_names(text)
    proposal.actor = _actor(text, figures, proposal.partners)
    return proposal


def _actor(text: str, figures: list[Figure], partners: list[AgencyName]) -> AgencyName | None:
    """Who the sentence says acted: the figures' agency (a paragraph's heading, or the name the
    extractor read before them) unless it is one of the partners listed ("phối hợp với A, B tổ
    chức..."); else the first name that is neither a partner nor an object."""
    taken = {p.text for p in partners}
    acting = next((f for f in figures if f.agency), None)
    if acting is not None and acting.agency and acting.agency not in taken:
        return AgencyName(acting.agency, acting.agency_kind or "", 0, 0)
    return next(
        (n for n in agency_names(text) if n.text not in taken and not is_object(text, n)), None
    )


def partner_names(sentence: str) -> list[AgencyName]:
    """The agencies the sentence names as working with the one acting ("phối hợp với Sở Thông
    tin và Truyền thông, Hội LHPN tỉnh"): each name after a partner word, and the names listed
    after it."""
    found: list[AgencyName] = []
    for name in agency_names(sentence):
        # A window, not the whole sentence before it: reading stays linear in its length.
        before = sentence[max(0, name.start - 160) : name.start]
        listed = found and re.fullmatch(r"[,\s]*(?:và\s*)?", sentence[found[-1].end : name.start])
        if listed or (is_object(sentence, name) and _PARTNER.search(before)):
            found.append(name)
    return found


def _written(figure: Figure) -> str:
    if figure.bound == "range" and figure.upper is not None:
        return f"{_vn(figure.value)}–{_vn(figure.upper)}"
    return _vn(figure.value)


def _vn(value: int) -> str:
    """3000 -> "3.000" (the Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")
