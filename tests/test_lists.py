"""Lists (issue 23, point 4): the victim-case and criminal-case lists filter by state, dates,
unit, agency and "mine", sort by a whitelist of columns, count by state in one query, never
show more than the selector lets the user see, and do not spend more queries as data grows.
Downloads are named by what they are."""

import re
from datetime import date

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from ctip.agencies.models import Agency
from ctip.core.listing import attachment_name, content_disposition, parse_day
from ctip.enforcement.models import Stage
from ctip.enforcement.selectors import criminal_cases_visible
from ctip.enforcement.stages import stage_advance
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.victims.selectors import cases_visible
from ctip.victims.states import State
from ctip.victims.transitions import case_transition
from tests.factories import COMMUNE, CaseFactory, CriminalCaseFactory, commune
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 10)
CASES = "/ho-so/"
CRIMINAL = "/vu-an/"


def _neighbour(day: date) -> Unit:
    """Another commune of the same province as COMMUNE on `day`."""
    home = commune(COMMUNE, day)
    return (
        Unit.objects.valid_on(day)
        .filter(parent=home.parent, level__in=COMMUNE_LEVELS)
        .exclude(pk=home.pk)
        .order_by("code")
        .first()
    )


@pytest.fixture
def worker():
    return make_user("xahoi", "case_worker", agency="qng-syt-2025")


@pytest.fixture
def victims(worker):
    """Three cases of the health department (one moved on by the worker), and one of the
    police, which the health department's worker does not see."""
    first = CaseFactory(received_on=date(2025, 9, 2))
    second = CaseFactory(received_on=date(2025, 9, 10), home_unit=_neighbour(date(2025, 9, 10)))
    third = CaseFactory(received_on=date(2025, 10, 1))
    third = case_transition(
        case=third, to_state=State.VERIFYING, on=date(2025, 10, 2), acting_user=worker
    )
    police = CaseFactory(owner="qng-ca-2025", received_on=date(2025, 9, 5))
    return {"first": first, "second": second, "third": third, "police": police}


def _codes(response) -> list[str]:
    assert response.status_code == 200
    return [c.code for c in response.context["page"].object_list]


def _numbers(response) -> list[str]:
    assert response.status_code == 200
    return [c.number for c in response.context["page"].object_list]


@pytest.fixture
def client_worker(client, worker):
    log_in(client, worker, add_totp(worker))
    return client


# The finding: the victim-case list had no filters (every query string gave the same list).


def test_victim_filters_narrow_within_scope(client_worker, worker, victims):
    v = victims
    visible = set(cases_visible(worker).values_list("code", flat=True))
    assert v["police"].code not in visible
    assert set(_codes(client_worker.get(CASES))) == visible
    assert _codes(client_worker.get(CASES, {"state": "verifying"})) == [v["third"].code]
    assert set(_codes(client_worker.get(CASES, {"from": "05/09/2025", "to": "2025-09-30"}))) == {
        v["second"].code
    }
    assert set(_codes(client_worker.get(CASES, {"to": "2/9/2025"}))) == {v["first"].code}
    # The commune of residence is personal: neither a column nor a filter of the list (a
    # review found it listed, filtered and sorted without an access-log row). A "unit"
    # parameter filters nothing.
    unit = str(v["second"].home_unit_id)
    assert set(_codes(client_worker.get(CASES, {"unit": unit}))) == visible
    page = client_worker.get(CASES).content.decode()
    assert "Địa bàn cư trú" not in page and v["second"].home_unit.name not in page
    owner = str(v["first"].owner_id)
    assert set(_codes(client_worker.get(CASES, {"agency": owner}))) == visible
    # "Mine": the worker took the third case's latest step; the others were made by a job.
    assert _codes(client_worker.get(CASES, {"mine": "1"})) == [v["third"].code]
    # Combined filters narrow together.
    both = {"state": "received", "from": "01/09/2025", "to": "05/09/2025"}
    assert _codes(client_worker.get(CASES, both)) == [v["first"].code]


