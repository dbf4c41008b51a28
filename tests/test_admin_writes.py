"""Issue 20 (one way to write): the admin writes through services or audits each write. No bulk
delete anywhere (it skips the page's audited delete); an assignment changed in the user page is
audited with every field it changes; other packages' pages are view-only; the audit guard
refuses a row written outside a transaction."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory

from ctip.accounts.models import Assignment, User
from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.geo.models import Level, Unit
from ctip.prevention.models import VolunteerTeam
from ctip.rules.models import Holiday
from tests.helpers import add_totp, log_in, make_user


def _admin(client) -> User:
    user = make_user("quantri", "system_admin")
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.refresh_from_db()
    log_in(client, user, add_totp(user))
    return user


def _unit() -> Unit:
    return Unit.objects.valid_on(date(2026, 1, 1)).get(code=51, level=Level.PROVINCE)


@pytest.mark.django_db
def test_no_admin_page_offers_the_bulk_delete(client):
    request = RequestFactory().get("/admin/")
    request.user = _admin(client)
    for model, page in admin.site._registry.items():
        assert "delete_selected" not in page.get_actions(request), model._meta.label


@pytest.mark.django_db
def test_a_bulk_delete_posted_anyway_deletes_nothing(client):
    _admin(client)
    team = VolunteerTeam.objects.create(unit=_unit(), name="Đội thử", established=date(2024, 1, 1))
    holidays = Holiday.objects.count()
    for page, pk in (
        ("prevention/volunteerteam", team.pk),
        ("rules/holiday", Holiday.objects.first().pk),
    ):
        client.post(
            f"/admin/{page}/",
            {"action": "delete_selected", "_selected_action": [pk], "post": "yes"},
        )
    assert VolunteerTeam.objects.filter(pk=team.pk).exists()
    assert Holiday.objects.count() == holidays
    assert not AuditEntry.objects.filter(action__endswith="_delete").exists()


@pytest.mark.django_db
def test_a_single_delete_in_the_admin_is_audited(client):
    admin_user = _admin(client)
    team = VolunteerTeam.objects.create(unit=_unit(), name="Đội thử", established=date(2024, 1, 1))
    client.post(f"/admin/prevention/volunteerteam/{team.pk}/delete/", {"post": "yes"})
    assert not VolunteerTeam.objects.filter(pk=team.pk).exists()
    entry = AuditEntry.objects.get(action="prevention.volunteerteam_delete")
    assert (entry.actor, entry.object_id) == (admin_user, str(team.pk))


def _user_form(user: User, rows: list[dict[str, str]], initial: int) -> dict[str, str]:
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": "",
        "last_name": "",
        "is_active": "on",
        "assignments-TOTAL_FORMS": str(len(rows)),
        "assignments-INITIAL_FORMS": str(initial),
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data |= {f"assignments-{i}-{k}": v for k, v in row.items()}
    return data


@pytest.mark.django_db
def test_changing_an_assignments_scope_and_dates_is_audited_field_by_field(client):
    admin_user = _admin(client)
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    assignment = Assignment.objects.get(user=officer)
    guard, unit = Agency.objects.get(code="qng-bdbp-2025"), _unit()
    row = {
        "id": str(assignment.pk),
        "user": str(officer.pk),
        "role": "agency_officer",
        "agency": str(guard.pk),
        "unit": str(unit.pk),
        "valid_from": "2026-01-01",
        "valid_to": "2026-12-31",
    }
    response = client.post(
        f"/admin/accounts/user/{officer.pk}/change/", _user_form(officer, [row], 1)
    )
    assert response.status_code == 302, _errors(response)
    assignment.refresh_from_db()
    assert (assignment.agency, assignment.unit) == (guard, unit)
    entry = AuditEntry.objects.get(action="accounts.assignment_update")
    assert (entry.actor, entry.object_id) == (admin_user, str(assignment.pk))
    assert entry.changes == {
        "agency": ["qng-ca-2025", "qng-bdbp-2025"],
        "unit": [None, unit.pk],
        "valid_from": [None, "2026-01-01"],
        "valid_to": [None, "2026-12-31"],
    }
    assert not AuditEntry.objects.filter(action="accounts.assignment_change").exists()


@pytest.mark.django_db
def test_granting_and_revoking_in_the_user_page_go_through_the_services(client):
    _admin(client)
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    old = Assignment.objects.get(user=officer)
    police = Agency.objects.get(code="qng-ca-2025")
    rows = [
        {
            "id": str(old.pk),
            "user": str(officer.pk),
            "role": "agency_officer",
            "agency": str(police.pk),
            "DELETE": "on",
        },
        {
            "id": "",
            "user": str(officer.pk),
            "role": "agency_leader",
            "agency": str(police.pk),
            "valid_from": "2026-02-01",
        },
    ]
    response = client.post(
        f"/admin/accounts/user/{officer.pk}/change/", _user_form(officer, rows, 1)
    )
    assert response.status_code == 302, _errors(response)
    assert list(Assignment.objects.filter(user=officer).values_list("role", flat=True)) == [
        "agency_leader"
    ]
    revoke = AuditEntry.objects.get(action="accounts.assignment_revoke")
    assert revoke.changes["role"] == ["agency_officer", None]
    assert revoke.changes["agency"] == ["qng-ca-2025", None]
    grant = AuditEntry.objects.filter(action="accounts.assignment_grant").latest("pk")
    assert grant.changes["role"] == [None, "agency_leader"]
    assert grant.changes["valid_from"] == [None, "2026-02-01"]


@pytest.mark.django_db
def test_accounts_and_agencies_are_never_deleted_in_the_admin(client):
    _admin(client)
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    agency = Agency.objects.get(code="qng-bdbp-2025")
    assert (
        client.post(f"/admin/accounts/user/{officer.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert (
        client.post(f"/admin/agencies/agency/{agency.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert (
        User.objects.filter(pk=officer.pk).exists() and Agency.objects.filter(pk=agency.pk).exists()
    )


@pytest.mark.django_db
def test_other_packages_admin_pages_are_view_only(client):
    _admin(client)
    response = client.post("/admin/auth/group/add/", {"name": "quyen-ngoai"})
    assert response.status_code == 403
    assert not Group.objects.exists()
    assert client.get("/admin/django_q/schedule/").status_code == 200  # still shown


def test_an_audit_row_is_refused_outside_a_transaction():
    # No database access here: the guard refuses before any query.
    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        audit_write(action="test.outside")


def _errors(response) -> list:
    return [f.formset.errors for f in response.context["inline_admin_formsets"]]


@pytest.mark.django_db
def test_funding_and_volunteer_counts_in_the_admin_go_through_their_services(client):
    _admin(client)
    police = Agency.objects.get(code="qng-ca-2025")
    response = client.post(
        "/admin/prevention/funding/add/",
        {"agency": police.pk, "year": 2026, "allocated": 5000000, "spent": 1000000},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEntry.objects.filter(action="prevention.funding_set").count() == 1
    team = VolunteerTeam.objects.create(unit=_unit(), name="Đội thử", established=date(2024, 1, 1))
    page = client.get(f"/admin/prevention/volunteerteam/{team.pk}/change/")
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    response = client.post(
        f"/admin/prevention/volunteerteam/{team.pk}/change/",
        {
            "name": team.name,
            "unit": team.unit_id,
            "established": "01/01/2024",
            f"{prefix}-TOTAL_FORMS": 1,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-0-as_of": "01/06/2026",
            f"{prefix}-0-volunteers": 12,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert team.counts.get().volunteers == 12  # type: ignore[attr-defined]
    assert AuditEntry.objects.filter(action="prevention.volunteer_count").count() == 1
