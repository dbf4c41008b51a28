"""Synthetic member agencies of each chosen province, before and after the 2025 reforms.

Codes start with `syn-` and repeat the unit's code (and the year its version began), so a second
load, with this or another seed, finds and reuses them. Successions carry records from the old
provinces' agencies to the merged province's, as in the shipped Quảng Ngãi fixture.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from ctip.agencies.derived import agencies_refresh_heirs
from ctip.agencies.models import Agency, AgencySuccession
from ctip.core.models import AuditEntry
from ctip.ops.synth.run import MARK
from ctip.ops.synth.world import DAY, AgencyRow, Place, UnitRow

SOURCE = f"{MARK} Cơ quan giả lập do lệnh ctip synth tạo để thử tải; không phải cơ quan thật."
# Decree 45/2025/NĐ-CP: social protection moved from the labour department to Health on 1/3/2025.
DEPARTMENTS_REORGANISED = date(2025, 3, 1)
# kind, code part, title, abbreviation. Departments sit under the provincial committee.
PROVINCIAL = (
    ("people_committee", "ubnd", "Ủy ban nhân dân", "UBND tỉnh"),
    ("police", "ca", "Công an", "CA tỉnh"),
    ("border_guard", "bdbp", "Bộ Chỉ huy Bộ đội Biên phòng", "BĐBP tỉnh"),
    ("procuracy", "vks", "Viện kiểm sát nhân dân", "VKSND tỉnh"),
    ("court", "ta", "Tòa án nhân dân", "TAND tỉnh"),
    ("social_protection", "syt", "Sở Y tế", "Sở Y tế"),
    ("education", "sgddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("womens_union", "hlhpn", "Hội Liên hiệp Phụ nữ", "Hội LHPN tỉnh"),
    ("youth_union", "tdtn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Tỉnh Đoàn"),
)
LABOUR = ("social_protection", "sldtbxh", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH")
DEPARTMENT_PARTS = ("syt", "sldtbxh", "sgddt")
COMMITTEES_PER_PROVINCE = 4
OLD_COMMITTEES_PER_COMMUNE = 3
PLACE_PREFIXES = ("Thành phố", "Tỉnh", "Phường", "Xã", "Thị trấn", "Đặc khu")


@dataclass
class Spec:
    code: str
    name: str
    abbreviation: str
    kind: str
    unit_id: int
    valid_from: date | None
    valid_to: date | None
    parent: str = ""
    successor: str = ""
    committee: bool = False


def _code(unit: UnitRow, part: str) -> str:
    """`syn-51-ca` for the old Quảng Ngãi's police, `syn-51-ca-2025` for the merged one's."""
    year = f"-{unit.valid_from.year}" if unit.valid_from else ""
    return f"syn-{unit.code}-{part}{year}"


def _place(name: str) -> str:
    """ "Tỉnh Quảng Ngãi" -> "tỉnh Quảng Ngãi", as it reads after an agency's title."""
    for prefix in PLACE_PREFIXES:
        if name.startswith(prefix + " "):
            return prefix.lower() + name[len(prefix) :]
    return name


def _spec(version: UnitRow, row: tuple[str, str, str, str], after: UnitRow | None) -> Spec:
    kind, part, title, abbreviation = row
    return Spec(
        code=_code(version, part),
        name=f"{title} {_place(version.name)} (mô phỏng)",
        abbreviation=abbreviation,
        kind=kind,
        unit_id=version.id,
        valid_from=version.valid_from,
        valid_to=version.valid_to,
        parent=_code(version, "ubnd") if part in DEPARTMENT_PARTS else "",
        successor=_code(after, part) if after is not None else "",
    )


