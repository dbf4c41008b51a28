"""An agency name as a report writes it ("Hội LHPN tỉnh", "Công an huyện Sơn Hà", "UBND xã Ba
Tô") matched to one agency record among those offered (the agencies in force in the reader's
province): the same kind, then the name itself, then the name's level. No match when two
records fit equally: the officer picks then, ctip does not guess.

Pure: the candidates are given (read once per page, not once per name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ctip.core.text import fold
from ctip.geo.models import Level
from ctip.ingest.agency_names import AgencyName

# Abbreviations officials write, folded, -> the words of the records' names, folded.
_ABBREVIATIONS = (
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bubmttq\b", "uy ban mat tran to quoc"),
    (r"\bhoi lhpn\b", "hoi lien hiep phu nu"),
    (r"\bbdbp\b", "bo doi bien phong"),
    (r"\bvksnd\b", "vien kiem sat nhan dan"),
    (r"\btand\b", "toa an nhan dan"),
    (r"\bldld\b", "lien doan lao dong"),
    (r"\bhoi ccb\b", "hoi cuu chien binh"),
    (r"\bso ld-tb&xh\b|\bso ldtbxh\b", "so lao dong - thuong binh va xa hoi"),
    (r"\bso gd&dt\b|\bso gddt\b", "so giao duc va dao tao"),
    (r"\bso tt&tt\b|\bso tttt\b", "so thong tin va truyen thong"),
    (r"^ca\b", "cong an"),
    (r"\btp\.? ?", "thanh pho "),
)
# The level word a name ends with -> the levels of the unit its agency works in.
_LEVELS = {
    "tinh": (Level.PROVINCE,),
    "cap tinh": (Level.PROVINCE,),
    "thanh pho": (Level.PROVINCE, Level.DISTRICT),
    "huyen": (Level.DISTRICT,),
    "thi xa": (Level.DISTRICT,),
    "quan": (Level.DISTRICT,),
    "xa": (Level.COMMUNE,),
    "phuong": (Level.COMMUNE,),
    "thi tran": (Level.COMMUNE,),
    "dac khu": (Level.SPECIAL_ZONE,),
}


def folded_name(text: str) -> str:
    name = fold(text)
    for pattern, words in _ABBREVIATIONS:
        name = re.sub(pattern, words, name)
    return " ".join(name.replace(" - ", "-").replace("-", " - ").split())


def match_agency(name: AgencyName, candidates: Iterable[Any]) -> Any | None:
    """The one candidate (an Agency with its unit loaded) the name means, or None."""
    of_kind = [a for a in candidates if not name.kind or a.kind == name.kind]
    written = folded_name(name.text)
    names = {a.pk: folded_name(a.name) for a in of_kind}
    for fits in (
        lambda a: names[a.pk] == written,
        # "Công an tỉnh" is "Công an tỉnh Quảng Ngãi"; "Công an huyện Sơn Hà" is itself.
        lambda a: names[a.pk].startswith(written + " "),
        # A name that ends with its level only: the one of its kind at that level.
        lambda a: _level_only(written, a),
    ):
        found = [a for a in of_kind if fits(a)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None
    return None


def _level_only(written: str, agency: Any) -> bool:
    for word, levels in _LEVELS.items():
        if written.endswith(" " + word):
            return agency.unit.level in levels
    return False
