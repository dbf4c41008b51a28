"""The national level (issue 27, ADR 0016): every record counts in exactly one of today's
provinces, or at the national level only; the country's figures are the provinces' figures
added up, plus those records, for periods before, across and after 1/7/2025."""

from datetime import date

import pytest
from django.db import transaction
from django.db.models import Q

from ctip.agencies.models import Agency
from ctip.core.models import RollupCell, RollupState
from ctip.geo.derived import units_refresh_rollup
from ctip.geo.models import COMMUNE_LEVELS, Level, Source, Unit, UnitCover, UnitSuccession
from ctip.geo.package_data import REFORM_DAY
from ctip.geo.selectors import national_unit, records_in
from ctip.geo.services import units_load_package
from ctip.indicators import rollups
from ctip.indicators.queries import compute
from ctip.indicators.registry import FLOW, REGISTRY
from ctip.prevention.models import Activity
from tests.conftest import NEW, OLD, unit
from tests.factories import CaseFactory, CriminalCaseFactory

pytestmark = pytest.mark.django_db

TIEN_GIANG, LONG_AN = 82, 80  # old provinces
DONG_THAP, TAY_NINH = 82, 80  # today's provinces (Tiền Giang's and Long An's successors)
PERIODS = [
    (date(2024, 1, 1), date(2024, 12, 31)),  # before the reform
    (date(2025, 1, 1), date(2025, 12, 31)),  # across 1/7/2025
    (date(2025, 4, 15), date(2025, 8, 20)),  # across, partial months at both edges
    (date(2025, 7, 1), date(2026, 6, 30)),  # after
]


def additive_codes() -> list[str]:
    return [code for code, i in REGISTRY.items() if i.additive]


def old_commune(province: Unit, n: int = 0) -> Unit:
    return Unit.objects.filter(
        level=Level.COMMUNE, parent__parent=province, valid_to__lt=REFORM_DAY
    ).order_by("code")[n]


def new_commune(code: int, n: int = 0) -> Unit:
    return (
        Unit.objects.valid_on(NEW)
        .filter(level__in=COMMUNE_LEVELS, parent__code=code, parent__level=Level.PROVINCE)
        .order_by("code")[n]
    )


def link_tien_giang_to_tay_ninh() -> None:
    """The unit data the benchmark measured: old Tiền Giang linked whole to both Đồng Tháp and
    Tây Ninh (its communes all go to Đồng Tháp)."""
    tien_giang = unit(TIEN_GIANG, Level.PROVINCE, OLD)
    UnitSuccession.objects.filter(predecessor=tien_giang).update(partial=False)
    UnitSuccession.objects.get_or_create(
        predecessor=tien_giang,
        successor=unit(TAY_NINH, Level.PROVINCE, NEW),
        defaults={"date": REFORM_DAY, "partial": False},
    )


def two_province_commune() -> Unit:
    """An old commune of Long An whose territory went partly to a Đồng Tháp commune and partly
    to a Tây Ninh one (as a CSV import stores several successors)."""
    district = old_commune(unit(LONG_AN, Level.PROVINCE, OLD)).parent
    split = Unit.objects.create(
        level=Level.COMMUNE,
        code=99_990,
        name="Xã Thử Nghiệm",
        kind="xã",
        parent=district,
        valid_from=date(2000, 1, 1),
        valid_to=date(2025, 6, 30),
        source=Source.CSV,
    )
    for successor in (new_commune(DONG_THAP), new_commune(TAY_NINH)):
        UnitSuccession.objects.create(
            predecessor=split, successor=successor, date=REFORM_DAY, partial=True
        )
    return split


def two_province_province() -> Unit:
    """An old province (as a CSV import stores it) whose one district went to Đồng Tháp and
    whose other went to Tây Ninh: no child, successor or ancestor places it in one province."""
    old = {"valid_from": date(2000, 1, 1), "valid_to": date(2025, 6, 30), "source": Source.CSV}
    province = Unit.objects.create(
        level=Level.PROVINCE, code=99, name="Tỉnh Thử Nghiệm", kind="tỉnh", **old
    )
    for n, code in enumerate((DONG_THAP, TAY_NINH)):
        district = Unit.objects.create(
            level=Level.DISTRICT,
            code=99_900 + n,
            name=f"Huyện Thử {n}",
            kind="huyện",
            parent=province,
            **old,
        )
        commune = Unit.objects.create(
            level=Level.COMMUNE,
            code=99_980 + n,
            name=f"Xã Thử {n}",
            kind="xã",
            parent=district,
            **old,
        )
        UnitSuccession.objects.create(
            predecessor=commune, successor=new_commune(code), date=REFORM_DAY, partial=False
        )
    return province