def _provincial(version: UnitRow, after: UnitRow | None, border: bool) -> list[Spec]:
    """One version's agencies; `after` is the version whose agencies carry their records."""
    specs = [_spec(version, row, after) for row in PROVINCIAL if border or row[0] != "border_guard"]
    if version.valid_on(DEPARTMENTS_REORGANISED) and version.valid_on(
        DEPARTMENTS_REORGANISED - DAY
    ):
        # Before 1/3/2025 the labour department did social protection; Health carries it on.
        labour = _spec(version, LABOUR, None)
        labour.valid_to, labour.successor = DEPARTMENTS_REORGANISED - DAY, _code(version, "syt")
        health = next(s for s in specs if s.code == labour.successor)
        health.valid_from = DEPARTMENTS_REORGANISED
        specs.append(labour)
    return specs


def province_specs(place: Place, start: date, end: date) -> list[Spec]:
    versions = place.province_versions(start, end)
    specs = []
    for version in versions:
        after = None
        if version.valid_to is not None:
            after = next((v for v in versions if v.valid_on(version.valid_to + DAY)), None)
        specs += _provincial(version, after, place.border)
    return specs


def committee_specs(place: Place, start: date, end: date, rng: random.Random) -> list[Spec]:
    """People's committees of a few of today's communes and of old communes merged into them."""
    current = [c for c in place.communes(start, end) if c.valid_to is None]
    chosen = rng.sample(current, min(COMMITTEES_PER_PROVINCE, len(current)))
    chosen_ids = {c.id: c for c in chosen}
    old: dict[int, list[UnitRow]] = {}
    for commune in place.communes(start, end):
        if commune.rollup_commune_id in chosen_ids and commune.id not in chosen_ids:
            old.setdefault(commune.rollup_commune_id, []).append(commune)
    specs = []
    for commune in chosen:
        specs.append(_committee(commune, None))
        for predecessor in old.get(commune.id, [])[:OLD_COMMITTEES_PER_COMMUNE]:
            specs.append(_committee(predecessor, commune))
    return specs


def _committee(commune: UnitRow, after: UnitRow | None) -> Spec:
    return Spec(
        code=_code(commune, "ubnd"),
        name=f"Ủy ban nhân dân {_place(commune.name)} (mô phỏng)",
        abbreviation="UBND xã",
        kind="people_committee",
        unit_id=commune.id,
        valid_from=commune.valid_from,
        valid_to=commune.valid_to,
        successor=_code(after, "ubnd") if after is not None else "",
        committee=True,
    )


def agencies_ensure(specs: list[Spec], batch: AuditEntry) -> tuple[list[AgencyRow], int]:
    """Create the agencies not there yet (one bulk insert), their parents and successions, and
    refresh heirs so figures by agency follow the succession. Returns rows and how many new."""
    by_code = {s.code: s for s in specs}
    ids = dict(Agency.objects.filter(code__in=by_code).values_list("code", "id"))
    new = [_agency(s, batch) for code, s in by_code.items() if code not in ids]
    Agency.objects.bulk_create(new)
    ids.update({a.code: a.pk for a in new})
    for agency in new:
        parent = by_code[agency.code].parent
        if parent in ids:
            agency.parent_id = ids[parent]
    Agency.objects.bulk_update([a for a in new if a.parent_id], ["parent"])
    links = [
        AgencySuccession(
            predecessor_id=ids[s.code],
            successor_id=ids[s.successor],
            date=_handover(s, by_code[s.successor]),
            carries_records=True,
            note=MARK,
        )
        for s in by_code.values()
        if s.successor in ids
    ]
    # Another seed may have linked them already: the pair and one-heir constraints keep one.
    AgencySuccession.objects.bulk_create(links, ignore_conflicts=True)
    agencies_refresh_heirs()
    rows = [
        AgencyRow(ids[s.code], s.kind, s.unit_id, s.valid_from, s.valid_to, s.committee)
        for s in by_code.values()
    ]
    return rows, len(new)


def _handover(spec: Spec, successor: Spec) -> date:
    if successor.valid_from is not None:
        return successor.valid_from
    return (spec.valid_to or date.today()) + DAY


def _agency(spec: Spec, batch: AuditEntry) -> Agency:
    return Agency(
        code=spec.code,
        name=spec.name,
        abbreviation=spec.abbreviation,
        kind=spec.kind,
        unit_id=spec.unit_id,
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
        source=SOURCE,
        batch=batch,
    )
