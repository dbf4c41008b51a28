"""Numbers as Vietnamese officials write them, read to integers.

Digits: "3.000" and "12.350" (the dot groups thousands), "05" and "01" (a leading zero pads a
small count), "98". Words: "bốn trăm", "hai mươi lăm", "một nghìn hai trăm", "mười", with the
forms that depend on their place: "lăm" and "mốt" only after "mươi"/"mười", "tư" after "mươi",
"linh"/"lẻ" for an empty tens place ("một trăm linh năm" = 105), and the spoken shortening "một
nghìn hai" (= 1.200). A digit and a multiplier: "3 nghìn", "1,2 triệu".

`find_numbers` returns every number with its place in the text. Dates ("16/10/2023", "30/7"),
document symbols ("53/2024/QH15", "207/BC-UBND"), decimals ("1,5") and telephone numbers
("0255.3822.123", "0913") are never numbers here; a number followed by "%" or "phần trăm" is
marked `percent` (a share, not a count). Whether a number is a count of something is the
extractor's question (ctip.ingest.extract): a year such as "2023" is a number here.

Two numbers written as one quantity are one `Number`:
- a part of a whole, "12/14" (12 of 14; `of` = 14), also "12 trên 14", "12 trên tổng số 14", "3
  trong số 5" (both ends in digits or both in words: "trong năm trên 200" is a year). The part is
  no greater than the whole; "12/14" is neither a day and month after a word of dates ("ngày
  8/8", "tháng 10/12", "số 12/14") or after a range word ("5 - 7/12": days), nor a month or a
  school year over an ungrouped year ("10/2023", "2023/2024": officials group a count's
  thousands, "1.098/1.234");
- a range, "30-50", "30 - 50", "30 – 50", "30 ÷ 50", "30 đến 50", "30 tới 50" (with or without
  "từ" before, which is the extractor's), digits or words ("ba mươi đến năm mươi"): `value` is the
  lower number, `upper` the higher, and the lower must be the smaller ("50 - 30" is not a range;
  "ngày 1-6" after a word of dates is a date). A multiplier written once applies to both ends
  ("từ 1 đến 2 nghìn" is 1.000 to 2.000, "1-2 nghìn" too; "từ 500 đến 2 nghìn" stays 500).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

DIGITS = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# The units digit after "mươi" (hai mươi mốt, ba mươi tư, bốn mươi lăm) and after "mười".
AFTER_TENS = {**{w: d for w, d in DIGITS.items() if d}, "mốt": 1, "tư": 4, "lăm": 5}
AFTER_TEN = {**{w: d for w, d in DIGITS.items() if d and w != "năm"}, "lăm": 5, "tư": 4}
TENS = ("mươi", "chục")
ZERO_TENS = ("linh", "lẻ")
THOUSAND = ("nghìn", "ngàn")
MILLION = "triệu"
HALF = "rưỡi"
NUMBER_WORDS = frozenset(
    {*DIGITS, *AFTER_TENS, "mười", *TENS, *ZERO_TENS, *THOUSAND, MILLION, "trăm", HALF}
)

GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
PLAIN = re.compile(r"\d{1,9}")
DECIMAL = re.compile(r"\d+,\d+")
MULTIPLIERS = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}
# Two numbers in one word: "12/14" (a part of a whole), "30-50" (a range).
PAIR = re.compile(r"(?P<a>\d[\d.]*)(?P<sep>[/\-–—÷])(?P<b>\d[\d.]*)")
# Between the two ends of a range written apart: "30 - 50", "30 đến 50", "3 ÷ 5".
CONNECTOR = re.compile(r"\s*(?:-|–|—|÷|đến|tới)\s*", re.IGNORECASE)
# Between a part and its whole written apart: "12 trên 14", "12 trên tổng số 14".
PART_OF = re.compile(r"\s+(?:trên|trong)(?:\s+tổng)?(?:\s+số)?\s+", re.IGNORECASE)
# A pair of numbers just after one of these words is a day and month or a symbol's number
# ("ngày 8/8", "sáng 1-6", "số 12/14"), and after a range word the second day of two ("từ ngày
# 5 - 7/12").
DATE_WORDS = frozenset(
    {"ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "tháng", "quý", "năm", "số", "dịp"}
)
RANGE_WORDS = frozenset({"-", "–", "—", "÷", "đến", "tới"})
# Stripped from either end of a word before it is read.
LEADING = "([{\"'“‘«*_"
TRAILING = ",;:.!?)]}\"'”’»*_…"


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int  # the part of a whole, the lower end of a range
    percent: bool = False
    of: int | None = None  # the whole: "12/14" -> value 12, of 14
    upper: int | None = None  # the higher end of a range: "30 - 50" -> value 30, upper 50


def parse_digits(word: str) -> int | None:
    """ "3.000" -> 3000, "05" -> 5, "98" -> 98; None for anything else (dates, codes, decimals,
    telephone numbers: a leading zero pads at most two digits)."""
    if GROUPED.fullmatch(word):
        if word.startswith("0"):
            return None
        return int(word.replace(".", ""))
    if PLAIN.fullmatch(word):
        if word.startswith("0") and len(word) > 3:
            return None
        return int(word)
    return None


def words_value(words: Sequence[str]) -> tuple[int, int] | None:
    """The value of the number words at the start of `words` (lower case) and how many words it
    took; None when they do not start with a number."""
    total, at = 0, 0
    chunk = _below_thousand(words, at)
    if chunk is None:
        return None
    value, at = chunk
    while at < len(words) and words[at] in (MILLION, *THOUSAND):
        scale = 1_000_000 if words[at] == MILLION else 1000
        total, at = total + value * scale, at + 1
        value = 0
        if at < len(words) and words[at] == HALF:
            total, at = total + scale // 2, at + 1
            break
        rest = _after_scale(words, at, scale)
        if rest is None:
            break
        value, at = rest
    return total + value, at


def _after_scale(words: Sequence[str], at: int, scale: int) -> tuple[int, int] | None:
    if at + 1 < len(words) and words[at] in ZERO_TENS and words[at + 1] in AFTER_TENS:
        return AFTER_TENS[words[at + 1]], at + 2
    chunk = _below_thousand(words, at)
    if chunk is None:
        return None
    value, end = chunk
    # "một nghìn hai" is 1.200: a lone digit after the scale is its next place.
    if end == at + 1 and words[at] in DIGITS and (end == len(words) or words[end] not in TENS):
        value *= scale // 10
    return value, end


def _below_thousand(words: Sequence[str], at: int) -> tuple[int, int] | None:
    if at + 1 < len(words) and words[at] in DIGITS and words[at + 1] == "trăm":
        value, at = DIGITS[words[at]] * 100, at + 2
        if at < len(words) and words[at] == HALF:
            return value + 50, at + 1
        if at + 1 < len(words) and words[at] in ZERO_TENS and words[at + 1] in AFTER_TENS:
            return value + AFTER_TENS[words[at + 1]], at + 2
        tens = _tens(words, at)
        if tens is None:
            return value, at
        more, end = tens
        # "một trăm hai" is 120, as "một nghìn hai" is 1.200.
        if end == at + 1 and words[at] in DIGITS:
            more *= 10
        return value + more, end
    return _tens(words, at)


def _tens(words: Sequence[str], at: int) -> tuple[int, int] | None:
    if at >= len(words):
        return None
    word = words[at]
    if word == "mười":
        if at + 1 < len(words) and words[at + 1] in AFTER_TEN:
            return 10 + AFTER_TEN[words[at + 1]], at + 2
        return 10, at + 1
    if word not in DIGITS or word == "không":
        return None
    if at + 1 < len(words) and words[at + 1] in TENS and DIGITS[word] > 1:
        value = DIGITS[word] * 10
        if at + 2 < len(words) and words[at + 2] in AFTER_TENS:
            return value + AFTER_TENS[words[at + 2]], at + 3
        return value, at + 2
    return DIGITS[word], at + 1


@dataclass(frozen=True)
class _Token:
    text: str  # the word without surrounding punctuation
    start: int
    end: int
    glued: bool  # no punctuation between it and the next token


def tokens(text: str) -> list[_Token]:
    """Words with their places; "vụ/32" is split at the slash (a pair of figures), "207/BC"
    and "16/10/2023" are not (a symbol, a date)."""
    found: list[_Token] = []
    for raw in re.finditer(r"\S+", text):
        pieces = _split_pairs(raw.group(), raw.start())
        for piece, start in pieces:
            core = piece.lstrip(LEADING)
            start += len(piece) - len(core)
            stripped = core.rstrip(TRAILING)
            glued = stripped == core and piece == core
            if stripped:
                found.append(_Token(stripped, start, start + len(stripped), glued))
    return found


def _split_pairs(word: str, start: int) -> list[tuple[str, int]]:
    pieces, begin = [], 0
    for i, char in enumerate(word):
        if char == "/" and i > 0 and word[i - 1].isalpha():
            pieces += [(word[begin:i], start + begin), ("/", start + i)]
            begin = i + 1
    pieces.append((word[begin:], start + begin))
    return [(p, s) for p, s in pieces if p]


def find_numbers(text: str) -> list[Number]:
    words = tokens(text)
    found: list[Number] = []
    at = 0
    while at < len(words):
        number, at = _number_at(words, at)
        if number is not None:
            found.append(number)
    return _pairs(text, found)


def _pairs(text: str, numbers: list[Number]) -> list[Number]:
    """Two plain numbers joined by a range word ("30 - 50", "ba đến năm") made one range, or by
    "trên" ("12 trên 14", "12 trên tổng số 14") one part of a whole."""
    merged: list[Number] = []
    for number in numbers:
        last = merged[-1] if merged else None
        pair = _joined(text, last, number) if last is not None else None
        if pair is None:
            merged.append(number)
        else:
            merged[-1] = pair
    return merged


def _joined(text: str, first: Number, second: Number) -> Number | None:
    if not (_plain(first) and _plain(second)):
        return None
    if CONNECTOR.fullmatch(text, first.end, second.start):
        lower = _scaled(text, first, second)
        if lower < second.value:
            return Number(first.start, second.end, lower, upper=second.value)
    # Written alike, digits or words: "trong năm trên 200 buổi" is a year, not 5 of 200.
    alike = text[first.start].isdigit() == text[second.start].isdigit()
    if alike and PART_OF.fullmatch(text, first.end, second.start) and first.value <= second.value:
        return Number(first.start, second.end, first.value, of=second.value)
    return None


def _plain(number: Number) -> bool:
    return not number.percent and number.of is None and number.upper is None


def _scaled(text: str, lower: Number, upper: Number) -> int:
    """The lower end of a range with the upper end's multiplier, when it is written once:
    "từ 1 đến 2 nghìn" is 1.000 to 2.000, but "từ 500 đến 2 nghìn" is 500 to 2.000."""
    scale = MULTIPLIERS.get(text[upper.start : upper.end].split()[-1].lower())
    own = any(w.lower() in MULTIPLIERS for w in text[lower.start : lower.end].split())
    if scale is None or own or lower.value * scale > upper.value:
        return lower.value
    return lower.value * scale


def _number_at(words: list[_Token], at: int) -> tuple[Number | None, int]:
    word = words[at]
    following = words[at + 1].text.lower() if at + 1 < len(words) else ""
    share = parse_digits(word.text[:-1]) if word.text.endswith("%") else None
    if share is not None:
        return Number(word.start, word.end, share, percent=True), at + 1
    previous = words[at - 1].text.lower() if at else ""
    pair = _pair(word, previous)
    if pair is not None:
        if word.glued and following in MULTIPLIERS and pair.upper is not None:
            scale, end = MULTIPLIERS[following], words[at + 1].end
            return Number(pair.start, end, pair.value * scale, upper=pair.upper * scale), at + 2
        return pair, at + 1
    value = parse_digits(word.text)
    if value is None and DECIMAL.fullmatch(word.text) and following in MULTIPLIERS:
        # Decimal, not float: "1,1 nghìn" is exactly 1.100.
        whole = Decimal(word.text.replace(",", ".")) * MULTIPLIERS[following]
        if whole == whole.to_integral_value():
            nxt = words[at + 1]
            return Number(word.start, nxt.end, int(whole)), at + 2
    if value is not None:
        end, taken = word.end, at + 1
        if word.glued and following in MULTIPLIERS:
            value, end, taken = value * MULTIPLIERS[following], words[at + 1].end, at + 2
        return _with_percent(words, taken, Number(word.start, end, value)), taken
    return _words_number(words, at)


def _pair(word: _Token, previous: str) -> Number | None:
    """ "12/14" (12 of 14) or "30-50" (30 to 50), in one word; None for a date or a symbol."""
    match = PAIR.fullmatch(word.text)
    if match is None or previous in DATE_WORDS or previous in RANGE_WORDS:
        return None
    first, second = parse_digits(match["a"]), parse_digits(match["b"])
    if first is None or second is None:
        return None
    if match["sep"] != "/":
        return Number(word.start, word.end, first, upper=second) if first < second else None
    # "10/2023", "2023/2024": a month or a school year; a count's thousands are grouped.
    year = "." not in match["b"] and len(match["b"]) >= 4
    if year or not second > 0 or first > second:
        return None
    return Number(word.start, word.end, first, of=second)


def _words_number(words: list[_Token], at: int) -> tuple[Number | None, int]:
    run: list[str] = []
    # By index: a slice of the words after `at` for each word made a long sentence slow.
    for index in range(at, len(words)):
        token = words[index]
        lower = token.text.lower()
        if lower not in NUMBER_WORDS:
            break
        run.append(lower)
        if not token.glued:
            break
    parsed = words_value(run) if run else None
    if parsed is None:
        return None, at + 1
    value, taken = parsed
    number = Number(words[at].start, words[at + taken - 1].end, value)
    return _with_percent(words, at + taken, number), at + taken


def _with_percent(words: list[_Token], after: int, number: Number) -> Number:
    if after < len(words):
        nxt = words[after].text.lower()
        if nxt == "%" or (
            nxt == "phần" and after + 1 < len(words) and words[after + 1].text.lower() == "trăm"
        ):
            return Number(number.start, number.end, number.value, percent=True)
    return number
