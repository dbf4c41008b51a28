"""Issue 23, point 5: the dashboard reads well. Anchored sections under a contents bar, a month
still running marked partial (never a month of 0), fully withheld series not drawn but counted
in a note, comparison with the same period a year earlier (29 February included), and rates per
1,000 inhabitants from a loaded population, labelled "dân số giả lập" when it is invented."""

import html as html_module
import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.dashboard import figures
from ctip.dashboard.figures import Period, year_earlier
from ctip.dashboard.panels import user_scope
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.prevention.import_batch import import_file
from ctip.prevention.models import Population
from ctip.prevention.population import (
    SYNTHETIC,
    population_demo_ensure,
    population_import_csv,
    synthetic_shares,
)
from tests.conftest import unit
from tests.helpers import activity_row, add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)
TODAY = date(2026, 12, 6)  # a Sunday in a running December
PANELS = ["prevention", "protection", "enforcement", "watch", "cooperation"]


def province():
    return unit(51, Level.PROVINCE, NEW)


def commune(n=0):
    return (
        Unit.objects.valid_on(NEW)
        .filter(level__in=COMMUNE_LEVELS, rollup_province__code=51)
        .order_by("code")[n]
    )


@pytest.fixture
def frozen(monkeypatch):
    """The dashboard's today: 06/12/2026 (December still running)."""
    monkeypatch.setattr(figures, "today", lambda: TODAY)
    return TODAY


def page(client, user, url, personal=False):
    log_in(client, user, add_totp(user) if personal else None)
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content.decode()


def island(html, key):
    found = re.search(rf'<script id="data-{key}" type="application/json">(.*?)</script>', html)
    assert found, f"no chart {key}"
    return json.loads(found.group(1))


def section(html, code):
    """The HTML of one pillar's section."""
    found = re.search(rf'<section [^>]*aria-labelledby="p-{code}">(.*?)</section>', html, re.S)
    assert found, f"no section {code}"
    return found.group(1)


def import_rows(*rows):
    return import_file(name="a.json", data=json.dumps(list(rows)).encode(), acting_user=None)


def load_population(rows, source="Niên giám thống kê tỉnh Quảng Ngãi 2025 (thử)"):
    lines = ["code,level,year,population,source"]
    lines += [f'{code},{level},2025,{pop},"{source}"' for code, level, pop in rows]
    return population_import_csv(data="\n".join(lines).encode(), acting_user=None)


# --- sections and contents --------------------------------------------------------------------


def test_one_section_per_pillar_under_a_contents_bar(client, frozen):
    html = page(client, make_user("lanhdao", "leader", unit=province()), "/bang-dieu-khien/")
    nav = re.search(r'<nav class="tabs[^"]*"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no contents bar"
    assert re.findall(r'href="#p-(\w+)"', nav.group(1)) == PANELS
    for code in PANELS:  # each link lands on its section's heading, cards first
        body = section(html, code)
        assert body.lstrip().startswith(f'<h2 id="p-{code}">')
        assert body.index('class="cards"') < body.find("<figure") or "<figure" not in body
    assert html.count('href="#muc-luc"') == len(PANELS)  # back to the contents


# --- a running month ----------------------------------------------------------------------------


def test_a_running_month_is_marked_partial_not_drawn_as_a_finished_month(client, frozen):
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-11-10",
            end_date="2026-11-10",
            unit=commune().code,
            sessions=4,
        )
    )
    leader = make_user("lanhdao", "leader", unit=province())
    url = "/bang-dieu-khien/?tu=01/01/2026&den=31/12/2026"
    html = page(client, leader, url)
    rows = {r["key"]: r for r in island(html, "prevention-0")}  # sessions by month
    assert rows["2026-11"]["value"] == 4 and not rows["2026-11"].get("partial")
    assert rows["2026-12"]["partial"] is True  # December runs to 06/12: not a December of 0
    assert [k for k, r in rows.items() if r.get("partial")] == ["2026-12"]
    assert "Tháng 12/2026 chưa kết thúc: số liệu đến 06/12/2026." in html
    # The accessible table beside the chart says so too, and so does the download.
    table = section(html, "prevention")
    assert '12/2026 <span class="badge partial">chưa kết thúc, số liệu đến 06/12/2026' in table
    csv_text = client.get("/bang-dieu-khien/tai/prevention-0.csv?tu=01/01/2026&den=31/12/2026")
    assert "12/2026 (chưa kết thúc, số liệu đến 06/12/2026)" in csv_text.content.decode("utf-8-sig")
    # Quarterly (disclosure-controlled) series: the running quarter alike, withheld or not.
    scope = user_scope(leader)
    grid = Period(province(), date(2026, 1, 1), date(2026, 12, 31), grid=True, today=TODAY)
    quarterly = figures.series("victims.received", scope, grid, 5)
    assert quarterly["dimension"] == "quarter"
    assert [r.get("partial", False) for r in quarterly["rows"]] == [False, False, False, True]
    assert quarterly["partial_note"] == "Quý 4/2026 chưa kết thúc: số liệu đến 06/12/2026."
    # The period runs past today: the page says so, and compares up to the same day.
    assert "Kỳ chưa kết thúc: số liệu đến ngày 06/12/2026" in html


