"""From a report's figures to proposed activities: the figures of one sentence become one
activity ("tổ chức 98 buổi ..., với hơn 3.000 lượt người tham gia": sessions 98, participants
3.000 estimated, since "hơn" bounds it). Pure: no database; services.reading_create saves them.

Only sentences with a figure of prevention work propose an activity; cases, suspects and victims
are enforcement's (not drafted here). Figures with a column of their own in an Activity fill it
(several of one column in a sentence are added up); the others of prevention work ("45 băng rôn",
"1.200 tờ rơi") are proposed as the activity's notes, for the officer to keep or drop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import translation

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


def propose(text: str) -> list[Proposal]:
    """One proposal per sentence with a figure of prevention work, in the text's order."""
    norm = normalise(text)
    figures = extract(norm)
    found = []
    for sentence in sentences(norm):
        end = sentence.start + len(sentence.text)
        own = [f for f in figures if sentence.start <= f.span[0] < end]
        if any(f.kind in COLUMNS or f.kind in NOTED for f in own):
            found.append(_proposal(sentence.text, sentence.start, own))
    return found


def _proposal(text: str, start: int, figures: list[Figure]) -> Proposal:
    proposal = Proposal(
        sentence=text,
        figures=[
            {
                "kind": f.kind,
                "value": f.value,
                "bound": f.bound,
                "unit_noun": f.unit_noun,
                "start": f.span[0] - start,
                "end": f.span[1] - start,
            }
            for f in figures
        ],
    )
    kinds = {f.kind for f in figures}
    proposal.kind = next((k for fig, k in KIND_BY_FIGURE if fig in kinds), "other")
    noted = []
    for figure in figures:
        column = COLUMNS.get(figure.kind)
        if column is not None:
            proposal.counts[column] = proposal.counts.get(column, 0) + figure.value
            if column == "participants" and figure.bound != "exact":
                proposal.participants_estimated = True
        elif figure.kind in NOTED:
            # Kept in the record: in Vietnamese whatever the officer's language.
            with translation.override("vi"):
                noted.append(f"{label(figure.kind)}: {_vn(figure.value)}")
    proposal.notes = "; ".join(noted)
    period = next((f.period for f in figures if f.period is not None), None)
    if period is not None and period.start and period.end:
        proposal.start_date, proposal.end_date = period.start, period.end
    return proposal


def _vn(value: int) -> str:
    """3000 -> "3.000" (the Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")
