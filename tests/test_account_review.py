"""The security review of issue 24's user management (/nguoi-dung/), one test per finding:

1. a standing office manages its own area only (an office of a commune not the province's
   accounts), and only the system administrator grants a role that manages accounts;
2. a changed e-mail address is told to the old one, and the manager who changed it does not
   also send the password link (another manager does);
3. an account's history finds its revoked roles by its id, not by a username;
4. nobody locks their own account or revokes their own managing role, nor the last active
   system administrator;
5. the access checks run inside the service's transaction;
6. the second-factor page brings the manager back to the list with its filters.

A refused write changes nothing (tests.test_user_management._snapshot)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ctip.accounts import recovery, services
from ctip.accounts.history import account_history
from ctip.accounts.models import Assignment, TwoFactorResetRequest, User
from ctip.accounts.permissions import ROLES
from ctip.accounts.recovery import (
    password_reset_send,
    two_factor_reset_approve,
    two_factor_reset_request,
)
from ctip.accounts.services import (
    AccountError,
    assignment_grant,
    assignment_revoke,
    assignment_update,
    user_create,
    user_deactivate,
    user_reactivate,
    user_update,
)
from ctip.accounts.stewardship import reach, users_managed
from ctip.agencies.models import Agency
from ctip.core import work
from ctip.core.audit_words import action_label
from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from tests.conftest import NEW, unit
from tests.helpers import PASSWORD, add_totp, current_code, log_in, make_user
from tests.test_user_management import HEALTH, POLICE, WOMEN, _admin, _client, _office, _snapshot

pytestmark = pytest.mark.django_db

LINK_BASE = "http://testserver/"
TAY_TRA_BONG = 21157  # a commune of the merged Quảng Ngãi (tests.factories.COMMUNE)


@pytest.fixture
def worker() -> User:
    return make_user("xahoi", "case_worker", agency=HEALTH, email="xahoi@example.vn")


def _commune():
    return unit(TAY_TRA_BONG, Level.COMMUNE, NEW)


def _province():
    return unit(51, Level.PROVINCE, NEW)


def _with_password(user: User) -> User:
    """An account created by the service has no password until its owner chooses one."""
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


# --- 1. a standing office's reach: its own area, and no managing role ---------------------------


@pytest.mark.parametrize("role", ["standing_office", "system_admin"])
def test_a_standing_office_grants_no_role_that_manages_accounts(role, worker):
    office = _office()
    before = _snapshot()
    with pytest.raises(AccountError, match="không được giao vai trò"):
        user_create(
            username="tt-xa",
            email="ttxa@example.vn",
            role=role,
            unit=_commune(),
            acting_user=office,
        )
    with pytest.raises(AccountError, match="không được giao vai trò"):
        assignment_grant(user=worker, role=role, unit=_commune(), acting_user=office)
    assert _snapshot() == before
    # Every other role it still grants; the form offers no managing role.
    assert reach(office).roles == frozenset(ROLES) - {"standing_office", "system_admin"}
    client = _client(office)
    form = client.get(f"/nguoi-dung/{worker.pk}/vai-tro/them/").content.decode()
    assert f'value="{role}"' not in form and 'value="case_supervisor"' in form
    before = _snapshot()
    response = client.post(
        f"/nguoi-dung/{worker.pk}/vai-tro/them/",
        {"role": role, "agency": "", "unit": str(TAY_TRA_BONG), "unit_text": ""},
    )
    assert response.status_code == 200
    assert _snapshot() == before


def test_a_commune_standing_office_manages_its_commune_only(worker):
    office = _office()
    # Only the system administrator sets up a standing office, here for one commune.
    tt_xa = _with_password(
        user_create(
            username="tt-xa",
            email="ttxa@example.vn",
            role="standing_office",
            unit=_commune(),
            acting_user=_admin(),
        )
    )
    villager = make_user("xa", "commune_officer", unit=_commune())
    assert set(users_managed(tt_xa).values_list("username", flat=True)) == {"tt-xa", "xa"}
    assert reach(tt_xa).areas == (_commune(),)
    before = _snapshot()
    # Above its commune: the province's agencies and accounts, the provincial office.
    with pytest.raises(AccountError, match="trong phạm vi bạn quản lý"):
        user_create(
            username="moi",
            email="moi@example.vn",
            role="case_worker",
            agency=Agency.objects.get(code=HEALTH),
            acting_user=tt_xa,
        )
    with pytest.raises(AccountError, match="trong phạm vi bạn quản lý"):
        assignment_grant(user=villager, role="leader", unit=_province(), acting_user=tt_xa)
    with pytest.raises(AccountError, match="không thuộc phạm vi"):
        user_deactivate(user=office, acting_user=tt_xa)
    with pytest.raises(AccountError, match="không thuộc phạm vi"):
        user_update(user=worker, username="xahoi", email="x@example.vn", acting_user=tt_xa)
    assert _snapshot() == before
    client = _client(tt_xa)
    page = client.get("/nguoi-dung/").content.decode()
    assert ">xa<" in page and ">thuongtruc<" not in page and ">xahoi<" not in page
    assert client.post(f"/nguoi-dung/{office.pk}/trang-thai/", {"active": "0"}).status_code == 404
    # The agencies its form offers are its commune's only.
    form = client.get(f"/nguoi-dung/{villager.pk}/vai-tro/them/").content.decode()
    assert "Sở Y tế tỉnh Quảng Ngãi" not in form
    office.refresh_from_db()
    assert office.is_active
    # Within its commune it works.
    created = user_create(
        username="xa2",
        email="xa2@example.vn",
        role="commune_officer",
        unit=_commune(),
        acting_user=tt_xa,
    )
    assert users_managed(tt_xa).filter(pk=created.pk).exists()


def test_two_standing_offices_do_not_lock_each_other():
    first, second = _office(), _office("thuongtruc2")
    before = _snapshot()
    for actor, target in ((first, second), (second, first)):
        assert not users_managed(actor).filter(pk=target.pk).exists()
        with pytest.raises(AccountError):
            user_deactivate(user=target, acting_user=actor)
    assert _snapshot() == before


# --- 2. a changed e-mail address -------------------------------------------------------------


def test_a_changed_address_is_told_to_the_old_one(worker, django_capture_on_commit_callbacks):
    office = _office()
    with django_capture_on_commit_callbacks(execute=True):
        user_update(user=worker, username="xahoi", email="moi@example.vn", acting_user=office)
    (sent,) = mail.outbox
    assert sent.to == ["xahoi@example.vn"]
    assert "xahoi" in sent.body and "thuongtruc" in sent.body
    assert "moi@example.vn" not in sent.body and "moi@example.vn" not in sent.subject
    # The change's audit row names the account by its id.
    entry = AuditEntry.objects.get(action="accounts.user_change")
    assert (entry.object_type, entry.object_id) == ("accounts.user", str(worker.pk))
    # Nothing to tell when the address stays, or when there was none.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user_update(
            user=worker,
            username="xahoi",
            email="moi@example.vn",
            first_name="Hoa",
            acting_user=office,
        )
        no_address = make_user("khong-thu", "agency_officer", agency=POLICE)
        user_update(
            user=no_address, username="khong-thu", email="co@example.vn", acting_user=office
        )
    assert mail.outbox == []
    # Through the page too, once the change is committed.
    client = _client(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nguoi-dung/{worker.pk}/sua/",
            {"username": "xahoi", "email": "lan-nua@example.vn", "last_name": "", "first_name": ""},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["moi@example.vn"]]


def test_the_manager_who_changed_the_address_does_not_send_the_password_link(
    worker, django_capture_on_commit_callbacks, monkeypatch
):
    office, other = _office(), _office("thuongtruc2")
    client = _client(office)
    user_update(user=worker, username="xahoi", email="ke-gian@example.vn", acting_user=office)
    refusal = "Một người quản lý khác phải gửi liên kết đặt mật khẩu sau khi đổi thư điện tử."
    before = _snapshot()
    with pytest.raises(AccountError, match=refusal):
        password_reset_send(user=worker, link_base=LINK_BASE, acting_user=office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nguoi-dung/{worker.pk}/mat-khau/")
    assert response.status_code == 302
    assert refusal in client.get(response["Location"]).content.decode()
    assert _snapshot() == before
    # Another manager sends it, to the new address; a name changed by the first does not hold
    # its links back.
    with django_capture_on_commit_callbacks(execute=True):
        password_reset_send(user=worker, link_base=LINK_BASE, acting_user=other)
    assert mail.outbox[-1].to == ["ke-gian@example.vn"]
    colleague = make_user("congan", "agency_officer", agency=POLICE, email="congan@example.vn")
    user_update(
        user=colleague,
        username="congan",
        email=colleague.email,
        first_name="An",
        acting_user=office,
    )
    password_reset_send(user=colleague, link_base=LINK_BASE, acting_user=office)
    # Seven days later the one who changed it may send it again.
    later = timezone.now() + timedelta(days=7, minutes=1)
    monkeypatch.setattr(recovery.timezone, "now", lambda: later)
    password_reset_send(user=worker, link_base=LINK_BASE, acting_user=office)


# --- 3. history by the account's id ------------------------------------------------------------


def test_revoked_roles_follow_the_account_not_its_username(worker):
    admin = _admin()
    women = Agency.objects.get(code=WOMEN)
    second = assignment_grant(user=worker, role="agency_officer", agency=women, acting_user=admin)
    assignment_revoke(assignment=second, acting_user=admin)
    revocation = AuditEntry.objects.get(action="accounts.assignment_revoke")
    assert revocation.changes["user_id"] == [worker.pk, None]
    # The account is renamed, and its old username is given to a newcomer.
    user_update(user=worker, username="xahoi-cu", email=worker.email, acting_user=admin)
    newcomer = make_user("xahoi", "agency_officer", agency=POLICE)

    def revoked(user: User) -> list[Any]:
        label = action_label("accounts.assignment_revoke")
        return [line for line in account_history(user) if line.what == label]

    (line,) = revoked(User.objects.get(pk=worker.pk))
    assert "Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi" in line.detail
    assert revoked(newcomer) == []


# --- 4. the last manager -------------------------------------------------------------------------


def test_a_manager_neither_locks_themselves_nor_revokes_their_own_managing_role():
    admin, second = _admin(), _admin("quantri2")
    own = admin.assignments.get()
    client = _client(admin)
    before = _snapshot()
    with pytest.raises(AccountError, match="không tự khóa tài khoản"):
        user_deactivate(user=admin, acting_user=admin)
    with pytest.raises(AccountError, match="không tự thu hồi"):
        assignment_revoke(assignment=own, acting_user=admin)
    with pytest.raises(AccountError, match="không tự thu hồi"):
        assignment_update(assignment=own, role="leader", unit=_province(), acting_user=admin)
    response = client.post(f"/nguoi-dung/{admin.pk}/trang-thai/", {"active": "0"})
    assert response.status_code == 302
    assert "không tự khóa tài khoản" in client.get(response["Location"]).content.decode()
    client.post(f"/nguoi-dung/vai-tro/{own.pk}/thu-hoi/")
    assert _snapshot() == before
    # Another administrator may.
    user_deactivate(user=admin, acting_user=second)
    assert not User.objects.get(pk=admin.pk).is_active


def test_the_last_active_administrator_is_neither_locked_nor_revoked():
    admin, other = _admin(), _admin("quantri2")
    user_deactivate(user=other, acting_user=admin)  # one administrator is left
    own = admin.assignments.get()
    before = _snapshot()
    last = "tài khoản quản trị hệ thống cuối cùng"
    with pytest.raises(AccountError, match=last):
        user_deactivate(user=admin, acting_user=None)
    with pytest.raises(AccountError, match=last):
        assignment_revoke(assignment=own, acting_user=None)
    with pytest.raises(AccountError, match=last):
        assignment_update(assignment=own, role="leader", unit=_province(), acting_user=None)
    with pytest.raises(AccountError, match=last):
        assignment_update(
            assignment=own,
            role="system_admin",
            valid_to=date.today() - timedelta(days=1),
            acting_user=None,
        )
    assert _snapshot() == before
    # With another administrator active again, it may go.
    user_reactivate(user=other, acting_user=admin)
    user_deactivate(user=admin, acting_user=other)
    assert not User.objects.get(pk=admin.pk).is_active


# --- 5. the checks run inside the transaction ---------------------------------------------------


def test_the_access_checks_run_inside_the_services_transaction(monkeypatch, worker):
    seen: list[tuple[str, bool]] = []

    def spy(name: str, real: Any) -> Any:
        def checked(*args: Any, **kwargs: Any) -> Any:
            seen.append((name, work._current.get() is not None))
            return real(*args, **kwargs)

        return checked

    for module in (services, recovery):
        for name in ("check_manage", "check_grant", "check_revoke"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, spy(name, getattr(module, name)))
    office, other = _office(), _office("thuongtruc2")
    health, women = Agency.objects.get(code=HEALTH), Agency.objects.get(code=WOMEN)
    user_create(
        username="moi",
        email="moi@example.vn",
        role="case_worker",
        agency=health,
        acting_user=office,
    )
    user_update(
        user=worker, username="xahoi", email=worker.email, first_name="Hoa", acting_user=office
    )
    user_deactivate(user=worker, acting_user=office)
    user_reactivate(user=worker, acting_user=office)
    granted = assignment_grant(user=worker, role="agency_officer", agency=women, acting_user=office)
    assignment_update(assignment=granted, role="agency_leader", agency=women, acting_user=office)
    assignment_revoke(assignment=granted, acting_user=office)
    password_reset_send(user=worker, link_base=LINK_BASE, acting_user=office)
    request = two_factor_reset_request(user=worker, reason="Mất điện thoại", acting_user=office)
    two_factor_reset_approve(request=request, acting_user=other)
    assert TwoFactorResetRequest.objects.get(pk=request.pk).status == "approved"
    assert {name for name, _inside in seen} == {"check_manage", "check_grant", "check_revoke"}
    assert [name for name, inside in seen if not inside] == []
    assert Assignment.objects.filter(pk=granted.pk).count() == 0


# --- 6. back to the filtered list after the second factor ---------------------------------------


def test_the_second_factor_brings_the_manager_back_to_the_filtered_list(worker):
    office = _office()
    device = add_totp(office)
    client = Client()
    log_in(client, office)
    response = client.get("/nguoi-dung/?role=case_worker&status=active")
    assert response.status_code == 302
    location = response["Location"]
    assert (
        location == "/tai-khoan/xac-thuc/?next=/nguoi-dung/%3Frole%3Dcase_worker%26status%3Dactive"
    )
    response = client.post(location, {"token": current_code(device)})
    assert response["Location"] == "/nguoi-dung/?role=case_worker&status=active"
    # A role that reads personal data is sent to the same page with its query kept too.
    theirs = Client()
    log_in(theirs, worker)
    response = theirs.get("/?a=1&b=2")
    assert response["Location"] == "/tai-khoan/xac-thuc/?next=/%3Fa%3D1%26b%3D2"


# --- the admin site keeps the same rules -------------------------------------------------------


def _admin_form(user: User, **changes: Any) -> dict[str, Any]:
    """The admin site's change form of `user` as it stands, with its assignment rows."""
    rows = list(user.assignments.order_by("pk"))
    data: dict[str, Any] = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "assignments-TOTAL_FORMS": str(len(rows)),
        "assignments-INITIAL_FORMS": str(len(rows)),
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data |= {
            f"assignments-{i}-id": str(row.pk),
            f"assignments-{i}-user": str(user.pk),
            f"assignments-{i}-role": row.role,
            f"assignments-{i}-agency": str(row.agency_id or ""),
            f"assignments-{i}-unit": str(row.unit_id or ""),
        }
    data |= changes
    return {k: v for k, v in data.items() if v is not None}


def test_the_admin_site_keeps_the_same_rules(worker, django_capture_on_commit_callbacks):
    admin = _admin()
    _admin("quantri2")
    client = _client(admin)
    own = f"/admin/accounts/user/{admin.pk}/change/"
    before = _snapshot()
    response = client.post(own, _admin_form(admin, is_active=None))
    assert response.status_code == 200
    assert "không tự khóa tài khoản" in response.content.decode()
    response = client.post(own, _admin_form(admin, **{"assignments-0-DELETE": "on"}))
    assert response.status_code == 200
    assert "không tự thu hồi" in response.content.decode()
    assert _snapshot() == before
    # A changed address is told to the old one, as from the user pages.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/accounts/user/{worker.pk}/change/",
            _admin_form(worker, email="moi@example.vn"),
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [m.to for m in mail.outbox] == [["xahoi@example.vn"]]