def test_victim_filter_never_widens_scope(client_worker, victims):
    police = victims["police"]
    response = client_worker.get(
        CASES, {"agency": str(police.owner_id), "unit": str(police.home_unit_id)}
    )
    # The police's agency is not offered, so the filter is ignored with a notice: the list is
    # the worker's own, never the police's case.
    assert police.code not in _codes(response)
    assert police.code not in response.content.decode()
    assert "bỏ qua" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"from": "31/02/2025"},
        {"to": "hôm qua"},
        {"from": "01/10/2025", "to": "01/09/2025"},
        {"state": "nonsense"},
        {"agency": "99999999999999999999999"},
        {"mine": "maybe"},
        {"sort": "full_name"},
        {"sort": "-__class__"},
        {"page": "xyz"},
        {"from": "\x00"},
        {"state": "x" * 5000},
        {"from": "01/01/1700"},
    ],
)
def test_victim_bad_parameters_give_a_notice_not_an_error(client_worker, victims, params):
    response = client_worker.get(CASES, params)
    assert response.status_code == 200
    assert len(_codes(response)) == 3  # the whole (own) list
    if "page" not in params:
        assert response.context["notices"], params
        assert 'class="notice"' in response.content.decode()


def test_victim_sorting(client_worker, victims):
    by_code = sorted(c.code for k, c in victims.items() if k != "police")
    assert _codes(client_worker.get(CASES, {"sort": "code"})) == by_code
    assert _codes(client_worker.get(CASES, {"sort": "-code"})) == by_code[::-1]
    dates = [
        c.received_on for c in client_worker.get(CASES).context["page"].object_list
    ]  # default: latest first
    assert dates == sorted(dates, reverse=True)
    asc = client_worker.get(CASES, {"sort": "received_on"})
    assert [c.received_on for c in asc.context["page"].object_list] == sorted(dates)
    assert 'aria-sort="ascending"' in asc.content.decode()


def test_victim_counts_match_sql(client_worker, worker, victims):
    response = client_worker.get(CASES)
    expected = dict(cases_visible(worker).order_by().values_list("state").annotate(n=Count("pk")))
    chips = {c.value: c.n for c in response.context["chips"]}
    assert chips.pop("") == sum(expected.values()) == 3
    assert chips == expected
    assert "3 hồ sơ" in response.content.decode()
    # The state chips keep the other filters and count within them.
    narrowed = client_worker.get(CASES, {"from": "05/09/2025", "state": "verifying"})
    chips = {c.value: c.n for c in narrowed.context["chips"]}
    assert chips == {"": 2, "received": 1, "verifying": 1}
    assert "1 hồ sơ" in narrowed.content.decode()
    assert all("from=05%2F09%2F2025" in c.url for c in narrowed.context["chips"])


def test_victim_list_names_never_in_urls_or_rows(client_worker, victims):
    name = victims["first"].full_name
    body = client_worker.get(CASES, {"sort": "code"}).content.decode()
    assert name not in body
    # The filter form (GET) takes codes and dates only: a name is searched by POST.
    get_form = body.split('<form method="get"', 1)[1].split("</form>", 1)[0]
    fields = set(re.findall(r'name="(\w+)"', get_form))
    assert fields == {"state", "from", "to", "agency", "mine", "sort"}


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_victim_queries_do_not_grow_with_data(client_worker, victims):
    params = {"from": "01/01/2025", "mine": "1", "sort": "owner"}
    few = (_queries(client_worker, CASES), _queries(client_worker, CASES, params))
    for n in range(8):
        CaseFactory(received_on=date(2025, 9, 1 + n), home_unit=_neighbour(date(2025, 9, 1)))
    many = (_queries(client_worker, CASES), _queries(client_worker, CASES, params))
    assert few == many


# Criminal cases: the list had no filters either.


@pytest.fixture
def investigator():
    return make_user("dieutra", "investigator", agency="qng-ca-2025")


@pytest.fixture
def crimes(investigator):
    day = date(2025, 9, 1)
    first = CriminalCaseFactory(detected_on=day, suspects_count=3)
    second = CriminalCaseFactory(detected_on=date(2025, 9, 8), unit=_neighbour(day))
    third = CriminalCaseFactory(detected_on=date(2025, 9, 15), suspects_count=1)
    third = stage_advance(
        case=third, to_stage=Stage.INSTITUTED, on=date(2025, 9, 20), acting_user=investigator
    )
    return {"first": first, "second": second, "third": third}


