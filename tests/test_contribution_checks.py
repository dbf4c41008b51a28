"""Issue 25, point 3: the figures an agency writes in its part are checked against its own data
for the request's period, on the part's page and, counted per part, before the report is
issued."""

import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ctip.agencies.models import Agency
from ctip.geo.models import Level
from ctip.prevention.import_batch import import_file
from ctip.reporting.checked import (
    DIFFERS,
    MATCHES,
    NOT_COMPARABLE,
    agrees,
    check_contribution,
    request_mismatches,
)
from ctip.reporting.contributions import (
    contribution_figures,
    contribution_save,
    contributions_assign,
)
from ctip.reporting.models import Contribution, ReportTemplate
from ctip.reporting.services import report_create, report_request_register
from tests.conftest import unit
from tests.helpers import activity_row, log_in, make_user

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)
POLICE, BORDER = "qng-ca-2025", "qng-bdbp-2025"
TEXT = (
    "Công an tỉnh đã phối hợp tổ chức {sessions} buổi tuyên truyền, với hơn 3.000 lượt người "
    "tham gia. Bộ đội Biên phòng tỉnh tổ chức 40 buổi tuyên truyền tại các xã biên giới."
)


def province():
    return unit(51, Level.PROVINCE, NEW)


def setup_part(participants=3012):
    """The police's part of a six-month request; its data: 98 sessions, `participants`
    attendances; the border guard's: 40 sessions."""
    rows = [
        activity_row(
            agency=POLICE,
            start_date="2026-03-10",
            end_date="2026-03-10",
            unit=51,
            sessions=98,
            participants=participants,
        ),
        activity_row(
            agency=BORDER, start_date="2026-04-02", end_date="2026-04-02", unit=51, sessions=40
        ),
    ]
    import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None)
    office = make_user("thuongtruc", "standing_office", unit=province())
    request = report_request_register(
        number_symbol="15/BCĐ-VP",
        date_issued=date(2026, 7, 1),
        issuer="Ban Chỉ đạo 138 Bộ Công an",
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        deadline=date(2026, 7, 31),
        acting_user=office,
    )
    police = Agency.objects.get(code=POLICE)
    (part,) = contributions_assign(
        request=request, agencies=[police], deadline=date(2026, 7, 20), acting_user=office
    )
    officer = make_user("congan", "agency_officer", agency=POLICE)
    return office, officer, part


def write(part, officer, text):
    return contribution_save(contribution=part, narratives={"situation": text}, acting_user=officer)


def by_written(checks):
    return {c.written: c for c in checks}


def test_a_figure_written_otherwise_than_the_data_is_flagged():
    _office, officer, part = setup_part()
    checks = by_written(check_contribution(write(part, officer, TEXT.format(sessions=100))))
    assert checks["100 buổi"].verdict == DIFFERS
    assert checks["100 buổi"].data == 98
    assert checks["100 buổi"].indicator == "prevention.sessions"
    assert checks["hơn 3.000 lượt người"].verdict == MATCHES
    assert checks["hơn 3.000 lượt người"].data == 3012
    # The border guard's 40 sessions are its own, not the police's: never compared.
    other = checks["40 buổi"]
    assert other.verdict == NOT_COMPARABLE and other.data is None
    assert "Bộ đội Biên phòng tỉnh" in other.reason

    checks = by_written(check_contribution(write(part, officer, TEXT.format(sessions=98))))
    assert checks["98 buổi"].verdict == MATCHES


def test_more_than_is_not_borne_out_by_less():
    _office, officer, part = setup_part(participants=2950)
    checks = by_written(check_contribution(write(part, officer, TEXT.format(sessions=98))))
    assert checks["hơn 3.000 lượt người"].verdict == DIFFERS
    assert checks["hơn 3.000 lượt người"].data == 2950
    assert [n for n, _ in request_mismatches(part.request)] == [part]
    assert request_mismatches(part.request)[0][1] == 1


def test_what_cannot_be_compared_says_why():
    _office, officer, part = setup_part()
    text = (
        "Năm 2025, đơn vị tổ chức 7 buổi tuyên truyền. Treo 45 băng rôn. "
        "Trong 6 tháng đầu năm 2026, tổ chức 98 buổi tuyên truyền."
    )
    checks = by_written(check_contribution(write(part, officer, text)))
    assert checks["7 buổi"].verdict == NOT_COMPARABLE
    assert "kỳ khác" in checks["7 buổi"].reason
    assert checks["45 băng rôn"].verdict == NOT_COMPARABLE
    assert "không có chỉ tiêu" in checks["45 băng rôn"].reason
    assert checks["98 buổi"].verdict == MATCHES  # the request's own period, stated


@pytest.mark.parametrize(
    "bound, written, data, expected",
    [
        ("more_than", 3000, 3012, True),
        ("more_than", 3000, 3000, False),
        ("more_than", 3000, 2950, False),
        ("nearly", 600, 580, True),
        ("nearly", 600, 599, True),
        ("nearly", 600, 579, False),
        ("nearly", 600, 600, False),
        ("about", 100, 90, True),
        ("about", 100, 110, True),
        ("about", 100, 111, False),
        ("exact", 98, 98, True),
        ("exact", 100, 98, False),
        ("at_least", 10, 10, True),
        ("at_most", 10, 11, False),
    ],
)
def test_bounds(bound, written, data, expected):
    assert agrees(bound, written, data) is expected


