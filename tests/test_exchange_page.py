"""Issue 27: the national page of provinces' pushes: completeness and timeliness per province
for a period, against the deadline rule loaded from ctip/exchange/fixtures/rules.yaml; declared
permission; Vietnamese words and numbers."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from ctip.exchange.models import ReceivedPush
from ctip.exchange.payload import parse_period, pushed_indicators
from ctip.exchange.selectors import national_status, period_deadline
from ctip.geo.models import Level
from ctip.geo.selectors import national_unit
from tests.conftest import NEW, unit
from tests.exchange_world import configure
from tests.helpers import add_totp, log_in, make_user
from tests.test_exchange_signing import figure, payload, receive

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def received(settings) -> None:
    """Quảng Ngãi (51) on time with one indicator; Hà Nội (1) five days late."""
    configure(settings)
    settings.CTIP_PUSH_PEERS += ",tinh-01:1:khac"
    assert receive(payload()).code == "applied"
    ReceivedPush.objects.filter(province_code="51").update(
        received_at=datetime(2026, 1, 10, 9, tzinfo=HCM)
    )
    body = payload(province="1")
    assert receive(body, key="tinh-01", secret="khac").code == "applied"
    ReceivedPush.objects.filter(province_code="1").update(
        received_at=datetime(2026, 1, 25, 9, tzinfo=HCM)
    )


def test_deadline_is_a_dated_rule():
    assert period_deadline(parse_period("2025")) == date(2026, 1, 20)
    # 20/7/2025 is a Sunday: the last day moves to the next working day (ctip.rules.calendar).
    assert period_deadline(parse_period("2025-Q2")) == date(2025, 7, 21)


def test_status_per_province(received):
    rows = {r.code: r for r in national_status(parse_period("2025"))}
    expected = len(pushed_indicators())
    assert len(rows) == 34  # every province standing at the period's end, pushed or not
    qn, hn, hue = rows["51"], rows["1"], rows["46"]
    assert (qn.late_days, qn.figures, qn.expected, qn.version) == (0, 1, expected, 1)
    assert "prevention.sessions" not in qn.missing and len(qn.missing) == expected - 1
    assert qn.redefined == ["prevention.sessions"]  # the test figure's definition is not ours
    assert hn.late_days == 5
    assert (hue.received_at, hue.figures, len(hue.missing)) == (None, 0, expected)


def test_page_in_vietnamese_for_national_users_only(received):
    office = make_user("qg-office", "standing_office", unit=national_unit())
    client = Client()
    log_in(client, office, add_totp(office))
    page = client.get("/trao-doi/?ky=2025").content.decode()
    assert "Số liệu các tỉnh gửi lên" in page
    assert "Hạn gửi: 20/01/2026." in page
    assert "Đã nhận 2/34 tỉnh; đủ chỉ tiêu: 0; đúng hạn: 1." in page
    assert "Trễ 5 ngày" in page and "Chưa nhận" in page
    percent = f"{100 / len(pushed_indicators()):.1f}".replace(".", ",")
    assert f"<td>{percent}</td>" in page  # a decimal comma, as Vietnamese writes it
    bad = client.get("/trao-doi/?ky=2025-Q9").content.decode()
    assert "Kỳ không hợp lệ" in bad
    # Declared permission: anonymous to the login page, a case worker refused.
    assert Client().get("/trao-doi/").status_code == 302
    worker = make_user("qg-worker", "case_worker", agency="qng-syt-2025")
    other = Client()
    log_in(other, worker, add_totp(worker))
    assert other.get("/trao-doi/").status_code == 403
    # A province's standing office reads aggregates, but not the other provinces' pushes: the
    # 404 of a missing page (tests/test_exchange_requeue.py checks the menu).
    province = make_user("qn-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    third = Client()
    log_in(third, province, add_totp(province))
    assert third.get("/trao-doi/").status_code == 404


def test_receiver_endpoint_over_http(settings):
    configure(settings)
    assert Client().get("/trao-doi/nhan/").status_code == 405
    body = payload(figure(value=7))
    response = Client().post(
        "/trao-doi/nhan/", data=body, content_type="application/json", headers={}
    )
    assert (response.status_code, response.json()) == (401, {"code": "bad_signature"})
