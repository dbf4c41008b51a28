"""Issue 27, the push's edges: the national page is for national users only (a province's
leader gets the 404 of a missing page and no menu entry); a push the receiver refused for good
can be sent again (`push_requeue`: FAILED rows of this province only, audited, the send job
after commit); the province's page of its own pushes, with "Gửi lại" on refused ones."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ctip.core.models import AuditEntry
from ctip.exchange import transport
from ctip.exchange.jobs import outbox_send
from ctip.exchange.models import Outbox, ReceivedPush
from ctip.exchange.sending import PushRefused, push_queue, push_requeue
from ctip.exchange.transport import Answer
from ctip.geo.models import Level, Unit
from ctip.geo.selectors import national_unit
from tests.conftest import NEW, OLD, unit
from tests.exchange_world import SECRET, URL, NationalTransport, configure, national
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
NATIONAL_ENTRY = "Số liệu các tỉnh gửi lên"
SENT_ENTRY = "Số liệu đã gửi lên cấp trên"


def nav(client: Client) -> str:
    html = client.get("/").content.decode()
    start = html.find('<nav class="menu"')
    return html[start : html.find("</nav>", start)]


def signed_in(user) -> Client:
    client = Client()
    log_in(client, user, add_totp(user))
    return client


def office(name: str = "tt-51"):
    """The province's standing office: it compiles reports, so it may push (and resend)."""
    return make_user(name, "standing_office", unit=unit(51, Level.PROVINCE, NEW))


def outbox(status: str = "failed", *, n: int = 1, province: str = "51", **fields) -> Outbox:
    values = {
        "push_id": f"{province}/2025/{n:064x}",
        "province_code": province,
        "period": "2025",
        "content_hash": f"{n:064x}",
        "url": "http://quoc-gia.test/trao-doi/nhan/",
        "body": '{"figures": []}',
        "status": status,
        "attempts": 3,
        "last_error": "HTTP 401 bad_signature" if status == "failed" else "",
        "next_attempt_at": timezone.now() - timedelta(hours=1),
    }
    return Outbox.objects.create(**(values | fields))


# --- 1. The national page: national users only ---------------------------------------------


@pytest.mark.parametrize("role", ["leader", "standing_office"])
def test_a_province_user_gets_404_and_no_menu_entry(settings, role):
    configure(settings)
    user = make_user("tinh", role, unit=unit(51, Level.PROVINCE, NEW))
    client = signed_in(user)
    missing = client.get("/khong-co-trang-nay/")
    refused = client.get("/trao-doi/?ky=2025")
    assert (missing.status_code, refused.status_code) == (404, 404)
    assert NATIONAL_ENTRY not in nav(client)


def test_a_national_leader_gets_the_page_and_the_menu_entry():
    leader = make_user("bo", "leader", unit=national_unit())
    client = signed_in(leader)
    page = client.get("/trao-doi/?ky=2025")
    assert page.status_code == 200
    assert "Đã nhận 0/34 tỉnh" in page.content.decode()
    menu = nav(client)
    assert NATIONAL_ENTRY in menu and 'href="/trao-doi/"' in menu
    # A national leader compiles nothing of a province: no outbox entry for it.
    assert SENT_ENTRY not in menu


# --- 2. push_requeue ------------------------------------------------------------------------


def test_requeue_a_failed_row(settings, django_capture_on_commit_callbacks):
    configure(settings)
    row = outbox("failed")
    user = office()
    before = timezone.now()
    with django_capture_on_commit_callbacks() as callbacks:
        done = push_requeue(outbox_id=row.pk, acting_user=user)
    row.refresh_from_db()
    assert done.pk == row.pk
    assert (row.status, row.attempts, row.last_error) == ("pending", 0, "HTTP 401 bad_signature")
    assert before <= row.next_attempt_at <= timezone.now()
    audit = AuditEntry.objects.get(action="exchange.push_requeue")
    assert (audit.actor_id, audit.object_id) == (user.pk, str(row.pk))
    assert audit.changes["status"] == ["failed", "pending"]
    assert audit.changes["attempts"] == [3, 0]
    assert len(callbacks) == 1  # the send job, enqueued once the transaction has committed


@pytest.mark.parametrize("status", ["pending", "sent"])
def test_requeue_refuses_other_statuses_and_changes_nothing(settings, status):
    configure(settings)
    row = outbox(status)
    with pytest.raises(PushRefused, match="Chỉ gửi lại được lần gửi bị từ chối"):
        push_requeue(outbox_id=row.pk, acting_user=office())
    after = Outbox.objects.get(pk=row.pk)
    assert (after.status, after.attempts, after.next_attempt_at) == (
        row.status,
        row.attempts,
        row.next_attempt_at,
    )
    assert not AuditEntry.objects.filter(action="exchange.push_requeue").exists()


