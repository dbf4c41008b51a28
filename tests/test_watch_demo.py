"""The de-identified per-commune watchlist page (counts only, constant queries) and the demo
watchlist, monitoring and cooperation after 7/2025."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.cooperation.models import CooperationActivity
from ctip.core.models import AuditEntry
from ctip.enforcement.models import Campaign, CriminalCase, Inspection, WatchCheck, WatchEntry
from ctip.enforcement.watchlist import watch_check, watch_escalate, watch_open, watch_overdue
from ctip.geo.models import Level
from ctip.ops.demo.enforcement import REFORM, demo_enforcement_ensure
from tests.conftest import NEW, unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
URL = "/theo-doi/qua-han/"
TODAY = date.today()


def _officer():
    return make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW))


def _entries(officer, code, n, *, overdue, start=0):
    """`n` entries in commune `code`; the first `overdue` have a check past due."""
    made = []
    for i in range(n):
        entry = watch_open(
            category="long_absent",
            unit=unit(code, Level.COMMUNE, NEW),
            officer=officer,
            lawful_basis="Luật 53/2024/QH15",
            purpose="Phòng ngừa",
            opened_on=TODAY - timedelta(days=60),
            review_on=TODAY + timedelta(days=120),
            full_name=f"Người thử nghiệm số {code}-{start + i}",
            acting_user=None,
        )
        # Checked 10 days ago (next check in 20 days) or 40 days ago (10 days overdue).
        days = 40 if i < overdue else 10
        watch_check(
            entry=entry, on=TODAY - timedelta(days=days), found=True, result="", acting_user=None
        )
        made.append(entry)
    return made


@pytest.fixture
def leader(client):
    user = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW))
    log_in(client, user)
    return user


def _rows(response):
    return {r["unit__code"]: (r["active"], r["overdue"]) for r in response.context["rows"]}


def test_counts_per_commune_without_names(client, leader):
    """Counts of persons under ctip.indicators.disclosure for a leader (issue 19): rounded to a
    multiple of 5, a commune below 5 not listed, a small count shown as "<5"."""
    officer = _officer()
    _entries(officer, 21157, 7, overdue=2)
    _entries(officer, 21025, 2, overdue=0)
    closed = _entries(officer, 21025, 1, overdue=1, start=9)[0]
    watch_escalate(entry=closed, criminal_case=_criminal_case(), acting_user=None)
    expired = _entries(officer, 21025, 1, overdue=1, start=8)[0]
    WatchEntry.objects.filter(pk=expired.pk).update(review_on=TODAY - timedelta(days=1))
    response = client.get(URL)
    assert response.status_code == 200
    assert _rows(response) == {21157: (5, None)}  # 7 and 2; 21025's 2 not listed
    assert response.context["totals"] == {"active": 10, "overdue": None}  # 9 and 2
    html = response.content.decode()
    assert "Người thử nghiệm" not in html and "TD-" not in html
    assert unit(21157, Level.COMMUNE, NEW).name in html
    assert unit(21025, Level.COMMUNE, NEW).name not in html


def _criminal_case():
    from tests.test_enforcement import _case

    return _case(suspects=[], suspects_count=1)


def test_query_count_does_not_grow_with_the_data(client, leader, django_assert_num_queries):
    officer = _officer()
    _entries(officer, 21157, 1, overdue=1)
    client.get(URL)  # warm up (session, first request)
    with CaptureQueriesContext(connection) as small:
        client.get(URL)
    _entries(officer, 21157, 6, overdue=3, start=1)
    _entries(officer, 21025, 5, overdue=2)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(URL)
    assert _rows(response) == {21157: (5, None), 21025: (5, None)}  # (7, 4), (5, 2) rounded


def test_only_aggregate_roles_open_the_page(client):
    officer = _officer()
    log_in(client, officer, add_totp(officer))
    assert client.get(URL).status_code == 403
    client.logout()
    office = make_user(
        "thuongtruc", "standing_office", agency="qng-ca-2025", unit=unit(51, Level.PROVINCE, NEW)
    )
    log_in(client, office)
    page = client.get("/")
    assert URL in page.content.decode()  # menu entry
    assert client.get(URL).status_code == 200


def test_a_commune_leader_sees_only_their_commune(client):
    officer = _officer()
    _entries(officer, 21157, 2, overdue=1)
    _entries(officer, 21025, 3, overdue=3)
    _entries(officer, 21025, 3, overdue=0, start=3)
    log_in(client, make_user("chutich", "leader", unit=unit(21025, Level.COMMUNE, NEW)))
    assert _rows(client.get(URL)) == {21025: (5, None)}  # (6, 3): 3 is "<5"


# --- demo ------------------------------------------------------------------------------------


def test_demo_watchlist_by_the_commune_officer_with_overdue_and_an_escalation():
    officer = _officer()
    assert demo_enforcement_ensure(today=TODAY) == 8
    entries = WatchEntry.objects.all()
    assert entries.count() == 12
    assert set(entries.values_list("officer", flat=True)) == {officer.pk}
    # Only in the officer's own commune (issue 23: nothing recorded outside one's area).
    assert set(entries.values_list("unit__code", flat=True)) == {21157}
    assert all(e.unit.parent.code == 51 and e.unit.valid_from >= REFORM for e in entries)
    assert all(e.opened_on >= REFORM and e.opened_on <= TODAY for e in entries)
    assert all(e.full_name.startswith("Người theo dõi minh họa ") for e in entries)
    assert watch_overdue(today=TODAY).count() >= 3
    assert WatchCheck.objects.filter(entry__in=entries).exists()
    escalated = entries.exclude(escalated_criminal_case=None)
    assert escalated.count() == 1 and escalated.get().closed_on
    assert escalated.get().escalated_criminal_case.owner.code == "qng-ca-2025"
    # Monitoring after the reform: inspections, a campaign linking cases, Laos and Cambodia.
    assert Inspection.objects.filter(on__gte=REFORM).count() >= 3
    campaign = Campaign.objects.filter(start__gte=REFORM, kind="crackdown").get()
    assert campaign.cases.exists()
    after = CooperationActivity.objects.filter(start__gte=REFORM)
    assert {("LA", "repatriation"), ("KH", "joint_investigation")} <= set(
        after.values_list("counterpart_country", "kind")
    )
    assert after.get(kind="joint_investigation").criminal_cases.exists()
    # Idempotent.
    counts = (WatchEntry.objects.count(), Inspection.objects.count(), Campaign.objects.count())
    assert demo_enforcement_ensure(today=TODAY) == 0
    assert counts == (
        WatchEntry.objects.count(),
        Inspection.objects.count(),
        Campaign.objects.count(),
    )


def test_demo_without_the_commune_officer_skips_the_watchlist():
    assert demo_enforcement_ensure(today=TODAY) == 8
    assert not WatchEntry.objects.exists()
    assert Inspection.objects.filter(on__gte=REFORM).exists()
    assert AuditEntry.objects.filter(action="enforcement.demo_watch_load").get().count == 0


def test_a_database_seeded_before_the_watchlist_demo_gets_it_once():
    demo_enforcement_ensure(today=TODAY)
    AuditEntry.objects.filter(action="enforcement.demo_watch_load").delete()
    WatchEntry.objects.all().delete()
    _officer()
    assert demo_enforcement_ensure(today=TODAY) == 0  # no new criminal case
    assert WatchEntry.objects.count() == 12 and CriminalCase.objects.count() == 8


def test_the_demo_command_prints_no_personal_value(monkeypatch):
    monkeypatch.setenv("CTIP_DEMO_PASSWORD", "mat-khau-thu")
    out = StringIO()
    call_command("demo", stdout=out)
    printed = out.getvalue()
    assert WatchEntry.objects.count() == 12
    from ctip.enforcement.models import Suspect

    names = [e.full_name for e in WatchEntry.objects.all()]
    names += [e.address for e in WatchEntry.objects.all()]
    names += [s.full_name for s in Suspect.objects.all()]
    assert names and not [n for n in names if n in printed]
    assert "minh họa" not in printed
