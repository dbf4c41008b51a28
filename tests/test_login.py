"""Login: username or e-mail, lockout, second factor for personal-data roles, backup codes."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.services import backup_codes_renew, two_factor_reset
from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from tests.conftest import NEW, unit
from tests.helpers import PASSWORD, add_totp, current_code, log_in, make_user

pytestmark = pytest.mark.django_db


def _leader():
    return make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW), email="ld@qn.gov.vn")


def test_login_with_username_or_email(client):
    _leader()
    for login in ("lanhdao", "LD@qn.gov.vn"):
        client.logout()
        response = client.post("/dang-nhap/", {"username": login, "password": PASSWORD})
        assert response.status_code == 302, login
        assert client.get("/").status_code == 200


def test_wrong_password_says_so_in_vietnamese(client):
    _leader()
    response = client.post("/dang-nhap/", {"username": "lanhdao", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert client.get("/").status_code == 302


def test_repeated_failures_lock_the_account(client):
    _leader()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/dang-nhap/", {"username": "lanhdao", "password": "sai"})
    response = client.post("/dang-nhap/", {"username": "lanhdao", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm bị khóa" in response.content.decode()
    assert client.get("/").status_code == 302


@pytest.fixture
def clock(monkeypatch, settings):
    """Moves Django's clock (sessions' expiry, the touch middleware) by `clock.minutes`."""
    settings.CTIP_SESSION_TOUCH_SECONDS = 60  # as deployed (the test settings put a day)

    class Clock:
        minutes = 0.0

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(minutes=Clock.minutes))
    return Clock


def test_session_expires_when_idle_not_while_used(client, clock):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    log_in(client, _leader())
    for minutes in (20, 45, 70):  # each request within 30 minutes of the one before
        clock.minutes = minutes
        assert client.get("/").status_code == 200, minutes
    clock.minutes = 70 + 31  # idle for 31 minutes
    assert client.get("/").status_code == 302


def test_session_is_saved_at_most_once_a_minute(client, clock):
    log_in(client, _leader())
    clock.minutes = 2
    client.get("/")
    key = client.session.session_key
    saved = Session.objects.get(session_key=key).expire_date
    clock.minutes = 2.5  # within the minute: no write
    with CaptureQueriesContext(connection) as seen:
        client.get("/")
    assert not [
        q
        for q in seen.captured_queries
        if "django_session" in q["sql"].split("WHERE")[0]
        and not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert Session.objects.get(session_key=key).expire_date == saved
    clock.minutes = 3.5
    client.get("/")
    assert Session.objects.get(session_key=key).expire_date > saved


def test_the_first_page_after_login_writes_no_session(client, settings):
    settings.CTIP_SESSION_TOUCH_SECONDS = 60
    log_in(client, _leader())  # the login saved the session: its stamp is now
    with CaptureQueriesContext(connection) as seen:
        assert client.get("/").status_code == 200
    assert not [q for q in seen.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_an_anonymous_session_is_not_kept_alive(client, clock):
    """A visitor's session that holds something (a password reset's token, a message) is not
    saved again by its pages: only a signed-in user's idle time is measured."""
    session = client.session
    session["kept"] = 1
    session.save()
    clock.minutes = 2
    with CaptureQueriesContext(connection) as seen:
        assert client.get("/dang-nhap/").status_code == 200
    assert not [q for q in seen.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_personal_data_role_must_pass_the_second_factor(client, settings):
    # django-otp slows down guessing (1 s, 2 s, 4 s... after each wrong code); off here so the
    # right code can follow the wrong one at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    device = add_totp(worker)
    log_in(client, worker)
    response = client.get("/co-quan/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/xac-thuc/")
    wrong = client.post("/tai-khoan/xac-thuc/", {"token": "000000"})
    assert "Mã không đúng" in wrong.content.decode()
    assert client.post("/tai-khoan/xac-thuc/", {"token": current_code(device)}).status_code == 302
    assert client.get("/co-quan/").status_code == 200


def test_role_without_personal_data_needs_no_second_factor(client):
    log_in(client, _leader())
    assert client.get("/co-quan/").status_code == 200


def test_first_login_sets_up_the_authenticator_and_shows_backup_codes(client):
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, worker)
    response = client.get("/tai-khoan/xac-thuc/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/tai-khoan/xac-thuc/thiet-lap/")
    device = TOTPDevice.objects.get(user=worker, confirmed=False)
    assert "<svg" in response.content.decode()
    # A wrong code is refused with a message (the throttle moves, the failure is recorded).
    wrong = client.post("/tai-khoan/xac-thuc/thiet-lap/", {"token": "000000"})
    assert wrong.status_code == 200 and "Mã không đúng" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and device.throttling_failure_count == 1
    assert AuditEntry.objects.filter(action="accounts.totp_confirm_failed").count() == 1
    device.throttling_failure_timestamp = None  # the next code need not wait for the throttle
    device.save()
    done = client.post("/tai-khoan/xac-thuc/thiet-lap/", {"token": current_code(device)})
    assert "Mã dự phòng" in done.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert StaticDevice.objects.get(user=worker).token_set.count() == 10
    assert client.get("/co-quan/").status_code == 200
    assert AuditEntry.objects.filter(action="accounts.totp_confirm", object_id=str(worker.pk))


def test_backup_codes_work_once(client, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    add_totp(worker)
    codes = backup_codes_renew(user=worker, acting_user=worker)
    log_in(client, worker)
    assert client.post("/tai-khoan/xac-thuc/", {"token": codes[0]}).status_code == 302
    assert client.get("/co-quan/").status_code == 200
    client.logout()
    log_in(client, worker)
    again = client.post("/tai-khoan/xac-thuc/", {"token": codes[0]})
    assert again.status_code == 200 and "Mã không đúng" in again.content.decode()
    assert client.post("/tai-khoan/xac-thuc/", {"token": codes[1]}).status_code == 302


def test_admin_reset_of_the_second_factor_is_audited():
    admin = make_user("quantri", "system_admin")
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    add_totp(worker)
    backup_codes_renew(user=worker, acting_user=worker)
    two_factor_reset(user=worker, acting_user=admin)
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert not StaticDevice.objects.filter(user=worker).exists()
    entry = AuditEntry.objects.get(action="accounts.two_factor_reset")
    assert entry.actor == admin and entry.object_id == str(worker.pk)
