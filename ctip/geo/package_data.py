"""Reads the maintained unit package (vietnam-provinces) into plain rows.

Kept apart from the loader so the loader deals only with rows and the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import vietnam_provinces
from vietnam_provinces import Province, Ward, legacy
from vietnam_provinces import _province_conversion_2025 as province_conversion
from vietnam_provinces import _ward_conversion_2025 as ward_conversion

from ctip.geo.models import Level

REFORM_DAY = date(2025, 7, 1)  # Resolution 202/2025/QH15: 34 provinces, two levels
LAST_LEGACY_DAY = date(2025, 6, 30)


@dataclass(frozen=True)
class Row:
    level: str
    code: int
    name: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    parent: tuple[str, int] | None  # (level, code) of the parent in the same generation


@dataclass(frozen=True)
class Link:
    predecessor: tuple[str, int]  # legacy (level, code)
    successor: tuple[str, int]  # current (level, code)
    partial: bool


def _current_ward_level(kind: str) -> str:
    return Level.SPECIAL_ZONE if kind == "đặc khu" else Level.COMMUNE


def legacy_rows() -> list[Row]:
    rows = [
        Row(Level.PROVINCE, int(p.code), p.name, str(p.division_type), None, LAST_LEGACY_DAY, None)
        for p in legacy.Province.iter_all()
    ]
    rows += [
        Row(
            Level.DISTRICT,
            int(d.code),
            d.name,
            str(d.division_type),
            None,
            LAST_LEGACY_DAY,
            (Level.PROVINCE, int(d.province_code)),
        )
        for d in legacy.District.iter_all()
    ]
    rows += [
        Row(
            Level.COMMUNE,
            int(w.code),
            w.name,
            str(w.division_type),
            None,
            LAST_LEGACY_DAY,
            (Level.DISTRICT, int(w.district_code)),
        )
        for w in legacy.Ward.iter_all()
    ]
    return rows


def current_rows() -> list[Row]:
    rows = [
        Row(Level.PROVINCE, int(p.code), p.name, str(p.division_type), REFORM_DAY, None, None)
        for p in Province.iter_all()
    ]
    rows += [
        Row(
            _current_ward_level(str(w.division_type)),
            int(w.code),
            w.name,
            str(w.division_type),
            REFORM_DAY,
            None,
            (Level.PROVINCE, int(w.province_code)),
        )
        for w in Ward.iter_all()
    ]
    return rows


def links(current_levels: dict[int, str]) -> list[Link]:
    """Old province -> new province, and old commune -> new commune(s) (many-to-many)."""
    out = province_links(current_levels)
    for old_code, entry in ward_conversion.OLD_TO_NEW.items():
        split = len(entry.new_wards) > 1 or entry.old_ward.is_partly_merged
        for new in entry.new_wards:
            level = current_levels.get(new.code)
            if level is not None:
                out.append(Link((Level.COMMUNE, old_code), (level, new.code), split))
    return out


def province_links(current_levels: dict[int, str]) -> list[Link]:
    """Old province -> new province(s), read from where each old commune went.

    The package's own province table is derived from the ward table's province column, which
    places Phường 4 of Tân An (Long An, district 794) in Tiền Giang: Tiền Giang then had two
    successors and no province to roll up to. Each old commune is placed here by its own
    district in the January 2025 snapshot instead."""
    province_of_district = {int(d.code): int(d.province_code) for d in legacy.District.iter_all()}
    new_province = {int(w.code): int(w.province_code) for w in Ward.iter_all()}
    targets: dict[int, set[int]] = {}
    for entry in ward_conversion.OLD_TO_NEW.values():
        old = province_of_district.get(entry.old_ward.district_code)
        for new in entry.new_wards:
            if old is not None and new.code in current_levels and new.code in new_province:
                targets.setdefault(old, set()).add(new_province[new.code])
    return [
        Link((Level.PROVINCE, old), (Level.PROVINCE, new), len(news) > 1)
        for old, news in sorted(targets.items())
        for new in sorted(news)
    ]


def district_links(current: list[Row]) -> list[Link]:
    """Whole successions of districts, which the package does not list (domain README §3).

    A district whose communes all passed whole to one commune-level unit (Vân Đồn, Cô Tô, Cát
    Hải, Trường Sa, Phú Quý, Kiên Hải to their special zones; Mường Lay, Quảng Trị, Ngũ Hành
    Sơn to one ward) has that unit as its whole successor. An island district with no commune
    in the snapshot (Lý Sơn, Côn Đảo, Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa) has the special zone of
    the same name in its province's successor. Every other district was divided between
    several new communes and has no single successor: its records are followed through its
    communes and its province."""
    levels = {r.code: r.level for r in current if r.level != Level.PROVINCE}
    zones = {
        (r.parent[1] if r.parent else 0, bare_name(r.name, r.kind)): r.code
        for r in current
        if r.level == Level.SPECIAL_ZONE
    }
    new_provinces = {
        old: {p.code for p in entry.new_provinces}
        for old, entry in province_conversion.OLD_TO_NEW.items()
    }
    communes: dict[int, list[int]] = {}
    for ward in legacy.Ward.iter_all():
        communes.setdefault(int(ward.district_code), []).append(int(ward.code))
    out = []
    for district in legacy.District.iter_all():
        code = int(district.code)
        target = _whole_target(communes.get(code, []))
        if target is None and not communes.get(code):
            name = bare_name(district.name, str(district.division_type))
            found = {
                zones.get((p, name)) for p in new_provinces.get(int(district.province_code), ())
            }
            found.discard(None)
            target = found.pop() if len(found) == 1 else None
        if target is not None and target in levels:
            out.append(Link((Level.DISTRICT, code), (levels[target], target), False))
    return out


def _whole_target(commune_codes: list[int]) -> int | None:
    """The one unit every commune passed to whole, or None (no commune, a commune not in the
    conversion table, a split, or several targets)."""
    targets = set()
    for code in commune_codes:
        entry = ward_conversion.OLD_TO_NEW.get(code)
        if entry is None or entry.old_ward.is_partly_merged or len(entry.new_wards) != 1:
            return None
        targets.add(entry.new_wards[0].code)
    return targets.pop() if len(targets) == 1 else None


def bare_name(name: str, kind: str) -> str:
    """The name without its kind word: ("Huyện Lý Sơn", "huyện") -> "Lý Sơn"."""
    if kind and name.casefold().startswith(kind.casefold() + " "):
        return name[len(kind) + 1 :]
    return name


def fingerprint() -> str:
    """sha256 over the package's data files: the 'file hash' of a package load."""
    digest = hashlib.sha256(vietnam_provinces.__version__.encode())
    for module in (province_conversion, ward_conversion):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(Path(vietnam_provinces.FLAT_DIVISIONS_JSON_PATH).read_bytes())
    return digest.hexdigest()
