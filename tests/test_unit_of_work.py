"""The unit of work (ctip.core.work): one transaction, its audit row, its rollups; and the
after-test check of rollup cells against the records (tests/rollupcheck.py) can fail."""

from __future__ import annotations

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry, RollupCell
from ctip.core.work import unit_of_work
from ctip.geo.models import Level, Unit
from ctip.indicators import rollups
from ctip.indicators.queries import compute
from ctip.indicators.rollup_check import stale_rollups
from ctip.prevention.models import Activity
from ctip.victims.models import Case
from tests.conftest import unit

pytestmark = pytest.mark.django_db

DAY = date(2022, 5, 10)


def _commune() -> Unit:
    return Unit.objects.valid_on(DAY).filter(level=Level.COMMUNE, parent__parent__code=51).first()


def _activity(place: Unit, sessions: int = 3) -> Activity:
    return Activity.objects.create(
        agency=Agency.objects.get(code="qng-ca"),
        kind="session",
        start_date=DAY,
        end_date=DAY,
        unit=place,
        sessions=sessions,
        participants=10,
    )


def test_a_unit_of_work_without_its_audit_row_writes_nothing():
    place = _commune()
    with pytest.raises(RuntimeError, match="audit"), unit_of_work(sources=[Activity]) as work:
        made = _activity(place)
        work.touch(Activity, (made.start_date, made.unit_id))
    assert not Activity.objects.exists()


def test_touching_an_undeclared_source_is_refused():
    place = _commune()
    audits = AuditEntry.objects.count()
    with pytest.raises(RuntimeError, match="declared"), unit_of_work(sources=[Case]) as work:
        made = _activity(place)
        audit_write(action="test.write", obj=made)
        work.touch(Activity, (made.start_date, made.unit_id))
    assert not Activity.objects.exists()
    assert AuditEntry.objects.count() == audits


def test_touched_points_keep_the_cells_equal_to_the_records():
    rollups.rebuild()
    place = _commune()
    province = unit(51, Level.PROVINCE, DAY)
    with unit_of_work(sources=[Activity]) as work:
        made = _activity(place, sessions=7)
        audit_write(action="test.write", obj=made)
        work.touch(Activity, (made.start_date, made.unit_id))
    assert RollupCell.objects.filter(rollup="prevention.activity:total").exists()
    period = {"unit": province, "start": date(2022, 5, 1), "end": date(2022, 5, 31)}
    assert compute(["prevention.sessions"], **period)[0]["value"] == 7
    assert stale_rollups([Activity]) == {}


@pytest.mark.corrupts_rollups
def test_the_check_finds_a_write_that_skipped_its_refresh():
    rollups.rebuild()
    place = _commune()
    with unit_of_work(sources=[Activity]) as work:
        made = _activity(place)
        audit_write(action="test.write", obj=made)
        work.touch(Activity, (made.start_date, made.unit_id))
    assert stale_rollups([Activity]) == {}
    # A side door: the records change, the cells are not told.
    Activity.objects.filter(pk=made.pk).update(sessions=40)
    assert stale_rollups([Activity]) != {}
    rollups.refresh(model=Activity, points=[(made.start_date, made.unit_id)])
    assert stale_rollups([Activity]) == {}


def test_a_unit_of_work_that_changes_nothing_needs_no_audit_row():
    audits = AuditEntry.objects.count()
    with unit_of_work(sources=[Activity]):
        assert not Activity.objects.filter(sessions=999).exists()
    assert AuditEntry.objects.count() == audits


def test_an_update_without_its_audit_row_is_rolled_back():
    place = _commune()
    with unit_of_work(sources=[Activity]) as work:
        made = _activity(place)
        audit_write(action="test.write", obj=made)
        work.touch(Activity, (made.start_date, made.unit_id))
    with pytest.raises(RuntimeError, match="audit"), unit_of_work(sources=[Activity]):
        Activity.objects.filter(pk=made.pk).update(sessions=9)
    made.refresh_from_db()
    assert made.sessions == 3


def test_a_write_to_a_rollup_source_without_its_refresh_is_rolled_back():
    """The side door the after-test check could miss when no rollup is built: the unit of work
    itself refuses records of a source written without refreshing their cells."""
    place = _commune()
    with pytest.raises(RuntimeError, match="without refreshing"), unit_of_work(sources=[Activity]):
        made = _activity(place)
        audit_write(action="test.write", obj=made)
    assert not Activity.objects.exists()
    # Its many-to-many links count as its records (target groups are a breakdown).
    with unit_of_work(sources=[Activity]) as work:
        made = _activity(place)
        audit_write(action="test.write", obj=made)
        work.touch(Activity, (made.start_date, made.unit_id))
    with pytest.raises(RuntimeError, match="without refreshing"), unit_of_work(sources=[Activity]):
        made.target_groups.set(["public"])
        audit_write(action="test.write", obj=made)
    assert not made.target_groups.exists()
