"""Issue 27: computed panels are kept between pages and invalidated exactly when their sources
change: the unit of work bumps the versions of what it wrote, at the units covering it, inside
its transaction; a page keyed by other versions (another territory, another source) stays."""

from datetime import date

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.dashboard.models import PanelVersion
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.indicators import rollups
from ctip.prevention.models import Activity
from ctip.prevention.services import activity_delete
from tests.factories import ActivityFactory
from tests.helpers import activity_row, add_totp, log_in, make_user
from tests.test_dashboard import NEW, PERIOD, commune, import_rows, island, province

pytestmark = pytest.mark.django_db
URL = "/bang-dieu-khien/?" + PERIOD


def sessions(html):
    return sum(r["value"] or 0 for r in island(html, "prevention-0"))


def read(client, url=URL):
    with CaptureQueriesContext(connection) as found:
        html = client.get(url).content.decode()
    return html, any("core_rollupcell" in q["sql"] for q in found.captured_queries)


@pytest.fixture
def leader(client, settings):
    settings.CTIP_PANEL_CACHE = True  # off in tests/settings.py
    caches["panels"].clear()
    log_in(client, make_user("lanhdao", "leader", unit=province()))
    rollups.rebuild()
    return client


def held(n=0, sessions=2):
    return ActivityFactory(
        agency="qng-ca-2025", start_date=date(2026, 3, 10), unit=commune(n), sessions=sessions
    )


def test_a_write_is_read_on_the_next_page_and_the_page_is_cached_until_then(leader):
    activity = held()
    held(sessions=5)
    before, computed = read(leader)
    assert computed
    again, computed = read(leader)
    assert not computed and sessions(again) == sessions(before)  # a hit
    activity_delete(activity=activity, acting_user=None)  # work.touch
    after, computed = read(leader)
    assert computed and sessions(after) == sessions(before) - 2
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-03-11",
            end_date="2026-03-11",
            unit=commune().code,
            sessions=3,
        )
    )  # work.add
    imported, computed = read(leader)
    assert computed and sessions(imported) == sessions(after) + 3


def test_a_write_in_another_province_keeps_the_cache(leader):
    held()
    read(leader)
    elsewhere = (
        Unit.objects.valid_on(NEW)
        .filter(level__in=COMMUNE_LEVELS, rollup_province__code=1)  # Hà Nội
        .order_by("code")
        .first()
    )
    # A write to activities that its unit of work places in Hà Nội (as a Hà Nội agency's
    # service would: the test's reference data has agencies of Quảng Ngãi only).
    with unit_of_work(sources=[Activity]) as work:
        Activity.objects.filter(unit=elsewhere).update(sessions=1)
        work.touch(Activity, (date(2026, 3, 10), elsewhere.pk))
        audit_write(action="test.activity_elsewhere", acting_user=None)
    assert PanelVersion.objects.filter(source="prevention", scope=elsewhere.pk).exists()
    assert not PanelVersion.objects.filter(source="prevention", scope=province().pk).exists() or (
        PanelVersion.objects.get(source="prevention", scope=province().pk).version == 1
    )
    _html, computed = read(leader)
    assert not computed


def test_a_write_in_another_commune_keeps_that_communes_page_not_the_provinces(leader):
    held(0)
    page = f"{URL}&dv={commune(0).code}"
    read(leader, page)
    read(leader)
    held(1)
    assert not read(leader, page)[1]  # commune 0's figures did not change
    assert read(leader)[1]  # the province's did


def test_readers_with_other_disclosure_never_share_an_entry(client, leader):
    held()
    read(leader)  # a leader's page (figures about persons rounded) is kept
    worker = make_user("canbo", "case_worker", agency="qng-syt-2025")
    client.logout()
    log_in(client, worker, add_totp(worker))
    _html, computed = read(client)
    assert computed