def test_months_still_to_come_are_not_plotted(client, frozen):
    officer = make_user("xa", "commune_officer", unit=commune())
    html = page(client, officer, "/bang-dieu-khien/?tu=01/10/2026&den=28/02/2027", personal=True)
    rows = {r["key"]: r for r in island(html, "prevention-0")}
    assert rows["2026-12"]["partial"] is True and rows["2026-12"]["value"] == 0
    assert rows["2027-01"]["future"] is True and rows["2027-01"]["value"] is None
    assert rows["2027-02"]["value"] is None
    # Compared with the same days a year earlier, up to today's date.
    assert "so với cùng kỳ năm trước (01/10/2025 – 06/12/2025)" in html


# --- fully withheld series --------------------------------------------------------------------


def test_fully_withheld_series_draw_no_box_and_are_counted_in_a_note(client, frozen):
    leader = make_user("lanhdao", "leader", unit=province())
    html = page(client, leader, "/bang-dieu-khien/?tu=01/01/2026&den=30/09/2026")
    protection = section(html, "protection")
    # No victim records: every value is below the threshold for a leader, so nothing is drawn.
    assert "<canvas" not in protection and "<figure" not in protection
    assert "6 biểu đồ không được vẽ: mọi giá trị đều dưới 5 nên được giữ kín" in protection
    assert "số nhỏ có thể giúp nhận ra nạn nhân" in protection
    # The note names the downloads that still state "<5": they are on the page (a review found
    # the note pointing at links that were left out with the charts).
    downloads = re.search(r'<ul class="withheld-downloads[^"]*">(.*?)</ul>', protection, re.S)
    assert downloads and downloads.group(1).count(".csv?") == 6, protection[-2500:]
    link = re.search(r'href="([^"]+\.csv\?[^"]*)"', downloads.group(1)).group(1)
    csv = client.get(html_module.unescape(link))
    assert csv.status_code == 200 and "<5" in csv.content.decode("utf-8-sig")
    # Prevention (not about persons) keeps its charts, without a note.
    prevention = section(html, "prevention")
    assert "<canvas" in prevention and "không được vẽ" not in prevention
    # A case worker opens the victims' records: her figures are exact, her charts drawn.
    client.logout()
    worker = make_user("yte", "case_worker", agency="qng-syt-2025")
    html = page(client, worker, "/bang-dieu-khien/?tu=01/01/2026&den=30/09/2026", personal=True)
    assert "<canvas" in section(html, "protection")
    assert "không được vẽ" not in html


