"""Issue 19, findings 2 and 9 (and the dashboard part of finding 5): counts of persons shown to a
reader who cannot open the records behind them do not identify anyone, on every channel, and
the figure drill-down lists no record of a register of persons to such a reader.

The rule (ctip.indicators.disclosure): whole calendar quarters, values below the threshold k (zero
included) withheld and their groups not listed, every other value rounded to a multiple of k,
changes from the values shown. The acceptance test enumerates every period and territory the
dashboard accepts, on the demo data and on a small synthetic set, as each role without record
access, and checks that no two values shown differ by 1 to k - 1."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import Any

import pytest
from django.test import RequestFactory

from ctip.dashboard import views
from ctip.dashboard.figures import panel_data
from ctip.dashboard.panels import user_scope
from ctip.dashboard.risk import RISK, outreach_vs_risk
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators import disclosure, rollup_read, rollups
from ctip.indicators.registry import REGISTRY
from tests.conftest import unit
from tests.helpers import log_in, make_user

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)
TODAY = date(2026, 11, 28)  # the demo's "today"
K = 5  # reporting.disclosure_threshold (ctip/reporting/fixtures/rules.yaml)
NO_RECORD_ROLES = ("leader", "standing_office")  # see figures about persons, open no record


def province() -> Unit:
    return unit(51, Level.PROVINCE, NEW)


def communes() -> list[Unit]:
    return list(
        Unit.objects.valid_on(NEW)
        .filter(level__in=COMMUNE_LEVELS, rollup_province__code=51)
        .order_by("code")
    )


def victim(
    home: Unit,
    day: date,
    *,
    n: int,
    sex: str = "female",
    age: int = 15,
    form: str = "forced_marriage",
    destination: str = "CN",
    owner: str = "qng-syt-2025",
) -> Any:
    """A victim case received on `day` (synthetic, invented name)."""
    from ctip.agencies.models import Agency
    from ctip.victims.services import Person, case_create

    person = Person(
        full_name=f"Người thử nghiệm công bố {n}",
        sex=sex,
        age_at_reception=age,
        home_unit=home,
        date_of_birth=str(day.year - age),
        identity_document=f"09{n:010d}",
        destination_country=destination,
        recruitment_channel="marriage_broker",
        exploitation_forms=[form],
    )
    return case_create(
        owner=Agency.objects.get(code=owner),
        received_on=day,
        source="police",
        person=person,
        acting_user=None,
        notified_on=day,
        allow_duplicate=True,
    )


def leader_user(name: str = "lanhdao", role: str = "leader") -> Any:
    return make_user(name, role, unit=province())


def dashboard_of(user: Any, **query: Any) -> tuple[Any, Any, list[dict[str, Any]]]:
    """What the dashboard view computes for this query: (scope, period, panels)."""
    request = RequestFactory().get("/bang-dieu-khien/", _query(**query))
    request.user = user
    scope = user_scope(user)
    assert scope is not None
    _form, period = views.period_for(request, scope)
    limit = disclosure.current_threshold()
    with rollup_read.reading():
        return scope, period, [panel_data(p, scope, period, limit) for p in scope.panels]


def _query(**query: Any) -> dict[str, str]:
    out = {}
    for key, value in query.items():
        out[key] = f"{value:%d/%m/%Y}" if isinstance(value, date) else str(value)
    return out


def card(panels: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(c for data in panels for c in data["cards"] if c["code"] == code)


def chart(panels: list[dict[str, Any]], code: str, dim: str) -> dict[str, Any]:
    return next(
        c for data in panels for c in data["charts"] if c["code"] == code and c["dimension"] == dim
    )


# --- the finding as it was reproduced -----------------------------------------------------------


def test_a_one_day_query_shows_neither_an_exact_headline_nor_the_groups_of_one_child(client):
    """Before: a one-day query gave the headline "1" and each of the child's groups (sex, age
    band, commune, form, destination) as "<5"."""
    home = communes()[3]
    victim(home, date(2026, 5, 14), n=1)
    leader = leader_user()
    day = date(2026, 5, 14)
    _scope, period, panels = dashboard_of(leader, tu=day, den=day)
    assert (period.start, period.end) == (date(2026, 4, 1), date(2026, 6, 30))
    assert card(panels, "victims.received")["value"] is None  # "<5", not "1"
    for dim in ("sex", "age_band", "unit", "exploitation_form", "destination"):
        assert chart(panels, "victims.received", dim)["rows"] == [], dim
    log_in(client, leader)
    html = client.get("/bang-dieu-khien/?tu=14/05/2026&den=14/05/2026").content.decode()
    assert "từ 01/04/2026 đến 30/06/2026" in html
    label = str(REGISTRY["victims.received"].label)
    assert re.search(rf"{label}</p>\s*<p class=\"card-value\">&lt;5 ", html)
    assert home.name not in html


def test_overlapping_periods_do_not_isolate_a_record():
    """Before: [1/4, 20/5] gave 6 and [1/4, 19/5] gave 5: the difference was the victim of
    20/5, and the breakdowns of both periods gave its groups."""
    places = communes()
    for n in range(5):
        victim(places[n], date(2026, 4, 1 + n), n=n, sex="male", age=30, form="forced_labour")
    victim(places[9], date(2026, 5, 20), n=9)
    leader = leader_user()
    seen = []
    for end in (date(2026, 5, 19), date(2026, 5, 20)):
        _scope, _period, panels = dashboard_of(leader, tu=date(2026, 4, 1), den=end)
        seen.append(
            (
                card(panels, "victims.received")["value"],
                chart(panels, "victims.received", "sex")["rows"],
                chart(panels, "victims.received", "age_band")["rows"],
            )
        )
    assert seen[0] == seen[1]  # both periods are the second quarter of 2026
    assert seen[0][0] == 5  # six victims, rounded to a multiple of 5


def test_a_commune_with_a_case_looks_like_a_commune_without():
    """Before: a commune's headline was "<5" where a victim lived and "0" elsewhere."""
    places = communes()
    victim(places[2], date(2026, 3, 3), n=2)
    leader = leader_user()
    shown = []
    for place in (places[2], places[8]):
        _scope, _period, panels = dashboard_of(
            leader, tu=date(2026, 1, 1), den=date(2026, 3, 31), dv=place.code
        )
        protection = next(d for d in panels if d["panel"].code == "protection")
        shown.append((protection["cards"], [(c["key"], c["rows"]) for c in protection["charts"]]))
    assert shown[0] == shown[1]
    assert card([{"cards": shown[0][0]}], "victims.received")["value"] is None


