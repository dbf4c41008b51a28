"""Issue 27, build point 1: a national ctip that holds only the provinces' pushes drafts the
national summary as a Word document in the state format: who sent, then per pillar every
additive indicator's national total with how it was made (provinces added in, withheld, not
sent, another definition left out, estimates). The figures are the page's totals, written the
Vietnamese way; national users only."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import Client
from docx import Document

from ctip.exchange.figures import pushed_figures
from ctip.exchange.review import draft, number_words, total_words
from ctip.exchange.selectors import national_status, province_names
from ctip.geo.models import Level
from ctip.indicators.registry import REGISTRY
from tests.conftest import NEW, unit
from tests.helpers import add_totp, log_in, make_user
from tests.test_exchange_figures import (
    PARTICIPANTS,
    RECEIVED,
    SESSIONS,
    YEAR,
    fig,
    national_client,
    peers,  # noqa: F401 - a fixture
    push,
    three,  # noqa: F401 - a fixture
)

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def texts(document: bytes) -> list[str]:
    """The body's paragraphs, after the header's (the header is laid out in tables)."""
    doc = Document(io.BytesIO(document))
    cells = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return cells + [p.text for p in doc.paragraphs]


def item(lines: list[str], code: str) -> str:
    label = str(REGISTRY[code].label)
    found = [line for line in lines if line.startswith(f"- {label}:")]
    assert len(found) == 1, (label, found)
    return found[0]


@pytest.mark.usefixtures("three")
def test_the_draft_says_each_total_and_how_it_was_made():
    names = province_names(YEAR, {})
    response = national_client().get("/trao-doi/so-lieu/docx/?ky=2025")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert "Du-thao-bao-cao-tong-hop-2025.docx" in response["Content-Disposition"]
    lines = texts(response.content)
    whole = "\n".join(lines)
    # The state format's header, the number left to the records office.
    assert "BỘ CÔNG AN" in whole and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in whole
    assert "Số:      /BC-BCA" in whole
    assert "(Từ ngày 01/01/2025 đến ngày 31/12/2025)" in whole
    assert "- Lưu: VT." in lines
    # Who sent: three of 34; the others named.
    assert "Đã nhận số liệu của 3/34 tỉnh, thành phố" in whole
    not_sent = next(line for line in lines if line.startswith("- Chưa gửi:"))
    silent = next(code for code in names if code not in ("1", "46", "51"))
    assert names[silent] in not_sent and names["51"] not in not_sent
    # 12 + 30 (Quảng Ngãi's superseded 100 not added); Huế's other definition named, left out.
    sessions = item(lines, SESSIONS)
    assert f": 42 {REGISTRY[SESSIONS].measure} (" in sessions
    assert "cộng số liệu của 2 tỉnh, thành phố" in sessions
    assert "31 tỉnh, thành phố chưa gửi" in sessions
    assert f"định nghĩa khác của {names['46']}" in sessions
    # 20 + 5, Hà Nội withheld a small number.
    received = item(lines, RECEIVED)
    assert ": 25 " in received and "1 tỉnh, thành phố không công bố do số nhỏ" in received
    # Thousands grouped with ".", and an estimate said.
    people = item(lines, PARTICIPANTS)
    assert ": 3.000 " in people and "có số ước tính" in people
    # Nothing to add: said, not shown as 0.
    assert "chưa có số liệu để cộng" in item(lines, "victims.identified")
    # Every additive indicator once, each under its pillar's heading.
    data = pushed_figures(YEAR, [])
    for total in data.totals:
        assert item(lines, total.indicator.code) == f"- {total_words(total)}."
    heading = lines.index(next(line for line in lines if line.endswith("Công tác phòng ngừa")))
    assert lines.index(sessions) > heading
    assert whole.rstrip().endswith("./.")


@pytest.mark.usefixtures("three")
def test_the_totals_are_the_pages_totals():
    """The document writes the same totals as the page and the XLSX (one computation)."""
    data = pushed_figures(YEAR, [])
    body = draft(data, national_status(YEAR))["body"]
    written = "\n".join(p["segments"][0][0] for p in body)
    for total in data.totals:
        assert total_words(total) in written


@pytest.mark.usefixtures("peers")
def test_a_complete_total_carries_no_notes():
    """Every province sent the figure: the total reads plainly. Another province missing makes
    the same total say how many were added in."""
    codes = list(province_names(YEAR, {}))
    total = next(t for t in pushed_figures(YEAR, []).totals if t.indicator.code == SESSIONS)
    assert total.not_pushed == len(codes)
    push("51", fig(SESSIONS, 1000))
    total = next(t for t in pushed_figures(YEAR, []).totals if t.indicator.code == SESSIONS)
    assert "cộng số liệu của 1 tỉnh, thành phố" in total_words(total)


def test_numbers_are_written_the_vietnamese_way():
    assert number_words(3000) == "3.000"
    assert number_words(1234567) == "1.234.567"
    assert number_words(Decimal("2.5")) == "2,5"
    assert number_words(Decimal("12345.75")) == "12.345,75"


@pytest.mark.usefixtures("three")
def test_for_national_users_only():
    path = "/trao-doi/so-lieu/docx/?ky=2025"
    anonymous = Client().get(path)
    assert anonymous.status_code == 302 and "/dang-nhap/" in anonymous["Location"]
    leader = make_user("qn-leader-docx", "leader", unit=unit(51, Level.PROVINCE, NEW))
    province = Client()
    log_in(province, leader, add_totp(leader))
    assert province.get(path).status_code == 404
    worker = make_user("qn-worker-docx", "case_worker", agency="qng-syt-2025")
    other = Client()
    log_in(other, worker, add_totp(worker))
    assert other.get(path).status_code == 403


@pytest.mark.usefixtures("three")
def test_the_page_links_the_draft():
    html = national_client().get("/trao-doi/so-lieu/?ky=2025").content.decode()
    assert 'href="/trao-doi/so-lieu/docx/?ky=2025"' in html


@pytest.mark.usefixtures("peers")
def test_a_correction_after_the_deadline_does_not_make_an_on_time_sender_late(settings):
    """Quảng Ngãi sent before the deadline, then a correction months later: it sent on time
    (the first version's arrival), on the national page and in the draft."""
    from datetime import timedelta

    from django.utils import timezone

    from ctip.exchange.models import ReceivedPush
    from ctip.exchange.selectors import period_deadline

    push("51", fig(SESSIONS, 10))
    due = period_deadline(YEAR)
    assert due is not None
    first = timezone.make_aware(
        timezone.datetime.combine(due - timedelta(days=10), timezone.datetime.min.time())
    )
    ReceivedPush.objects.filter(province_code="51").update(received_at=first)
    push("51", fig(SESSIONS, 12))  # a new version, received now: long after the deadline
    (row,) = [r for r in national_status(YEAR) if r.code == "51"]
    assert row.version == 2 and row.late_days == 0
    lines = texts(national_client().get("/trao-doi/so-lieu/docx/?ky=2025").content)
    assert not [line for line in lines if line.startswith("- Gửi muộn:")]
    assert "1 tỉnh, thành phố gửi đúng hạn" in "\n".join(lines)


def test_a_complete_total_reads_plainly():
    """Every province added in: the figure alone; a province of another definition is named
    and the total is not called complete."""
    from ctip.exchange.figures import Total

    indicator = REGISTRY[SESSIONS]
    plain = Total(indicator, 3000, 34, 0, [], 0, False)
    assert total_words(plain) == f"{indicator.label}: 3.000 {indicator.measure}"
    other = Total(indicator, 3000, 33, 0, ["Thành phố Huế"], 0, False)
    assert total_words(other).endswith(
        "(cộng số liệu của 33 tỉnh, thành phố; "
        "không cộng số liệu tính theo định nghĩa khác của Thành phố Huế)"
    )
