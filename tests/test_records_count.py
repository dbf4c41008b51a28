"""The records behind a figure (provenance) are counted with COUNT(*) where no join can repeat
a record within a group, and with COUNT(DISTINCT) where one can: the same numbers, without the
per-group sort of a DISTINCT on the national review's heaviest statement (docs/benchmarks.md,
"Full size (7M)")."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.geo.models import Level
from ctip.indicators.queries import compute
from ctip.prevention.import_batch import import_file
from tests.conftest import unit
from tests.helpers import activity_row

pytestmark = pytest.mark.django_db
POLICE, BORDER = "qng-ca-2025", "qng-bdbp-2025"


def _world() -> None:
    rows = [
        activity_row(agency=POLICE, start_date="2026-03-10", end_date="2026-03-10", unit=51),
        activity_row(agency=POLICE, start_date="2026-03-11", end_date="2026-03-11", unit=51),
        activity_row(agency=BORDER, start_date="2026-04-02", end_date="2026-04-02", unit=51),
    ]
    rows[0]["target_groups"] = ["public", "rural_women"]
    import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None)


def _read(by: tuple[str, ...]) -> tuple[list[dict], str]:
    with CaptureQueriesContext(connection) as ctx:
        rows = compute(
            ["prevention.activities", "prevention.sessions"],
            unit=unit(51, Level.PROVINCE, date(2026, 1, 1)),
            start=date(2026, 1, 1),
            end=date(2026, 6, 30),
            by=by,
            records=True,
        )
    return rows, " ".join(
        q["sql"] for q in ctx.captured_queries if "prevention_activity" in q["sql"]
    )


def test_records_by_agency_and_kind_are_counted_without_distinct():
    _world()
    rows, sql = _read(("agency", "kind"))
    assert "DISTINCT" not in sql.upper(), sql
    counts = {
        r["agency"]["code"]: r["records"] for r in rows if r["indicator"] == "prevention.activities"
    }
    assert counts == {POLICE: 2, BORDER: 1}


def test_a_join_along_a_set_keeps_the_distinct_and_the_same_numbers():
    _world()
    rows, sql = _read(("target_group",))
    assert "COUNT(DISTINCT" in sql.upper(), sql
    found = {
        r["target_group"]["code"]: (r["value"], r["records"])
        for r in rows
        if r["indicator"] == "prevention.activities"
    }
    assert all(value == records for value, records in found.values()), found