@pytest.fixture
def client_investigator(client, investigator):
    log_in(client, investigator, add_totp(investigator))
    return client


def test_criminal_filters_sorting_counts(client_investigator, investigator, crimes):
    c, get = crimes, client_investigator.get
    visible = set(criminal_cases_visible(investigator).values_list("number", flat=True))
    assert set(_numbers(get(CRIMINAL))) == visible == {x.number for x in c.values()}
    assert _numbers(get(CRIMINAL, {"stage": "instituted"})) == [c["third"].number]
    assert _numbers(get(CRIMINAL, {"from": "02/09/2025", "to": "14/09/2025"})) == [
        c["second"].number
    ]
    assert _numbers(get(CRIMINAL, {"unit": str(c["second"].unit_id)})) == [c["second"].number]
    assert set(_numbers(get(CRIMINAL, {"agency": str(c["first"].owner_id)}))) == visible
    assert _numbers(get(CRIMINAL, {"mine": "1"})) == [c["third"].number]
    by_suspects = _numbers(get(CRIMINAL, {"sort": "-suspects"}))
    assert by_suspects[0] == c["first"].number and by_suspects[-1] == c["second"].number
    response = get(CRIMINAL)
    chips = {x.value: x.n for x in response.context["chips"]}
    expected = dict(
        criminal_cases_visible(investigator).order_by().values_list("stage").annotate(n=Count("pk"))
    )
    assert chips.pop("") == 3 and chips == expected
    assert "3 vụ án" in response.content.decode()


def test_criminal_scope_and_bad_parameters(client, crimes):
    # The court sees only cases that reached trial: none of these, whatever the filters say.
    judge = make_user("toaan", "judge", agency="qng-ta-2025")
    log_in(client, judge, add_totp(judge))
    for params in ({}, {"stage": "detected"}, {"agency": str(crimes["first"].owner_id)}):
        response = client.get(CRIMINAL, params)
        assert _numbers(response) == []
    response = client.get(CRIMINAL, {"from": "99/99/2025", "sort": "outcome", "stage": "x"})
    assert response.status_code == 200 and len(response.context["notices"]) == 3


def test_criminal_queries_do_not_grow_with_data(client_investigator, crimes):
    params = {"to": "31/12/2025", "mine": "1", "sort": "owner"}
    few = (_queries(client_investigator, CRIMINAL), _queries(client_investigator, CRIMINAL, params))
    for n in range(8):
        CriminalCaseFactory(detected_on=date(2025, 8, 1 + n))
    many = (
        _queries(client_investigator, CRIMINAL),
        _queries(client_investigator, CRIMINAL, params),
    )
    assert few == many


# The helper.


def test_parse_day():
    assert parse_day("16/10/2023") == parse_day("2023-10-16") == date(2023, 10, 16)
    assert parse_day("6/1/2024") == date(2024, 1, 6)
    for bad in ("31/02/2025", "2025-13-01", "16-10-2023", "", "01/01/1700", "１６/10/2023"):
        assert parse_day(bad) is None, bad


def test_attachment_names_are_ascii():
    assert attachment_name("BC", "207", "UBND", date(2023, 10, 16), ext="docx") == (
        "BC-207-UBND-2023-10-16.docx"
    )
    assert attachment_name("Dự thảo báo cáo", "QĐ-UBND", ext="pdf") == (
        "Du-thao-bao-cao-QD-UBND.pdf"
    )
    header = content_disposition("Bao-cao.docx", shown="Báo cáo.docx")
    assert header.isascii() and "filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx" in header


# Downloads named by what they are (the finding: a report was saved as "bao-cao-3-4.docx").


def _attachment(response) -> str:
    assert response.status_code == 200, response.content[:500]
    header = response["Content-Disposition"]
    assert header.isascii()
    return re.search(r'filename="([^"]+)"', header).group(1)


