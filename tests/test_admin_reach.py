"""Issue 19, finding 8: administrators never see second-factor secrets, never set or see a
password, and reset a second factor only with a second administrator's approval; the user is
told at the next login."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import TwoFactorResetRequest, User
from ctip.accounts.recovery import RecoveryError, two_factor_reset_approve
from ctip.accounts.services import backup_codes_renew
from ctip.core.models import AuditEntry
from tests.helpers import PASSWORD, add_totp, log_in, make_user

pytestmark = pytest.mark.django_db


def _admin(client, username: str = "quantri") -> User:
    admin = make_user(username, "system_admin")
    User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    admin.refresh_from_db()
    log_in(client, admin, add_totp(admin))
    return admin


@pytest.fixture
def worker() -> User:
    user = make_user("xahoi", "case_worker", agency="qng-syt-2025", email="xahoi@example.vn")
    add_totp(user)
    return user


def test_second_factor_secrets_are_never_shown(client, worker):
    codes = backup_codes_renew(user=worker, acting_user=worker)
    device = TOTPDevice.objects.get(user=worker)
    _admin(client)
    pages = [
        "/admin/",
        "/admin/accounts/user/",
        f"/admin/accounts/user/{worker.pk}/change/",
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{device.pk}/change/",
        "/admin/otp_static/staticdevice/",
    ]
    for page in pages:
        response = client.get(page, follow=True)
        text = response.content.decode()
        assert device.key not in text and not any(code in text for code in codes), page
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_an_administrator_cannot_set_a_password(client, worker):
    _admin(client)
    # No page to set another user's password (the admin's catch-all may redirect elsewhere).
    page = client.get(f"/admin/accounts/user/{worker.pk}/password/", follow=True)
    assert 'name="password1"' not in page.content.decode()
    form = client.get(f"/admin/accounts/user/{worker.pk}/change/").content.decode()
    assert 'name="password' not in form
    client.post(
        f"/admin/accounts/user/{worker.pk}/password/",
        {"password1": "mat-khau-cua-admin-9", "password2": "mat-khau-cua-admin-9"},
    )
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)
    # A new account gets no password from the administrator: its owner chooses one.
    client.post(
        "/admin/accounts/user/add/",
        {
            "username": "moi",
            "email": "moi@example.vn",
            "first_name": "",
            "last_name": "",
            "password1": "mat-khau-cua-admin-9",
            "password2": "mat-khau-cua-admin-9",
            "assignments-TOTAL_FORMS": "0",
            "assignments-INITIAL_FORMS": "0",
        },
    )
    created = User.objects.get(username="moi")
    assert not created.has_usable_password()


def test_a_reset_link_goes_to_the_user_keeps_the_second_factor_and_is_told(
    client, worker, django_capture_on_commit_callbacks
):
    admin = _admin(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/accounts/user/",
            {"action": "send_password_link", "_selected_action": [worker.pk]},
            follow=True,
        )
    assert response.status_code == 200
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["xahoi@example.vn"]
    link = re.search(r"http://testserver(/tai-khoan/dat-mat-khau/\S+/)", mail.outbox[0].body)
    assert link is not None
    assert link.group(1) not in response.content.decode()  # the administrator never sees it
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)  # nothing changed until the user acts
    assert AuditEntry.objects.filter(action="accounts.password_reset_send", actor=admin).exists()
    client.logout()
    page = client.get(link.group(1), follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link.group(1)
    new = "mat-khau-moi-cua-toi-7"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    worker.refresh_from_db()
    assert worker.check_password(new)
    assert TOTPDevice.objects.filter(user=worker, confirmed=True).exists()  # second factor kept
    # The link works once.
    again = client.get(link.group(1), follow=True).content.decode()
    assert "không còn dùng được" in again
    # At the next login the user is told what the administrator did.
    response = client.post(
        "/dang-nhap/", {"username": "xahoi", "password": new}, follow=True
    ).content.decode()
    assert "quantri" in response and "gửi liên kết đặt lại mật khẩu" in response


def test_a_user_without_an_address_gets_no_link_and_nothing_is_recorded(client):
    plain = make_user("khongthu", "agency_officer", agency="qng-ca-2025")
    _admin(client)
    response = client.post(
        "/admin/accounts/user/",
        {"action": "send_password_link", "_selected_action": [plain.pk]},
        follow=True,
    )
    assert "chưa có địa chỉ thư điện tử" in response.content.decode()
    assert not mail.outbox
    assert not AuditEntry.objects.filter(action="accounts.password_reset_send").exists()


def test_resetting_a_second_factor_needs_a_second_administrator(client, worker):
    first = _admin(client)
    backup_codes_renew(user=worker, acting_user=worker)
    client.post(
        "/admin/accounts/user/",
        {"action": "request_two_factor_reset", "_selected_action": [worker.pk]},
    )
    reset = TwoFactorResetRequest.objects.get(user=worker)
    assert TOTPDevice.objects.filter(user=worker).exists()  # asking removes nothing
    # The one who asked cannot approve.
    response = client.post(
        "/admin/accounts/twofactorresetrequest/",
        {"action": "approve", "_selected_action": [reset.pk]},
        follow=True,
    )
    assert "quản trị viên khác" in response.content.decode()
    assert TOTPDevice.objects.filter(user=worker).exists()
    with pytest.raises(RecoveryError):
        two_factor_reset_approve(request=reset, acting_user=first)
    client.logout()
    second = _admin(client, "quantri2")
    client.post(
        "/admin/accounts/twofactorresetrequest/",
        {"action": "approve", "_selected_action": [reset.pk]},
    )
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert not StaticDevice.objects.filter(user=worker).exists()
    reset.refresh_from_db()
    assert (reset.status, reset.decided_by) == (TwoFactorResetRequest.Status.APPROVED, second)
    assert AuditEntry.objects.filter(action="accounts.two_factor_reset", actor=second).exists()
    assert AuditEntry.objects.filter(
        action="accounts.two_factor_reset_request", actor=first
    ).exists()


def test_users_change_their_own_password(client):
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    log_in(client, officer)
    new = "mat-khau-tu-doi-5"
    response = client.post(
        "/tai-khoan/mat-khau/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password(new)
    assert AuditEntry.objects.filter(action="accounts.password_change", actor=officer).exists()
    wrong = client.post(
        "/tai-khoan/mat-khau/",
        {"old_password": "sai", "new_password1": "x-y-z-1234567", "new_password2": "x-y-z-1234567"},
    )
    assert wrong.status_code == 200
    officer.refresh_from_db()
    assert officer.check_password(new)