def activity(unit_: Unit, day: date, sessions: int, participants: int, groups=("public",)):
    """Written straight to the table (the agencies' area checks know only Quảng Ngãi and Kon
    Tum); the rollups are rebuilt after the world is seeded."""
    found = Activity.objects.create(
        agency=Agency.objects.get(code="qng-ca"),
        kind="session",
        start_date=day,
        end_date=day,
        unit=unit_,
        sessions=sessions,
        participants=participants,
    )
    found.target_groups.set(list(groups))
    return found


@pytest.fixture
def world(db):
    link_tien_giang_to_tay_ninh()
    split = two_province_commune()
    nowhere = two_province_province()
    units_refresh_rollup()
    tien_giang = unit(TIEN_GIANG, Level.PROVINCE, OLD)
    seeded = [
        (old_commune(tien_giang), date(2024, 3, 10), 2, 30),
        (old_commune(tien_giang, 5), date(2025, 6, 20), 1, 25),
        (tien_giang, date(2024, 5, 2), 3, 100),  # the old province itself
        (split, date(2024, 11, 3), 4, 60),  # counted at the national level only
        (split, date(2025, 5, 3), 1, 11),
        (old_commune(unit(51, Level.PROVINCE, OLD)), date(2024, 6, 1), 1, 40),
        (old_commune(unit(62, Level.PROVINCE, OLD)), date(2025, 4, 20), 2, 45),  # Kon Tum
        (new_commune(51), date(2025, 8, 5), 1, 20),
        (new_commune(DONG_THAP), date(2025, 7, 14), 5, 70),
        (new_commune(TAY_NINH), date(2025, 10, 1), 1, 33),
        (unit(TAY_NINH, Level.PROVINCE, NEW), date(2026, 2, 2), 2, 15),
        (split.parent, date(2024, 8, 8), 3, 50),  # the split commune's old district itself
        (nowhere, date(2024, 10, 10), 2, 21),  # counted at the national level only
        (nowhere, date(2025, 9, 9), 1, 12),  # a record dated after its unit ended
    ]
    for n, (where, day, sessions, participants) in enumerate(seeded):
        groups = ("public", "pupils_students") if n % 2 else ("public",)
        activity(where, day, sessions, participants, groups)
    for day in (date(2024, 9, 9), date(2025, 6, 28), date(2025, 9, 10)):
        CaseFactory(received_on=day)
        CriminalCaseFactory(detected_on=day)
    rollups.rebuild()
    return {"split": split, "tien_giang": tien_giang, "nowhere": nowhere}


def test_tien_giang_counts_in_dong_thap_only(world):
    """The finding of issue 27: with old Tiền Giang linked to Đồng Tháp and Tây Ninh, its
    records counted in both new provinces."""
    dong_thap = unit(DONG_THAP, Level.PROVINCE, NEW)
    tay_ninh = unit(TAY_NINH, Level.PROVINCE, NEW)
    tien_giang = world["tien_giang"]
    commune = old_commune(tien_giang)
    for placed in (tien_giang, commune):
        placed.refresh_from_db()
        assert placed.rollup_province_id == dong_thap.pk
    in_tien_giang = Activity.objects.filter(Q(unit=tien_giang) | Q(unit__parent__parent=tien_giang))
    assert in_tien_giang.count() == 3
    assert records_in(in_tien_giang, dong_thap).count() == 3
    assert records_in(in_tien_giang, tay_ninh).count() == 0
    year = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
    sessions = ["prevention.sessions"]
    # Tây Ninh's 2024 sessions are the split Long An commune's (placed by its old district)
    # and that district's own, none of Tiền Giang's.
    assert compute(sessions, unit=tay_ninh, **year)[0]["value"] == 4 + 3
    assert compute(sessions, unit=dong_thap, **year)[0]["value"] == 5


