"""Issue 27: the panel cache sees the writes no service's unit of work makes (the daily refresh
of the reference data, `ctip rollups` after a load by hand, `ctip migrate`), and a restore never
lets a page cached before it be served again when the restored versions count up to the old
numbers (the database's epoch, ctip.dashboard.versions)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.core import keyring, restore
from ctip.core.backup_manifest import DATABASE_MEMBER, Manifest
from ctip.core.models import rollups_invalidate
from ctip.dashboard import versions
from ctip.dashboard.models import PanelVersion
from ctip.geo.derived import units_refresh_cover
from ctip.geo.models import UnitCover
from ctip.ops.jobs import refresh_reference_data
from ctip.prevention.models import Activity
from tests.test_dashboard import commune, province
from tests.test_dashboard_cache import held, leader, read, sessions  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def shown(client):
    return sessions(read(client)[0])


def behind(client):
    """Commune 0's records and commune 1's; the closure a day behind, as after a change of
    units at midnight (commune 0 not yet within its province), read and cached by the page."""
    held(0, sessions=2)
    held(1, sessions=5)
    UnitCover.objects.filter(unit=commune(0), ancestor=province()).delete()
    rollups_invalidate()  # the records answer, through the closure
    assert shown(client) == shown(client) == 5


def test_the_daily_refresh_is_read_on_the_next_page(leader):  # noqa: F811
    behind(leader)
    refresh_reference_data()  # the scheduled job: the closure again, the rollups rebuilt
    assert shown(leader) == 7


def test_a_refresh_of_the_closure_alone_is_read_on_the_next_page(leader):  # noqa: F811
    behind(leader)
    units_refresh_cover()  # as `ctip load_units` and the unit imports call it
    assert shown(leader) == 7


def test_a_load_by_hand_is_read_after_ctip_rollups(leader):  # noqa: F811
    activity = held(sessions=2)
    before = shown(leader)
    Activity.objects.filter(pk=activity.pk).update(sessions=9)  # no unit of work saw it
    assert shown(leader) == before  # the page kept: nothing said the records changed
    call_command("rollups", stdout=io.StringIO())
    assert shown(leader) == before + 7


def test_a_data_step_of_a_migration_is_read_after_ctip_migrate(leader):  # noqa: F811
    activity = held(sessions=2)
    before = shown(leader)
    # A data step changes records (and stops the rollups, whose cells it did not redo).
    Activity.objects.filter(pk=activity.pk).update(sessions=4)
    rollups_invalidate()
    assert shown(leader) == before  # the page kept: nothing said the records changed
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    assert shown(leader) == before + 2


def rows():
    return {
        (s, u): v
        for s, u, v in PanelVersion.objects.exclude(source=versions.EPOCH).values_list(
            "source", "scope", "version"
        )
    }


def backup_restored(saved, *, gone):
    """What `ctip restore` leaves before its last step: the archive's rows (the versions of
    its day, the activity written since then absent), then the last step itself."""
    Activity.objects.filter(pk=gone.pk).delete()
    PanelVersion.objects.all().delete()
    PanelVersion.objects.bulk_create(saved)
    member = DATABASE_MEMBER[connection.vendor]
    manifest = Manifest(
        created="2026-12-01T00:00:00",
        database=connection.vendor,
        ctip_version="test",
        fingerprints=keyring.configured(),
        files={member: {"size": 0, "sha256": "0" * 64}},
    )
    restore.restore_finish(manifest, archive="b.tar")


def test_a_restore_never_serves_a_page_cached_under_versions_counted_again(leader):  # noqa: F811
    saved = [PanelVersion(source=s, scope=u, version=v) for (s, u), v in rows().items()]
    saved += list(PanelVersion.objects.filter(source=versions.EPOCH))  # the archive's epoch too
    first = held(sessions=2)
    assert shown(leader) == shown(leader) == 2  # cached under the versions after the write
    cached_under = rows()
    backup_restored(saved, gone=first)
    held(sessions=7)  # the same write after the restore: the versions count up again ...
    assert rows() == cached_under  # ... to the very numbers the page was cached under
    assert shown(leader) == 7


def test_the_versions_and_the_epoch_are_read_in_one_query(leader):  # noqa: F811
    held()
    versions.bump_everywhere()
    epoch = PanelVersion.objects.get(source=versions.EPOCH, scope=versions.EVERYWHERE).version
    scope = province().pk
    with CaptureQueriesContext(connection) as found:
        now = versions.read(["prevention"], scope)
    assert len(found.captured_queries) == 1
    assert now[(versions.EPOCH, versions.EVERYWHERE)] == epoch
    assert now[("prevention", scope)] >= 1
    versions.bump_everywhere()  # a new epoch, whatever the versions
    assert versions.read(["prevention"], scope)[(versions.EPOCH, 0)] != epoch


def test_without_an_epoch_nothing_is_cached(leader):  # noqa: F811
    """What `flush` leaves: no version row at all. Versions then count up from nothing again,
    to numbers an entry may have been cached under for other data."""
    PanelVersion.objects.all().delete()
    first = held(sessions=2)
    assert shown(leader) == 2
    Activity.objects.filter(pk=first.pk).delete()
    PanelVersion.objects.all().delete()  # flushed again, the same writes after it
    held(sessions=7)
    assert shown(leader) == 7