def test_requeue_refuses_another_province_and_a_user_who_cannot_push(settings):
    configure(settings)
    foreign = outbox("failed", province="1")
    with pytest.raises(Outbox.DoesNotExist):
        push_requeue(outbox_id=foreign.pk, acting_user=office())
    own = outbox("failed", n=2)
    leader = make_user("ld-51", "leader", unit=unit(51, Level.PROVINCE, NEW))
    with pytest.raises(PushRefused):
        push_requeue(outbox_id=own.pk, acting_user=leader)
    assert set(Outbox.objects.values_list("status", flat=True)) == {"failed"}
    assert not AuditEntry.objects.filter(action="exchange.push_requeue").exists()


@pytest.mark.django_db(databases=["default", "other"])
def test_a_refused_push_is_sent_again_once_its_key_is_fixed(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    """The whole way: a wrong key is refused for good (401), the operator fixes the key, the
    standing office resends from the page, the worker's job sends and the national ctip applies."""
    configure(settings)
    settings.CTIP_PUSH_KEY = "khoa-sai"
    wire = NationalTransport()
    monkeypatch.setattr(transport, "post", wire)
    with django_capture_on_commit_callbacks(execute=True):
        row, _created = push_queue(period="2025", acting_user=None)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("failed", 1, "HTTP 401 bad_signature")
    # The same figures queued again are the same push: still refused, nothing sent.
    assert push_queue(period="2025", acting_user=None) == (row, False)
    assert outbox_send() == {"sent": 0, "waiting": 0, "failed": 0}

    settings.CTIP_PUSH_KEY = SECRET
    user = office()
    client = signed_in(user)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"/trao-doi/da-gui/{row.pk}/gui-lai/", follow=True)
    assert "Đã đưa số liệu kỳ 2025 vào hàng chờ gửi lại." in answer.content.decode()
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, "")
    assert json.loads(wire.answers[-1].body) == {"code": "applied", "version": 1}
    with national():
        assert ReceivedPush.objects.filter(province_code="51", period="2025").count() == 1


# --- 3. The province's page of its pushes ---------------------------------------------------


def test_sent_page_lists_pushes_newest_first_with_a_resend_button(settings):
    configure(settings)
    old = outbox("sent", n=1, period="2024", attempts=1)
    Outbox.objects.filter(pk=old.pk).update(
        created_at=datetime(2025, 1, 10, 8, 5, tzinfo=HCM),
        sent_at=datetime(2025, 1, 10, 8, 6, tzinfo=HCM),
    )
    failed = outbox("failed", n=2, period="2025-Q3", body='{"secret": "NOI-DUNG-KHONG-HIEN"}')
    outbox("failed", n=3, province="1", period="2023")  # not this province's
    client = signed_in(office())
    html = client.get("/trao-doi/da-gui/").content.decode()
    assert html.index("2025-Q3") < html.index("2024")  # newest first
    assert "2023" not in html
    assert "HTTP 401 bad_signature" in html and "NOI-DUNG-KHONG-HIEN" not in html
    assert "08:05 10/01/2025" in html and "08:06 10/01/2025" in html  # Vietnamese dates
    assert "Bị từ chối" in html and "Đã gửi" in html
    assert html.count(">Gửi lại</button>") == 1
    assert f'action="/trao-doi/da-gui/{failed.pk}/gui-lai/"' in html
    assert "csrfmiddlewaretoken" in html


def test_sent_page_queries_do_not_grow_with_the_rows(settings):
    configure(settings)
    client = signed_in(office())
    outbox("failed", n=1)
    outbox("sent", n=2)
    client.get("/trao-doi/da-gui/")  # the first page of a session reads what it keeps
    with CaptureQueriesContext(connection) as few:
        assert client.get("/trao-doi/da-gui/").status_code == 200
    for n in range(3, 23):
        outbox("failed" if n % 2 else "sent", n=n)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/trao-doi/da-gui/").status_code == 200
    assert len(many) == len(few)


def test_resend_over_http_refuses_what_it_must(settings):
    configure(settings)
    sent = outbox("sent", n=1)
    foreign = outbox("failed", n=2, province="1")
    client = signed_in(office())
    answer = client.post(f"/trao-doi/da-gui/{sent.pk}/gui-lai/", follow=True)
    assert "Chỉ gửi lại được lần gửi bị từ chối" in answer.content.decode()
    assert Outbox.objects.get(pk=sent.pk).status == "sent"
    assert client.post(f"/trao-doi/da-gui/{foreign.pk}/gui-lai/").status_code == 404
    assert client.post("/trao-doi/da-gui/999999/gui-lai/").status_code == 404
    assert client.get(f"/trao-doi/da-gui/{sent.pk}/gui-lai/").status_code == 405
    # CSRF: a browser's POST without the token is refused.
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    assert strict.post(f"/trao-doi/da-gui/{sent.pk}/gui-lai/").status_code == 403
    # Declared permission: who cannot push is refused the page and the button.
    leader = signed_in(make_user("ld-51", "leader", unit=unit(51, Level.PROVINCE, NEW)))
    assert leader.get("/trao-doi/da-gui/").status_code == 403
    assert leader.post(f"/trao-doi/da-gui/{foreign.pk}/gui-lai/").status_code == 403


def test_sent_menu_entry_only_on_a_sending_instance(settings):
    client = signed_in(office())
    settings.CTIP_PUSH_URL = ""
    assert SENT_ENTRY not in nav(client)
    configure(settings)
    menu = nav(client)
    assert SENT_ENTRY in menu and 'href="/trao-doi/da-gui/"' in menu