def test_a_commune_split_between_two_provinces_counts_in_its_districts_province(world):
    """Its successors disagree and it has no children: its old district's province places it,
    in exactly one province (N2c)."""
    split = world["split"]
    split.refresh_from_db()
    tay_ninh = unit(TAY_NINH, Level.PROVINCE, NEW)
    assert split.rollup_province_id == tay_ninh.pk
    mine = Activity.objects.filter(unit=split)
    assert records_in(mine, unit(DONG_THAP, Level.PROVINCE, NEW)).count() == 0
    assert records_in(mine, tay_ninh).count() == 2
    assert records_in(mine, national_unit()).count() == 2


def test_a_split_commune_leaves_its_district_in_its_province(world):
    """One commune placed nowhere by its own links does not take its old district, nor the old
    province, out of the province the other communes went to (N2a): the district's own records
    count in Tây Ninh and in the scope of Tây Ninh's users."""
    tay_ninh = unit(TAY_NINH, Level.PROVINCE, NEW)
    district = Unit.objects.get(pk=world["split"].parent_id)
    long_an = unit(LONG_AN, Level.PROVINCE, OLD)
    long_an.refresh_from_db()
    assert (district.rollup_province_id, long_an.rollup_province_id) == (tay_ninh.pk,) * 2
    mine = Activity.objects.filter(unit=district)
    assert mine.count() == 1
    assert records_in(mine, tay_ninh).count() == 1
    assert records_in(mine, unit(DONG_THAP, Level.PROVINCE, NEW)).count() == 0
    year = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
    assert compute(["prevention.sessions"], unit=tay_ninh, **year)[0]["value"] == 4 + 3


def test_a_province_split_between_two_provinces_counts_nationally_only(world):
    nowhere = world["nowhere"]
    nowhere.refresh_from_db()
    assert nowhere.rollup_province_id is None
    for district in Unit.objects.filter(parent=nowhere):
        assert district.rollup_province_id is not None  # each went whole to one province
    mine = Activity.objects.filter(unit=nowhere)
    for code in (DONG_THAP, TAY_NINH):
        assert records_in(mine, unit(code, Level.PROVINCE, NEW)).count() == 0
    assert records_in(mine, national_unit()).count() == 2


def test_a_commune_ended_after_the_reform_without_successor_stays_in_its_province(db):
    """A commune under a province still in force that ended after 1/7/2025 with no successor
    link stays in that province (N2b), as before the national level."""
    quang_ngai = unit(51, Level.PROVINCE, NEW)
    ended = Unit.objects.create(
        level=Level.COMMUNE,
        code=99_970,
        name="Xã Đã Giải Thể",
        kind="xã",
        parent=quang_ngai,
        valid_from=REFORM_DAY,
        valid_to=date(2025, 9, 30),
        source=Source.CSV,
    )
    units_refresh_rollup(today=date(2026, 1, 1))
    ended.refresh_from_db()
    assert ended.rollup_province_id == quang_ngai.pk


def unplaced(code: str, start: date, end: date) -> int:
    """The indicator over the records whose unit is placed in no province today."""
    indicator = REGISTRY[code]
    qs = indicator.records().filter(indicator.filters)
    if indicator.kind == FLOW:
        qs = qs.filter(**{f"{indicator.date_field}__range": (start, end)})
    elif indicator.standing_on is not None:
        qs = indicator.standing_on(qs, end)
    qs = qs.filter(**{f"{indicator.unit_field}__rollup_province__isnull": True})
    return qs.aggregate(v=indicator.value())["v"] or 0


def national_equals_provinces(start: date, end: date, **kwargs) -> dict[str, int]:
    """The country's additive figures, checked equal to the provinces' plus the unplaced."""
    country = national_unit()
    assert country is not None and country.level == Level.COUNTRY
    codes = additive_codes()
    provinces = list(Unit.objects.valid_on(NEW).filter(level=Level.PROVINCE))
    assert len(provinces) == 34
    summed = dict.fromkeys(codes, 0)
    for province in provinces:
        for row in compute(codes, unit=province, start=start, end=end):
            summed[row["indicator"]] += row["value"]
    national = {
        r["indicator"]: r["value"] for r in compute(codes, unit=country, start=start, end=end)
    }
    counted = provenance(codes, country, start, end)
    # The same from the records alone: no rollup is read while none is built (rolled back).
    with transaction.atomic():
        RollupState.objects.all().delete()
        from_records = provenance(codes, country, start, end)
        transaction.set_rollback(True)
    expected = {code: summed[code] + unplaced(code, start, end) for code in codes}
    assert national == expected
    assert {code: value for code, (value, _n) in from_records.items()} == expected
    assert counted == from_records  # the records behind each value too (cells' tallies)
    return national