# --- the same period a year earlier -------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        # The case: not 26/01/2025-31/12/2025 again.
        ((date(2025, 1, 26), date(2025, 12, 31)), (date(2024, 1, 26), date(2024, 12, 31))),
        # Whole months keep whole months across 29 February, both ways.
        ((date(2025, 1, 1), date(2025, 2, 28)), (date(2024, 1, 1), date(2024, 2, 29))),
        ((date(2024, 1, 1), date(2024, 2, 29)), (date(2023, 1, 1), date(2023, 2, 28))),
        ((date(2024, 2, 1), date(2024, 3, 31)), (date(2023, 2, 1), date(2023, 3, 31))),
        # Spanning 29 February, not whole months: the same days.
        ((date(2024, 2, 10), date(2024, 3, 10)), (date(2023, 2, 10), date(2023, 3, 10))),
        # Starting or ending on 29 February: 28 February a year earlier.
        ((date(2024, 2, 29), date(2024, 3, 15)), (date(2023, 2, 28), date(2023, 3, 15))),
        ((date(2024, 2, 29), date(2024, 2, 29)), (date(2023, 2, 28), date(2023, 2, 28))),
        ((date(2023, 12, 15), date(2024, 2, 29)), (date(2022, 12, 15), date(2023, 2, 28))),
        # A whole year.
        ((date(2026, 1, 1), date(2026, 12, 31)), (date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_the_comparison_is_the_same_period_a_year_earlier(period, expected):
    assert year_earlier(*period) == expected
    previous = Period(province(), *period).previous
    assert (previous.start, previous.end) == expected


def test_quarters_and_running_periods_compare_with_a_year_earlier():
    # On the grid a running quarter is not compared: its figures run to today, the one a year
    # earlier would be whole. The ended quarters are compared with the same quarters.
    grid = Period(province(), date(2025, 7, 1), date(2026, 12, 31), grid=True, today=TODAY)
    assert (grid.compared.start, grid.compared.end) == (date(2025, 7, 1), date(2026, 9, 30))
    assert (grid.previous.start, grid.previous.end) == (date(2024, 7, 1), date(2025, 9, 30))
    assert grid.previous.grid and grid.partly_compared  # whole quarters stay whole quarters
    ended_grid = Period(province(), date(2025, 1, 1), date(2025, 12, 31), grid=True, today=TODAY)
    assert not ended_grid.partly_compared and ended_grid.previous.end == date(2024, 12, 31)
    first = Period(province(), date(2026, 10, 1), date(2026, 12, 31), grid=True, today=TODAY)
    assert first.compared is None and first.previous is None  # nothing of it has ended
    running = Period(province(), date(2026, 1, 1), date(2026, 12, 31), today=TODAY)
    assert running.running
    assert (running.previous.start, running.previous.end) == (date(2025, 1, 1), date(2025, 12, 6))
    ended = Period(province(), date(2026, 1, 1), date(2026, 11, 30), today=TODAY)
    assert not ended.running and ended.previous.end == date(2025, 11, 30)


def test_a_running_year_on_the_grid_compares_its_ended_quarters(client, frozen):
    """A review found the leader's home page comparing 2026 so far with the whole of 2025 (the
    grid's running quarter against a whole one): 10 sessions "-50%" against 20, where counted to
    the same quarters it is 10 against 10. The ended quarters are compared, and said so."""
    import_rows(
        *[
            activity_row(agency="qng-ca-2025", start_date=day, end_date=day, sessions=10)
            for day in ("2025-03-10", "2025-12-20", "2026-03-10")
        ]
    )
    leader = make_user("lanhdao", "leader", unit=province())
    html = page(client, leader, "/bang-dieu-khien/")
    assert "so sánh các quý đã kết thúc (01/01/2026 – 30/09/2026)" in html
    assert "cùng kỳ năm trước (01/01/2025 – 30/09/2025)" in html
    sessions = re.search(
        r"Số buổi[^<]*</p>\s*<p class=\"card-value\">\s*(\d+).*?Các quý đã kết thúc: (\d+)"
        r".*?Cùng kỳ năm trước: (\d+)",
        section(html, "prevention"),
        re.S,
    )
    assert sessions, section(html, "prevention")[:1500]
    assert sessions.groups() == ("10", "10", "10")
    assert "-50%" not in section(html, "prevention")


def test_the_page_labels_and_computes_the_same_period_a_year_earlier(client, frozen):
    """An agency officer (no disclosure grid): 26/01/2025-31/12/2025 is compared with
    26/01/2024-31/12/2024, the 2024 record counted, the January 2025 one (in the old "previous
    period of the same length") not."""
    import_rows(
        activity_row(agency="qng-ca", start_date="2024-02-05", end_date="2024-02-05", sessions=3),
        activity_row(agency="qng-ca", start_date="2025-01-10", end_date="2025-01-10", sessions=5),
        activity_row(agency="qng-ca", start_date="2025-03-10", end_date="2025-03-10", sessions=2),
    )
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    html = page(client, officer, "/bang-dieu-khien/?tu=26/01/2025&den=31/12/2025")
    assert "so với cùng kỳ năm trước (26/01/2024 – 31/12/2024)" in html
    assert "Kỳ trước" not in html and "kỳ trước (" not in html
    cards = section(html, "prevention")
    sessions = re.search(
        r"Số buổi[^<]*</p>\s*<p class=\"card-value\">\s*(\d+).*?Cùng kỳ năm trước: (\d+)",
        cards,
        re.S,
    )
    assert sessions, cards[:1500]
    assert (sessions.group(1), sessions.group(2)) == ("2", "3")


# --- rates per 1,000 inhabitants -----------------------------------------------------------------


def rate_card(html):
    found = re.search(r'<div class="card card-rate">(.*?)</div>', section(html, "prevention"), re.S)
    assert found, "no rate card"
    return found.group(1)


def test_rates_per_thousand_from_the_loaded_population(client, frozen):
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-03-10",
            end_date="2026-03-10",
            unit=commune().code,
            participants=5000,
        )
    )
    leader = make_user("lanhdao", "leader", unit=province())
    url = "/bang-dieu-khien/?tu=01/01/2026&den=30/06/2026"
    before = rate_card(page(client, leader, url))
    assert "Chưa có số liệu dân số" in before  # said, not a bare "—"
    load_population([(51, "province", 2_161_755)])
    card = rate_card(client.get(url).content.decode())
    expected = round(5000 * 1000 / 2_161_755, 1)  # 2.3: the rule of per_thousand
    assert f'<p class="card-value">{expected:.1f}'.replace(".", ",") in card
    assert "trên 1.000 dân" in card and "Dân số năm 2025: 2.161.755 người" in card
    assert "dân số giả lập" not in card  # a real, cited figure