def test_report_downloads_are_named_by_number_and_date(client):
    from ctip.reporting.issuing import report_issue
    from tests.helpers import written_out
    from tests.test_issue_gate import ISSUE, compiled, six_month

    office = make_user("thuongtruc", "standing_office", unit=_province_2026())
    report = six_month(office)
    draft = written_out(compiled(report, office))
    log_in(client, office)
    url = f"/bao-cao/tong-hop/{draft.pk}/tai/"
    assert _attachment(client.get(url + "docx/")) == (
        "Du-thao-Bao-cao-sau-thang-cong-tac-phong-chong-mua-ban-nguoi-2026-01-01-den-2026-06-30.docx"
    )
    report_issue(report=report, compilation=draft, issue_date=ISSUE, number=3, acting_user=office)
    report.refresh_from_db()
    assert report.number == "3/BC-UBND"
    # The issued text is a frozen copy; the draft it came from keeps a draft's name.
    issued = f"/bao-cao/tong-hop/{report.issued_compilation_id}/tai/"
    assert _attachment(client.get(issued + "docx/")) == "BC-3-UBND-2026-07-25.docx"
    assert _attachment(client.get(issued + "xlsx/")) == "BC-3-UBND-2026-07-25-phu-luc.xlsx"
    assert _attachment(client.get(url + "docx/")).startswith("Du-thao-Bao-cao-sau-thang-")


def _province_2026():
    from ctip.geo.models import Level
    from tests.conftest import unit

    return unit(51, Level.PROVINCE, date(2026, 1, 1))


def test_activity_and_dashboard_exports_are_named_by_their_period(client):
    from tests.factories import ActivityFactory

    ActivityFactory(agency="qng-ca-2025", start_date=date(2025, 9, 12))
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    log_in(client, officer)
    export = client.get(
        "/hoat-dong/xuat.xlsx", {"date_from": "01/01/2025", "date_to": "31/12/2025"}
    )
    assert _attachment(export) == "hoat-dong-2025-01-01-den-2025-12-31.xlsx"
    client.logout()
    leader = make_user("lanhdao", "leader", unit=_province_2026())
    log_in(client, leader)
    html = client.get("/bang-dieu-khien/", {"tu": "01/07/2025", "den": "28/11/2026"})
    key = re.search(r"/bang-dieu-khien/tai/([\w-]+)\.csv", html.content.decode()).group(1)
    name = _attachment(client.get(f"/bang-dieu-khien/tai/{key}.csv?tu=01/07/2025&den=28/11/2026"))
    # The chart's title, the unit and the period (as the dashboard settled it).
    assert re.fullmatch(r"So-[A-Za-z-]+-Quang-Ngai-2025-07-01-den-2026-1\d-\d\d\.csv", name), name
    assert not name.startswith(key)  # words, not the panel's code


def test_directive_and_paper_files_are_named_by_their_numbers(client, worker, victims):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ctip.directives.services import document_create
    from ctip.victims.papers.generate import paper_generate

    health = Agency.objects.get(code="qng-syt-2025")  # the worker's agency records it
    document = document_create(
        number_symbol="34/KH-UBND",
        date_issued=date(2025, 8, 19),
        subject="Kế hoạch phòng, chống mua bán người",
        issuer_name="UBND tỉnh",
        recorded_by=health,
        file=SimpleUploadedFile("scan 0001 final.pdf", b"%PDF-1.4 test"),
        acting_user=None,
    )
    log_in(client, worker, add_totp(worker))
    assert _attachment(client.get(f"/van-ban/{document.pk}/tep/")) == "KH-34-UBND-2025-08-19.pdf"
    case = victims["first"]
    paper = paper_generate(case=case, kind="reception_minutes", acting_user=None)
    response = client.get(f"/giay-to/{paper.pk}/")
    assert response.status_code == 200
    assert f"Bien-ban-tiep-nhan-{case.code}.docx" in response["Content-Disposition"]
    assert case.full_name not in response["Content-Disposition"]


def test_other_lists_show_their_counts(client):
    from tests.factories import ActivityFactory

    ActivityFactory(agency="qng-ca-2025", start_date=date(2025, 9, 12))
    ActivityFactory(agency="qng-ca-2025", start_date=date(2025, 10, 12))
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    assert "2 hoạt động" in client.get("/hoat-dong/").content.decode()
    narrowed = client.get("/hoat-dong/", {"date_from": "01/10/2025"}).content.decode()
    assert "1 hoạt động" in narrowed
    assert "0 văn bản" in client.get("/van-ban/").content.decode()
