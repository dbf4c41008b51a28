"""The watchlist: purpose and review date, checks, escalation keeping history, expiry purge."""

from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from ctip.enforcement.models import WatchCheck, WatchEntry
from ctip.enforcement.watchlist import (
    WatchError,
    watch_active,
    watch_check,
    watch_escalate,
    watch_open,
    watch_overdue,
    watch_purge,
)
from ctip.geo.models import Level
from ctip.indicators.queries import compute
from tests.conftest import unit
from tests.helpers import make_user

pytestmark = pytest.mark.django_db
OPEN = date(2025, 8, 1)


def _entry(**kw):
    officer = make_user(
        kw.pop("officer", "xa"),
        "commune_officer",
        unit=unit(21157, Level.COMMUNE, date(2026, 1, 1)),
    )
    values = {
        "category": "long_absent",
        "unit": unit(21157, Level.COMMUNE, date(2026, 1, 1)),
        "officer": officer,
        "lawful_basis": "Luật 53/2024/QH15, Điều 7",
        "purpose": "Phòng ngừa mua bán người",
        "opened_on": OPEN,
        "review_on": date(2026, 8, 1),
        "full_name": "Y Blăng Niê",
        "acting_user": None,
    }
    return watch_open(**{**values, **kw})


def test_bad_entries_are_refused_and_nothing_is_written():
    with pytest.raises(WatchError, match="căn cứ pháp lý"):
        _entry(lawful_basis=" ")
    with pytest.raises(WatchError, match="phải sau"):
        _entry(review_on=OPEN, officer="xa2")
    assert not WatchEntry.objects.exists()


def test_checks_schedule_and_overdue_list():
    entry = _entry()
    assert list(watch_overdue(today=OPEN + timedelta(days=31))) == [entry]
    watch_check(
        entry=entry, on=OPEN + timedelta(days=31), found=True, result="đã về", acting_user=None
    )
    assert not watch_overdue(today=OPEN + timedelta(days=40)).exists()


def test_escalation_keeps_history_and_links():
    from tests.test_enforcement import _case

    entry = _entry()
    watch_check(entry=entry, on=OPEN + timedelta(days=5), found=False, result="", acting_user=None)
    case = _case()
    entry = watch_escalate(entry=entry, criminal_case=case, acting_user=None)
    assert entry.escalated_criminal_case == case and entry.closed_on
    assert WatchCheck.objects.filter(entry=entry).count() == 1
    assert not watch_active().filter(pk=entry.pk).exists()
    rows = compute(
        ["enforcement.watch_escalations"],
        unit=unit(51, Level.PROVINCE, date(2026, 1, 1)),
        start=date(2025, 7, 1),
        end=date.today(),
    )
    assert rows[0]["value"] == 1


def test_expired_entries_leave_the_list_and_are_purged_keeping_counts():
    entry = _entry()
    watch_check(
        entry=entry, on=OPEN + timedelta(days=3), found=True, result="gặp tại nhà", acting_user=None
    )
    later = date(2026, 8, 2)
    assert not watch_active(today=later).exists()
    province = unit(51, Level.PROVINCE, date(2026, 1, 1))
    before = compute(
        ["enforcement.watch_entries"], unit=province, start=OPEN, end=later, by=("watch_category",)
    )
    assert watch_purge(today=later, acting_user=None) == 1
    entry.refresh_from_db()
    assert entry.full_name == "" and entry.purged_on == later
    assert all(c.result == "" for c in entry.checks.all())
    after = compute(
        ["enforcement.watch_entries"], unit=province, start=OPEN, end=later, by=("watch_category",)
    )
    assert after == before and before[0]["value"] == 1


def test_purge_command_includes_the_watchlist():
    out = StringIO()
    call_command("purge", stdout=out)
    assert "watchlist entries: 0" in out.getvalue()