def test_synthetic_populations_are_labelled_on_every_rate(client, frozen):
    written = population_demo_ensure()
    communes = Unit.objects.valid_on(date(2025, 7, 1)).filter(
        level__in=COMMUNE_LEVELS, rollup_province__code=51
    )
    assert written == 1 + communes.count()
    real = Population.objects.get(unit__code=51, unit__level=Level.PROVINCE, year=2025)
    assert real.population == 2_161_755 and "202/2025/QH15" in real.source
    invented = Population.objects.filter(unit__in=communes, year=2025)
    assert invented.count() == communes.count()
    assert all(p.source.startswith(SYNTHETIC) for p in invented)
    assert sum(p.population for p in invented) == real.population
    # Deterministic and idempotent.
    shares = {p.unit.code: p.population for p in invented.select_related("unit")}
    assert synthetic_shares(list(shares), real.population) == shares
    population_demo_ensure()
    assert {p.unit.code: p.population for p in invented.select_related("unit")} == shares

    place = commune(3)
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-03-10",
            end_date="2026-03-10",
            unit=place.code,
            participants=700,
        )
    )
    officer = make_user("xa", "commune_officer", unit=place)
    html = page(client, officer, "/bang-dieu-khien/?tu=01/01/2026&den=30/06/2026", personal=True)
    card = rate_card(html)
    expected = round(700 * 1000 / shares[place.code], 1)
    assert f'<p class="card-value">{expected:.1f}'.replace(".", ",") in card
    assert "dân số giả lập" in card
    # The outreach-versus-risk table: every rate from an invented population says so.
    client.logout()
    leader = make_user("lanhdao", "leader", unit=province())
    risk = page(client, leader, "/bang-dieu-khien/nguy-co/?tu=01/01/2026&den=30/06/2026")
    rates = re.findall(r"<td>([\d.]+,\d)( <span class=\"badge synthetic\">dân số giả lập)?", risk)
    assert rates and all(badge for _rate, badge in rates), rates[:5]
    assert "Dân số giả lập: chưa có dân số thật" in risk


