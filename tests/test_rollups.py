"""Monthly rollups (ADR 0008): figures read from the cells and the partial months at a period's
edges equal the figures read from the records alone, for every breakdown the dashboards draw,
before and after writes through the services and imports; the cells are really read; a change
of units stops their use until rebuilt."""

import json
from datetime import date

import pytest
from django.db import transaction

from ctip.agencies.models import Agency
from ctip.core.models import RollupCell, RollupState
from ctip.geo.derived import units_refresh_cover
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.indicators import rollup_read, rollups
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import Spec
from ctip.prevention.models import Activity
from ctip.prevention.services import activity_delete, activity_update
from tests.conftest import unit
from tests.factories import ActivityFactory
from tests.helpers import activity_row, make_user

pytestmark = pytest.mark.django_db
OLD, NEW = date(2023, 1, 1), date(2026, 1, 1)
CODES = list(rollups.SOURCES["prevention.activity"].indicators)
PERIODS = [
    (date(2022, 1, 1), date(2022, 12, 31)),  # whole months only
    (date(2022, 3, 15), date(2023, 2, 10)),  # partial months at both edges
    (date(2022, 5, 3), date(2022, 5, 20)),  # inside one month: records only
    (date(2021, 11, 30), date(2026, 11, 28)),
]


def communes(day, n):
    return list(
        Unit.objects.valid_on(day)
        .filter(level__in=COMMUNE_LEVELS, rollup_province__code=51)
        .order_by("code")[:n]
    )


def load_rows():
    old, new = communes(OLD, 3), communes(NEW, 2)
    rows = []
    for n, day in enumerate(
        ["2022-01-03", "2022-03-14", "2022-03-15", "2022-05-10", "2022-05-31", "2022-12-31",
         "2023-02-10", "2023-02-11", "2024-07-01"]
    ):  # fmt: skip
        place = old[n % 3]
        rows.append(
            activity_row(
                start_date=day,
                end_date=day,
                unit=place.code,
                agency=["qng-ca", "qng-bdbp"][n % 2],
                sessions=n + 1,
                participants=10 * (n + 1),
                participants_estimated=n == 4,
                media_items=n % 3,
                target_groups=[["public"], ["pupils_students", "public"], []][n % 3],
            )
        )
    rows.append(activity_row(start_date="2026-02-02", end_date="2026-02-02", agency="qng-ca-2025",
                             unit=new[0].code, sessions=7, participants=70))  # fmt: skip
    rows.append(activity_row(start_date="2026-03-31", end_date="2026-03-31", agency="qng-ca-2025",
                             unit=new[1].code, sessions=2, participants=5))  # fmt: skip
    import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None)


def cases():
    police = Agency.objects.get(code="qng-ca")
    heir = police.rollup_agency_id or police.pk
    yield {}
    yield {"by": ("month",)}
    # Quarters and years from the months' cells (the review's and the dashboards' series).
    yield {"by": ("quarter",)}
    yield {"by": ("year",)}
    yield {"by": ("agency", "quarter")}
    yield {"by": ("year", "target_group")}
    yield {"by": ("agency",)}
    yield {"by": ("target_group",)}
    yield {"by": ("kind",)}
    yield {"by": ("agency", "kind")}
    yield {"by": ("unit",), "level": "commune"}
    yield {"where": {"agency": heir}}
    yield {"by": ("month",), "where": {"agency": heir}}
    yield {"by": ("quarter",), "where": {"agency": heir}}
    yield {"by": ("target_group",), "where": {"agency": heir}}
    yield {"by": ("unit",), "level": "commune", "where": {"agency": heir}}


def scopes():
    return [unit(51, Level.PROVINCE, NEW), unit(51, Level.PROVINCE, OLD), communes(OLD, 1)[0]]


def figures():
    out = []
    for scope in scopes():
        for start, end in PERIODS:
            for kw in cases():
                # With the records behind each value (a report's provenance), with the tally
                # asked and without it (`Source.tally`, read along).
                for codes, records in ((CODES, False), (CODES, True), (CODES[1:], True)):
                    rows = compute(codes, unit=scope, start=start, end=end, records=records, **kw)
                    # Groups in one order (the database's and Python's differ for NULL and codes).
                    out.append(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True)))
    return out


def raw_figures():
    """The same figures from the records alone (the rollups unread, then restored)."""
    with transaction.atomic():
        RollupState.objects.all().delete()
        found = figures()
        transaction.set_rollback(True)
    return found


