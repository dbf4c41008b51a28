"""Reads over administrative units: versions at a date, period resolution, coverage, roll-up."""

from __future__ import annotations

from datetime import date

from django.db.models import Case, Count, F, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ctip.core.graph import closure_subquery
from ctip.core.text import fold
from ctip.geo.models import Level, Unit

# parent -> child, successor -> predecessor, and the country -> every unit without a parent:
# a unit covers its children and what it succeeded; the country covers everything (ADR 0016).
_COVER_EDGES = (
    "SELECT parent_id AS src, id AS dst FROM geo_unit WHERE parent_id IS NOT NULL "
    "UNION ALL SELECT successor_id AS src, predecessor_id AS dst FROM geo_unitsuccession "
    "UNION ALL SELECT n.id AS src, r.id AS dst FROM geo_unit n JOIN geo_unit r "
    "ON r.parent_id IS NULL AND r.level <> 'country' WHERE n.level = 'country'"
)
# The precomputed closure (UnitCover), indexed by ancestor; rebuilt after every unit load.
COVER_LOOKUP = "SELECT unit_id FROM geo_unitcover WHERE ancestor_id = %s"
# A unit in force today (the two %s: today) covers only what counts in its own province today
# (rollup_province, issue 27): old Tiền Giang, linked to Đồng Tháp and to Tây Ninh, is then
# covered by Đồng Tháp alone, where its communes went; a unit placed in no province is covered
# by the country alone. A province also covers every unit placed in it, so the provinces'
# covers divide the placed units exactly. Units gone before today keep their whole closure:
# an old province's records of 2024 are all its communes'.
_CURRENT = (
    "(a.valid_from IS NULL OR a.valid_from <= %s) AND (a.valid_to IS NULL OR a.valid_to >= %s)"
)
# Built from module constants only (no input reaches it).
COVER_ALL_SQL = "".join(
    [
        "INSERT INTO geo_unitcover (ancestor_id, unit_id) WITH RECURSIVE edges(src, dst) AS (",
        _COVER_EDGES,
        "), cover(root, id) AS (SELECT id, id FROM geo_unit UNION ",
        "SELECT c.root, e.dst FROM edges e JOIN cover c ON e.src = c.id) ",
        "SELECT c.root, c.id FROM cover c JOIN geo_unit a ON a.id = c.root ",
        "JOIN geo_unit u ON u.id = c.id WHERE c.root = c.id OR a.level = 'country' ",
        f"OR NOT ({_CURRENT}) OR u.rollup_province_id = a.rollup_province_id ",
        "UNION SELECT u.rollup_province_id, u.id FROM geo_unit u ",
        "WHERE u.rollup_province_id IS NOT NULL",
    ]
)
# The levels from the top: which a bare code names when several levels share it.
LEVELS_TOP_DOWN = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE)
_TREE_EDGES = "SELECT parent_id AS src, id AS dst FROM geo_unit WHERE parent_id IS NOT NULL"


def unit_at(*, code: int, level: str, day: date) -> Unit:
    """The version of unit `code` at `level` in force on `day` (Unit.DoesNotExist if none)."""
    return Unit.objects.valid_on(day).get(code=code, level=level)


def unit_by_code(code: int, *, day: date) -> Unit | None:
    """The unit a form names by its GSO code, as it stood on `day`. A unit picker's code carries
    the unit picked (`ctip.geo.picker.UnitCode`): codes of different levels collide (51 is Tỉnh
    Quảng Ngãi and, before 1/7/2025, a Hà Nội commune; 535 Huyện Ba Tơ and another), so the
    code alone would not say which. A bare code takes the highest level, as the picker's
    suggestions and labels do."""
    carried = getattr(code, "unit", None)
    if isinstance(carried, Unit) and carried.is_valid_on(day):
        return carried
    order = Case(
        *(When(level=level, then=Value(rank)) for rank, level in enumerate(LEVELS_TOP_DOWN)),
        default=Value(len(LEVELS_TOP_DOWN)),
    )
    return (
        Unit.objects.valid_on(day).filter(code=code).annotate(rank=order).order_by("rank").first()
    )


def unit_for_period(*, code: int, level: str, start: date, end: date) -> Unit:
    """A unit named for a period is the unit as it stood at the period's end (domain README §3);
    its records include everything it succeeded (see covered_unit_ids)."""
    if start > end:
        raise ValueError("start must not be after end")
    return unit_at(code=code, level=level, day=end)


