"""Issue 20 (concurrency, proven): two requests at the same moment, each on its own database
connection, released together by a barrier. Run on PostgreSQL only: SQLite writes one
transaction at a time, so nothing there can race.

    DATABASE_URL=postgres://... pytest tests/test_concurrency.py

- two transitions of one victim case: one wins, the other is told the case just changed;
- two reports issued at once in one register: both issued, with distinct numbers;
- a confirmation of one import posted twice at once: one write queued, the rows written once;
- an activity saved while a rollup is being built: the new cells count it;
- agencies changed while a rollup is being built: its cells are not read.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import connection, transaction

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry, RollupState, rollups_invalidate
from ctip.geo.models import Level, Unit
from ctip.indicators import rollups
from ctip.indicators.rollup_check import stale_rollups
from ctip.prevention import jobs
from ctip.prevention.import_jobs import ImportJobError, import_job_confirm, import_job_create
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from ctip.reporting.issuing import report_issue
from ctip.reporting.models import OutgoingNumber, ReportTemplate
from ctip.reporting.services import compilation_start, report_create
from ctip.victims import transitions as victims_services
from ctip.victims.checks import ConflictError
from ctip.victims.services import Person, case_create
from ctip.victims.states import State
from ctip.victims.transitions import case_transition
from tests.conftest import load_reference_data
from tests.factories import ActivityFactory
from tests.helpers import activity_row, make_user, written_out

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time, nothing can race",
    ),
    # Data from migrations (target groups) comes back after the previous test emptied the tables.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def reference():
    """A transaction=True test ends by emptying every table, the session's reference data
    included (tests/conftest.py loads it once): load it again for the next one."""
    if not Unit.objects.exists():
        load_reference_data()


def race(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released together; each returns its result or its exception."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = call()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            results[i] = exc
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread is stuck (deadlock?)"
    return results


def _slow(function: Callable[..., Any]) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)
        return function(*args, **kwargs)

    return slow


def _unit(code: int, level: str, day: date) -> Unit:
    return Unit.objects.valid_on(day).get(code=code, level=level)


def test_two_transitions_of_one_case_one_wins(monkeypatch):
    day = date(2025, 9, 10)
    # The police hold the file: the law lets them decide whether the person is a victim
    # (issue 22), so two police supervisors can race for the decision.
    supervisor = make_user("giamsat", "case_supervisor", agency="qng-ca-2025")
    other = make_user("giamsat2", "case_supervisor", agency="qng-ca-2025")
    person = Person(
        full_name="Người thử",
        sex="female",
        age_at_reception=17,
        home_unit=_unit(21157, Level.COMMUNE, day),
        exploitation_forms=["online_scam"],
    )
    case = case_create(
        owner=Agency.objects.get(code="qng-ca-2025"),
        received_on=day,
        source="border_guard",
        person=person,
        acting_user=None,
        notified_on=day,
    )
    case = case_transition(case=case, to_state=State.VERIFYING, on=day, acting_user=supervisor)
    events = case.events.count()
    # Each transition holds its transaction open a moment after reading the case: without the
    # row lock both would read "verifying" and both would write.
    monkeypatch.setattr(victims_services, "audit_write", _slow(victims_services.audit_write))
    # Both pages were opened on the case in verification.
    results = race(
        lambda: case_transition(
            case=case, to_state=State.IDENTIFIED, on=day, acting_user=supervisor
        ),
        lambda: case_transition(
            case=case,
            to_state=State.NOT_VICTIM,
            on=day,
            reason="Không đủ dấu hiệu",
            acting_user=other,
        ),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], ConflictError) and "người khác thay đổi" in str(errors[0])
    winner = next(r for r in results if not isinstance(r, Exception))
    case.refresh_from_db()
    assert case.state == winner.state and case.events.count() == events + 1
    assert AuditEntry.objects.filter(action="victims.case_transition").count() == 2


def test_two_reports_issued_at_once_take_distinct_numbers():
    day = date(2026, 1, 1)
    office = make_user("thuongtruc", "standing_office", agency="qng-ca-2025")
    province = _unit(51, Level.PROVINCE, day)
    drafts = []
    for code, start, end in (
        ("six-month", date(2026, 1, 1), date(2026, 6, 30)),
        ("programme-annual", date(2025, 1, 1), date(2025, 12, 31)),
    ):
        report = report_create(
            template=ReportTemplate.objects.get(code=code),
            unit=province,
            period_start=start,
            period_end=end,
            acting_user=office,
        )
        draft = compilation_start(report=report, acting_user=office, run_now=True)
        drafts.append((report, written_out(draft)))  # issue 21's gate: no hole left
    issue = date(2026, 7, 25)
    results = race(
        *(
            lambda r=report, c=draft: report_issue(
                report=r, compilation=c, issue_date=issue, acting_user=office
            )
            for report, draft in drafts
        )
    )
    assert not any(isinstance(r, Exception) for r in results), results
    numbers = sorted(OutgoingNumber.objects.filter(year=2026).values_list("number", flat=True))
    assert numbers == [1, 2]
    assert sorted(r.number for r in results) == ["1/BC-UBND", "2/BC-UBND"]


def test_a_confirmation_posted_twice_at_once_writes_once(monkeypatch):
    police = make_user("congan", "agency_officer", agency="qng-ca-2025")
    data = json.dumps([activity_row(), activity_row(participants=12)]).encode()

    class Upload:
        name = "hoat-dong.json"

        def chunks(self):
            yield data

    job = import_job_create(file=Upload(), acting_user=police)  # checked after commit (sync)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.errors
    queued: list[int] = []
    real = jobs.write_import
    monkeypatch.setattr(jobs, "write_import", lambda pk: queued.append(pk) or real(pk))
    results = race(
        lambda: import_job_confirm(job_id=job.pk, acting_user=police),
        lambda: import_job_confirm(job_id=job.pk, acting_user=police),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ImportJobError), results
    assert queued == [job.pk]
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.written == 2
    assert Activity.objects.count() == 2
    assert AuditEntry.objects.filter(action="prevention.import_confirm").count() == 1
    assert AuditEntry.objects.filter(action="prevention.activities_import").count() == 1
    assert ImportJob.objects.count() == 1


def test_the_audit_guard_refuses_a_write_in_autocommit():
    """With a real connection in autocommit (no test transaction around it), an audit row
    written outside any transaction is refused and nothing is stored."""
    assert connection.get_autocommit() and not connection.in_atomic_block
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        audit_write(action="test.outside")
    assert AuditEntry.objects.count() == before


def test_an_activity_saved_while_a_rollup_is_built_is_in_its_cells(monkeypatch):
    """A rollup is built (`ensure`: a release adds a shape, or the units changed) while an
    officer saves an activity. The build reads the records as its statement starts; the
    officer's refresh, finding the rollup not built, skipped it and committed after that read,
    so the new cells missed the activity for good. Now the officer waits for the build."""
    saved = threading.Event()
    read = _build_pausing(monkeypatch, until=saved)

    def save() -> None:
        assert read.wait(timeout=10)
        ActivityFactory(participants=12)
        saved.set()

    results = race(rollups.ensure, save)
    assert not any(isinstance(r, Exception) for r in results), results
    assert RollupState.objects.filter(name=PAUSED).exists()
    assert Activity.objects.count() == 2
    assert stale_rollups([Activity]) == {}


def test_agencies_changed_while_a_rollup_is_built_stop_its_cells_too(monkeypatch):
    """An agency's heir changes (the daily job, a fixture) while a rollup is built on the old
    heirs: the change deleted every state row but the build's new one, not yet committed, which
    then survived and was read, keyed by the old heirs (found in review). Now the change waits
    for the build and stops its cells too."""
    changed = threading.Event()
    read = _build_pausing(monkeypatch, until=changed)
    heir = Agency.objects.get(code="qng-bdbp")

    def change() -> None:
        assert read.wait(timeout=10)
        with transaction.atomic():
            Agency.objects.filter(code="qng-ca").update(rollup_agency=heir)
            rollups_invalidate()
        changed.set()

    results = race(rollups.ensure, change)
    assert not any(isinstance(r, Exception) for r in results), results
    assert not RollupState.objects.exists()  # the records answer until the next build
    rollups.ensure()
    assert stale_rollups([Activity]) == {}


PAUSED = "prevention.activity:agency+kind"


def _build_pausing(monkeypatch: Any, *, until: threading.Event) -> threading.Event:
    """One activity, every rollup built but PAUSED, whose build (`ensure`) will stop after
    reading the records until `until` is set or another transaction waits on the writers'
    lock. Returns the event set when the build has read."""
    ActivityFactory()
    rollups.rebuild()
    RollupState.objects.filter(name=PAUSED).delete()
    read = threading.Event()
    insert = rollups._insert

    def insert_then_wait(source: Any, shape: Any, **narrowed: Any) -> None:
        insert(source, shape, **narrowed)
        if source.rollup(shape) == PAUSED and not narrowed:  # the build's own read
            read.set()
            _until(lambda: until.is_set() or _someone_waits())

    monkeypatch.setattr(rollups, "_insert", insert_then_wait)
    return read


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "neither done nor waiting"
        time.sleep(0.05)


def _someone_waits() -> bool:
    """Another transaction of this database waits for an advisory lock (asked on this
    thread's own connection): the writers' lock, the only one the code under test takes."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_locks WHERE NOT granted AND locktype = 'advisory' "
            "AND pid <> pg_backend_pid() "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return cursor.fetchone() is not None