def test_split_period():
    assert rollup_read.split_period(date(2022, 1, 1), date(2022, 12, 31)) == (
        (date(2022, 1, 1), date(2022, 12, 1)),
        [],
    )
    assert rollup_read.split_period(date(2022, 3, 15), date(2023, 2, 10)) == (
        (date(2022, 4, 1), date(2023, 1, 1)),
        [(date(2022, 3, 15), date(2022, 3, 31)), (date(2023, 2, 1), date(2023, 2, 10))],
    )
    assert rollup_read.split_period(date(2022, 5, 3), date(2022, 5, 20)) == (
        None,
        [(date(2022, 5, 3), date(2022, 5, 20))],
    )
    assert rollup_read.split_period(date(2024, 2, 1), date(2024, 2, 29))[0] == (
        date(2024, 2, 1),
        date(2024, 2, 1),
    )


def test_cells_give_the_figures_of_the_records():
    load_rows()
    counts = rollups.rebuild()
    assert counts["prevention.activity:total"] > 0
    assert RollupState.objects.count() == len(counts)
    with_cells = figures()
    assert with_cells == raw_figures()
    # Integers, as from the records (PostgreSQL returns a SUM of bigint as Decimal).
    assert {type(r["value"]) for rows in with_cells for r in rows} == {int}
    old = unit(51, Level.PROVINCE, OLD)
    window = {"unit": old, "start": PERIODS[-1][0], "end": PERIODS[-1][1]}
    assert compute(["prevention.sessions"], **window)[0]["value"] == sum(range(1, 10))


@pytest.mark.corrupts_rollups
def test_the_cells_are_read():
    load_rows()
    rollups.rebuild()
    scope = unit(51, Level.PROVINCE, OLD)
    whole = {"unit": scope, "start": date(2022, 1, 1), "end": date(2022, 12, 31)}
    before = compute(["prevention.sessions"], **whole)[0]["value"]
    series = {p: compute(["prevention.sessions"], by=(p,), **whole) for p in ("quarter", "year")}
    RollupCell.objects.filter(rollup="prevention.activity:total", scope=scope.pk).update(v1=1000)
    assert compute(["prevention.sessions"], **whole)[0]["value"] != before
    # Quarters and years are read from the same cells.
    for period, rows in series.items():
        assert compute(["prevention.sessions"], by=(period,), **whole) != rows
    # The records behind a value (a report's provenance) are the tally's cells (the count of
    # activities, v0): read there too, with the other values.
    counted = compute(["prevention.sessions"], records=True, **whole)[0]
    assert counted["value"] != before and counted["records"] > 0
    RollupCell.objects.filter(rollup="prevention.activity:total", scope=scope.pk).update(v0=0)
    assert compute(["prevention.sessions"], records=True, **whole)[0]["records"] == 0
    # A monthly shape's partial months are read from the records (one activity on 10/5/2022).
    RollupCell.objects.filter(rollup="prevention.activity:agency", scope=scope.pk).update(v0=0)
    inside = {**whole, "start": date(2022, 5, 3), "end": date(2022, 5, 20)}
    rows = compute(["prevention.sessions"], by=("agency",), records=True, **inside)
    assert [r["records"] for r in rows] == [1]
    assert [
        r["records"]
        for r in compute(["prevention.sessions"], by=("agency",), records=True, **whole)
    ] == [0, 0]


def test_writes_keep_the_cells_exact():
    load_rows()
    rollups.rebuild()
    cells = RollupCell.objects.count()
    old = communes(OLD, 3)
    values = {"sessions": 5, "participants": 55, "target_groups": ["pupils_students"]}
    made = ActivityFactory(start_date=date(2022, 6, 6), unit=old[2], **values)
    assert RollupCell.objects.count() > cells
    moved = Activity.objects.filter(start_date=date(2022, 3, 15)).get()
    activity_update(
        activity=moved,
        spec=Spec(
            agency_id=made.agency_id,
            kind="session",
            start_date=date(2022, 9, 9),
            end_date=date(2022, 9, 9),
            unit_id=old[0].pk,
            **values,
        ),
        acting_user=None,
    )
    activity_delete(activity=made, acting_user=None)
    import_file(
        name="b.json",
        data=json.dumps([activity_row(start_date="2022-12-01", end_date="2022-12-01")]).encode(),
        acting_user=None,
    )
    assert RollupState.objects.count() == sum(len(s.shapes) for s in rollups.SOURCES.values())
    assert figures() == raw_figures()


