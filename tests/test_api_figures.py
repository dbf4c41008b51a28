"""Issue 26, figures through the API: the query language of `ctip indicators`, the answers of
`ctip indicators --public` (the disclosure rule every screen applies for a reader without the
records), within the user's dashboard scope."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from ctip.geo.models import Level
from ctip.prevention.import_batch import import_file
from tests.conftest import NEW, unit
from tests.helpers import activity_row, make_user
from tests.test_api_support import call, make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities():
    rows = [
        activity_row(agency="qng-ca", start_date="2022-05-10", end_date="2022-05-10", sessions=7),
        activity_row(agency="qng-ca", start_date="2022-08-10", end_date="2022-08-10", sessions=3),
        activity_row(agency="qng-bdbp", start_date="2022-05-12", end_date="2022-05-12"),
    ]
    import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None)


def _command(*args: str) -> list[dict]:
    out = io.StringIO()
    call_command("indicators", *args, "--public", stdout=out)
    return json.loads(out.getvalue())


def test_the_api_answers_what_ctip_indicators_public_answers(activities):
    office = make_user("f-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    _token, text = make_token(office, ["indicators:read"])
    query = "unit=51&from=2022-04-15&to=2022-08-20&by=agency&indicator=prevention.sessions"
    answer = call("get", f"/api/v1/indicators/?{query}", text).json()
    expected = _command(
        "--unit", "51", "--from", "2022-04-15", "--to", "2022-08-20",
        "--by", "agency", "--indicator", "prevention.sessions",
    )  # fmt: skip
    assert (answer["start"], answer["end"]) == ("2022-04-01", "2022-09-30")  # whole quarters
    got = {(r["indicator"], r["groups"]["agency"]["code"], r["value"]) for r in answer["rows"]}
    want = {(r["indicator"], str(r["agency"]["code"]), r["value"]) for r in expected}
    assert got == want and got
    assert answer["threshold"] == 5


def test_figures_about_persons_are_controlled_even_for_a_case_worker(activities):
    worker = make_user("f-worker", "case_worker", agency="qng-syt-2025")
    _token, text = make_token(worker)  # every scope
    answer = call("get", "/api/v1/indicators/?from=2022-01-01&to=2022-12-31", text).json()
    persons = [r for r in answer["rows"] if r["indicator"] == "prevention.participants"]
    # Participants are attendances: never withheld; but nothing of the victim registers leaks.
    assert all(not r["indicator"].startswith("victims.") for r in answer["rows"])
    assert persons


def test_the_query_language_refuses_what_the_command_refuses():
    office = make_user("f-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    _token, text = make_token(office, ["indicators:read"])
    for bad in (
        "by=month",  # persons' figures are whole quarters only
        "indicator=khong.co",
        "by=khong-co",
        "from=2022-05-01&to=2022-01-01",
        "from=0001-01-01",
        "unit=Không Có Tỉnh Này",
        "unit=" + "9" * 5000,
        "by=case",  # narrows only, never a breakdown
        "level=ward",
    ):
        response = call("get", f"/api/v1/indicators/?{bad}", text)
        assert response.status_code == 400, (bad, response.content)
        assert response["Content-Type"] == "application/json"


def test_a_unit_outside_the_scope_is_refused():
    officer = make_user("f-commune", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW))
    _token, text = make_token(officer)
    assert call("get", "/api/v1/indicators/?unit=Hà Nội", text).status_code == 400
    answer = call("get", "/api/v1/indicators/", text).json()
    assert answer["unit"]["code"] == 21157


def test_an_agency_reads_its_own_figures_only(activities):
    police = make_user("f-police", "agency_officer", agency="qng-ca-2025")
    _token, text = make_token(police)
    query = "from=2022-01-01&to=2022-12-31&indicator=prevention.activities"
    (row,) = call("get", f"/api/v1/indicators/?{query}", text).json()["rows"]
    assert row["value"] == 2  # the police's two, not the border guard's
    # Victim figures are not on a police officer's dashboard: refused by name.
    refused = call("get", "/api/v1/indicators/?indicator=victims.received", text)
    assert refused.status_code == 403
    # Without the activities scope an agency's dashboard opens no panel.
    _token, narrow = make_token(police, ["indicators:read"])
    assert call("get", "/api/v1/indicators/", narrow).status_code == 403


def test_case_aggregates_are_controlled_counts_by_one_breakdown():
    leader = make_user("f-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    _token, text = make_token(leader, ["indicators:read"])
    answer = call("get", "/api/v1/cases/aggregates/?by=sex&from=2025-01-01", text)
    assert answer.status_code == 200
    for row in answer.json()["rows"]:
        assert row["value"] is None or row["value"] % 5 == 0
    assert call("get", "/api/v1/cases/aggregates/", text).status_code == 400  # `by` required
    assert call("get", "/api/v1/cases/aggregates/?by=case", text).status_code == 400
    worker = make_user("f-worker", "case_worker", agency="qng-syt-2025")
    _token, other = make_token(worker)
    assert call("get", "/api/v1/cases/aggregates/?by=sex", other).status_code == 403


def test_the_catalog_lists_what_the_token_reads():
    office = make_user("f-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    _token, text = make_token(office, ["indicators:read"])
    catalog = call("get", "/api/v1/indicators/catalog/", text).json()
    codes = {i["code"] for i in catalog["indicators"]}
    assert {"prevention.sessions", "victims.received"} <= codes
    assert next(i for i in catalog["indicators"] if i["code"] == "victims.received")["controlled"]
    assert "sex" in {d["code"] for d in catalog["dimensions"]}
