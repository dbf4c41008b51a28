"""The synthetic country's geography: the chosen provinces, their units by date, the calendar.

Everything a generator needs per row is precomputed here, so that building a million rows never
queries the database: for each province, the window is cut into segments during which the set
of valid communes and agencies does not change (the 2025 reform is one such cut).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.selectors import covered_unit_ids

DAY = timedelta(days=1)
# Seasonality of awareness work: the action month around the National Day (30/7) peaks, the
# Lunar New Year (January-February) is quiet; weekends see fewer sessions.
MONTH_WEIGHT = {1: 6, 2: 5, 3: 10, 4: 10, 5: 10, 6: 12, 7: 20, 8: 10, 9: 9, 10: 10, 11: 12, 12: 9}
WEEKDAY_WEIGHT = (10, 10, 10, 10, 10, 6, 3)
# Today's provinces with neither a land border nor a coast, hence no Border Guard (the shipped
# unit flags cover only a few provinces, so they cannot tell this alone): Hà Nội, Thái Nguyên,
# Bắc Ninh, Phú Thọ.
INLAND = frozenset({1, 19, 24, 25})


class SynthError(ValueError):
    pass


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: int
    name: str
    level: str
    parent_id: int | None
    valid_from: date | None
    valid_to: date | None
    rollup_commune_id: int | None
    border: bool

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def overlaps(self, start: date, end: date) -> bool:
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or self.valid_to >= start
        )


@dataclass(frozen=True)
class AgencyRow:
    id: int
    kind: str
    unit_id: int
    valid_from: date | None
    valid_to: date | None
    committee: bool  # a commune's people's committee (its unit is the commune)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass
class Segment:
    """Days [start, end] of one province during which its units and agencies do not change."""

    start: date
    end: date
    communes: list[int]
    # province version id -> agency kind -> agency ids in force
    staff: dict[int, dict[str, list[int]]]
    committees: dict[int, int]  # commune id -> its people's committee
    _pools: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    def pool(self, province_version: int, weights: tuple[tuple[str, int], ...], key: str) -> list:
        """Agency ids of one province version repeated by kind weight: one randrange picks."""
        cached = self._pools.get((province_version, key))
        if cached is None:
            staff = self.staff[province_version]
            cached = [a for kind, w in weights for a in staff.get(kind, [])[:1] * w]
            self._pools[(province_version, key)] = cached or staff["police"]
        return cached


@dataclass
class Place:
    """One of today's provinces with everything it succeeded."""

    province: Unit
    units: dict[int, UnitRow]
    home: dict[int, int]  # commune id -> id of the province version it belonged to
    segments: list[Segment] = field(default_factory=list)
    starts: list[date] = field(default_factory=list)

    @cached_property
    def weight(self) -> int:
        """Communes in force at the window's end: larger provinces get more records."""
        return max(1, sum(1 for c in self.home if self.units[c].valid_to is None))

    @cached_property
    def border(self) -> bool:
        """Has a Border Guard: a land border or coast."""
        return self.province.code not in INLAND or any(u.border for u in self.units.values())

    def province_versions(self, start: date, end: date) -> list[UnitRow]:
        return sorted(
            (
                u
                for u in self.units.values()
                if u.level == Level.PROVINCE and u.overlaps(start, end)
            ),
            key=lambda u: (u.code, u.valid_from or date.min),
        )

    def communes(self, start: date, end: date) -> list[UnitRow]:
        return sorted(
            (u for u in self.units.values() if u.id in self.home and u.overlaps(start, end)),
            key=lambda u: (u.code, u.valid_from or date.min),
        )

    def segment(self, day: date) -> Segment:
        return self.segments[bisect_right(self.starts, day) - 1]

    def agency(self, kind: str, day: date, commune: int) -> int:
        """The agency of `kind` in force on `day` where `commune` lies (after the reform: the
        merged province's), the police when the province has none of that kind."""
        seg = self.segment(day)
        version = self.home[commune]
        staff = seg.staff.get(version) or next(iter(seg.staff.values()))
        return (staff.get(kind) or staff["police"])[0]


def window(years: int, today: date) -> tuple[date, date]:
    """The `years` years ending `today` (inclusive)."""
    try:
        first = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        first = today.replace(year=today.year - years, day=28)
    return first + DAY, today


