"""What must be settled before a report is issued: no hole left for a writer, no section
without content, and the agencies whose parts never arrived named and confirmed by the person
issuing it (issue 21)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ctip.reporting.models import Contribution, Report
from ctip.reporting.states import ContributionState

HEADINGS = {"h1": 1, "h2": 2, "h3": 3}


def paragraph_text(paragraph: dict[str, Any]) -> str:
    return "".join(str(segment[0]) for segment in paragraph.get("segments", []))


def is_hole(paragraph: dict[str, Any]) -> bool:
    """A place a writer must fill: the kind "gap", or a bracketed note from before it existed
    ("[Phần do cán bộ viết: …]"). A hint ("[Chưa sử dụng nguồn dữ liệu …]") is a remark for the
    preview, never printed: it holds nothing back."""
    if paragraph.get("kind") == "gap":
        return True
    if paragraph.get("kind") == "hint":
        return False
    text = paragraph_text(paragraph).strip()
    return text.startswith("[") and text.endswith("]")


def _numeral(heading: str) -> str:
    """ "II. KẾT QUẢ" -> "II"; "2. Công tác …" -> "2"; "a) …" -> "a"; "" for a heading
    without a numeral (the corrections' title)."""
    first = heading.split(" ", 1)[0]
    if 2 <= len(first) <= 6 and first[-1] in ".)" and first[:-1].replace(".", "").isalnum():
        return first[:-1]
    return ""


def _title(heading: str) -> str:
    numeral = _numeral(heading)
    return heading.split(" ", 1)[1].strip() if numeral and " " in heading else heading


class _Place:
    """The heading path of the paragraph being read: II, then II.2, …"""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []

    def enter(self, level: int, heading: str) -> None:
        self.stack = [(lvl, h) for lvl, h in self.stack if lvl < level] + [(level, heading)]

    def name(self) -> str:
        if not self.stack:
            return _("Phần đầu báo cáo")
        heading = self.stack[-1][1]
        numerals = [_numeral(h) for _lvl, h in self.stack]
        if not numerals[-1]:
            return _("Mục “%(title)s”") % {"title": heading}
        path = ".".join(n for n in numerals if n)
        return _("Mục %(path)s “%(title)s”") % {"path": path, "title": _title(heading)}


def issue_blockers(result: dict[str, Any]) -> list[str]:
    """One Vietnamese message per problem that forbids issuing the compiled `result`: each hole,
    under the section it sits in, and each heading with no content before the next heading of
    the same or a higher level (a section whose content is only its subsections has content)."""
    body = result.get("body", [])
    found: list[str] = []
    place = _Place()
    for i, paragraph in enumerate(body):
        level = HEADINGS.get(paragraph.get("kind", ""))
        if level is None:
            if is_hole(paragraph):
                found.append(
                    _("%(place)s còn chỗ trống chưa viết: %(text)s")
                    % {"place": place.name(), "text": paragraph_text(paragraph).strip()}
                )
            continue
        place.enter(level, paragraph_text(paragraph).strip())
        if _empty(body, i, level):
            found.append(_("%(place)s chưa có nội dung") % {"place": place.name()})
    return found


def _empty(body: list[dict[str, Any]], index: int, level: int) -> bool:
    # A hint is never printed: a section holding only hints is printed empty.
    rest = (p for p in body[index + 1 :] if p.get("kind") != "hint")
    following = next(rest, None)
    if following is None:
        return True
    after = HEADINGS.get(following.get("kind", ""))
    return after is not None and after <= level


def missing_parts(report: Report) -> list[str]:
    """The names of the agencies assigned a part of the request the report answers whose part
    has not been accepted (not written, waiting for the leader or the office, or returned)."""
    if report.request_id is None:
        return []
    parts = (
        Contribution.objects.filter(request_id=report.request_id)
        .exclude(state=ContributionState.ACCEPTED)
        .select_related("agency")
        .order_by("agency__name", "pk")
    )
    return [part.agency.name for part in parts]
