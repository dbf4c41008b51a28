"""Figures in Vietnamese prose: "tổ chức 98 buổi tuyên truyền ..., với hơn 3.000 lượt người tham
gia" gives 98 sessions and more than 3.000 participants.

The rules are the language's, not any one text's:
- a figure is a number (ctip.ingest.numbers) followed directly by a classifier noun of a kind
  (ctip.ingest.kinds); "17 vụ/32 đối tượng" and "45 băng rôn, phát 1.200 tờ rơi" are two
  figures each, as is every number-noun pair in a sentence;
- a bound word just before the number qualifies it: "hơn"/"trên" (more_than), "gần"/"gần như"
  (nearly), "khoảng"/"khoảng chừng"/"chừng"/"xấp xỉ"/"ước tính"/"trên dưới" (about), "ít
  nhất"/"tối thiểu" (at_least), "tối đa"/"không quá" (at_most);
- not figures: shares ("85%"), dates and symbols (never numbers), article and clause numbers
  ("Điều 150", "Ban Chỉ đạo 138"), times of day ("lúc 13 giờ", "13 giờ 30"), changes ("tăng 5
  vụ so với cùng kỳ") and the second number of a range ("từ 30 đến 50 người": the officer reads
  it), and a noun that begins another word ("15 tổ chức", "xã hội");
- a person noun ("người", "phụ nữ", "trường hợp") counts victims after "giải cứu", "tiếp
  nhận"... or when "bị mua bán" follows, suspects after "bắt", "khởi tố"...; otherwise people
  reached. "lượt người" always counts attendances.
The agency of a figure is its paragraph's heading ("- Công an tỉnh: ..."), else the last agency
named before it in its sentence as the one acting (not "phối hợp với ...", not in parentheses),
else the first named after it; its period is the last one stated before it in its sentence,
else the first after it: see ctip.ingest.agency_names and ctip.ingest.period_phrases.

Places (`span`) are in `normalise(text)` (ctip.ingest.text), which is the text itself when it
is already in NFC with the new tone placement.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ctip.ingest.agency_names import AgencyName, agency_names, heading_agency, is_object
from ctip.ingest.kinds import (
    BARE_LUOT_NEXT,
    COMPOUNDS,
    KINDS,
    PERSON_KINDS,
    SUSPECT_VERBS,
    VICTIM_VERBS,
)
from ctip.ingest.numbers import Number, find_numbers
from ctip.ingest.period_phrases import Period, find_periods
from ctip.ingest.text import Sentence, normalise, paragraphs, sentences

BOUNDS = ("exact", "more_than", "nearly", "about", "at_least", "at_most")
_BOUND = re.compile(
    r"(?:(?P<more_than>hơn|trên|hơn\s+là)|(?P<nearly>gần\s+như|gần|xấp\s+xỉ\s+gần)"
    r"|(?P<about>khoảng\s+chừng|khoảng|chừng|xấp\s+xỉ|ước\s+tính|ước\s+khoảng|ước|trên\s+dưới)"
    r"|(?P<at_least>ít\s+nhất|tối\s+thiểu)|(?P<at_most>tối\s+đa|không\s+quá))\s+$",
    re.IGNORECASE,
)
# A number right after these names something (an article, a committee, a switchboard).
_DESIGNATOR = re.compile(
    r"(?:\b(?:Điều|điều|khoản|Khoản|điểm|Điểm|Chương|chương|Mục|Khóa|khóa|thứ|lần thứ|Chỉ đạo"
    r"|BCĐ|[Đđ]ài|hotline|Quốc lộ|QL|Tỉnh lộ|ĐT|[Tt]hôn|[Tt]ổ|[Kk]hối|[Ấấ]p|[Xx]óm|[Kk]hu phố"
    r"|[Tt]ổ dân phố)|Tổng đài)\s*$"
)
_CHANGE = re.compile(r"\b(?:tăng|giảm|nhiều hơn|ít hơn|chênh lệch)\s+$", re.IGNORECASE)
_RANGE = re.compile(r"\d\s*(?:-|–|đến|tới)\s*$")
_TIME_BEFORE = re.compile(r"\b(?:lúc|vào lúc|từ)\s+$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s*(?:\d|(?:ngày|sáng|chiều|tối|trưa|đêm)\b)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:năm|giai đoạn)\s+$", re.IGNORECASE)
_VICTIM_AFTER = re.compile(r"\s+(?:bị\s+(?:mua\s+bán|lừa\s+bán|bán))\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


@dataclass(frozen=True)
class Figure:
    kind: str  # a code of ctip.ingest.kinds.KINDS
    value: int
    bound: str  # one of BOUNDS
    unit_noun: str  # as written: "lượt người", "tin, bài, phóng sự"
    agency: str | None  # as written: "Công an tỉnh"
    agency_kind: str | None  # ctip.agencies.models.Kind value, when one kind is named
    period: Period | None
    sentence: str
    span: tuple[int, int]  # bound, number and noun, in the normalised text

    def as_dict(self) -> dict:
        data = asdict(self)
        if self.period is not None:
            data["period"] = {
                "text": self.period.text,
                "start": self.period.start.isoformat() if self.period.start else None,
                "end": self.period.end.isoformat() if self.period.end else None,
            }
        data["span"] = list(self.span)
        return data


def _unit_pattern(nouns: tuple[str, ...], listed: bool) -> re.Pattern[str]:
    def one(noun: str) -> str:
        return re.escape(noun).replace(r"\ ", r"\s+").replace(",", r"\s*,").replace("-", "-")

    alternatives = "|".join(one(n) for n in sorted(nouns, key=len, reverse=True))
    noun = f"(?:{alternatives})"
    unit = rf"{noun}(?:\s*(?:,|/|\s+và)\s+{noun})*" if listed else noun
    return re.compile(rf"\s+(?P<unit>{unit})(?![^\W_])", re.IGNORECASE)


_UNITS = tuple((k.code, _unit_pattern(k.nouns, k.listed)) for k in KINDS)


def extract(text: str) -> list[Figure]:
    text = normalise(text)
    heads = [heading_agency(para) for para, _offset in paragraphs(text)]
    figures: list[Figure] = []
    for sentence in sentences(text):
        figures += _in_sentence(sentence, heads[sentence.paragraph])
    return figures


def _in_sentence(sentence: Sentence, head: AgencyName | None) -> list[Figure]:
    text = sentence.text
    acting = [n for n in agency_names(text) if not is_object(text, n) and not _aside(text, n)]
    periods = find_periods(text)
    found = []
    for number in find_numbers(text):
        figure = _figure(text, number)
        if figure is None:
            continue
        kind, bound, unit, start, end = figure
        agency = head or _nearest(acting, start)
        period = _nearest_period(periods, start)
        found.append(
            Figure(
                kind=kind,
                value=number.value,
                bound=bound,
                unit_noun=re.sub(r"\s+", " ", unit),
                agency=agency.text if agency else None,
                agency_kind=(agency.kind or None) if agency else None,
                period=period,
                sentence=text,
                span=(sentence.start + start, sentence.start + end),
            )
        )
    return found


def _aside(sentence: str, name: AgencyName) -> bool:
    """Inside parentheses: partners listed in passing ("(Công an, Bộ đội Biên phòng...)")."""
    before = sentence[: name.start]
    return before.count("(") > before.count(")")


def _nearest(names: list[AgencyName], at: int) -> AgencyName | None:
    before = [n for n in names if n.start < at]
    if before:
        return before[-1]
    return names[0] if names else None


def _nearest_period(periods: list[tuple[int, Period]], at: int) -> Period | None:
    before = [p for s, p in periods if s < at]
    if before:
        return before[-1]
    return periods[0][1] if periods else None


def _figure(text: str, number: Number) -> tuple[str, str, str, int, int] | None:
    """(kind, bound, unit noun, start, end) when the number is a figure."""
    if number.percent:
        return None
    unit = _unit_at(text, number.end)
    if unit is None:
        return None
    kind, noun, unit_end = unit
    before = text[: number.start]
    bound_match = _BOUND.search(before)
    bound = next(k for k, v in bound_match.groupdict().items() if v) if bound_match else "exact"
    start = bound_match.start() if bound_match else number.start
    plain_before = text[:start]
    if _DESIGNATOR.search(before) or _CHANGE.search(plain_before) or _RANGE.search(before):
        return None
    if _YEAR_BEFORE.search(before) and 1900 <= number.value <= 2100:
        return None
    if kind == "hours" and (_TIME_BEFORE.search(before) or _TIME_AFTER.match(text, unit_end)):
        return None
    if kind in PERSON_KINDS and not noun.lower().startswith("lượt"):
        kind = _person_kind(plain_before, text, unit_end, kind)
    return kind, bound, noun, start, unit_end


def _unit_at(text: str, at: int) -> tuple[str, str, int] | None:
    """(kind, noun as written, end) of the longest classifier noun right after `at`."""
    best: tuple[str, re.Match[str]] | None = None
    for code, pattern in _UNITS:
        match = pattern.match(text, at)
        if match and (best is None or match.end() > best[1].end()):
            best = (code, match)
    if best is None:
        return None
    code, match = best
    last = match.group("unit").split()[-1].lower()
    following = _NEXT_WORD.match(text, match.end())
    next_word = following.group(1).lower() if following else ""
    if f"{last} {next_word}" in COMPOUNDS:
        return None
    if match.group("unit").lower() == "lượt" and next_word not in BARE_LUOT_NEXT:
        return None
    return code, match.group("unit"), match.end()


def _person_kind(before: str, text: str, unit_end: int, kind: str) -> str:
    if _VICTIM_AFTER.match(text, unit_end):
        return "victims"
    clause = re.split(r"[;:]", before)[-1]
    words = " ".join(clause.split()[-5:]).lower()
    if any(re.search(rf"\b{verb}\b", words) for verb in VICTIM_VERBS):
        return "victims"
    if any(re.search(rf"\b{verb}\b", words) for verb in SUSPECT_VERBS):
        return "suspects"
    return kind
