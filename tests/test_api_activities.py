"""Issue 26, activities through the API: the same services as the screens (the same audit rows,
the same checks of a row), within the same scope; a write needs the write scope."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from ctip.prevention.models import Activity
from ctip.reporting.issuing import report_issue
from ctip.reporting.models import ReportTemplate
from ctip.reporting.services import compilation_start, report_create
from tests.conftest import unit
from tests.helpers import log_in, make_user, written_out
from tests.test_api_support import call, make_token
from tests.test_prevention_web import FORM

pytestmark = pytest.mark.django_db

BODY = {
    "agency": "qng-ca",
    "kind": "session",
    "start_date": "2022-05-10",
    "end_date": "2022-05-10",
    "unit": 21142,
    "sessions": 2,
    "participants": 80,
    "media_items": 0,
    "sms": 0,
    "target_groups": ["public"],
    "campaign": "",
    "theme": "Phòng, chống mua bán người",
    "notes": "",
}


@pytest.fixture
def police():
    return make_user("api-congan", "agency_officer", agency="qng-ca-2025")


def _audit(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("pk"))


def test_a_write_makes_the_same_audit_row_as_the_screen(police):
    browser = Client()
    log_in(browser, police)
    assert browser.post("/hoat-dong/them/", FORM).status_code == 302
    _token, text = make_token(police, ["activities:write"])
    created = call("post", "/api/v1/activities/", text, BODY)
    assert created.status_code == 201, created.content
    screen, api = _audit("prevention.activity_create")
    assert (api.actor_id, api.object_type) == (police.pk, "prevention.activity")
    assert api.object_id == str(created.json()["id"])
    assert api.changes == screen.changes
    pk = created.json()["id"]
    assert created.json()["agency"]["code"] == "qng-ca" and created.json()["unit"]["code"] == 21142

    updated = call("put", f"/api/v1/activities/{pk}/", text, {**BODY, "sessions": 3})
    assert updated.status_code == 200 and updated.json()["sessions"] == 3
    (change,) = _audit("prevention.activity_update")
    assert change.changes["sessions"] == [2, 3] and change.actor_id == police.pk

    assert call("delete", f"/api/v1/activities/{pk}/", text).status_code == 204
    (gone,) = _audit("prevention.activity_delete")
    assert gone.object_id == str(pk) and gone.actor_id == police.pk
    assert not Activity.objects.filter(pk=pk).exists()


def test_a_row_is_checked_as_a_workbook_row_is(police):
    _token, text = make_token(police, ["activities:write"])
    for wrong in (
        {"agency": "qng-bdbp"},  # not the user's agency
        {"unit": 99999},  # no such unit
        {"end_date": "2022-05-01"},  # before the start
        {"start_date": "2099-01-01", "end_date": "2099-01-01"},  # in the future
        {"kind": "party"},
        {"sessions": -1},
        {"target_groups": ["khong-co"]},
        {"start_date": "0001-01-01"},
    ):
        response = call("post", "/api/v1/activities/", text, {**BODY, **wrong})
        assert response.status_code == 400, (wrong, response.content)
        assert response["Content-Type"] == "application/json"
    assert not Activity.objects.exists() and not _audit("prevention.activity_create")
    assert call("post", "/api/v1/activities/", text, ["not", "an", "object"]).status_code == 400
    raw = Client().post(
        "/api/v1/activities/",
        data="{",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {text}",
    )
    assert raw.status_code == 400


def test_writing_needs_the_write_scope_and_the_role(police):
    _token, reader = make_token(police, ["activities:read"])
    response = call("post", "/api/v1/activities/", reader, BODY)
    assert response.status_code == 403 and not Activity.objects.exists()
    leader = make_user("api-leader", "leader", unit=police.assignments.get().agency.unit)
    _token, text = make_token(leader, ["activities:write"])  # a role that does not edit
    assert call("post", "/api/v1/activities/", text, BODY).status_code == 403
    assert (
        not Activity.objects.exists()
        and not AuditEntry.objects.filter(action__startswith="prevention.").exists()
    )


def test_another_agency_neither_sees_nor_changes_an_activity(police):
    _token, text = make_token(police, ["activities:write"])
    pk = call("post", "/api/v1/activities/", text, BODY).json()["id"]
    border = make_user("api-bienphong", "agency_officer", agency="qng-bdbp-2025")
    _token, other = make_token(border, ["activities:write"])
    assert call("get", f"/api/v1/activities/{pk}/", other).status_code == 404
    assert (
        call("put", f"/api/v1/activities/{pk}/", other, {**BODY, "sessions": 9}).status_code == 404
    )
    assert call("delete", f"/api/v1/activities/{pk}/", other).status_code == 404
    assert call("get", "/api/v1/activities/", other).json()["count"] == 0
    assert Activity.objects.get(pk=pk).sessions == 2
    assert call("get", "/api/v1/activities/999999999/", text).status_code == 404


def test_a_locked_period_needs_a_reason(police):
    """A real report issued over the activity's half-year locks it, as on the screens."""
    province = unit(51, Level.PROVINCE, date(2022, 5, 10))
    office = make_user("thuongtruc", "standing_office", unit=province)
    report = report_create(
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province,
        period_start=date(2022, 1, 1),
        period_end=date(2022, 6, 30),
        acting_user=office,
    )
    draft = written_out(compilation_start(report=report, acting_user=office, run_now=True))
    issued = report_issue(
        report=report, compilation=draft, issue_date=date(2022, 7, 25), acting_user=office
    )
    _token, text = make_token(police, ["activities:write"])
    response = call("post", "/api/v1/activities/", text, BODY)
    assert response.status_code == 409 and issued.number in response.json()["detail"]
    assert not Activity.objects.exists() and not _audit("prevention.activity_create")
    reasoned = call("post", "/api/v1/activities/", text, {**BODY, "reason": "Bổ sung sau rà soát."})
    assert reasoned.status_code == 201 and Activity.objects.count() == 1


def test_lists_filter_and_page_and_refuse_a_bad_filter(police):
    _token, text = make_token(police, ["activities:write"])
    for day in ("2022-05-10", "2022-06-10", "2022-07-10"):
        call("post", "/api/v1/activities/", text, {**BODY, "start_date": day, "end_date": day})
    listed = call("get", "/api/v1/activities/?page_size=2", text).json()
    assert listed["count"] == 3 and len(listed["results"]) == 2 and listed["next"]
    assert [r["start_date"] for r in listed["results"]] == ["2022-07-10", "2022-06-10"]
    since = call("get", "/api/v1/activities/?date_from=2022-06-01", text).json()
    assert since["count"] == 2
    for bad in ("date_from=hom-qua", "kind=party", "date_to=0001-01-01"):
        response = call("get", f"/api/v1/activities/?{bad}", text)
        assert response.status_code == 400, bad
    assert call("get", "/api/v1/activities/?page=99", text).status_code == 404