def provenance(codes, unit, start, end):
    rows = compute(codes, unit=unit, start=start, end=end, records=True)
    return {r["indicator"]: (r["value"], r["records"]) for r in rows}


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_the_national_value_is_the_sum_over_provinces(world, start, end):
    national = national_equals_provinces(start, end)
    # Not an empty world: the activities, victims and criminal cases all count.
    every = Activity.objects.filter(start_date__range=(start, end)).count()
    assert national["prevention.activities"] == every > 0


def test_national_figures_read_their_own_rollup_cells(world):
    country = national_unit()
    assert RollupCell.objects.filter(scope=country.pk).exists()
    total = RollupCell.objects.filter(scope=country.pk, rollup="prevention.activity:total")
    assert sum(c.v0 for c in total) == Activity.objects.count()


def test_a_write_refreshes_the_national_cells_from_the_provinces(world):
    """A write recomputes the country's cells of its month from the provinces' cells and the
    unplaced records, never from the nation's records; they stay what the records say."""
    from ctip.indicators.rollup_check import stale_rollups

    unplaced_one = Activity.objects.filter(unit=world["split"]).first()
    placed_one = Activity.objects.filter(unit__rollup_province__code=51).first()
    Activity.objects.filter(pk__in=[unplaced_one.pk, placed_one.pk]).update(sessions=9)
    points = [(a.start_date, a.unit_id) for a in (unplaced_one, placed_one)]
    rollups.refresh(model=Activity, points=points)
    assert stale_rollups([Activity]) == {}
    year = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
    sessions = compute(["prevention.sessions"], unit=national_unit(), **year)[0]["value"]
    assert sessions == sum(
        Activity.objects.filter(start_date__year=2024).values_list("sessions", flat=True)
    )


def test_migration_0005_leaves_the_country_to_the_unit_load():
    """Created by the migration, the country made the next `ctip load_units` see no change, so
    its cover and the rollups were never rebuilt (N1)."""
    from importlib import import_module

    from django.db.migrations import RunPython

    migration = import_module("ctip.geo.migrations.0005_country_level").Migration
    assert not [op for op in migration.operations if isinstance(op, RunPython)]


def test_load_units_on_a_database_without_the_country_builds_the_national_level(world):
    """The upgrade of a database loaded before ADR 0016 (N1): `ctip load_units` creates the
    country, counts it as a change and so rebuilds the cover and stops the old rollup cells;
    the national figures are then right from the records, and from the cells once rebuilt."""
    Unit.objects.filter(level=Level.COUNTRY).delete()  # its cover rows go with it
    rollups.rebuild()
    assert national_unit() is None and RollupState.objects.exists()
    result = units_load_package()
    assert result.created == 1
    country = national_unit()
    assert country is not None
    assert UnitCover.objects.filter(ancestor=country).count() == Unit.objects.count()
    assert not RollupState.objects.exists()  # the records answer until `ctip rollups`
    period = (date(2024, 1, 1), date(2025, 12, 31))
    assert national_equals_provinces(*period)["prevention.activities"] > 0
    rollups.rebuild()
    assert RollupState.objects.exists()
    national_equals_provinces(*period)


def test_the_daily_job_creates_the_country_too(world):
    """A database migrated without a unit load gets its country from the daily refresh."""
    from ctip.ops.jobs import refresh_reference_data

    Unit.objects.filter(level=Level.COUNTRY).delete()
    refresh_reference_data()
    country = national_unit()
    assert country is not None
    assert UnitCover.objects.filter(ancestor=country).count() == Unit.objects.count()
    national_equals_provinces(date(2025, 1, 1), date(2025, 12, 31))
