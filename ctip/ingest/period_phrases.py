"""The period a sentence states, with its first and last day where the words fix them.

"năm 2023" (the year), "6 tháng đầu năm 2024" (1/1–30/6), "9 tháng cuối năm 2023", "quý I/2025",
"quý II năm 2024", "tháng 10/2023", "giai đoạn 2021 - 2025", "từ tháng 12/2020 đến tháng
10/2023", "từ ngày 01/01/2023 đến ngày 30/6/2023", "từ tháng 12/2020 đến nay" (no last day: "nay"
is the report's date, which the sentence does not give). A lone date ("ngày 16/10/2023") is the
date of a paper or an event, not a period, and is not read as one.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from datetime import date

from ctip.core.bounds import MAX_YEAR, MIN_YEAR


@dataclass(frozen=True)
class Period:
    text: str
    start: date | None
    end: date | None


_Y = r"(?P<{n}>\d{{4}})"
_POINT = (
    r"(?:ngày\s+(?P<{p}d>\d{{1,2}})/(?P<{p}m>\d{{1,2}})/(?P<{p}y>\d{{4}})"
    r"|tháng\s+(?P<{p}mm>\d{{1,2}})(?:/|\s+năm\s+)(?P<{p}my>\d{{4}})"
    r"|(?:đầu\s+)?năm\s+(?P<{p}yy>\d{{4}}))"
)
_RANGE = re.compile(
    r"(?:từ|kể từ)\s+"
    + _POINT.format(p="a")
    + r"\s*(?:đến|tới|-|–)\s*(?:(?P<now>nay|hiện nay|thời điểm hiện tại)|"
    + _POINT.format(p="b")
    + ")",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"(?P<n>\d{1,2}|sáu|chín|ba)\s+tháng\s+(?P<which>đầu|cuối)\s+năm\s+" + _Y.format(n="y"),
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(
    r"quý\s+(?P<q>IV|III|II|I|[1-4])\s*(?:/|\s+năm\s+)" + _Y.format(n="y"), re.IGNORECASE
)
_MONTH = re.compile(
    r"(?<!\d\s)tháng\s+(?P<m>\d{1,2})\s*(?:/|\s+năm\s+)" + _Y.format(n="y"), re.IGNORECASE
)
_SPAN = re.compile(
    r"giai đoạn\s+" + _Y.format(n="a") + r"\s*[-–]\s*" + _Y.format(n="b"), re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\w)(?<!\d\s)năm\s+" + _Y.format(n="y") + r"(?!\d|/)", re.IGNORECASE)
_WORD_MONTHS = {"ba": 3, "sáu": 6, "chín": 9}


def find_periods(sentence: str) -> list[tuple[int, Period]]:
    """Every period the sentence states, with its place, the most precise form winning where
    they overlap ("6 tháng đầu năm 2024" over its "năm 2024")."""
    # The places taken, in order and apart: a match overlaps one of them only if it overlaps
    # its neighbour by start (looked up, not compared with all: a long sentence stays quick).
    starts: list[int] = []
    ends: dict[int, int] = {}
    periods: dict[int, Period] = {}
    for pattern, read in _READERS:
        for match in pattern.finditer(sentence):
            if _overlaps(starts, ends, match.start(), match.end()):
                continue
            period = read(match)
            if period is not None:
                insort(starts, match.start())
                ends[match.start()] = match.end()
                periods[match.start()] = period
    return [(start, periods[start]) for start in starts]


def _overlaps(starts: list[int], ends: dict[int, int], start: int, end: int) -> bool:
    index = bisect_left(starts, end)
    return index > 0 and ends[starts[index - 1]] > start


def find_period(sentence: str) -> Period | None:
    """The first period the sentence states."""
    found = find_periods(sentence)
    return found[0][1] if found else None


def _year(text: str) -> int | None:
    year = int(text)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _day(year: int | None, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if year else None
    except ValueError:
        return None


def _month_end(year: int | None, month: int) -> date | None:
    if not year or not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _point(match: re.Match[str], p: str, *, last: bool) -> date | None:
    g = match.groupdict()
    if g[f"{p}d"]:
        return _day(_year(g[f"{p}y"]), int(g[f"{p}m"]), int(g[f"{p}d"]))
    if g[f"{p}mm"]:
        year, month = _year(g[f"{p}my"]), int(g[f"{p}mm"])
        return _month_end(year, month) if last else _day(year, month, 1)
    year = _year(g[f"{p}yy"])
    return _day(year, 12, 31) if last else _day(year, 1, 1)


def _range(match: re.Match[str]) -> Period:
    start = _point(match, "a", last=False)
    end = None if match.group("now") else _point(match, "b", last=True)
    return Period(match.group(), start, end)


def _months(match: re.Match[str]) -> Period | None:
    raw = match.group("n").lower()
    count = _WORD_MONTHS[raw] if raw in _WORD_MONTHS else int(raw)
    year = _year(match.group("y"))
    if not 1 <= count <= 12:
        return None
    if match.group("which").lower() == "đầu":
        return Period(match.group(), _day(year, 1, 1), _month_end(year, count))
    return Period(match.group(), _day(year, 13 - count, 1), _day(year, 12, 31))


def _quarter(match: re.Match[str]) -> Period:
    q = _ROMAN[match.group("q").lower()]
    year = _year(match.group("y"))
    return Period(match.group(), _day(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def _month(match: re.Match[str]) -> Period | None:
    month, year = int(match.group("m")), _year(match.group("y"))
    if not 1 <= month <= 12:
        return None
    return Period(match.group(), _day(year, month, 1), _month_end(year, month))


def _span(match: re.Match[str]) -> Period:
    return Period(
        match.group(), _day(_year(match.group("a")), 1, 1), _day(_year(match.group("b")), 12, 31)
    )


def _whole_year(match: re.Match[str]) -> Period | None:
    year = _year(match.group("y"))
    return Period(match.group(), date(year, 1, 1), date(year, 12, 31)) if year else None


_READERS = (
    (_RANGE, _range),
    (_MONTHS, _months),
    (_QUARTER, _quarter),
    (_SPAN, _span),
    (_MONTH, _month),
    (_YEAR, _whole_year),
)
