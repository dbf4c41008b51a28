"""Issue 24, point 3: user management inside ctip (/nguoi-dung/), for the standing office (the
accounts of its province, every role but the system administrator's) and the system
administrator (everyone), through the accounts services with their audit rows; an assignment
that needs an agency is never saved without one; password and second-factor resets as issue 19
defined them. A refused write changes nothing."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import Assignment, TwoFactorResetRequest, User
from ctip.accounts.scope import agency_missing_notice, missing_agency_roles
from ctip.accounts.services import (
    AccountError,
    assignment_grant,
    assignment_revoke,
    assignment_update,
    backup_codes_renew,
    user_create,
    user_deactivate,
    user_update,
)
from ctip.accounts.stewardship import users_managed
from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.core.permissions import P
from ctip.geo.models import Level
from ctip.geo.selectors import national_unit
from tests.conftest import NEW, unit
from tests.helpers import PASSWORD, add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

HEALTH, POLICE, WOMEN = "qng-syt-2025", "qng-ca-2025", "qng-hlhpn-2025"


def _province(code: int = 51):
    return unit(code, Level.PROVINCE, NEW)


def _office(username: str = "thuongtruc", province: int = 51) -> User:
    if province == 51:
        return make_user(username, "standing_office", agency=POLICE, unit=_province())
    return make_user(username, "standing_office", unit=_province(province))


def _admin(username: str = "quantri") -> User:
    user = make_user(username, "system_admin")
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.refresh_from_db()
    return user


def _client(user: User, *, second_factor: bool = True) -> Client:
    client = Client()
    log_in(client, user, add_totp(user) if second_factor else None)
    return client


def _hanoi_agency() -> Agency:
    return Agency.objects.create(
        code="test-hn-ca",
        name="Công an thành phố Hà Nội (thử)",
        kind="police",
        unit=_province(1),
        valid_from=date(2025, 7, 1),
    )


def _snapshot() -> tuple[Any, ...]:
    """What a refused request must leave as it was."""
    return (
        list(User.objects.order_by("pk").values_list("pk", "username", "email", "is_active")),
        list(
            Assignment.objects.order_by("pk").values_list(
                "pk", "user", "role", "agency", "unit", "valid_from", "valid_to"
            )
        ),
        AuditEntry.objects.count(),
        TwoFactorResetRequest.objects.count(),
        TOTPDevice.objects.count(),
        len(mail.outbox),
    )


def _text(page: str) -> str:
    """What a person reads: the tags and their attributes (option values) left out."""
    return re.sub(r"<[^>]*>", " ", page)


@pytest.fixture
def worker() -> User:
    return make_user("xahoi", "case_worker", agency=HEALTH, email="xahoi@example.vn")


@pytest.fixture
def hanoi_user() -> User:
    return make_user("lanhdao-hn", "leader", unit=_province(1), email="hn@example.vn")


# --- who may open the pages ----------------------------------------------------------------------


def test_managing_accounts_asks_for_a_second_factor_whatever_the_role():
    office = _office()
    client = _client(office, second_factor=False)
    response = client.get("/nguoi-dung/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/xac-thuc/?next=/nguoi-dung/")
    # With the second factor passed, the page opens.
    assert _client(_office("thuongtruc2")).get("/nguoi-dung/").status_code == 200


@pytest.mark.parametrize("role", ["agency_officer", "case_worker", "leader", "agency_leader"])
def test_other_roles_are_refused(role):
    kw = {"unit": _province()} if role == "leader" else {"agency": HEALTH}
    user = make_user("khac", role, **kw)
    client = _client(user)
    before = _snapshot()
    for path in ("/nguoi-dung/", "/nguoi-dung/them/", f"/nguoi-dung/{user.pk}/"):
        assert client.get(path).status_code == 403, path
    assert client.post(f"/nguoi-dung/{user.pk}/trang-thai/", {"active": "0"}).status_code == 403
    assert _snapshot() == before


def test_the_menu_offers_user_management_to_managers_only():
    def nav(user: User) -> str:
        page = _client(user).get("/").content.decode()
        start = page.find('<nav class="menu"')
        return page[start : page.find("</nav>", start)]

    assert "/nguoi-dung/" in nav(_office())
    assert "/nguoi-dung/" in nav(_admin())
    assert "/nguoi-dung/" not in nav(make_user("congan", "agency_officer", agency=POLICE))


# --- the list ------------------------------------------------------------------------------------


def test_the_standing_office_lists_its_provinces_accounts_in_words(worker, hanoi_user):
    office = _office()
    mixed = make_user("hai-noi", "agency_officer", agency=WOMEN)
    assignment_grant(user=mixed, role="leader", unit=_province(1), acting_user=None)
    admin = _admin()
    page = _client(office).get("/nguoi-dung/").content.decode()
    assert ">xahoi<" in page
    assert "Cán bộ quản lý hồ sơ nạn nhân" in page and "Sở Y tế tỉnh Quảng Ngãi" in page
    # Another province's account, an account also assigned there, and the administrator: not
    # in the standing office's reach.
    for name in ("lanhdao-hn", "hai-noi", "quantri"):
        assert f">{name}<" not in page, name
    assert "case_worker" not in _text(page) and HEALTH not in _text(page)
    assert set(users_managed(office).values_list("username", flat=True)) == {
        "xahoi",
        "thuongtruc",
    }
    everyone = _client(admin).get("/nguoi-dung/").content.decode()
    for name in ("xahoi", "lanhdao-hn", "hai-noi", "quantri", "thuongtruc"):
        assert f">{name}<" in everyone, name


def test_filters_keep_one_row_per_account_and_counts_are_accounts(worker):
    office = _office()
    assignment_grant(
        user=worker,
        role="case_supervisor",
        agency=Agency.objects.get(code=HEALTH),
        acting_user=None,
    )
    make_user("congan", "agency_officer", agency=POLICE)
    locked = make_user("nghi-viec", "agency_officer", agency=WOMEN)
    user_deactivate(user=locked, acting_user=None)
    client = _client(office)
    health = Agency.objects.get(code=HEALTH)
    page = client.get(f"/nguoi-dung/?agency={health.pk}").content.decode()
    assert page.count(">xahoi<") == 1 and ">congan<" not in page
    assert "1 người dùng" in page
    page = client.get("/nguoi-dung/?role=case_supervisor").content.decode()
    assert ">xahoi<" in page and ">congan<" not in page
    page = client.get("/nguoi-dung/?status=locked").content.decode()
    assert ">nghi-viec<" in page and ">xahoi<" not in page
    # The chips count accounts by state: 3 working (office, worker, officer), 1 locked.
    chips = re.findall(r'class="chip[^>]*>([^<]+) <span class="chip-count">(\d+)</span>', page)
    assert dict((label.strip(), int(n)) for label, n in chips) == {
        "Tất cả": 4,
        "Đang làm việc": 3,
        "Đã khóa": 1,
    }
    page = client.get("/nguoi-dung/?role=khong-co").content.decode()
    assert "Bộ lọc “Vai trò” có giá trị không hợp lệ nên đã được bỏ qua." in page


def test_the_lists_queries_do_not_grow_with_its_accounts(django_assert_max_num_queries):
    office = _office()
    client = _client(office)
    health, women = Agency.objects.get(code=HEALTH), Agency.objects.get(code=WOMEN)

    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            user = make_user(f"nd{i}", "case_worker", agency=HEALTH)
            assignment_grant(user=user, role="agency_officer", agency=women, acting_user=None)
            add_totp(user)
            assignment_update(
                assignment=Assignment.objects.get(user=user, role="case_worker"),
                role="case_worker",
                agency=health,
                valid_from=date(2025, 7, 1),
                acting_user=None,
            )

    add(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/nguoi-dung/").status_code == 200
    add(20, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/nguoi-dung/")
    assert page.content.decode().count("Cán bộ quản lý hồ sơ nạn nhân") >= 22


# --- creating an account -------------------------------------------------------------------------


def _create_form(**changes: Any) -> dict[str, Any]:
    return {
        "username": "moi",
        "email": "moi@example.vn",
        "last_name": "Nguyễn Thị",
        "first_name": "Lan",
        "role": "case_worker",
        "agency": str(Agency.objects.get(code=HEALTH).pk),
        "unit": "",
        "unit_text": "",
        "valid_from": "01/01/2026",
        "valid_to": "",
        **changes,
    }


def test_the_standing_office_creates_an_account_whose_owner_chooses_the_password(
    django_capture_on_commit_callbacks,
):
    office = _office()
    client = _client(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nguoi-dung/them/", _create_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="moi")
    assert not user.has_usable_password()
    (assignment,) = user.assignments.all()
    assert (assignment.role, assignment.agency.code) == ("case_worker", HEALTH)
    assert assignment.valid_from == date(2026, 1, 1)
    actions = list(
        AuditEntry.objects.filter(actor=office).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-3:] == [
        "accounts.user_create",
        "accounts.assignment_grant",
        "accounts.password_reset_send",
    ]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["moi@example.vn"]
    page = client.get(response["Location"]).content.decode()
    assert "Đã tạo tài khoản moi và gửi liên kết đặt mật khẩu" in page
    assert "Tạo tài khoản người dùng" in page and "Giao vai trò cho người dùng" in page
    assert 'type="password"' not in page


def test_an_agency_role_without_an_agency_is_refused_in_the_form_and_nothing_is_saved():
    client = _client(_office())
    before = _snapshot()
    response = client.post("/nguoi-dung/them/", _create_form(agency=""))
    assert response.status_code == 200
    page = response.content.decode()
    # Said on the agency field itself, by the form, before any service runs.
    errors = page[page.index('id="id_agency-errors"') :]
    assert errors.index(
        "Vai trò “Cán bộ quản lý hồ sơ nạn nhân” làm việc theo cơ quan: phải chọn cơ quan."
    ) < errors.index("</div>")
    assert _snapshot() == before


@pytest.mark.parametrize("acting", ["system", "admin", "office"])
def test_an_agency_role_without_an_agency_is_refused_by_the_services(acting, worker):
    actor = {"system": None, "admin": _admin(), "office": _office()}[acting]
    before = _snapshot()
    with pytest.raises(AccountError, match="phải chọn cơ quan"):
        assignment_grant(user=worker, role="investigator", unit=_province(), acting_user=actor)
    with pytest.raises(AccountError, match="phải chọn cơ quan"):
        user_create(username="moi", email="moi@example.vn", role="case_worker", acting_user=actor)
    with pytest.raises(AccountError, match="phải chọn cơ quan"):
        assignment_update(
            assignment=worker.assignments.get(), role="case_worker", acting_user=actor
        )
    assert _snapshot() == before


def test_the_admin_sites_assignment_row_refuses_an_agency_role_without_agency(worker):
    admin = _admin()
    client = _client(admin)
    assignment = worker.assignments.get()
    data = {
        "username": worker.username,
        "email": worker.email,
        "first_name": "",
        "last_name": "",
        "is_active": "on",
        "assignments-TOTAL_FORMS": "2",
        "assignments-INITIAL_FORMS": "1",
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
        "assignments-0-id": str(assignment.pk),
        "assignments-0-user": str(worker.pk),
        "assignments-0-role": "case_worker",
        "assignments-0-agency": str(assignment.agency_id),
        "assignments-1-id": "",
        "assignments-1-user": str(worker.pk),
        "assignments-1-role": "case_supervisor",
        "assignments-1-agency": "",
    }
    before = _snapshot()
    response = client.post(f"/admin/accounts/user/{worker.pk}/change/", data)
    assert response.status_code == 200
    assert "phải chọn cơ quan" in response.content.decode()
    assert _snapshot() == before


# --- reach: another province, roles it may not grant, its own account -------------------------


def test_a_standing_office_cannot_reach_another_provinces_account(hanoi_user):
    client = _client(_office())
    before = _snapshot()
    paths = ["", "sua/", "trang-thai/", "mat-khau/", "xac-thuc/", "vai-tro/them/"]
    for path in paths:
        assert client.get(f"/nguoi-dung/{hanoi_user.pk}/{path}").status_code == 404, path
    posts = {
        "sua/": {"username": "doi-ten", "email": "x@example.vn"},
        "trang-thai/": {"active": "0"},
        "mat-khau/": {},
        "xac-thuc/": {"do": "request", "reason": "Mất điện thoại"},
        "vai-tro/them/": {"role": "leader", "unit": "51"},
    }
    for path, data in posts.items():
        assert client.post(f"/nguoi-dung/{hanoi_user.pk}/{path}", data).status_code == 404
    hn = hanoi_user.assignments.get()
    assert client.get(f"/nguoi-dung/vai-tro/{hn.pk}/sua/").status_code == 404
    assert client.post(f"/nguoi-dung/vai-tro/{hn.pk}/thu-hoi/").status_code == 404
    assert _snapshot() == before


def test_a_standing_office_is_refused_by_the_services_outside_its_reach(hanoi_user, worker):
    office = _office()
    before = _snapshot()
    with pytest.raises(AccountError):
        user_deactivate(user=hanoi_user, acting_user=office)
    with pytest.raises(AccountError):
        user_update(user=hanoi_user, username="x", email="x@example.vn", acting_user=office)
    with pytest.raises(AccountError):
        assignment_revoke(assignment=hanoi_user.assignments.get(), acting_user=office)
    # A role it may not grant, and an agency or area of another province, for its own user.
    with pytest.raises(AccountError, match="không được giao vai trò"):
        assignment_grant(user=worker, role="system_admin", acting_user=office)
    with pytest.raises(AccountError, match="trong phạm vi bạn quản lý"):
        assignment_grant(
            user=worker, role="agency_officer", agency=_hanoi_agency(), acting_user=office
        )
    before = _snapshot()  # the test's own agency is not a write of the office
    with pytest.raises(AccountError, match="trong phạm vi bạn quản lý"):
        assignment_grant(user=worker, role="leader", unit=_province(1), acting_user=office)
    with pytest.raises(AccountError):
        user_create(
            username="moi",
            email="moi@example.vn",
            role="leader",
            unit=_province(1),
            acting_user=office,
        )
    assert _snapshot() == before


def test_the_office_cannot_grant_the_system_administrators_role_through_the_page(worker):
    client = _client(_office())
    form = client.get(f"/nguoi-dung/{worker.pk}/vai-tro/them/").content.decode()
    assert 'value="system_admin"' not in form and 'value="case_supervisor"' in form
    before = _snapshot()
    response = client.post(
        f"/nguoi-dung/{worker.pk}/vai-tro/them/",
        {"role": "system_admin", "unit": str(_province().code), "unit_text": ""},
    )
    assert response.status_code == 200
    assert "lựa chọn hợp lệ" in response.content.decode()
    assert _snapshot() == before


def test_the_admin_grants_any_role_anywhere(hanoi_user):
    admin = _admin()
    granted = assignment_grant(
        user=hanoi_user, role="agency_officer", agency=_hanoi_agency(), acting_user=admin
    )
    entry = AuditEntry.objects.get(action="accounts.assignment_grant", object_id=str(granted.pk))
    assert entry.actor == admin


def test_a_standing_office_does_not_change_its_own_account():
    office = _office()
    client = _client(office)
    page = client.get(f"/nguoi-dung/{office.pk}/").content.decode()
    assert "Đây là tài khoản của bạn" in page and "/vai-tro/them/" not in page
    before = _snapshot()
    response = client.post(
        f"/nguoi-dung/{office.pk}/vai-tro/them/",
        {
            "role": "case_supervisor",
            "agency": str(Agency.objects.get(code=HEALTH).pk),
            "unit": "",
            "unit_text": "",
        },
    )
    assert "Bạn không tự thay đổi tài khoản hay vai trò của chính mình" in (
        response.content.decode()
    )
    client.post(f"/nguoi-dung/{office.pk}/trang-thai/", {"active": "0"})
    assert _snapshot() == before


# --- editing, roles, locking --------------------------------------------------------------------


def test_editing_an_account_is_audited_and_refuses_an_address_in_use(worker):
    office = _office()
    client = _client(office)
    make_user("khac", "agency_officer", agency=POLICE, email="khac@example.vn")
    data = {"username": "xahoi", "email": "khac@example.vn", "last_name": "", "first_name": "Hoa"}
    before = _snapshot()
    page = client.post(f"/nguoi-dung/{worker.pk}/sua/", data).content.decode()
    assert "Địa chỉ thư điện tử này đã dùng cho một tài khoản khác." in page
    assert _snapshot() == before
    data["email"] = "xahoi.moi@example.vn"
    response = client.post(f"/nguoi-dung/{worker.pk}/sua/", data)
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.email, worker.first_name) == ("xahoi.moi@example.vn", "Hoa")
    entry = AuditEntry.objects.get(action="accounts.user_change")
    assert entry.actor == office
    assert entry.changes == {
        "email": ["xahoi@example.vn", "xahoi.moi@example.vn"],
        "first_name": ["", "Hoa"],
    }
    page = client.get(f"/nguoi-dung/{worker.pk}/").content.decode()
    assert "Sửa tài khoản người dùng" in page and "đã sửa: thư điện tử, tên" in page


def test_changing_and_revoking_a_role_is_audited_and_the_last_role_is_kept(worker):
    office = _office()
    client = _client(office)
    assignment = worker.assignments.get()
    women = Agency.objects.get(code=WOMEN)
    response = client.post(
        f"/nguoi-dung/vai-tro/{assignment.pk}/sua/",
        {
            "role": "agency_officer",
            "agency": str(women.pk),
            "unit": "",
            "unit_text": "",
            "valid_from": "",
            "valid_to": "31/12/2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="accounts.assignment_update")
    assert entry.actor == office
    assert entry.changes == {
        "role": ["case_worker", "agency_officer"],
        "agency": [HEALTH, WOMEN],
        "valid_to": [None, "2026-12-31"],
    }
    # The last role: a standing office locks the account instead (it would leave its reach).
    before = _snapshot()
    client.post(f"/nguoi-dung/vai-tro/{assignment.pk}/thu-hoi/")
    assert _snapshot() == before
    page = client.get(f"/nguoi-dung/{worker.pk}/").content.decode()
    assert "Đây là vai trò cuối cùng của tài khoản" in page
    second = assignment_grant(user=worker, role="agency_leader", agency=women, acting_user=office)
    response = client.post(f"/nguoi-dung/vai-tro/{second.pk}/thu-hoi/")
    assert response.status_code == 302
    assert not Assignment.objects.filter(pk=second.pk).exists()
    revoke = AuditEntry.objects.get(action="accounts.assignment_revoke")
    assert (revoke.actor, revoke.changes["role"]) == (office, ["agency_leader", None])
    page = client.get(f"/nguoi-dung/{worker.pk}/").content.decode()
    # The account's log, in words, keeps the revoked role too.
    assert "Thu hồi vai trò đã giao" in page and "Lãnh đạo cơ quan thành viên" in page
    assert "Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi" in page
    assert "accounts." not in _text(page) and "agency_leader" not in _text(page)


def test_a_role_by_area_is_picked_by_name_within_the_province(worker):
    office = _office()
    client = _client(office)
    before = _snapshot()
    outside = client.post(
        f"/nguoi-dung/{worker.pk}/vai-tro/them/",
        {"role": "leader", "agency": "", "unit": "", "unit_text": "Hà Nội"},
    )
    assert outside.status_code == 200 and _snapshot() == before
    response = client.post(
        f"/nguoi-dung/{worker.pk}/vai-tro/them/",
        {"role": "commune_officer", "agency": "", "unit": "", "unit_text": "Tây Trà Bồng"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    granted = worker.assignments.get(role="commune_officer")
    assert granted.unit.name == "Xã Tây Trà Bồng"


def test_locking_an_account_ends_its_logins_and_is_audited(worker):
    office = _office()
    client = _client(office)
    theirs = _client(worker)
    assert theirs.get("/").status_code == 200
    page = client.get(f"/nguoi-dung/{worker.pk}/trang-thai/").content.decode()
    assert "Khóa tài khoản xahoi?" in page
    response = client.post(f"/nguoi-dung/{worker.pk}/trang-thai/", {"active": "0"})
    assert response.status_code == 302
    worker.refresh_from_db()
    assert not worker.is_active
    entry = AuditEntry.objects.get(action="accounts.user_deactivate")
    assert (entry.actor, entry.changes) == (office, {"is_active": [True, False]})
    # The open session ends, and the password no longer logs in.
    assert theirs.get("/").status_code == 302
    assert (
        Client().post("/dang-nhap/", {"username": "xahoi", "password": PASSWORD}).status_code == 200
    )
    client.post(f"/nguoi-dung/{worker.pk}/trang-thai/", {"active": "1"})
    worker.refresh_from_db()
    assert worker.is_active
    assert AuditEntry.objects.get(action="accounts.user_reactivate").actor == office


# --- password and second factor (issue 19) -------------------------------------------------------


def test_a_password_reset_sends_a_link_and_never_a_password(
    worker, django_capture_on_commit_callbacks
):
    office = _office()
    client = _client(office)
    page = client.get(f"/nguoi-dung/{worker.pk}/mat-khau/").content.decode()
    assert 'type="password"' not in page and "xahoi@example.vn" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nguoi-dung/{worker.pk}/mat-khau/")
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)  # unchanged until the owner uses the link
    assert len(mail.outbox) == 1 and "/tai-khoan/dat-mat-khau/" in mail.outbox[0].body
    assert AuditEntry.objects.get(action="accounts.password_reset_send").actor == office
    page = client.get(f"/nguoi-dung/{worker.pk}/").content.decode()
    assert "Gửi liên kết đặt lại mật khẩu" in page
    assert mail.outbox[0].body.split("/tai-khoan/dat-mat-khau/")[1][:20] not in page


def test_a_second_factor_reset_needs_a_second_manager(worker):
    device = add_totp(worker)
    backup_codes_renew(user=worker, acting_user=worker)
    first, second = _office(), _office("thuongtruc2")
    one, other = _client(first), _client(second)
    response = one.post(
        f"/nguoi-dung/{worker.pk}/xac-thuc/", {"do": "request", "reason": "Mất điện thoại"}
    )
    assert response.status_code == 302
    request = TwoFactorResetRequest.objects.get(user=worker)
    assert (request.requested_by, request.status) == (first, TwoFactorResetRequest.Status.OPEN)
    # The one who asked cannot approve: nothing is removed.
    before = _snapshot()
    page = one.get(f"/nguoi-dung/{worker.pk}/xac-thuc/").content.decode()
    assert "cần một người quản lý khác duyệt" in page
    one.post(f"/nguoi-dung/{worker.pk}/xac-thuc/", {"do": "approve"})
    assert _snapshot() == before
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    # Asking twice is refused too.
    one.post(f"/nguoi-dung/{worker.pk}/xac-thuc/", {"do": "request", "reason": "Lần nữa"})
    assert _snapshot() == before
    response = other.post(f"/nguoi-dung/{worker.pk}/xac-thuc/", {"do": "approve"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert not StaticDevice.objects.filter(user=worker).exists()
    request.refresh_from_db()
    assert (request.status, request.decided_by) == (
        TwoFactorResetRequest.Status.APPROVED,
        second,
    )
    actions = set(
        AuditEntry.objects.filter(object_id=str(worker.pk)).values_list("action", "actor")
    )
    assert ("accounts.two_factor_reset_request", first.pk) in actions
    assert ("accounts.two_factor_reset_approve", second.pk) in actions
    assert ("accounts.two_factor_reset", second.pk) in actions


def test_a_second_factor_request_needs_a_reason():
    worker = make_user("xahoi", "case_worker", agency=HEALTH)
    client = _client(_office())
    before = _snapshot()
    page = client.post(
        f"/nguoi-dung/{worker.pk}/xac-thuc/", {"do": "request", "reason": ""}
    ).content.decode()
    assert "errors" in page
    assert _snapshot() == before


# --- a role without its agency: told before filling a form in ----------------------------------


def test_a_case_worker_without_an_agency_is_told_before_the_form():
    # An account saved before the rule (the service now refuses it), written as it was then.
    user = make_user("cu", "agency_officer", agency=POLICE)
    Assignment.objects.create(user=user, role="case_worker")
    user = User.objects.get(pk=user.pk)
    assert missing_agency_roles(user) == ["Cán bộ quản lý hồ sơ nạn nhân"]
    assert missing_agency_roles(user, P.EDIT_VICTIM_CASES) == ["Cán bộ quản lý hồ sơ nạn nhân"]
    notice = agency_missing_notice(user, P.EDIT_VICTIM_CASES)
    assert notice and "chưa được gắn với cơ quan nào" in notice
    # The officer's own role has its agency: nothing to say for what it grants.
    assert agency_missing_notice(user, P.EDIT_ACTIVITIES) is None
    ok = make_user("du", "case_worker", agency=HEALTH)
    assert missing_agency_roles(ok) == [] and agency_missing_notice(ok, P.EDIT_VICTIM_CASES) is None
    # The list marks it, so a manager sees and mends it.
    page = _client(_office()).get("/nguoi-dung/").content.decode()
    assert "Thiếu cơ quan" in page


def test_the_admin_assigns_the_ministry_to_the_country_and_an_office_cannot(worker):
    # Issue 27: the national scope is given through the page like any other area.
    country = national_unit()
    assert country is not None
    office = _client(_office())
    admin = _client(_admin())
    before = _snapshot()
    refused = office.post(
        f"/nguoi-dung/{worker.pk}/vai-tro/them/",
        {"role": "leader", "unit": str(country.code), "unit_text": country.name},
    )
    assert refused.status_code == 200 and "không thuộc địa bàn của bạn" in refused.content.decode()
    assert _snapshot() == before
    granted = admin.post(
        f"/nguoi-dung/{worker.pk}/vai-tro/them/",
        {"role": "leader", "unit": str(country.code), "unit_text": country.name},
    )
    assert granted.status_code == 302, granted.content.decode()[:3000]
    assert Assignment.objects.filter(user=worker, role="leader", unit=country).exists()