# --- 4. Who pushes is the province's compiler; the province as the setting names it ---------


def below_the_province(level: str):
    """A unit inside Quảng Ngãi below the province: a commune today, a district before 2025."""
    if level == Level.COMMUNE:
        return (
            Unit.objects.valid_on(NEW)
            .filter(parent=unit(51, Level.PROVINCE, NEW), level=Level.COMMUNE)
            .first()
        )
    return (
        Unit.objects.valid_on(OLD)
        .filter(parent=unit(51, Level.PROVINCE, OLD), level=Level.DISTRICT)
        .first()
    )


@pytest.mark.parametrize("level", [Level.COMMUNE, Level.DISTRICT])
def test_a_compiler_below_the_province_gets_404_and_no_menu_entry(
    settings, level, django_capture_on_commit_callbacks
):
    """Compiling a commune's or a district's reports is not compiling the province's: the
    permission alone let a commune's standing office read and resend the province's pushes."""
    configure(settings)
    row = outbox("failed")
    place = below_the_province(level)
    assert place is not None
    user = make_user("tt-duoi", "standing_office", unit=place)
    client = signed_in(user)
    assert client.get("/trao-doi/da-gui/").status_code == 404
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(f"/trao-doi/da-gui/{row.pk}/gui-lai/").status_code == 404
        with pytest.raises(Outbox.DoesNotExist):
            push_requeue(outbox_id=row.pk, acting_user=user)
    assert SENT_ENTRY not in nav(client)
    after = Outbox.objects.get(pk=row.pk)
    assert (after.status, after.attempts, after.next_attempt_at) == (
        "failed",
        3,
        row.next_attempt_at,
    )
    assert not AuditEntry.objects.filter(action="exchange.push_requeue").exists()
    assert callbacks == []


@pytest.mark.parametrize("setting", ["051", " 51 ", "Quảng Ngãi"])
def test_the_province_setting_as_gso_writes_it_finds_its_own_pushes(
    settings, monkeypatch, django_capture_on_commit_callbacks, setting
):
    """push_queue stores the resolved unit's code ("51"); the page and the resend filtered on
    the raw setting ("051"): the page was empty and a refused push could never be resent."""
    configure(settings)
    settings.CTIP_PUSH_PROVINCE = setting
    monkeypatch.setattr(
        transport, "post", lambda url, body, headers: Answer(401, b'{"code":"bad_signature"}')
    )
    with django_capture_on_commit_callbacks(execute=True):
        row, _created = push_queue(period="2025", acting_user=None)
    row.refresh_from_db()
    assert (row.province_code, row.status) == ("51", "failed")
    client = signed_in(office())
    html = client.get("/trao-doi/da-gui/").content.decode()
    assert f'action="/trao-doi/da-gui/{row.pk}/gui-lai/"' in html
    with django_capture_on_commit_callbacks():
        answer = client.post(f"/trao-doi/da-gui/{row.pk}/gui-lai/", follow=True)
    assert "Đã đưa số liệu kỳ 2025 vào hàng chờ gửi lại." in answer.content.decode()
    row.refresh_from_db()
    assert row.status == "pending"


def test_requeue_sends_to_the_url_set_now(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    """A push refused because CTIP_PUSH_URL was wrong (the receiver's 404) goes, once the
    operator fixes the setting, to the new address, not to the one stored when it was queued."""
    configure(settings)
    settings.CTIP_PUSH_URL = "http://sai.test/nhan/"
    seen: list[str] = []

    def post(url: str, body: bytes, headers: dict[str, str]) -> Answer:
        seen.append(url)
        return Answer(404, b"") if url == "http://sai.test/nhan/" else Answer(200, b"{}")

    monkeypatch.setattr(transport, "post", post)
    with django_capture_on_commit_callbacks(execute=True):
        row, _created = push_queue(period="2025", acting_user=None)
    row.refresh_from_db()
    assert (row.status, row.last_error) == ("failed", "HTTP 404")
    settings.CTIP_PUSH_URL = URL
    with django_capture_on_commit_callbacks(execute=True):
        push_requeue(outbox_id=row.pk, acting_user=office())
    row.refresh_from_db()
    assert (row.status, row.url) == ("sent", URL)
    assert seen == ["http://sai.test/nhan/", URL]
    audit = AuditEntry.objects.get(action="exchange.push_requeue")
    assert audit.changes["url"] == ["http://sai.test/nhan/", URL]


def test_sent_page_on_an_instance_that_does_not_push(settings):
    """No CTIP_PUSH_PROVINCE: the province's compiler is told the server does not push (the
    menu hides the entry), rather than a 404 for a page the permission opens."""
    settings.CTIP_PUSH_PROVINCE = ""
    settings.CTIP_PUSH_URL = ""
    outbox("failed", n=1)  # a row left from an earlier setting: no province to show it under
    response = signed_in(office()).get("/trao-doi/da-gui/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "chưa được cấu hình để gửi số liệu" in html and ">Gửi lại</button>" not in html