def test_a_refused_write_leaves_the_cells():
    load_rows()
    rollups.rebuild()
    before = list(RollupCell.objects.values_list("rollup", "scope", "month", "v1").order_by("id"))
    bad = json.dumps([activity_row(), activity_row(unit=99999)]).encode()
    with pytest.raises(Exception):  # noqa: B017,PT011 - the import refuses the whole file
        import_file(name="c.json", data=bad, acting_user=None)
    after = list(RollupCell.objects.values_list("rollup", "scope", "month", "v1").order_by("id"))
    assert after == before


def test_a_change_of_units_stops_reading_the_cells():
    from ctip.geo.models import UnitCover
    from ctip.ops.jobs import refresh_reference_data

    load_rows()
    rollups.rebuild()
    units_refresh_cover()  # the same closure: the cells stay in use
    assert RollupState.objects.count() == sum(len(s.shapes) for s in rollups.SOURCES.values())
    scope = unit(51, Level.PROVINCE, OLD)
    UnitCover.objects.filter(ancestor=scope).exclude(unit=scope).first().delete()
    units_refresh_cover()  # the closure changed (here: a row restored)
    assert not RollupState.objects.exists()
    RollupCell.objects.filter(scope=scope.pk).update(v1=1000)
    value = compute(
        ["prevention.sessions"], unit=scope, start=date(2022, 1, 1), end=date(2022, 12, 31)
    )[0]["value"]
    assert value < 1000
    # Without built rollups, writes leave the (unread) cells alone.
    Activity.objects.all().delete()
    assert RollupCell.objects.filter(scope=scope.pk).exists()
    # The daily job rebuilds what is not built.
    built = refresh_reference_data()["rollups"]
    assert built == sum(len(s.shapes) for s in rollups.SOURCES.values())
    assert not RollupCell.objects.exists()
    assert RollupState.objects.exists()


def every_source_figures(provinces):
    """Each source's indicators in each of its shapes, for provinces and a district of each,
    over periods with and without partial months."""
    out = []
    today = date.today()
    periods = [
        (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
        (date(today.year - 2, 3, 15), date(today.year - 1, 2, 10)),
        (date(today.year - 3, 1, 1), today),
    ]
    scopes = list(provinces)
    for p in provinces:
        scopes += list(Unit.objects.filter(parent=p, level=Level.DISTRICT).order_by("code")[:1])
    for source in rollups.SOURCES.values():
        for by in source_breakdowns(source):
            kw = {"by": by, "level": source.unit_level if "unit" in by else None}
            for scope in scopes:
                for start, end in periods:
                    for codes, records in asked(source):
                        rows = compute(
                            codes, unit=scope, start=start, end=end, records=records, **kw
                        )
                        out.append(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True)))
    return out


def asked(source):
    """The source's indicators, then with the records behind each value, then (when the source
    has others) without its tally, which is read along for the records."""
    yield list(source.indicators), False
    yield list(source.indicators), True
    others = [c for c in source.indicators if c != source.tally]
    if others and source.tally:
        yield others, True


def source_breakdowns(source):
    """Each shape, and each shape by quarter and by year where the indicators have them."""
    dimensions = set.intersection(*(set(REGISTRY[c].dimensions) for c in source.indicators))
    for shape in source.shapes:
        yield shape
        for period in ("quarter", "year"):
            if period in dimensions:
                yield (*shape, period)


def raw_every_source(provinces):
    with transaction.atomic():
        RollupState.objects.all().delete()
        found = every_source_figures(provinces)
        transaction.set_rollback(True)
    return found


