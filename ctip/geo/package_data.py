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
    out = [
        Link((Level.PROVINCE, old), (Level.PROVINCE, new.code), False)
        for old, entry in province_conversion.OLD_TO_NEW.items()
        for new in entry.new_provinces
    ]
    for old_code, entry in ward_conversion.OLD_TO_NEW.items():
        split = len(entry.new_wards) > 1 or entry.old_ward.is_partly_merged
        for new in entry.new_wards:
            level = current_levels.get(new.code)
            if level is not None:
                out.append(Link((Level.COMMUNE, old_code), (level, new.code), split))
    return out


def fingerprint() -> str:
    """sha256 over the package's data files: the 'file hash' of a package load."""
    digest = hashlib.sha256(vietnam_provinces.__version__.encode())
    for module in (province_conversion, ward_conversion):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(Path(vietnam_provinces.FLAT_DIVISIONS_JSON_PATH).read_bytes())
    return digest.hexdigest()
