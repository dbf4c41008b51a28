"""Text before extraction: one spelling, and sentences.

`normalise` gives the text one Unicode form (NFC: Word and web pages mix composed and
decomposed letters) and the new tone placement ("hoà" -> "hòa", "uỷ" -> "ủy"), so that rules
are written once. The second step keeps the length of the text, so places found in it are
places in the NFC text the caller keeps.

`sentences` splits a text into paragraphs (lines) and sentences. A sentence ends at ".", "!"
or "?" followed by a space and a capital letter, a bullet or a digit, or at the end of the
paragraph; never inside "16/10/2023", "3.000" or "1,5" (no space follows), nor after an
abbreviation ("TP. Quảng Ngãi", "TX.", "ThS.", "v.v.") or an initial ("Nguyễn V. A").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Old-style tone placement on the open syllables "oa", "oe", "uy" (not after "q": "quý").
_OLD_TONES = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])(?![^\W\d_])")
_BARE = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a", "è": "e", "é": "e", "ẻ": "e"}
_BARE |= {"ẽ": "e", "ẹ": "e", "ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"}
_MARK = {"à": "\u0300", "á": "\u0301", "ả": "\u0309", "ã": "\u0303", "ạ": "\u0323"}
_MARK |= {"è": "\u0300", "é": "\u0301", "ẻ": "\u0309", "ẽ": "\u0303", "ẹ": "\u0323"}
_MARK |= {"ỳ": "\u0300", "ý": "\u0301", "ỷ": "\u0309", "ỹ": "\u0303", "ỵ": "\u0323"}
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}

ABBREVIATIONS = frozenset(
    {"tp", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "v.v", "vv", "đ/c", "q", "h", "st"}
)
_END = re.compile(r"[.!?…]+(?=\s+[\"“(*_]*(?:[A-ZÀ-Ỹ]|[-–+•]|\d))")
_LAST_WORD = re.compile(r"\S+$")
# How far before a full stop its word is looked for: an abbreviation or an initial is a few
# letters, and a bounded look keeps the time linear in a paragraph's length (the whole
# paragraph before each full stop made it grow with the square).
_WORD_REACH = 64


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return _OLD_TONES.sub(_move_tone, text)


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if (first.lower(), _BARE[second]) not in _PAIRS:
        return match.group()
    toned = unicodedata.normalize("NFC", first + _MARK[second])
    return toned + _BARE[second]


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # place in the text
    paragraph: int  # index of its paragraph


def paragraphs(text: str) -> list[tuple[str, int]]:
    found = []
    for line in re.finditer(r"[^\n]+", text):
        if line.group().strip():
            found.append((line.group(), line.start()))
    return found


def sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    for index, (para, offset) in enumerate(paragraphs(text)):
        begin = 0
        for end in _ends(para):
            found += _sentence(para, begin, end, offset, index)
            begin = end
        found += _sentence(para, begin, len(para), offset, index)
    return found


def _ends(para: str) -> list[int]:
    ends = []
    for match in _END.finditer(para):
        word = _word_before(para, match.start()).lower().lstrip("(")
        if match.group() == "." and (word in ABBREVIATIONS or _is_initial(word)):
            continue
        ends.append(match.end())
    return ends


def _word_before(para: str, at: int) -> str:
    """The word that ends at `at`; a word longer than the reach is cut, and is no abbreviation
    nor initial either way."""
    found = _LAST_WORD.search(para, max(0, at - _WORD_REACH), at)
    return found.group() if found else ""


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _sentence(para: str, begin: int, end: int, offset: int, index: int) -> list[Sentence]:
    piece = para[begin:end]
    stripped = piece.strip()
    if not stripped:
        return []
    start = offset + begin + (len(piece) - len(piece.lstrip()))
    return [Sentence(stripped, start, index)]
