"""Issue 27: the national ctip reads the figures the provinces pushed. Per indicator, the
national total is the sum of the provinces' current figures computed under the national
definition (a superseded version, a withheld figure and a figure of another definition are not
added in, and are counted); the page and its XLSX show the same table province x indicator;
national users only; a page's queries do not grow with the provinces that pushed."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from decimal import Decimal
from html import unescape
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ctip.exchange import transport
from ctip.exchange.figures import pushed_figures
from ctip.exchange.models import Outbox, ReceivedFigure, ReceivedPush
from ctip.exchange.payload import definition_hash, parse_period, pushed_indicators
from ctip.exchange.selectors import province_names
from ctip.exchange.sending import push_queue
from ctip.geo.models import Level
from ctip.geo.selectors import national_unit
from ctip.indicators.registry import REGISTRY
from tests.conftest import NEW, unit
from tests.exchange_world import NationalTransport, configure, national
from tests.helpers import add_totp, log_in, make_user
from tests.test_exchange_push import province_data
from tests.test_exchange_signing import payload, receive

pytestmark = pytest.mark.django_db
YEAR = parse_period("2025")
SESSIONS, RECEIVED, PARTICIPANTS = (
    "prevention.sessions",
    "victims.received",
    "prevention.participants",
)
KEYS = {"51": ("tinh-51", "khoa-bi-mat-thu-nghiem-51"), "1": ("tinh-01", "khac")}
KEYS["46"] = ("tinh-46", "khoa-46")


def fig(code: str, value: Any, *, definition: str = "", estimate: bool = False) -> dict:
    """A figure as a province's ctip sends it, under the national definition by default."""
    ind = REGISTRY.get(code)
    return {
        "indicator": code,
        "label": "nhãn của tỉnh",  # the page shows the national registry's label, not this
        "unit": "đv",
        "kind": "flow",
        "definition": definition or (definition_hash(ind) if ind else "0" * 16),
        "disclosure": "withheld" if value is None else "exact",
        "value": value,
        "estimate": estimate,
    }


def push(province: str, *figures: dict, ago: int = 0) -> None:
    key, secret = KEYS[province]
    outcome = receive(payload(*figures, province=province, ago=ago), key=key, secret=secret)
    assert outcome.code == "applied", outcome


@pytest.fixture
def peers(settings) -> None:
    configure(settings)
    settings.CTIP_PUSH_PEERS += ",tinh-46:46:khoa-46"


@pytest.fixture
def three(peers) -> None:
    """Quảng Ngãi (51) pushed twice: version 1 (superseded) must not count. Hà Nội (1) withheld
    one figure and sent an estimate. Huế (46) computed the sessions under another definition."""
    push("51", fig(SESSIONS, 100), fig(RECEIVED, 50), ago=10)
    push(
        "51",
        fig(SESSIONS, 12),
        fig(RECEIVED, 20),
        fig("made.up", 999),
        fig("victims.referral_days_to_accept", 4),  # an average: never added up
    )
    push("1", fig(SESSIONS, 30), fig(RECEIVED, None), fig(PARTICIPANTS, 3000, estimate=True))
    push("46", fig(SESSIONS, 7, definition="0123456789abcdef"), fig(RECEIVED, 5))


def test_totals_are_the_sums_of_the_current_pushes(three):
    assert ReceivedPush.objects.filter(province_code="51", current=False).count() == 1
    data = pushed_figures(YEAR, [])
    names = province_names(YEAR, {})
    totals = {t.indicator.code: t for t in data.totals}
    assert (data.pushed, data.provinces) == (3, 34)
    # Only additive indicators of this registry: the unknown code and the average are not read.
    assert set(totals) == {ind.code for ind in pushed_indicators()}
    sessions, received, people = totals[SESSIONS], totals[RECEIVED], totals[PARTICIPANTS]
    # 12 (version 2, not 100) + 30; Huế's 7 is of another definition: named, not added.
    assert (sessions.value, sessions.contributed, sessions.withheld) == (42, 2, 0)
    assert (sessions.foreign, sessions.not_pushed, sessions.estimate) == ([names["46"]], 31, False)
    # 20 + 5; Hà Nội withheld it.
    assert (received.value, received.contributed, received.withheld) == (25, 2, 1)
    assert (received.foreign, received.not_pushed) == ([], 31)
    assert (people.value, people.contributed, people.not_pushed, people.estimate) == (
        3000,
        1,
        33,
        True,
    )
    nobody = totals["victims.identified"]
    assert (nobody.value, nobody.contributed, nobody.not_pushed) == (None, 0, 34)
    # The national registry's words, not the province's.
    assert sessions.label == str(REGISTRY[SESSIONS].label) != "nhãn của tỉnh"
    # Every total is the sum of the figures stored as pushed, of the national definition.
    for t in data.totals:
        stored = ReceivedFigure.objects.filter(
            period="2025",
            indicator=t.indicator.code,
            definition=definition_hash(t.indicator),
            value__isnull=False,
        )
        expected = sum(f.value for f in stored) if stored else None
        assert t.value == expected, t.indicator.code


