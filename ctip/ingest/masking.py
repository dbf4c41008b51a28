"""Who a sentence names, hidden before it is kept: a police report writes "đối tượng Nguyễn Văn
A (SN 1985), trú tại thôn 3, xã Ba Tô" and "cháu Hồ Thị B, 15 tuổi"; the draft keeps the
sentence as the source of a record, and shows it to the agency's officers, who need the figures,
not the people. Names after a word for a person, years of birth, addresses after "trú", papers'
numbers and telephone numbers become "[…]".

The figures' places in the sentence move with it (`mask` returns the new places); a figure inside
a hidden run loses its mark, never its value. Pure: no database.
"""

from __future__ import annotations

import re

HIDDEN = "[…]"
# Capital letters, Vietnamese ones included (a range such as À-Ỹ also holds small letters).
_CAPITAL = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper())
_NAME_WORD = rf"[{_CAPITAL}][\w]*"
# A person's name: two to five capitalised words after a word for a person ("đối tượng Nguyễn
# Văn A", "chị Trần Thị B", "nạn nhân Hồ Thị C", "bị can Lò Văn D").
_PERSON = (
    r"(?:đối tượng|bị can|bị cáo|bị hại|nạn nhân|người bị hại|phạm nhân|chị|anh|em|cháu|ông|bà"
    r"|cô|bé|thiếu niên|công dân|người phụ nữ|phụ nữ|cụ|lao động|ông/bà|anh/chị)"
)
# The name alone is hidden (group "name"); the word before it stays ("đối tượng […]").
# Countries after "công dân", "lao động"... are not names.
_COUNTRY = (
    r"(?:Việt Nam|Trung Quốc|Campuchia|Lào|Thái Lan|Hàn Quốc|Nhật Bản|Đài Loan|Malaysia|Myanmar)"
)
_NAMED = re.compile(
    rf"\b(?i:{_PERSON}) (?!{_COUNTRY}\b)(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,4}})"
)
_PLACE_WORD = (
    r"(?i:thôn|xóm|bản|làng|ấp|buôn|tổ dân phố|tổ|số nhà|số|đường|phố|phường|xã|thị trấn|huyện"
    r"|quận|thị xã|thành phố|tp\.?|tỉnh|khu phố|khu|khối|đặc khu)"
)
_ADDRESS_PART = rf"(?:{_PLACE_WORD}|{_NAME_WORD})(?: (?:{_NAME_WORD}|\d[\w/-]*)){{0,4}}"
_ADDRESS = rf"{_ADDRESS_PART}(?:, {_ADDRESS_PART})*"
_PATTERNS = (
    # "(SN 1985)", "sinh năm 1985", "SN: 2007", "năm sinh 1990"
    re.compile(r"\(?\b(?:SN|sinh năm|năm sinh|s\.n)\s*:?\s*\d{4}\)?", re.IGNORECASE),
    # "trú tại thôn 3, xã Ba Tô, huyện Ba Tơ": the address's parts, each led by a word of
    # place or a capitalised name, up to the first part that is not one ("..., giải cứu").
    re.compile(rf"\b(?i:trú|thường trú|tạm trú|cư trú|quê quán|quê)(?: tại| ở|:)? {_ADDRESS}"),
    # Identity papers and telephone numbers.
    re.compile(r"\b(?:CCCD|CMND|CMTND|hộ chiếu|căn cước)(?: công dân)?(?: số)?\s*:?\s*[\w-]{6,}"),
    re.compile(r"(?<!\d)(?:\+84|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?!\d)"),
)


def mask(sentence: str, places: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int] | None]]:
    """(the sentence with who it names hidden, each figure's place in it: None when the figure
    fell inside a hidden run)."""
    runs = _runs(sentence)
    if not runs:
        return sentence, list(places)
    out, at = [], 0
    for start, end in runs:
        out += [sentence[at:start], HIDDEN]
        at = end
    out.append(sentence[at:])
    return "".join(out), [_moved(place, runs) for place in places]


def _runs(sentence: str) -> list[tuple[int, int]]:
    """The hidden runs, merged where they touch, in order."""
    found = [m.span("name") for m in _NAMED.finditer(sentence)]
    found += [m.span() for p in _PATTERNS for m in p.finditer(sentence) if m.end() > m.start()]
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _moved(place: tuple[int, int], runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    start, end = place
    shift = 0
    for run_start, run_end in runs:
        if run_end <= start:
            shift += (run_end - run_start) - len(HIDDEN)
        elif run_start < end:
            return None  # the figure is inside what is hidden
    return start - shift, end - shift