def covered_unit_ids(unit: Unit) -> RawSQL:
    """Subquery of the ids of `unit`, its descendants at any time, and every unit it (or they)
    succeeded, transitively. Records made in any of these belong to `unit`."""
    return RawSQL(COVER_LOOKUP, (unit.pk,))  # noqa: S611 - constant SQL, parameter bound


def units_covered(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(id__in=covered_unit_ids(unit))


def subtree_at(unit: Unit, day: date) -> QuerySet[Unit]:
    """`unit` and its descendants as they stood on `day`."""
    return Unit.objects.valid_on(day).filter(id__in=closure_subquery(_TREE_EDGES, unit.pk))


def records_in(qs: QuerySet, unit: Unit, *, field: str = "unit") -> QuerySet:
    """Records of `qs` (any model with a FK to Unit named `field`) made in `unit`'s territory."""
    return qs.filter(**{f"{field}__in": covered_unit_ids(unit)})


def count_by_current_province(qs: QuerySet, *, field: str = "unit") -> dict[int, int]:
    """{today's province id: record count}, aggregated by the database."""
    rows = (
        qs.values(province=F(f"{field}__rollup_province"))
        .annotate(n=Count("pk"))
        .values_list("province", "n")
    )
    return {province: n for province, n in rows}


def count_by_current_commune(qs: QuerySet, *, field: str = "unit") -> dict[int, int]:
    """{unit id: record count} at commune level in today's structure. Records of a commune that
    was split (or of a unit above commune level) stay under their own unit, so each record is
    counted exactly once."""
    rows = (
        qs.values(shown=Coalesce(F(f"{field}__rollup_commune"), F(field)))
        .annotate(n=Count("pk"))
        .values_list("shown", "n")
    )
    return {shown: n for shown, n in rows}


def summary() -> dict[str, dict[str, int]]:
    """Counts of loaded units: current (in force today) and legacy (January 2025 snapshot and
    older units added from CSV)."""
    today = date.today()
    current = Unit.objects.valid_on(today)
    legacy = Unit.objects.exclude(pk__in=current.values("pk"))

    def by_level(qs: QuerySet[Unit]) -> dict[str, int]:
        counts = dict(qs.values_list("level").annotate(n=Count("pk")).values_list("level", "n"))
        return counts

    cur, leg = by_level(current), by_level(legacy)
    return {
        "current": {
            "provinces": cur.get(Level.PROVINCE, 0),
            "communes": cur.get(Level.COMMUNE, 0) + cur.get(Level.SPECIAL_ZONE, 0),
        },
        "legacy": {
            "provinces": leg.get(Level.PROVINCE, 0),
            "districts": leg.get(Level.DISTRICT, 0),
            "communes": leg.get(Level.COMMUNE, 0) + leg.get(Level.SPECIAL_ZONE, 0),
        },
    }


class UnitNotFound(LookupError):
    pass


def unit_named(text: str, day: date) -> Unit:
    """A province code or a unit's name as it stood on `day` (the period's end); "Việt Nam" (or
    0) is the country."""
    current = Unit.objects.valid_on(day)
    country = national_unit()
    if country is not None and (text.strip() == "0" or fold(text) == fold(country.name)):
        return country  # the national review: `ctip report --unit "Việt Nam"` (ADR 0016)
    if text.strip().isdigit():
        found = current.filter(code=int(text), level=Level.PROVINCE).first()
    else:
        wanted = fold(text)
        found = None
        for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE):
            for unit in current.filter(level=level, name__icontains=text.strip().split()[-1]):
                if fold(unit.name).endswith(wanted):
                    found = unit
                    break
            if found:
                break
    if found is None:
        raise UnitNotFound(
            _("Không có đơn vị %(name)s vào ngày %(day)s.")
            % {"name": text, "day": f"{day:%d/%m/%Y}"}
        )
    return found


def districts_without_successor(*, last_day: date = date(2025, 6, 30)) -> QuerySet[Unit]:
    """Districts ending on `last_day` (the last day of the district level) with no successor
    link. Those divided between several new communes are expected here (no single unit took
    them over); a district that passed whole to one unit must not be."""
    return Unit.objects.filter(level=Level.DISTRICT, valid_to=last_day, succession_out__isnull=True)


def national_unit() -> Unit | None:
    """The country (ADR 0016): the scope of national figures, rollup cells and review; None
    before the units are loaded."""
    return Unit.objects.filter(level=Level.COUNTRY).first()