# --- the acceptance: every period and territory the screens accept --------------------------------


def _quarter_index(day: date) -> int:
    return day.year * 4 + (day.month - 1) // 3


def _quarter(index: int) -> date:
    return date(index // 4, 3 * (index % 4) + 1, 1)


def _controlled_codes(user: Any, scope: Any) -> set[str]:
    """The figures about persons under the rule on this user's screens (the dashboard's
    panels; the risk table for those who may open it)."""
    from ctip.accounts.scope import has_perm
    from ctip.core.permissions import P
    from ctip.dashboard.panels import panel_codes

    codes = set().union(*(panel_codes(p) for p in scope.panels))
    if has_perm(user, P.VIEW_AGGREGATES):
        codes |= set(RISK)
    return {c for c in codes if scope.controls(c)}


def _span(codes: set[str]) -> tuple[int, int] | None:
    """The quarters (indices) from the first to the last record counted by `codes`."""
    from django.db.models import Max, Min

    days = []
    for code in codes:
        indicator = REGISTRY[code]
        found = indicator.records().aggregate(
            first=Min(indicator.date_field), last=Max(indicator.date_field)
        )
        days += [d for d in found.values() if d is not None]
    if not days:
        return None
    return _quarter_index(min(days)), _quarter_index(max(days))


def _pattern(i: int, j: int, span: tuple[int, int] | None) -> tuple:
    """What of the records a window of quarters [i, j] and its previous window see: windows with
    the same pattern show the same figures about persons in every territory."""
    if span is None:
        return ()
    first, last = span
    n = j - i + 1
    now = (max(i, first), min(j, last))
    before = (max(i - n, first), min(i - 1, last))
    return (now if now[0] <= now[1] else None, before if before[0] <= before[1] else None)


def representative_windows(
    span: tuple[int, int] | None, scope: Any
) -> dict[tuple, tuple[date, date]]:
    """One window of whole quarters per pattern and per set of territories the form accepts
    on its last day, over every window the dashboard accepts: dates bounded by
    ctip.core.bounds (1945-2100), snapped to whole quarters. Windows near the records first."""
    from ctip.core.bounds import MAX_DATE, MIN_DATE

    low, high = _quarter_index(MIN_DATE), _quarter_index(MAX_DATE)
    covered = Unit.objects.filter(id__in=covered_unit_ids(scope.unit))
    units = list(covered.values_list("pk", "valid_from", "valid_to"))
    standing: dict[int, frozenset[int]] = {}
    for j in range(low, high + 1):
        day = disclosure.quarter_end(_quarter(j))
        standing[j] = frozenset(
            pk
            for pk, since, until in units
            if (since is None or since <= day) and (until is None or day <= until)
        )
    anchor = span[0] if span else _quarter_index(TODAY)
    found: dict[tuple, tuple[int, int]] = {}
    for i in sorted(range(low, high + 1), key=lambda i: abs(i - anchor)):
        for j in range(i, high + 1):
            found.setdefault((_pattern(i, j, span), standing[j]), (i, j))
    return {
        key: (_quarter(i), disclosure.quarter_end(_quarter(j))) for key, (i, j) in found.items()
    }


def territories(scope: Any, end: date) -> dict[int | None, list[Unit]]:
    """Every territory the form accepts for a period ending on `end`: the whole scope (no
    code) and the code of each unit of the scope standing on that day, at any level (the form
    takes a code; ctip.geo.selectors.unit_by_code names the unit), with the units it names."""
    found: dict[int | None, list[Unit]] = {None: [scope.unit]}
    for u in Unit.objects.valid_on(end).filter(id__in=covered_unit_ids(scope.unit)):
        found.setdefault(u.code, []).append(u)
    return found


def weigh(territory: Unit, codes: set[str]) -> tuple[bool, bool]:
    """(whether the territory holds any record counted by `codes`, whether some figure of it
    can reach the threshold). When none can, every figure about persons of this territory stays
    below the threshold whatever the period and group: its value over all time is below it, and
    a count over a shorter period or a smaller group is never larger (counts and sums of
    non-negative numbers), so nothing of it is shown as a number."""
    from ctip.core.bounds import MAX_DATE, MIN_DATE
    from ctip.indicators.queries import compute

    values = [
        int(r["value"] or 0)
        for r in compute(sorted(codes), unit=territory, start=MIN_DATE, end=MAX_DATE)
    ]
    return any(values), any(v >= K for v in values)


def shown_values(user: Any, start: date, end: date, territory: int | None) -> list[int]:
    """Every figure about persons the dashboard and the risk table show this user for this
    query (values withheld are not numbers); checks on the way that withheld groups are not
    listed and that changes come from the values shown."""
    query: dict[str, Any] = {"tu": start, "den": end}
    if territory is not None:
        query["dv"] = territory
    scope, period, panels = dashboard_of(user, **query)
    assert period.grid and (period.start, period.end) == (start, end)
    if territory is not None:
        assert period.unit.code == territory
    values: list[int] = []
    for data in panels:
        for c in data["cards"]:
            if scope.controls(c["code"]):
                values += [v for v in (c["value"], c["previous"]) if v is not None]
                assert c["change"] == disclosure.change(c["value"], c["previous"])
        for ch in data["charts"]:
            assert ch["controlled"] == scope.controls(ch["code"])
            if not ch["controlled"]:
                continue
            assert ch["kind"] == "bar" or ch["dimension"] == "quarter"
            for r in ch["rows"]:
                if r["value"] is None:
                    assert ch["kind"] == "line", "a withheld group is listed"
                else:
                    values.append(r["value"])
    from ctip.accounts.scope import has_perm
    from ctip.core.permissions import P

    rows = []
    if has_perm(user, P.VIEW_AGGREGATES):  # the risk table, on the same grid
        with rollup_read.reading():
            rows = outreach_vs_risk(period, readable=scope.readable)
    for row in rows:
        for code in RISK:
            if scope.controls(code) and row.values.get(code) is not None:
                values.append(row.values[code])
    assert 0 not in values  # zero is withheld like 1 to 4
    return values


def watch_counts_shown(user: Any) -> list[int]:
    """The counts of watched persons per commune (a stock on today, no filter) as the page
    shows them to this user."""
    from ctip.accounts.scope import has_perm
    from ctip.core.permissions import P
    from ctip.enforcement.views_watch import watch_overdue_by_unit

    if not has_perm(user, P.VIEW_AGGREGATES):
        return []
    request = RequestFactory().get("/theo-doi/qua-han/")
    request.user = user
    html = watch_overdue_by_unit(request).content.decode()
    values = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        if len(cells) == 4 and cells[0] != "Xã, phường, đặc khu" or len(cells) == 3:
            values += [int(c.replace(".", "")) for c in cells[-2:] if c.replace(".", "").isdigit()]
    return values


def assert_no_small_difference(values: list[int]) -> None:
    """No two values shown differ by 1 to K - 1 (nor is any of them below K)."""
    distinct = sorted(set(values))
    assert not distinct or distinct[0] >= K, distinct[:3]
    gaps = [(a, b) for a, b in zip(distinct, distinct[1:], strict=False) if b - a < K]
    assert not gaps, gaps


def enumerate_screens(users: list[Any]) -> tuple[list[int], int]:
    """Every period and territory pair, as each user: (values shown, pages computed)."""
    scopes = {}
    for user in users:
        scope = user_scope(user)
        if scope is None or not scope.controlled:
            # No figure about persons under the rule (agency officers: prevention only).
            assert scope is None or not _controlled_codes(user, scope)
            continue
        key = (scope.unit.pk, scope.agency_id, scope.readable, scope.panels)
        scopes.setdefault(key, (user, scope))  # same scope, same figures: computed once
    everything: list[int] = []
    pages = 0
    for user, scope in scopes.values():
        codes = _controlled_codes(user, scope)
        span = _span(codes)
        weights: dict[int, tuple[bool, bool]] = {}  # unit: (any record, heavy)
        enumerated: set[int] = set()
        sample = []
        for start, end in representative_windows(span, scope).values():
            for code, units in territories(scope, end).items():
                for u in units:
                    if u.pk not in weights:
                        weights[u.pk] = weigh(u, codes)
                if code is not None and not any(weights[u.pk][1] for u in units):
                    if any(weights[u.pk][0] for u in units):
                        sample.append((code, start, end))
                    continue  # below the threshold everywhere: nothing shown as a number
                everything += shown_values(user, start, end, code)
                enumerated.update(u.pk for u in units)
                pages += 1
        # Every unit of the scope that could show a figure was enumerated (with every pattern
        # while it stood); the others are light, whatever the window.
        for u in Unit.objects.filter(id__in=covered_unit_ids(scope.unit)):
            if u.pk not in weights:
                weights[u.pk] = weigh(u, codes)
            assert not weights[u.pk][1] or u.pk in enumerated or u.pk == scope.unit.pk, u
        everything += watch_counts_shown(user)
        # The bound is not taken on trust: light territories with records, computed anyway.
        for code, start, end in sample[:: max(1, len(sample) // 12)]:
            assert shown_values(user, start, end, code) == []
            pages += 1
    return everything, pages


def test_every_period_and_territory_on_the_demo_data_as_each_role_without_record_access():
    from ctip.accounts.models import User
    from ctip.ops.demo.accounts import demo_accounts_ensure
    from ctip.ops.demo.enforcement import demo_enforcement_ensure
    from ctip.ops.demo.victims import demo_cases_ensure

    demo_accounts_ensure(password="mat-khau-demo-1")
    demo_cases_ensure(today=TODAY)
    demo_enforcement_ensure(today=TODAY)
    rollups.rebuild()
    users = list(
        User.objects.filter(
            username__in=["lanhdao", "thuongtruc", "congan", "phunu", "lanhdaoca", "admin"]
        )
    )
    values, pages = enumerate_screens(users)
    assert pages > 30 and len(set(values)) > 3  # the enumeration saw figures
    assert_no_small_difference(values)


def synthetic_set() -> list[Unit]:
    """Built around the threshold: one child alone in a commune, a commune with 4 then 3
    victims, one with 4 then 3 across two quarters and 5 criminal cases, one more criminal
    case and two watched persons with their checks. Returns the communes used."""
    from ctip.agencies.models import Agency
    from ctip.enforcement.services import criminal_case_create
    from ctip.enforcement.watchlist import watch_check, watch_open

    places = communes()
    one, four_three, seven = places[1], places[4], places[6]
    n = 0
    plan = [
        (one, [date(2026, 2, 3)]),
        (
            four_three,
            [date(2026, 1, 5 + d) for d in range(4)] + [date(2026, 4, 2 + d) for d in range(3)],
        ),
        (
            seven,
            [date(2026, 3, 1 + d) for d in range(4)] + [date(2026, 5, 1 + d) for d in range(3)],
        ),
    ]
    for home, days in plan:
        for day in days:
            victim(home, day, n=n, sex="female" if n % 7 else "male", age=15 + n)
            n += 1
    police = Agency.objects.get(code="qng-ca-2025")
    cases = [(one, date(2026, 2, 4))] + [(seven, date(2026, 3, 10 + d)) for d in range(5)]
    for k, (place, day) in enumerate(cases):
        criminal_case_create(
            owner=police,
            detected_on=day,
            source="victim",
            unit=place,
            acting_user=None,
            suspects=[{"full_name": f"Đối tượng thử nghiệm {k}", "sex": "male"}],
            destination_country="CN",
            platform="zalo",
        )
    officer = make_user("xa-thu", "commune_officer", unit=four_three)
    for k in range(2):
        entry = watch_open(
            category="long_absent",
            unit=four_three,
            officer=officer,
            lawful_basis="Luật 53/2024/QH15",
            purpose="Phòng ngừa",
            opened_on=date(2026, 2, 10 + k),
            review_on=date(2026, 9, 1),
            full_name=f"Người được theo dõi thử {k}",
            acting_user=None,
        )
        watch_check(entry=entry, on=date(2026, 3, 1), found=True, result="", acting_user=None)
    return [one, four_three, seven]


def test_every_period_and_territory_on_a_small_synthetic_set():
    synthetic_set()
    users = [leader_user("lanhdao-thu"), leader_user("thuongtruc-thu", "standing_office")]
    values, pages = enumerate_screens(users)
    assert pages > 10 and {5, 10} <= set(values)
    assert_no_small_difference(values)


def test_free_dates_snap_to_the_grid_and_show_the_same_figures():
    """Any dates the form accepts give the figures of the whole quarters around them."""
    synthetic_set()
    leader = leader_user()
    grid = dashboard_of(leader, tu=date(2026, 1, 1), den=date(2026, 6, 30))
    for start, end in [
        (date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 2, 14), date(2026, 5, 20)),
        (date(2026, 3, 31), date(2026, 6, 1)),
        (date(2026, 1, 31), date(2026, 6, 29)),
    ]:
        scope, period, panels = dashboard_of(leader, tu=start, den=end)
        assert period.grid and (period.start, period.end) == (grid[1].start, grid[1].end)
        controlled = [
            d for d in panels if d["panel"].code in ("protection", "enforcement", "watch")
        ]
        expected = [d for d in grid[2] if d["panel"].code in ("protection", "enforcement", "watch")]
        assert [(d["cards"], d["charts"]) for d in controlled] == [
            (d["cards"], d["charts"]) for d in expected
        ]
    # The same period a year earlier (issue 23), not the half-year just before.
    assert (grid[1].previous.start, grid[1].previous.end) == (date(2025, 1, 1), date(2025, 6, 30))


def test_the_page_its_downloads_and_the_risk_table_show_only_what_the_rule_released(client):
    """The HTML (cards, tables, chart data) and every CSV and XLSX download carry the values
    the enumeration checked, nothing exact."""
    from openpyxl import load_workbook

    one, four_three, seven = synthetic_set()
    leader = leader_user()
    log_in(client, leader)
    query = "tu=01/01/2026&den=30/06/2026"
    scope, _period, panels = dashboard_of(leader, tu=date(2026, 1, 1), den=date(2026, 6, 30))
    html = client.get(f"/bang-dieu-khien/?{query}").content.decode()
    assert "làm tròn đến bội số của 5" in html
    for data in panels:
        for c in data["cards"]:
            shown = "&lt;5" if c["value"] is None else str(c["value"])
            assert re.search(rf'{re.escape(c["label"])}</p>\s*<p class="card-value">{shown} ', html)
        for ch in data["charts"]:
            # A chart whose every value is withheld is left off the page (issue 23); its
            # downloads still say what was released.
            if ch["rows"] and not ch["withheld"]:
                found = re.search(
                    rf'<script id="data-{ch["key"]}" type="application/json">(.*?)</script>', html
                )
                assert json.loads(found.group(1)) == ch["rows"]
            body = client.get(f"/bang-dieu-khien/tai/{ch['key']}.csv?{query}")
            cells = [r for r in csv.reader(io.StringIO(body.content.decode("utf-8-sig")))]
            table = [r for r in cells if len(r) == 2][1:]
            assert table == [
                [r["name"], "<5" if r["value"] is None else str(r["value"])] for r in ch["rows"]
            ]
            if ch["controlled"]:
                assert any("làm tròn" in r[0] for r in cells if len(r) == 1)
                book = client.get(f"/bang-dieu-khien/tai/{ch['key']}.xlsx?{query}").content
                rows = list(load_workbook(io.BytesIO(book)).active.iter_rows(values_only=True))
                assert [list(r) for r in rows if len(r) == 2 and r[1] is not None][1:] == [
                    [r["name"], "<5" if r["value"] is None else r["value"]] for r in ch["rows"]
                ]
    # The commune of the child alone is not named in any figure about persons.
    protection = next(d for d in panels if d["panel"].code == "protection")
    assert one.name not in json.dumps([c["rows"] for c in protection["charts"]])
    risk = client.get(f"/bang-dieu-khien/nguy-co/?{query}").content.decode()
    assert "từ 01/01/2026 đến 30/06/2026" in risk
    row = re.search(rf"{re.escape(seven.name)}.*?</tr>", risk).group(0)
    cells = re.findall(r'<td class="heat-\d">([^<]*)</td>', row)
    assert cells[2:] == ["5", "&lt;5", "5"]  # victims 7 -> 5, no watch entry, cases 5
    lone = re.search(rf"{re.escape(one.name)}.*?</tr>", risk).group(0)
    empty = re.search(rf"{re.escape(communes()[9].name)}.*?</tr>", risk).group(0)
    # A commune with one victim and one case looks like a commune without any.
    assert lone.replace(one.name, "X") == empty.replace(communes()[9].name, "X")


def test_readers_of_the_records_keep_exact_figures(client):
    """A case worker reads the own agency's cases: one day, exact, not widened."""
    victim(communes()[3], date(2026, 5, 14), n=1)
    worker = make_user("hoso", "case_worker", agency="qng-syt-2025")
    day = date(2026, 5, 14)
    scope, period, panels = dashboard_of(worker, tu=day, den=day)
    assert not period.grid and (period.start, period.end) == (day, day)
    assert card(panels, "victims.received")["value"] == 1
    assert [r["value"] for r in chart(panels, "victims.received", "sex")["rows"]] == [1]
    # Police figures they do not open stay under the rule, were they on the dashboard.
    assert scope.controls("enforcement.suspects") and not scope.controls("victims.received")


@pytest.mark.parametrize("path", ["/bang-dieu-khien/", "/bang-dieu-khien/nguy-co/"])
@pytest.mark.parametrize(
    "query",
    ["tu=01/01/0001&den=31/12/9999", "tu=01/01/0001", "den=31/12/9999", "dv=99999999999999999999"],
)
def test_out_of_range_filters_get_a_message_not_a_server_error(client, path, query):
    """Finding 5: 01/01/0001 or 31/12/9999 in the filters gave a 500."""
    log_in(client, leader_user())
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày phải trong khoảng 01/01/1945 – 31/12/2100." in html or "trong khoảng" in html
    download = client.get(f"/bang-dieu-khien/tai/prevention-0.csv?{query}")
    assert download.status_code == 200


# --- unit rules ---------------------------------------------------------------------------------


def test_release_rounds_to_the_threshold_and_withholds_zero_like_small():
    assert [disclosure.release(v, 5) for v in (0, 1, 4, 5, 7, 8, 12, 13, 23)] == [
        None, None, None, 5, 5, 10, 10, 15, 25,
    ]  # fmt: skip
    assert disclosure.release(10, 11) is None and disclosure.release(16, 11) == 11
    assert disclosure.release(17, 11) == 22
    assert disclosure.change(10, 5) == 100 and disclosure.change(None, 5) is None
    assert disclosure.snap(date(2026, 2, 14), date(2026, 5, 20)) == (
        date(2026, 1, 1),
        date(2026, 6, 30),
    )
    assert disclosure.quarters_before(date(2026, 1, 1), date(2026, 6, 30)) == (
        date(2025, 7, 1),
        date(2025, 12, 31),
    )
    assert disclosure.quarters_before(date(2026, 10, 1), date(2026, 12, 31)) == (
        date(2026, 7, 1),
        date(2026, 9, 30),
    )


def test_which_figures_the_rule_covers():
    covered = {code for code, ind in REGISTRY.items() if disclosure.applies(ind)}
    assert {
        "victims.received",
        "victims.identified",
        "victims.support_persons",
        "victims.referrals",
        "enforcement.suspects",
        "enforcement.cases_detected",
        "enforcement.cases_instituted",
        "enforcement.watch_entries",
        "enforcement.watch_checks",
    } <= covered
    assert (
        not {"prevention.participants", "prevention.sessions", "enforcement.inspections"} & covered
    )
    # A sum of money over persons cannot be rounded safe: withheld.
    assert disclosure.release_figure(REGISTRY["victims.support_amount"], 9_000_000, 5) is None


# --- finding 9: the figure drill-down ---------------------------------------------------------


def _compiled(audience: str = "state") -> Any:
    from ctip.reporting.models import ReportTemplate
    from ctip.reporting.services import compilation_start, report_create

    report = report_create(
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        audience=audience,
        acting_user=None,
    )
    return compilation_start(report=report, acting_user=None, run_now=True)


def _with_stages_and_decisions() -> tuple[list[str], list[str]]:
    """Stage events and identifications over the synthetic set: (criminal case numbers,
    victim case codes)."""
    from ctip.agencies.models import Agency
    from ctip.enforcement.models import CriminalCase, Stage, StageEvent
    from ctip.victims.models import Case
    from ctip.victims.states import State
    from ctip.victims.transitions import _move

    synthetic_set()
    police = Agency.objects.get(code="qng-ca-2025")
    for case in CriminalCase.objects.all()[:2]:
        StageEvent.objects.create(
            case=case, stage=Stage.INSTITUTED, on=date(2026, 4, 20), agency=police
        )
    for case in Case.objects.all()[:3]:
        case = _move(case, State.VERIFYING, date(2026, 6, 1), "", None)
        _move(case, State.IDENTIFIED, date(2026, 6, 2), "", None)
    numbers = list(CriminalCase.objects.values_list("number", flat=True))
    codes = list(Case.objects.values_list("code", flat=True))
    return numbers, codes


def test_the_drill_down_lists_no_record_of_a_register_of_persons_to_a_leader(client):
    """Before: a leader saw the record codes of watch checks and stage events behind a
    figure. Registers that describe persons give such a reader counts only."""
    from ctip.reporting.provenance import listed_for

    numbers, codes = _with_stages_and_decisions()
    compilation = _compiled()
    figures = compilation.result["figures"]
    leader = leader_user()
    wanted = {
        "enforcement.watch_checks",
        "enforcement.watch_entries",
        "enforcement.cases_instituted",
        "enforcement.cases_detected",
        "victims.received",
    }
    seen = {f["indicator"] for f in figures.values()} & wanted
    assert seen == wanted
    log_in(client, leader)
    for fid, figure in figures.items():
        if figure["indicator"] not in wanted:
            continue
        total, listed, withheld = listed_for(leader, figure)
        assert listed == [] and withheld and total == figure["records"] > 0, figure["indicator"]
        html = client.get(f"/bao-cao/tong-hop/{compilation.pk}/so-lieu/{fid}/").content.decode()
        assert "TD-" not in html
        assert not any(n in html for n in numbers), figure["indicator"]
        assert not any(c in html for c in codes), figure["indicator"]


def test_a_public_compilation_controls_the_count_of_records_too(client):
    from ctip.reporting.provenance import listed_for

    synthetic_set()
    compilation = _compiled("public")
    figures = compilation.result["figures"]
    watch = next(f for f in figures.values() if f["indicator"] == "enforcement.watch_checks")
    assert watch["suppressed"] and watch["records"] == "<5"  # two checks
    leader = leader_user()
    assert listed_for(leader, watch)[0] is None
    log_in(client, leader)
    fid = watch["id"]
    html = client.get(f"/bao-cao/tong-hop/{compilation.pk}/so-lieu/{fid}/").content.decode()
    assert "<dd>&lt;5</dd>" in html


# --- reports for publication and ad-hoc queries ------------------------------------------------


def test_a_report_for_publication_follows_the_rule(tmp_path):
    """`ctip report --public`: zero reads like 1 to 4, the rest is rounded ("khoảng"), the
    annex lists no group for withheld values and withholds the count of records behind them."""
    from io import BytesIO

    from django.core.management import call_command
    from docx import Document
    from openpyxl import load_workbook

    one, four_three, seven = synthetic_set()
    out, annex = tmp_path / "r.docx", tmp_path / "r.xlsx"
    call_command(
        "report",
        "--template", "six-month", "--unit", "51", "--from", "2026-01-01", "--to", "2026-06-30",
        "--output", str(out), "--annex", str(annex), "--public", stdout=io.StringIO(),
    )  # fmt: skip
    text = "\n".join(p.text for p in Document(BytesIO(out.read_bytes())).paragraphs)
    assert "tiếp nhận khoảng 15 người" in text  # 15 received, said as rounded
    assert "dưới 5 trường hợp được đưa vào theo dõi" in text  # two, not "2"
    assert "dưới 5 lượt kiểm tra" in text
    assert "chưa có trường hợp nào phải đưa vào danh sách theo dõi" not in text
    book = load_workbook(annex)
    victims = [list(r) for r in book["Bảo vệ nạn nhân"].iter_rows(values_only=True)]
    names = [r[1] for r in victims]  # after STT
    assert one.name not in names  # one child: its commune is not listed
    assert [r[3] for r in victims if r[1] == seven.name] == [5]  # after the GSO code
    sources = [list(r) for r in book["Nguồn số liệu"].iter_rows(values_only=True)]
    watch = next(r for r in sources if r[3] == "enforcement.watch_checks")
    assert watch[4] == "dưới 5" and watch[11] == "<5"


def test_the_indicators_command_gives_exact_figures_and_public_ones_under_the_rule():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    one, four_three, seven = synthetic_set()

    def run(*args: str) -> list[dict]:
        out = io.StringIO()
        call_command(
            "indicators", "--unit", "51", "--from", "2026-02-03", "--to", "2026-02-03",
            "--indicator", "victims.received", "--indicator", "enforcement.watch_entries",
            *args, "--json", stdout=out,
        )  # fmt: skip
        return json.loads(out.getvalue())

    exact = {r["indicator"]: r["value"] for r in run()}
    assert exact == {"victims.received": 1, "enforcement.watch_entries": 0}  # the operator's
    public = {r["indicator"]: r for r in run("--public")}
    assert public["victims.received"]["value"] == 10  # Q1 2026: 9 victims, rounded
    assert public["enforcement.watch_entries"]["value"] is None
    assert public["enforcement.watch_entries"]["withheld"] is True
    assert public["victims.received"]["start"] == "2026-01-01"
    by_unit = run("--public", "--by", "unit", "--level", "commune")
    assert {r["unit"]["name"] for r in by_unit} == set()  # 1, 4 and 3 victims: none listed
    with pytest.raises(CommandError, match="quý trọn vẹn"):
        run("--public", "--by", "month")
    with pytest.raises(CommandError, match="01/01/1945"):
        call_command("indicators", "--unit", "51", "--from", "0001-01-01", "--to", "2026-01-01")