def choose_provinces(rng: random.Random, count: int, today: date) -> list[Unit]:
    provinces = list(Unit.objects.valid_on(today).filter(level=Level.PROVINCE).order_by("code"))
    if not 1 <= count <= len(provinces):
        raise SynthError(
            _("Số tỉnh phải từ 1 đến %(max)s (số tỉnh, thành phố hiện nay).")
            % {"max": len(provinces)}
        )
    return sorted(rng.sample(provinces, count), key=lambda u: u.code)


def place_of(province: Unit, start: date, end: date) -> Place:
    """`province` with every unit it covers (children, predecessors, their children...)."""
    rows = Unit.objects.filter(id__in=covered_unit_ids(province)).values_list(
        "id",
        "code",
        "name",
        "level",
        "parent_id",
        "valid_from",
        "valid_to",
        "rollup_commune_id",
    )
    border_ids = set(
        Unit.objects.filter(id__in=covered_unit_ids(province))
        .filter(Q(land_border=True) | Q(coastal=True) | Q(island=True))
        .values_list("id", flat=True)
    )
    units = {
        r[0]: UnitRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], border=r[0] in border_ids)
        for r in rows
    }
    home = {}
    for unit in units.values():
        if unit.level in COMMUNE_LEVELS and unit.overlaps(start, end):
            version = _province_of(unit, units)
            if version is not None:
                home[unit.id] = version
    return Place(province=province, units=units, home=home)


def _province_of(unit: UnitRow, units: dict[int, UnitRow]) -> int | None:
    """The province version above `unit`; None when the chain leaves the covered territory (an
    old commune only partly passed to this province belongs to another one)."""
    seen: set[int] = set()
    while unit.level != Level.PROVINCE:
        if unit.parent_id is None or unit.parent_id not in units or unit.id in seen:
            return None
        seen.add(unit.id)
        unit = units[unit.parent_id]
    return unit.id


def cut_segments(place: Place, agencies: list[AgencyRow], start: date, end: date) -> None:
    """Split [start, end] where any commune or agency of `place` begins or ends."""
    cuts = {start, end + DAY}
    bounds: list[tuple[Any, Any]] = [(u.valid_from, u.valid_to) for u in place.units.values()]
    bounds += [(a.valid_from, a.valid_to) for a in agencies]
    for valid_from, valid_to in bounds:
        if valid_from is not None and start < valid_from <= end:
            cuts.add(valid_from)
        if valid_to is not None and start <= valid_to < end:
            cuts.add(valid_to + DAY)
    edges = sorted(cuts)
    place.segments = [
        _segment(place, agencies, a, b - DAY) for a, b in zip(edges, edges[1:], strict=False)
    ]
    place.starts = [s.start for s in place.segments]


def _segment(place: Place, agencies: list[AgencyRow], first: date, last: date) -> Segment:
    communes = [c for c in place.home if place.units[c].valid_on(first)]
    communes.sort(key=lambda c: place.units[c].code)
    staff: dict[int, dict[str, list[int]]] = {}
    committees: dict[int, int] = {}
    for agency in agencies:
        if not agency.valid_on(first):
            continue
        if agency.committee:
            committees[agency.unit_id] = agency.id
        else:
            staff.setdefault(agency.unit_id, {}).setdefault(agency.kind, []).append(agency.id)
    missing = {place.home[c] for c in communes} - set(staff)
    if not communes or missing:
        raise SynthError(
            _("%(province)s: không có xã hoặc cơ quan nào có hiệu lực ngày %(day)s.")
            % {"province": place.province.name, "day": f"{first:%d/%m/%Y}"}
        )
    return Segment(first, last, communes, staff, committees)


class Calendar:
    """Days of the window with seasonal weights; draws many days in one call."""

    def __init__(self, start: date, end: date) -> None:
        self.days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        total, self.cum = 0, []
        for day in self.days:
            total += MONTH_WEIGHT[day.month] * WEEKDAY_WEIGHT[day.weekday()]
            self.cum.append(total)

    def draw(self, rng: random.Random, k: int) -> list[date]:
        return rng.choices(self.days, cum_weights=self.cum, k=k)


def pick_places(rng: random.Random, places: list[Place], k: int) -> list[Place]:
    return rng.choices(places, weights=[p.weight for p in places], k=k)