def test_every_source_on_synthetic_data_and_after_watch_victim_and_criminal_case_writes():
    from io import StringIO

    from django.core.management import call_command

    from ctip.enforcement.models import WatchCheck, WatchEntry
    from ctip.enforcement.watchlist import watch_check, watch_escalate, watch_open
    from ctip.victims.models import Case
    from ctip.victims.services import case_update

    sizes = "--provinces=2 --years=4 --activities=400 --victims=80 --cases=20 --watchlist=120"
    call_command("synth", "--no-reference", "--seed=3", *sizes.split(), stdout=StringIO())
    assert RollupState.objects.count() == sum(len(s.shapes) for s in rollups.SOURCES.values())
    provinces = list(
        Unit.objects.filter(
            level=Level.PROVINCE, pk__in=Activity.objects.values("unit__rollup_province")
        )
    )
    assert len(provinces) == 2
    assert every_source_figures(provinces) == raw_every_source(provinces)

    entry = WatchEntry.objects.order_by("pk").first()
    today = date.today()
    opened = watch_open(
        category=entry.category,
        unit=entry.unit,
        officer=entry.officer,
        lawful_basis="Luật 53/2024/QH15",
        purpose="Phòng ngừa",
        opened_on=date(today.year - 1, 5, 5),
        review_on=today.replace(year=today.year + 1),
        full_name="Người mô phỏng",
        acting_user=None,
    )
    watch_check(
        entry=opened, on=date(today.year - 1, 6, 6), found=True, result="", acting_user=None
    )
    watch_escalate(entry=opened, acting_user=None, victim_case=Case.objects.first())
    case = Case.objects.order_by("pk").first()
    moved_to = Case.objects.exclude(home_unit=case.home_unit).order_by("pk").first().home_unit
    case_update(
        case=case,
        version=case.version,
        values={"home_unit_id": moved_to.pk, "sex": "male" if case.sex == "female" else "female"},
        acting_user=make_user("cw", "case_worker", agency=case.owner.code),
    )
    assert WatchCheck.objects.filter(entry=opened).exists()
    criminal_case_writes(today)
    assert every_source_figures(provinces) == raw_every_source(provinces)


def criminal_case_writes(today):
    """Create a case, change another's platform, destination and count, name a suspect."""
    from ctip.enforcement.models import CriminalCase
    from ctip.enforcement.services import criminal_case_create, criminal_case_update, suspect_add

    first = CriminalCase.objects.filter(owner__kind="police").order_by("pk").first()
    investigator = make_user("dt", "investigator", agency=first.owner.code)
    other = CriminalCase.objects.exclude(unit=first.unit).order_by("pk").first()
    criminal_case_create(
        owner=first.owner,
        detected_on=date(today.year - 1, 4, 9),
        source=first.source,
        unit=other.unit,
        suspects_count=3,
        platform="facebook",
        destination_country="KH",
        acting_user=investigator,
    )
    criminal_case_update(
        case=first,
        acting_user=investigator,
        platform="zalo" if first.platform != "zalo" else "tiktok",
        destination_country="TH",
        suspects_count=first.suspects_count + 2,
    )
    suspect_add(
        case=CriminalCase.objects.get(pk=first.pk),
        full_name="Đối tượng mô phỏng",
        identity_document="",
        address="",
        sex="male",
        nationality="VN",
        acting_user=investigator,
    )


def test_a_period_and_the_one_before_in_one_query_give_the_figures_of_two():
    """compute_halves (dashboards' headline figures) equals compute over each half, for every
    indicator: flows from the daily cells or the records, distinct counts, stocks; provinces,
    districts and communes; with an agency's narrowing; rollups built or not."""
    from io import StringIO

    from django.core.management import call_command

    from ctip.indicators.queries import compute_halves
    from ctip.indicators.registry import REGISTRY

    sizes = "--provinces=1 --years=3 --activities=300 --victims=60 --cases=20 --watchlist=80"
    call_command("synth", "--no-reference", "--seed=5", *sizes.split(), stdout=StringIO())
    province = Unit.objects.get(
        level=Level.PROVINCE, pk__in=Activity.objects.values("unit__rollup_province")
    )
    district = Activity.objects.filter(unit__parent__level=Level.DISTRICT).first().unit.parent
    today = date.today()
    # A commune with activities in the shortest half below, so that its comparison is never
    # between two empty sets (the first activity's commune may have none there).
    inside = Activity.objects.filter(
        start_date__gte=date(today.year - 1, 2, 10), start_date__lte=date(today.year - 1, 6, 7)
    )
    commune = inside.order_by("pk").first().unit
    units = [province, district, commune]
    agency = Activity.objects.order_by("pk").first().agency
    splits = [
        (date(today.year - 2, 1, 1), date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
        (date(today.year - 2, 3, 15), date(today.year - 1, 2, 10), date(today.year - 1, 6, 7)),
    ]
    codes = list(REGISTRY)

    def check():
        for scope in units:
            for where in (None, {"agency": agency.rollup_agency_id or agency.pk}):
                for start, split, end in splits:
                    kw = {"unit": scope, "where": where}
                    before, after = compute_halves(codes, start=start, split=split, end=end, **kw)
                    last = date.fromordinal(split.toordinal() - 1)
                    assert before == compute(codes, start=start, end=last, **kw)
                    assert after == compute(codes, start=split, end=end, **kw)
                    assert any(r["value"] for r in after) or where

    check()
    with transaction.atomic():
        RollupState.objects.all().delete()
        check()
        transaction.set_rollback(True)