def test_the_coverage_page_and_its_export_label_rates_from_synthetic_populations(client):
    """The reviewer's finding: the coverage page and its workbook showed rates per 1.000 from
    invented populations without a word, its workbook wrote flags as codes ("mountainous"), and
    its "Xuất Excel" link on the default view answered a page instead of a workbook."""
    import io

    from openpyxl import load_workbook

    population_demo_ensure()
    place = commune(3)
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-03-10",
            end_date="2026-03-10",
            unit=place.code,
            participants=700,
        )
    )
    leader = make_user("lanhdao", "leader", unit=province())
    html = page(client, leader, "/hoat-dong/do-phu/")
    rates = re.findall(r"<td>([\d.]+,\d)( <span class=\"badge synthetic\">dân số giả lập)?", html)
    assert rates and all(badge for _rate, badge in rates), rates[:5]
    book = client.get("/hoat-dong/do-phu/?format=xlsx")
    assert book["Content-Type"].startswith("application/vnd.openxmlformats"), book.content[:200]
    rows = list(load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True))
    head, body = rows[0], rows[1:]
    assert head[-1] == "Nguồn dân số"
    rated = [r for r in body if r[head.index("Lượt người/1.000 dân")] is not None]
    assert rated and all(r[-1] == "Dân số giả lập" for r in rated)
    flags = " ".join(str(r[head.index("Đặc điểm")] or "") for r in body)
    assert "miền núi" in flags and "mountainous" not in flags and "ethnic_minority" not in flags


def test_real_commune_figures_stop_the_invented_ones(client):
    population_demo_ensure()
    place = commune(2)
    load_population([(place.code, place.level, 12_345)])
    assert not Population.objects.get(unit=place, year=2025).source.startswith(SYNTHETIC)
    leader = make_user("lanhdao", "leader", unit=province())
    log_in(client, leader)
    html = client.get("/bang-dieu-khien/nguy-co/?tu=01/01/2026&den=30/06/2026").content.decode()
    row = re.search(rf"{re.escape(place.name)}.*?</tr>", html, re.S)
    assert row and "dân số giả lập" not in row.group(0)


# --- queries ----------------------------------------------------------------------------------


def test_queries_stay_bounded_with_populations_partial_months_and_withheld_series(client, frozen):
    population_demo_ensure()
    leader = make_user("lanhdao", "leader", unit=province())
    log_in(client, leader)
    url = "/bang-dieu-khien/?tu=01/01/2026&den=31/12/2026"
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-01-10",
            end_date="2026-01-10",
            unit=commune().code,
        )
    )
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    import_rows(
        *[
            activity_row(
                agency="qng-ca-2025",
                start_date=f"2026-{m:02d}-10",
                end_date=f"2026-{m:02d}-10",
                unit=commune(n).code,
                sessions=n + 1,
            )
            for n in range(10)
            for m in (2, 6, 11)
        ]
    )
    with CaptureQueriesContext(connection) as large:
        html = client.get(url).content.decode()
    assert sum(r["value"] or 0 for r in island(html, "prevention-0")) > 0
    assert len(large) == len(small)
    # A running year on the grid also computes its ended quarters for the comparison (one more
    # query per batch of headlines). Issue 27 brings a province page down to about 15.
    assert len(large) <= 80, [q["sql"][:120] for q in large.captured_queries]


def test_a_population_belongs_to_its_own_version_of_the_unit():
    """A review found the old province 51 (before 1/7/2025) given the merged province's
    population, which shares its code: its rates were too low."""
    from ctip.prevention.population import population_of

    load_population([(51, "province", 2_161_755)])
    new = unit(51, Level.PROVINCE, NEW)
    old = unit(51, Level.PROVINCE, date(2025, 1, 1))
    assert old.pk != new.pk
    assert population_of(new, 2025).population == 2_161_755
    assert population_of(old, 2025) is None
