"""Background jobs (django-q2, the database as broker: no extra service on SQLite or PostgreSQL).

Jobs are plain functions named by dotted path; callers enqueue them after their transaction
commits, so a job never sees data that was rolled back. These are the recurring ones.
"""

from __future__ import annotations

from django_q.models import Schedule

from ctip.agencies.derived import agencies_refresh_heirs
from ctip.core.work import unit_of_work
from ctip.geo.derived import units_refresh_rollup
from ctip.indicators import rollups

DAILY = {
    # Validity periods end at midnight: today's roll-up targets (units, agency heirs) move with
    # the calendar, not only when data is loaded.
    "ctip.ops.jobs.refresh_reference_data": "Cập nhật quan hệ kế thừa theo ngày hiện tại",
    # Uploads are kept only while their job needs them; encrypted leftovers of rolled-back
    # writes go too.
    "ctip.prevention.jobs.imports_expire": "Xóa tệp nhập liệu đã xong hoặc quá hạn",
    "ctip.core.sealed.sealed_orphans_delete": "Xóa tệp mã hóa không còn bản ghi",
}


def refresh_reference_data() -> dict[str, int]:
    # A unit of work (no user acts, so no audit row) for the dashboards' panel cache: the units
    # and agencies it rewrites make every panel recompute at its commit (ctip.dashboard.versions).
    with unit_of_work(audit=False):
        done = {"units": units_refresh_rollup(), "agencies": agencies_refresh_heirs()}
        # A change of today's structure stopped the rollups: rebuild them now, not at the next
        # load, so the dashboards read cells again.
        done["rollups"] = len(rollups.ensure())
        return done


# Notices of work ("Việc của tôi"): each hour, so that an item assigned in the morning is told
# the same day; a run creates only the notices not sent yet (ctip.work.notices).
HOURLY = {"ctip.work.jobs.notices_send": "Gửi thông báo việc mới, việc đến hạn"}


# Jobs whose function moved (issue 20: operations left the kernel); their old rows are retargeted.
MOVED = {"ctip.core.jobs.refresh_reference_data": "ctip.ops.jobs.refresh_reference_data"}


def ensure_schedules() -> int:
    """Create the recurring jobs if missing; returns how many were created."""
    for old, new in MOVED.items():
        Schedule.objects.filter(func=old).update(func=new)
    created = 0
    for jobs, every in ((DAILY, Schedule.DAILY), (HOURLY, Schedule.HOURLY)):
        for func, name in jobs.items():
            _, was_created = Schedule.objects.get_or_create(
                func=func, defaults={"name": name, "schedule_type": every}
            )
            created += was_created
    return created
