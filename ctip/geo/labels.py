"""Words for units as they stood on a date: the label of a level, and a unit's proper name.

The commune level was "xã, phường, thị trấn" until 30/6/2025; from 1/7/2025 (the two-level
structure of Resolution 202/2025/QH15) townships are gone and special zones sit at that level:
"xã, phường, đặc khu". A page showing units of some date names the level as it was then.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from ctip.geo.models import Level

REFORM_DAY = date(2025, 7, 1)  # same day as package_data.REFORM_DAY (no import: no package read)

# Words a unit's name begins with, longest first ("Thành phố" before a bare "Thành").
KIND_WORDS = (
    "Thành phố",
    "Thị trấn",
    "Thị xã",
    "Đặc khu",
    "Phường",
    "Huyện",
    "Quận",
    "Tỉnh",
    "Xã",
)
# Decree 30/2020/NĐ-CP, Appendix I (place name): a unit named after a person, by a number or
# after a historical event is written with its full name ("Thành phố Hồ Chí Minh", "Phường 1").
# Names after a person cannot be told from the data: the known ones are listed here.
NAMED_AFTER_A_PERSON = ("Hồ Chí Minh",)


def level_label(level: str, on: date, *, capitalised: bool = False) -> str:
    """The words naming `level` on `on`: the commune level is "xã, phường, thị trấn" before
    1/7/2025 and "xã, phường, đặc khu" from that day; `capitalised` for a heading or a choice."""
    text = _level_words(level, on)
    return text[:1].upper() + text[1:] if capitalised else text


def _level_words(level: str, on: date) -> str:
    if level == Level.COMMUNE:
        return _("xã, phường, thị trấn") if on < REFORM_DAY else _("xã, phường, đặc khu")
    if level == Level.DISTRICT:
        return _("huyện, quận, thị xã, thành phố thuộc tỉnh")
    if level == Level.SPECIAL_ZONE:
        return _("đặc khu")
    if level == Level.PROVINCE:
        return _("tỉnh, thành phố")
    raise ValueError(f"unknown level {level!r}")


def level_choices(on: date) -> list[tuple[str, str]]:
    """(value, label) for a level filter of units standing on `on`: the levels that exist on
    that day, the commune level named as it was then."""
    if on < REFORM_DAY:
        levels = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]
    else:
        levels = [Level.PROVINCE, Level.COMMUNE, Level.SPECIAL_ZONE]
    return [(str(level), level_label(level, on, capitalised=True)) for level in levels]


def proper_name(name: str) -> str:
    """The unit's name without the word for its kind, as a document's place line writes it
    (Decree 30/2020/NĐ-CP, Appendix I): "Tỉnh Quảng Ngãi" -> "Quảng Ngãi", "Xã Trà Bùi" ->
    "Trà Bùi", "Đặc khu Lý Sơn" -> "Lý Sơn"; "Phường 1" and "Thành phố Hồ Chí Minh" keep the
    word (named by a number, after a person)."""
    for word in KIND_WORDS:
        if name.casefold().startswith(word.casefold() + " "):
            rest = name[len(word) + 1 :].strip()
            if not rest or rest.isdigit() or rest in NAMED_AFTER_A_PERSON:
                return name
            return rest
    return name