@pytest.mark.parametrize(
    "data, expected", [(30, True), (42, True), (50, True), (29, False), (51, False)]
)
def test_a_range_holds_the_values_between_its_ends(data, expected):
    assert agrees("range", 30, data, 50) is expected


def test_queries_do_not_grow_with_the_text():
    _office, officer, part = setup_part()

    def queries(text):
        write(part, officer, text)
        fresh = Contribution.objects.select_related("request__unit", "agency").get(pk=part.pk)
        with CaptureQueriesContext(connection) as ctx:
            check_contribution(fresh)
        return len(ctx)

    short = queries("Tổ chức 98 buổi, khởi tố 2 vụ.")
    long = queries(" ".join(["Tổ chức 98 buổi với 3.012 lượt người, khởi tố 2 vụ."] * 30))
    assert long == short


def test_the_pages_show_the_check_in_vietnamese(django_capture_on_commit_callbacks):
    office_user, officer, part = setup_part()
    write(part, officer, TEXT.format(sessions=100))
    url = f"/bao-cao/dong-gop/{part.pk}/"
    for user in (office_user, officer):
        client = Client()
        log_in(client, user)
        page = client.get(url).content.decode()
        assert "Đối chiếu số liệu" in page
        row = re.search(r"<strong>100 buổi</strong>.*?</tr>", page, re.S).group(0)
        assert "Số buổi tuyên truyền, tập huấn" in row and "<td>98</td>" in row
        assert "Không khớp với dữ liệu" in row
        row = re.search(r"<strong>hơn 3.000 lượt người</strong>.*?</tr>", page, re.S).group(0)
        assert "<td>3.012</td>" in row and ">Khớp<" in row
        row = re.search(r"<strong>40 buổi</strong>.*?</tr>", page, re.S).group(0)
        assert "Không đối chiếu được" in row and "số liệu của cơ quan khác" in row

    # Another province's standing office: the same 404 as for a part that does not exist.
    stranger = Client()
    log_in(stranger, make_user("kontum", "standing_office", unit=unit(56, Level.PROVINCE, NEW)))
    assert stranger.get(url).status_code == 404
    part.refresh_from_db()
    assert "100 buổi" in part.narratives["situation"]

    # Before issuing, the count of mismatches per part, with a link to it.
    office = Client()
    log_in(office, office_user)
    request = part.request
    report = report_create(
        template=request.template,
        unit=request.unit,
        period_start=request.period_start,
        period_end=request.period_end,
        request=request,
        acting_user=office_user,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert office.post(f"/bao-cao/{report.pk}/", {"compile": "1"}).status_code == 302
    page = office.get(f"/bao-cao/{report.pk}/ban-hanh/").content.decode()
    assert "Đối chiếu số liệu trong phần viết của các cơ quan" in page
    assert f'href="{url}"' in page and "1 số liệu không khớp với dữ liệu" in page


def test_the_issue_pages_check_reads_all_parts_in_a_fixed_number_of_queries():
    """A review found one `compute` per part on the issue page; now one for all of them, with
    the verdicts of each part checked alone."""
    office, officer, part = setup_part()
    write(part, officer, "Tổ chức 100 buổi tuyên truyền với hơn 3.000 lượt người tham gia.")
    request_mismatches(part.request)  # the request and its unit read once, outside the count
    with CaptureQueriesContext(connection) as one:
        ((found, differs),) = request_mismatches(part.request)
    assert (found, differs) == (part, 1)
    (border,) = contributions_assign(
        request=part.request,
        agencies=[Agency.objects.get(code=BORDER)],
        deadline=date(2026, 7, 20),
        acting_user=office,
    )
    guard = make_user("bienphong", "agency_officer", agency=BORDER)
    write(border, guard, "Tổ chức 41 buổi tuyên truyền, phát 500 tờ rơi.")
    with CaptureQueriesContext(connection) as two:
        checked = dict(request_mismatches(part.request))
    assert checked == {part: 1, border: 1}  # 100 against 98; 41 against 40
    assert checked[border] == sum(1 for c in check_contribution(border) if c.differs)
    assert len(two) == len(one)


def test_a_figure_only_other_kinds_of_agency_are_counted_for_is_not_compared():
    """ "xét xử 5 vụ" in the police's part: cases tried count for the court that judged, so the
    police's data is 0 by definition; flagged as differing it would say the police got it wrong.
    Its own cases detected are still compared, and its figures leave out the court's."""
    _office, officer, part = setup_part()
    text = "Phát hiện 2 vụ mua bán người. Tòa án đã đưa ra xét xử 5 vụ."
    checks = by_written(check_contribution(write(part, officer, text)))
    tried = checks["5 vụ"]
    assert tried.verdict == NOT_COMPARABLE and tried.data is None
    assert "chỉ tính cho" in tried.reason and "Tòa án" in tried.reason
    assert checks["2 vụ"].verdict == DIFFERS and checks["2 vụ"].data == 0
    assert request_mismatches(part.request)[0][1] == 1  # the detected cases only
    shown = {f["indicator"] for f in contribution_figures(part)}
    assert "prevention.sessions" in shown
    assert not shown & {"enforcement.cases_tried", "enforcement.defendants_convicted"}
