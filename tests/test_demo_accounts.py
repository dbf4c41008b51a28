"""Issue 24, point 4: every agency asked for a report part in the demo has an officer who writes
it and a leader who signs it off (the Women's Union and the health department had no leader, so
their parts could never be signed), and the README lists every demo account, generated from the
demo's own definition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from ctip.accounts.models import User
from ctip.accounts.permissions import ROLES
from ctip.core.permissions import P
from ctip.ops.demo.accounts import (
    ACCOUNTS,
    TABLE_END,
    TABLE_START,
    demo_accounts_ensure,
    demo_accounts_table,
)
from ctip.ops.demo.reporting_workflow import PART_AGENCIES, demo_workflow_ensure
from ctip.reporting.models import Contribution
from ctip.reporting.states import ContributionState
from tests.helpers import PASSWORD, log_in

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parent.parent / "README.md"


def _holders(perm: str, agency: str) -> list[str]:
    return [
        d.username for d in ACCOUNTS if d.agency == agency and perm in ROLES[d.role].permissions
    ]


def test_every_agency_with_a_report_part_has_a_writer_and_a_leader():
    for code in PART_AGENCIES:
        assert _holders(P.CONTRIBUTE_REPORTS, code), f"no demo account writes {code}'s part"
        assert _holders(P.SIGN_CONTRIBUTIONS, code), f"no demo leader signs {code}'s part"
    women, health = "qng-hlhpn-2025", "qng-syt-2025"
    assert _holders(P.SIGN_CONTRIBUTIONS, women) == ["lanhdaopn"]
    assert _holders(P.SIGN_CONTRIBUTIONS, health) == ["lanhdaoyt"]


def test_every_demo_account_has_a_purpose_and_agency_roles_an_agency():
    assert len({d.username for d in ACCOUNTS}) == len(ACCOUNTS)
    for demo in ACCOUNTS:
        assert demo.purpose.strip(), demo.username
        if ROLES[demo.role].scoped_by_agency:
            assert demo.agency, f"{demo.username}: {demo.role} works through an agency"


def _sign_in_the_browser(username: str, agency: str) -> Contribution:
    """The leader opens the agency's part of the demo's six-month report and signs it off, as a
    person would: through the page, with the texts the part holds."""
    part = Contribution.objects.get(agency__code=agency, request__number_symbol="25/BCĐ-VP")
    client = Client()
    log_in(client, User.objects.get(username=username))
    page = client.get(f"/bao-cao/dong-gop/{part.pk}/")
    assert page.status_code == 200
    assert 'name="sign"' in page.content.decode()
    post = {f"slot_{slot}": text for slot, text in part.narratives.items()}
    response = client.post(f"/bao-cao/dong-gop/{part.pk}/", {**post, "sign": "1"})
    assert response.status_code == 302, response.content.decode()[:500]
    part.refresh_from_db()
    return part


def test_the_womens_union_and_health_leaders_sign_their_parts_in_the_demo():
    demo_accounts_ensure(password=PASSWORD)
    demo_workflow_ensure()
    women = Contribution.objects.get(agency__code="qng-hlhpn-2025")
    assert women.state == ContributionState.DRAFT and women.narratives
    assert _sign_in_the_browser("lanhdaopn", "qng-hlhpn-2025").state == ContributionState.SUBMITTED
    assert _sign_in_the_browser("lanhdaoyt", "qng-syt-2025").state == ContributionState.SUBMITTED
    # The texts the Women's Union wrote were sent as they were.
    sent = Contribution.objects.get(pk=women.pk).narratives
    assert {k: v for k, v in sent.items() if v} == women.narratives


def test_another_agencys_leader_cannot_sign_the_part():
    demo_accounts_ensure(password=PASSWORD)
    demo_workflow_ensure()
    part = Contribution.objects.get(agency__code="qng-syt-2025")
    client = Client()
    log_in(client, User.objects.get(username="lanhdaopn"))
    response = client.post(f"/bao-cao/dong-gop/{part.pk}/", {"sign": "1"})
    assert response.status_code == 404
    part.refresh_from_db()
    assert part.state == ContributionState.ASSIGNED


def _readme_table() -> str:
    text = README.read_text()
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    assert start >= 0 and end > start, "README.md has no demo accounts table"
    return text[start : end + len(TABLE_END)]


def test_the_readme_lists_every_demo_account_as_the_demo_defines_it():
    demo_accounts_ensure(password=PASSWORD)
    expected = demo_accounts_table()
    assert _readme_table() == expected, (
        "README.md's demo accounts table differs from the demo's: replace it with the output "
        "of `ctip demo --accounts-table`:\n" + expected
    )
    listed = re.findall(r"^\| `([^`]+)` \|", _readme_table(), re.MULTILINE)
    assert listed == [d.username for d in ACCOUNTS]


def test_the_readme_states_the_demo_password_rule():
    text = README.read_text()
    assert "`CTIP_DEMO_PASSWORD` (default `ctip-demo-2026`)" in text


def test_the_table_names_agencies_and_roles_in_words_and_the_second_factor_as_printed():
    printed = {a["username"]: a for a in demo_accounts_ensure(password=PASSWORD)}
    table = demo_accounts_table()
    assert "qng-" not in table and "case_worker" not in table
    for line in table.splitlines()[3:-1]:
        username, factor = re.match(r"^\| `([^`]+)` \|.*\| (yes|no) \|", line).groups()
        assert (factor == "yes") == bool(printed[username]["totp_secret"]), username
    assert "| `lanhdaopn` | Lãnh đạo cơ quan thành viên |" in table
