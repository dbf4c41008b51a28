"""After every test, like the leak check: for each record source the test's writes touched
(rollups.refresh or rollups.add, which every unit of work calls), the built rollup cells equal
the cells rebuilt from the records. A write that skips its refresh, or refreshes the wrong
months or units, fails the test that made it."""

from __future__ import annotations

import pytest

from ctip.indicators import rollups
from ctip.indicators.rollup_check import stale_rollups
from tests.leakcheck import uses_database


@pytest.fixture(autouse=True)
def rollups_match_records(request):
    uses_db = uses_database(request)
    if uses_db:
        # Set the database up before this fixture, so that it is torn down (rolled back or
        # flushed) after the check below, which must see the test's records.
        request.getfixturevalue("_django_db_helper")
    rollups.touched.clear()
    yield
    # A test that corrupts cells on purpose (to show they are read) says so with a mark.
    if rollups.touched and uses_db and not request.node.get_closest_marker("corrupts_rollups"):
        stale = stale_rollups(set(rollups.touched))
        assert stale == {}, f"rollup cells differ from the records: {stale}"