def test_commune_officer_keeps_the_watchlist_on_the_web(client):
    from tests.helpers import add_totp, log_in

    officer = make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, date(2026, 1, 1)))
    log_in(client, officer, add_totp(officer))
    form = {
        "category": "overstaying",
        "full_name": "Đinh Văn Tèo",
        "unit": "21157",
        "lawful_basis": "Luật 53/2024/QH15",
        "purpose": "Phòng ngừa",
        "review_on": "01/06/2027",
        "check_every_days": "30",
    }
    outside = client.post("/theo-doi/them/", {**form, "unit": "21025"})
    assert "không thuộc địa bàn của bạn" in outside.content.decode()
    assert not WatchEntry.objects.exists()
    done = client.post("/theo-doi/them/", form)
    entry = WatchEntry.objects.get()
    assert done["Location"] == f"/theo-doi/{entry.pk}/" and entry.officer == officer
    page = client.get(f"/theo-doi/{entry.pk}/").content.decode()
    # A commune officer names no criminal case: the step is not offered (issue 24).
    assert "Chuyển thành vụ án số" not in page
    saved = client.post(
        f"/theo-doi/{entry.pk}/",
        {"check": "1", "on": "28/11/2026", "found": "on", "result": "đã về địa phương"},
        follow=True,
    )
    assert entry.checks.get().found
    assert "Đã ghi kết quả kiểm tra ngày 28/11/2026." in saved.content.decode()
    listing = client.get("/theo-doi/").content.decode()
    assert f"TD-{entry.pk}" in listing and "Đinh Văn Tèo" not in listing
    client.logout()
    other = make_user("xa2", "commune_officer", unit=unit(21025, Level.COMMUNE, date(2026, 1, 1)))
    log_in(client, other, add_totp(other))
    assert client.get(f"/theo-doi/{entry.pk}/").status_code == 404


def test_watch_counts_come_from_the_registry_for_the_readers_territory(
    django_assert_max_num_queries,
):
    from ctip.enforcement.watchlist import watch_counts_by_unit

    day = OPEN + timedelta(days=45)
    _entry()  # its first check is overdue by day 45
    _entry(officer="xa2", check_every_days=60)
    closed = _entry(officer="xa3")
    WatchEntry.objects.filter(pk=closed.pk).update(closed_on=OPEN + timedelta(days=10))
    leader = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, date(2026, 1, 1)))
    with django_assert_max_num_queries(8):
        data = watch_counts_by_unit(leader, today=day)
    assert [(r["unit__code"], r["active"], r["overdue"]) for r in data["rows"]] == [(21157, 2, 1)]
    assert data["totals"] == {"active": 2, "overdue": 1}
    province = unit(51, Level.PROVINCE, date(2026, 1, 1))
    rows = compute(
        ["enforcement.watch_active", "enforcement.watch_overdue"], unit=province, start=day, end=day
    )
    assert [r["value"] for r in rows] == [2, 1]
    # Outside the reader's territory: nothing.
    hanoi = make_user("hanoi", "leader", unit=unit(1, Level.PROVINCE, date(2026, 1, 1)))
    assert watch_counts_by_unit(hanoi, today=day)["rows"] == []


def test_watch_purge_refreshes_the_cells_of_what_it_purged(monkeypatch):
    from ctip.core import work

    entry = _entry()
    watch_check(
        entry=entry, on=OPEN + timedelta(days=3), found=True, result="gặp", acting_user=None
    )
    refreshed = []
    original = work._refresh  # what the rollups provided the unit of work

    def spy(*, model, points):
        refreshed.append((model, set(points)))
        original(model=model, points=points)

    monkeypatch.setattr(work, "_refresh", spy)
    assert watch_purge(today=date(2026, 8, 2), acting_user=None) == 1
    assert (WatchEntry, {(OPEN, entry.unit_id)}) in refreshed
    assert (WatchCheck, {(OPEN + timedelta(days=3), entry.unit_id)}) in refreshed


TEMPLATES = Path(__file__).parents[1] / "ctip" / "enforcement" / "templates" / "enforcement"


def test_a_watch_code_is_never_number_formatted(db):
    """Vietnamese number formatting would print entry 1054 as "TD-1.054" (seen on PostgreSQL,
    whose ids pass 1000 in a long run)."""
    from django.template import Context, Template

    entry = WatchEntry(pk=1054)
    assert Template("TD-{{ e.pk }}").render(Context({"e": entry})) == "TD-1.054"
    for name in ("watch_list.html", "watch_detail.html"):
        source = TEMPLATES / name
        assert "TD-{{" not in source.read_text() and ".code }}" in source.read_text()
    assert Template("{{ e.code }}").render(Context({"e": entry})) == "TD-1054"
