"""`ctip synth` at national size: rows written as tuples with reserved ids (COPY on PostgreSQL),
secondary indexes and foreign keys set aside while empty tables fill, and put back."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from ctip.agencies.models import Agency
from ctip.core.models import RollupCell
from ctip.enforcement.models import WatchCheck, WatchEntry
from ctip.geo.models import Unit, UnitCover
from ctip.ops.synth import load
from ctip.ops.synth.load import TABLES
from ctip.prevention.models import Activity

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="indexes are set aside on PostgreSQL only"
)
SMALL = {"provinces": 2, "years": 2, "activities": 200, "victims": 20, "cases": 10}


def synth(**overrides) -> str:
    out = StringIO()
    options = {**SMALL, "watchlist": 30, "seed": 5, **overrides}
    call_command("synth", "--no-reference", *[f"--{k}={v}" for k, v in options.items()], stdout=out)
    return out.getvalue()


def _schema() -> tuple[set, set]:
    tables = [m._meta.db_table for m in (*TABLES, RollupCell)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid = ANY(%s::regclass[])",
            [tables],
        )
        indexes = set(cursor.fetchall())
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[])",
            [tables],
        )
        constraints = set(cursor.fetchall())
    return indexes, constraints


@postgres_only
def test_indexes_and_foreign_keys_set_aside_for_empty_tables_come_back():
    before = _schema()
    out = synth()
    assert "deferred:" in out and "foreign keys checked" in out
    assert _schema() == before
    assert len(before[0]) > 40 and any("FOREIGN KEY" in c[2] for c in before[1])


def test_the_load_counts_the_units_and_agencies_it_joins(monkeypatch):
    """A development server's PostgreSQL runs without autovacuum: unanalysed, the country's
    cover was estimated at 739 units of 14,166 and the national review planned a nested loop
    over every victim case (3.2 s where 0.7 s do). The load analyses them with its own rows."""
    seen: list = []
    analyze = load._analyze
    monkeypatch.setattr(
        load, "_analyze", lambda models, report: (seen.extend(models), analyze(models, report))
    )
    synth()
    assert {Unit, UnitCover, Agency} <= set(seen)


@postgres_only
def test_a_database_with_records_keeps_its_indexes_during_a_load():
    synth()
    before = _schema()
    out = synth(seed=6)
    assert "deferred:" not in out
    assert _schema() == before


def test_new_rows_after_a_load_take_fresh_ids():
    synth()
    # The ids were reserved from the tables' own sequences: the ORM's next rows follow them.
    activity = Activity.objects.order_by("pk").last()
    top = activity.pk
    activity.pk = None
    activity.save()
    assert activity.pk > top
    links = Activity.target_groups.through.objects
    link = links.create(activity=activity, targetgroup_id="officials")
    assert link.pk > max(links.exclude(pk=link.pk).values_list("pk", flat=True))
    entry = WatchEntry.objects.order_by("pk").last()
    check = WatchCheck.objects.create(entry=entry, on=entry.opened_on, found=True)
    assert check.pk > max(WatchCheck.objects.exclude(pk=check.pk).values_list("pk", flat=True))


def test_dependent_rows_point_to_their_own_records():
    synth()
    # Each activity's links were written with the id reserved for it: every activity has one
    # or two target groups, every link an activity of this load.
    through = Activity.target_groups.through.objects
    per_activity = {a.pk: a.target_groups.count() for a in Activity.objects.all()}
    assert set(per_activity.values()) <= {1, 2} and len(per_activity) == 200
    assert through.count() == sum(per_activity.values())
    checks = WatchCheck.objects.select_related("entry")
    assert all(c.on > c.entry.opened_on for c in checks) and checks.exists()
