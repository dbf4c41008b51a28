"""The indicator registry on the demo data: the 2023 review's figures, breakdowns, roll-up."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ctip.geo.models import Level
from ctip.indicators.queries import compute
from ctip.indicators.registry import DIMENSIONS, REGISTRY
from ctip.ops.demo.directives import demo_directives_ensure
from ctip.ops.demo.prevention import demo_prevention_ensure
from ctip.prevention.import_batch import import_file
from tests.conftest import unit
from tests.helpers import activity_row

pytestmark = pytest.mark.django_db
START, END = "2020-12-01", "2023-10-16"


@pytest.fixture
def demo():
    demo_directives_ensure()
    demo_prevention_ensure(today=date(2026, 11, 28))


def indicators(*args):
    out = StringIO()
    call_command(
        "indicators",
        "--unit",
        "Quảng Ngãi",
        "--from",
        START,
        "--to",
        END,
        *args,
        "--json",
        stdout=out,
    )
    return json.loads(out.getvalue())


def by_agency(rows, indicator):
    return {r["agency"]["code"]: r for r in rows if r["indicator"] == indicator}


def test_the_review_figures_by_agency(demo):
    rows = indicators("--by", "agency")
    sessions = by_agency(rows, "prevention.sessions")
    people = by_agency(rows, "prevention.participants")
    media = by_agency(rows, "prevention.media_items")
    assert sessions["qng-ca-2025"]["value"] == 98
    assert people["qng-ca-2025"]["value"] >= 3000 and people["qng-ca-2025"]["estimate"]
    assert sessions["qng-bdbp-2025"]["value"] == 155
    assert people["qng-bdbp-2025"]["value"] >= 9500
    assert media["qng-bdbp-2025"]["value"] == 55
    assert people["qng-hlhpn-2025"]["value"] >= 3500
    assert people["qng-ca-2025"]["agency"]["name"] == "Công an tỉnh Quảng Ngãi"


def test_labour_department_trainings_carried_by_its_successor(demo):
    rows = indicators("--indicator", "prevention.participants", "--by", "agency", "--by", "kind")
    training = [r for r in rows if r["kind"]["code"] == "training"]
    assert [r["agency"]["code"] for r in training] == ["qng-syt-2025"]
    assert training[0]["value"] >= 3100


def test_volunteer_teams_and_volunteers_on_the_report_date(demo):
    totals = {r["indicator"]: r for r in indicators()}
    assert totals["prevention.volunteer_teams"]["value"] == 168
    assert totals["prevention.volunteers"]["value"] >= 1200
    assert totals["directives.documents"]["value"] == 6


def test_police_sessions_spread_over_months(demo):
    rows = indicators("--indicator", "prevention.sessions", "--by", "agency", "--by", "month")
    police = [r for r in rows if r["agency"]["code"] == "qng-ca-2025"]
    assert len({r["month"]["code"] for r in police}) >= 20
    assert sum(r["value"] for r in police) == 98


def test_womens_union_by_mountainous_district(demo):
    rows = indicators(
        "--indicator",
        "prevention.participants",
        "--by",
        "agency",
        "--by",
        "unit",
        "--level",
        "district",
    )
    union = [r for r in rows if r["agency"]["code"] == "qng-hlhpn-2025"]
    districts = {r["unit"]["code"] for r in union}
    assert len(districts & {"525", "529", "530", "531", "535"}) >= 3
    assert sum(r["value"] for r in union) >= 3500


def test_breakdowns_add_up_to_the_total_for_every_indicator(demo):
    """Run on SQLite and on PostgreSQL alike: both give the same totals and groups."""
    qn = unit(51, Level.PROVINCE, date(2023, 10, 16))
    start, end = date(2020, 12, 1), date(2023, 10, 16)
    totals = {r["indicator"]: r["value"] for r in compute(None, unit=qn, start=start, end=end)}
    for code, indicator in REGISTRY.items():
        if not indicator.additive:
            continue
        for dim in indicator.dimensions:
            if dim == "target_group":
                continue  # a record for several groups counts in each: not additive
            if not DIMENSIONS[dim].breakdown:
                continue  # one case's own figures: narrows, never breaks down (refused)
            rows = compute([code], unit=qn, start=start, end=end, by=(dim,), level="commune")
            assert sum(r["value"] for r in rows) == totals[code], (code, dim)


def test_the_merged_province_counts_old_and_new_records(demo):
    merged = unit(51, Level.PROVINCE, date(2026, 1, 1))
    old = unit(51, Level.PROVINCE, date(2023, 1, 1))
    full = {
        r["indicator"]: r["value"]
        for r in compute(
            ["prevention.sessions"], unit=merged, start=date(2020, 12, 1), end=date(2026, 11, 28)
        )
    }
    before = {
        r["indicator"]: r["value"]
        for r in compute(
            ["prevention.sessions"], unit=old, start=date(2020, 12, 1), end=date(2023, 10, 16)
        )
    }
    assert full["prevention.sessions"] > before["prevention.sessions"] == 98 + 155


def test_one_more_police_session_makes_99(demo, tmp_path):
    row = [activity_row()]
    data = json.dumps(row).encode()
    assert import_file(name="them.json", data=data, acting_user=None) == 1
    sessions = by_agency(indicators("--by", "agency"), "prevention.sessions")
    assert sessions["qng-ca-2025"]["value"] == 99
    month = indicators("--indicator", "prevention.sessions", "--by", "year")
    assert sum(r["value"] for r in month) == 98 + 155 + 1


def test_the_records_behind_a_value(demo):
    from django.db.models import Sum

    from ctip.agencies.models import Agency
    from ctip.indicators.raw import records_behind

    qn = unit(51, Level.PROVINCE, date(2023, 10, 16))
    police = Agency.objects.get(code="qng-ca-2025")
    behind = records_behind(
        "prevention.sessions",
        unit=qn,
        start=date(2020, 12, 1),
        end=date(2023, 10, 16),
        where={"agency": police.pk},
    )
    assert behind.aggregate(s=Sum("sessions"))["s"] == 98
    assert {a.agency.code for a in behind} >= {"qng-ca", "qng-ca-522"}


def test_records_counted_with_a_value_are_the_records_behind_it(demo):
    from ctip.indicators.raw import records_behind

    old = unit(51, Level.PROVINCE, date(2023, 1, 1))
    span = {"unit": old, "start": date(2020, 12, 1), "end": date(2023, 10, 16)}
    codes = ["prevention.sessions", "prevention.participants", "directives.documents"]
    rows = compute(codes, by=("agency",), records=True, **span)
    assert rows
    for row in rows:
        behind = records_behind(
            row["indicator"], where={"agency": _agency_pk(row["agency"]["code"])}, **span
        )
        assert row["records"] == behind.count(), row


def _agency_pk(code):
    from ctip.agencies.models import Agency

    return Agency.objects.get(code=code).pk
