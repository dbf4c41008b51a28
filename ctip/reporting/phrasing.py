"""Small rules of a clerk's Vietnamese that the report's sentence patterns rely on: lists read
"A, B và C", agencies of the report's own province are named as its staff write them ("Công an
tỉnh", "Sở Y tế"), and a name inside a sentence starts in lower case unless it is kept as written.
The sentences themselves are data in the report template (fixtures/templates.yaml), written for
a province; the national review (ADR 0016, issue 27) says them of the country
(`territory_block`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ctip.geo.names import LEVEL_WORDS


def enumerate_vi(items: Iterable[str], *, last: str = " và ") -> str:
    """ "A", "A và B", "A, B và C", without repeats. Items holding a comma ("học sinh, sinh
    viên") are kept whole; the last joiner tells where the list ends."""
    seen: list[str] = []
    for item in items:
        text = item.strip()
        if text and text.casefold() not in {s.casefold() for s in seen}:
            seen.append(text)
    if len(seen) < 2:
        return "".join(seen)
    return ", ".join(seen[:-1]) + last + seen[-1]


def lower_first(text: str, keep: Iterable[str] = ()) -> str:
    """A name as it reads inside a sentence: "Phụ nữ nông thôn" → "phụ nữ nông thôn"; names
    in `keep` ("Nhân dân" is written with a capital in state documents) stay as they are."""
    if not text or any(text.startswith(k) for k in keep):
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def unit_parts(unit_name: str) -> tuple[str, str]:
    """ "Thành phố Hà Nội" → ("thành phố", "Hà Nội"); a name without a level word → ("", name)."""
    for word in LEVEL_WORDS:
        if unit_name.startswith(word + " "):
            return word.lower(), unit_name[len(word) + 1 :]
    return "", unit_name


def unit_place(unit_name: str) -> str:
    return unit_parts(unit_name)[1]


def local_name(name: str, unit_name: str) -> str:
    """An agency of the report's own province named as its staff write it: "Công an tỉnh Quảng
    Ngãi" → "Công an tỉnh", "Sở Y tế tỉnh Quảng Ngãi" → "Sở Y tế", "Tỉnh Đoàn Quảng Ngãi" →
    "Tỉnh Đoàn", "Công an thành phố Hà Nội" → "Công an thành phố". Agencies of other places keep
    their full names."""
    level, place = unit_parts(unit_name)
    if not level:
        return name
    suffix = f" {level} {place}"
    if name.endswith(suffix):
        stem = name[: -len(suffix)]
        return stem if stem.startswith("Sở ") else f"{stem} {level}"
    if name.endswith(f" {place}"):
        return name[: -len(place) - 1]
    return name


def sentence_end(text: str, mark: str) -> str:
    """`text` ending in exactly `mark` ("." / ";" / ":"), whatever it ended with before."""
    return text.rstrip().rstrip(".;:,") + mark


# A province's words in the template's sentences, as the national review says them: the country
# is no province ("toàn tỉnh" → "toàn quốc"), and its bodies are ministries and sectors, not a
# province's departments ("các sở, ngành" → "các bộ, ngành"). In this order: the longer
# phrases first. Only the template's own words are changed, never a name from the data.
NATIONAL_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\btrên địa bàn tỉnh\b"), "trên phạm vi cả nước"),
    (re.compile(r"\btrên địa bàn\b"), "trên phạm vi cả nước"),
    (re.compile(r"\btoàn tỉnh\b"), "toàn quốc"),
    (re.compile(r"\bcác cơ quan của tỉnh\b"), "các bộ, ngành, địa phương"),
    (re.compile(r"\bcủa tỉnh\b"), "của cả nước"),
    (re.compile(r"\btỉnh đã\b"), "các bộ, ngành, địa phương đã"),
    (re.compile(r"\bsở, ngành\b"), "bộ, ngành"),
    (re.compile(r"\bSở, ngành\b"), "Bộ, ngành"),
)
COUNTRY = "country"  # Level.COUNTRY, without importing the geo models here


def territory_words(text: str, level: str) -> str:
    """A template sentence as a review of a unit of `level` says it: unchanged but for the
    country."""
    if level != COUNTRY:
        return text
    for pattern, words in NATIONAL_WORDS:
        text = pattern.sub(words, text)
    return text


def territory_block(block: Any, level: str) -> Any:
    """An outline block (its sentences, however nested) as `territory_words` says them."""
    if level != COUNTRY:
        return block
    if isinstance(block, str):
        return territory_words(block, level)
    if isinstance(block, dict):
        return {k: territory_block(v, level) for k, v in block.items()}
    if isinstance(block, list):
        return [territory_block(v, level) for v in block]
    return block