def national_client() -> Client:
    office = make_user("qg-office", "standing_office", unit=national_unit())
    client = Client()
    log_in(client, office, add_totp(office))
    return client


def page_table(html: str) -> list[list[str]]:
    """The cells of the province x indicator table (body and total row), as text."""
    table = re.search(r'<table class="pushed-figures">(.*?)</table>', html, re.S)
    assert table is not None
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(1), re.S)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S) for row in rows]
    return [[unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in row] for row in cells]


def as_page(value: Any) -> str:
    """An XLSX cell written as the page writes it (Vietnamese number format)."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = Decimal(str(value))
        whole, _dot, fraction = f"{number:,f}".partition(".")
        text = whole.replace(",", ".")
        return f"{text},{fraction.rstrip('0')}" if fraction.rstrip("0") else text
    return str(value)


def test_page_and_xlsx_show_the_same_cells(three):
    client = national_client()
    query = f"ky=2025&ct={SESSIONS}&ct={RECEIVED}&ct={PARTICIPANTS}"
    response = client.get(f"/trao-doi/so-lieu/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Số liệu do các tỉnh, thành phố gửi, năm 2025" in html
    assert "3/34 tỉnh đã gửi" in html
    shown = page_table(html)
    assert len(shown) == 1 + 34 + 1  # header, every province, the national total
    hanoi = next(r for r in shown if r[0] == "1")
    # The registry's order (sessions, participants, received); Vietnamese number format.
    assert hanoi[2:5] == ["30", "3.000", "không công bố"]
    assert "Số ước tính" in hanoi[5]
    hue = next(r for r in shown if r[0] == "46")
    assert hue[2] == "7" and "Định nghĩa khác" in hue[5]
    assert shown[-1][1:5] == ["Cả nước", "42", "3.000", "25"]
    assert re.search(r'href="/trao-doi/so-lieu/xlsx/\?ky=2025&amp;ct=', html)

    download = client.get(f"/trao-doi/so-lieu/xlsx/?{query}")
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(download.content)).active
    cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert cells[0][0] == "Số liệu do các tỉnh, thành phố gửi, năm 2025"
    assert "3/34 tỉnh đã gửi" in cells[2][0]
    header = cells.index(next(r for r in cells if r[0] == "Mã"))
    # The sheet is as wide as its widest row (the totals' block below): the rest is empty.
    written = [[as_page(v) for v in row] for row in cells[header : header + len(shown)]]
    assert [row[: len(shown[0])] for row in written] == shown
    assert not any(v for row in written for v in row[len(shown[0]) :])
    # Numbers stay numbers in the workbook.
    assert cells[header + len(shown) - 1][2:5] == [42, 3000, 25]
    # How each total was made, below it: added in, withheld, not sent, other definitions.
    below = cells[header + len(shown) :]
    assert [r[0] for r in below[:3]] == [None, "Tổng cả nước theo chỉ tiêu", "Chỉ tiêu"]
    made = {r[0]: r[2:] for r in below[3:]}
    names = province_names(YEAR, {})
    assert made[str(REGISTRY[SESSIONS].label)][:6] == [42, 2, 0, 31, names["46"], None]
    assert made[str(REGISTRY[RECEIVED].label)][:6] == [25, 2, 1, 31, None, None]
    assert made[str(REGISTRY[PARTICIPANTS].label)][:6] == [3000, 1, 0, 33, None, "Có"]


def test_all_indicators_by_default_and_totals_table(three):
    html = national_client().get("/trao-doi/so-lieu/?ky=2025").content.decode()
    shown = page_table(html)
    assert len(shown[0]) == 2 + len(pushed_indicators()) + 1
    # The totals table: the sessions' row names Huế as not added in.
    names = province_names(YEAR, {})
    label = str(REGISTRY[SESSIONS].label)
    row = re.search(
        rf"<tr[^>]*>\s*<td class=\"text\">{re.escape(label)}</td>(.*?)</tr>", html, re.S
    )
    assert row is not None
    assert names["46"] in row.group(1) and "<td>42</td>" in row.group(1)
    # The national page links to it.
    national = national_client_page()
    assert 'href="/trao-doi/so-lieu/?ky=2025"' in national


def national_client_page() -> str:
    office = make_user("qg-office-2", "leader", unit=national_unit())
    client = Client()
    log_in(client, office, add_totp(office))
    return client.get("/trao-doi/?ky=2025").content.decode()


def test_for_national_users_only(three):
    for path in ("/trao-doi/so-lieu/?ky=2025", "/trao-doi/so-lieu/xlsx/?ky=2025"):
        # Anonymous: to the login page, as every declared view (tests/test_access.py).
        anonymous = Client().get(path)
        assert anonymous.status_code == 302 and "/dang-nhap/" in anonymous["Location"]
    leader = make_user("qn-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    province = Client()
    log_in(province, leader, add_totp(leader))
    # A province's leader reads aggregates, but not the other provinces' figures: a 404.
    assert province.get("/trao-doi/so-lieu/?ky=2025").status_code == 404
    assert province.get("/trao-doi/so-lieu/xlsx/?ky=2025").status_code == 404
    worker = make_user("qn-worker", "case_worker", agency="qng-syt-2025")
    other = Client()
    log_in(other, worker, add_totp(worker))
    assert other.get("/trao-doi/so-lieu/").status_code == 403


def queries_of_page(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/trao-doi/so-lieu/?ky=2025")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_queries_do_not_grow_with_provinces(peers):
    client = national_client()
    push("51", fig(SESSIONS, 12), fig(RECEIVED, 20))
    one = queries_of_page(client)
    push("1", fig(SESSIONS, 30), fig(RECEIVED, None), fig(PARTICIPANTS, 3000, estimate=True))
    push("46", fig(SESSIONS, 7, definition="0123456789abcdef"), fig(RECEIVED, 5))
    assert "3/34 tỉnh đã gửi" in client.get("/trao-doi/so-lieu/?ky=2025").content.decode()
    assert queries_of_page(client) == one


def test_a_bad_period_says_so():
    html = national_client().get("/trao-doi/so-lieu/?ky=2025-Q9").content.decode()
    assert "Kỳ không hợp lệ" in html
    assert f"năm {date.today().year - 1}" in html


@pytest.mark.django_db(databases=["default", "other"])
def test_a_push_between_two_databases_reads_back_as_pushed(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    """A province's ctip (default database) pushes its real figures to the national ctip
    ("other"): the national totals are the figures of the signed body, one province each."""
    configure(settings)
    monkeypatch.setattr(transport, "post", NationalTransport())
    province_data()
    with django_capture_on_commit_callbacks(execute=True):
        push_queue(period="2025", acting_user=None)
    sent = json.loads(Outbox.objects.get().body)
    with national():
        data = pushed_figures(YEAR, [])
    totals = {t.indicator.code: t for t in data.totals}
    assert (data.pushed, data.provinces) == (1, 1)  # the national database lists no units
    assert totals[SESSIONS].value == 5  # 2 + 3 sessions in the province's records
    for f in sent["figures"]:
        t = totals[f["indicator"]]
        if f["value"] is None:
            assert (t.value, t.withheld, t.contributed) == (None, 1, 0), f["indicator"]
        else:
            assert (t.value, t.contributed, t.withheld) == (Decimal(str(f["value"])), 1, 0)
        assert t.foreign == []
