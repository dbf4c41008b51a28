"""Issue 24, point 1: "Việc của tôi" and notices. Each role's queue holds what the rules say
waits for that person and nothing outside their scope; the queue's queries do not grow with the
data; notices name no person and are sent once."""

from __future__ import annotations

import logging
import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_q.tasks import async_task

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.core.personal import personal_fields
from ctip.enforcement.decisions import SentenceSpec, decision_record
from ctip.enforcement.models import CriminalCase, Stage
from ctip.enforcement.stages import stage_advance
from ctip.enforcement.watchlist import watch_check, watch_open
from ctip.geo.models import Level
from ctip.reporting.contributions import (
    contribution_save,
    contribution_sign_off,
    contributions_assign,
)
from ctip.reporting.models import ReportTemplate
from ctip.reporting.services import report_request_register
from ctip.victims.models import Case, DuplicateReview
from ctip.victims.privacy import request_record
from ctip.victims.referrals import referral_send
from ctip.victims.transitions import case_transition
from ctip.work import notices
from ctip.work.kinds import Kind, Occasion
from ctip.work.models import Notice
from ctip.work.notices import notices_send_due
from ctip.work.queue import work_items, work_of
from tests.conftest import NEW, unit
from tests.factories import CaseFactory, CriminalCaseFactory, agency, commune
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

TODAY = date.today()  # the rules, the assignments and the pages all read today
SYT, BP, HPN, CA = "qng-syt-2025", "qng-bdbp-2025", "qng-hlhpn-2025", "qng-ca-2025"


PLANTED = {
    "other_names": "Tên Khác Thử",
    "date_of_birth": "2007-03-04",
    "ethnicity": "Dân tộc Thử",
    "identity_document": "051207001234",
    "address": "Thôn Thử Nghiệm, xã Tây Trà",
    "contacts": "0912345678",
    "relatives": "Mẹ: Người Thân Thử",
    "place_of_exploitation": "Nơi Bóc Lột Thử",
    "route": "Đường Đi Thử",
    "narrative": "Diễn Biến Thử Nghiệm",
}


def province(code: int = 51):
    return unit(code, Level.PROVINCE, NEW)


def case(owner: str, *, days_ago: int = 1, **values):
    received = TODAY - timedelta(days=days_ago)
    return CaseFactory(
        owner=owner, received_on=received, home_unit=commune(21157, received), **values
    )


@pytest.fixture
def people():
    return {
        "xahoi": make_user("xahoi", "case_worker", agency=SYT, email="xahoi@qn.gov.vn"),
        "giamsat": make_user("giamsat", "case_supervisor", agency=SYT),
        "hosobp": make_user("hosobp", "case_worker", agency=BP),
        "giamsatbp": make_user("giamsatbp", "case_supervisor", agency=BP),
        "bienphong": make_user("bienphong", "agency_officer", agency=BP),
        "phunu": make_user("phunu", "agency_officer", agency=HPN),
        "lanhdaobp": make_user("lanhdaobp", "agency_leader", agency=BP),
        "thuongtruc": make_user(
            "thuongtruc", "standing_office", agency=CA, unit=province(), email="tt@qn.gov.vn"
        ),
        "thuongtruc_hn": make_user("thuongtruc-hn", "standing_office", unit=province(1)),
        "xa": make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW)),
        "xa2": make_user("xa2", "commune_officer", unit=unit(21025, Level.COMMUNE, NEW)),
        "lanhdao": make_user("lanhdao", "leader", unit=province()),
    }


def titles(user, kind=None) -> set[str]:
    return {i.title for i in work_items(user, today=TODAY) if kind is None or i.kind == kind}


# --- victim cases: who may take the next step ------------------------------------------------


@pytest.fixture
def cases(people):
    received = case(SYT)  # awaits verification: the health department's case workers
    # The same, past its verification time limit; every personal field holds a value, which no
    # queue, page, notice or mail may show.
    late = case(SYT, days_ago=10, **PLANTED)
    border = case(BP)
    case_transition(
        case=border, to_state="verifying", on=TODAY, acting_user=people["hosobp"]
    )  # now the border guard's supervisor identifies (or not) the person
    referred = case(SYT)
    referral_send(
        case=referred,
        to_agency=agency(BP),
        reason="Cần phối hợp",
        override_reason="Khẩn cấp",
        on=TODAY,
        acting_user=people["xahoi"],
    )
    return {
        "received": received,
        "late": late,
        "border": Case.objects.get(pk=border.pk),
        "referred": referred,
    }


def test_a_case_awaits_whoever_the_rules_let_take_its_next_step(people, cases):
    syt = {c.code for c in (cases["received"], cases["late"], cases["referred"])}
    # Verifying is the case workers' and supervisors' step (roles.step.victims.verifying),
    # taken through the health department (bodies.step.victims.verifying from 1/7/2025).
    assert titles(people["xahoi"], Kind.CASE_STEP) == syt
    assert titles(people["giamsat"], Kind.CASE_STEP) == syt
    # Identifying is the supervisor's, through the border guard: not its case workers'.
    assert titles(people["giamsatbp"], Kind.CASE_STEP) == {cases["border"].code}
    assert titles(people["hosobp"], Kind.CASE_STEP) == set()
    # Nobody else has a victim case in their queue.
    for name in ("bienphong", "phunu", "lanhdaobp", "thuongtruc", "xa", "lanhdao"):
        assert titles(people[name], Kind.CASE_STEP) == set(), name


def test_the_verification_time_limit_is_the_deadline_and_orders_the_queue(people, cases):
    items = [i for i in work_items(people["xahoi"], today=TODAY) if i.kind == Kind.CASE_STEP]
    assert items[0].title == cases["late"].code
    assert items[0].overdue and items[0].deadline == cases["late"].verification_due
    assert not items[1].overdue and items[1].deadline >= TODAY
    assert items[0].link == f"/ho-so/{cases['late'].pk}/chuyen/"


def test_no_item_holds_a_personal_value(people, cases):
    values = [str(getattr(cases["late"], f)) for f in personal_fields(Case)]
    assert set(PLANTED.values()) <= set(values)
    for user in people.values():
        for item in work_items(user, today=TODAY):
            text = " ".join(str(v) for v in vars(item).values())
            assert not [v for v in values if len(v) >= 5 and v in text], item


def test_a_step_taken_leaves_the_queue(people, cases):
    case_transition(
        case=cases["received"], to_state="verifying", on=TODAY, acting_user=people["xahoi"]
    )
    assert cases["received"].code not in titles(people["xahoi"])


def test_referrals_wait_for_the_receiving_agencys_case_workers(people, cases):
    assert titles(people["hosobp"], Kind.REFERRAL) == {cases["referred"].code}
    for name in ("xahoi", "giamsat", "giamsatbp", "bienphong", "thuongtruc"):
        assert titles(people[name], Kind.REFERRAL) == set(), name


def test_data_subject_requests_wait_for_the_owners_case_workers(people, cases):
    request_record(
        case=cases["received"], kind="access", received_on=TODAY, acting_user=people["xahoi"]
    )
    items = [i for i in work_items(people["xahoi"], today=TODAY) if i.kind == Kind.PRIVACY_REQUEST]
    assert [i.title for i in items] == [cases["received"].code]
    assert items[0].deadline is not None
    assert titles(people["hosobp"], Kind.PRIVACY_REQUEST) == set()


# --- possible duplicates ----------------------------------------------------------------------


def test_a_duplicate_names_only_the_case_the_reviewer_may_open(people):
    known = case(SYT, full_name="Lò Thị Mai", date_of_birth="2007-03-04")
    other = case(
        BP, full_name="Lò Thị Mai", date_of_birth="2007-03-04", acting_user=people["hosobp"]
    )
    assert DuplicateReview.objects.filter(new_case=other, known_case=known).exists()

    [item] = [i for i in work_items(people["giamsat"], today=TODAY) if i.kind == Kind.DUPLICATE]
    assert item.title == known.code and other.code not in item.title
    assert "không có quyền xem" in str(item.note)
    assert item.link == "/ho-so/trung-lap/"  # the decision page, never the other case
    # The standing office opens neither: no code at all.
    [office] = [
        i for i in work_items(people["thuongtruc"], today=TODAY) if i.kind == Kind.DUPLICATE
    ]
    assert known.code not in office.title and other.code not in office.title
    assert office.link == "/ho-so/trung-lap/"
    # The border guard's supervisor reviews its own known cases only.
    assert titles(people["giamsatbp"], Kind.DUPLICATE) == set()
    assert titles(people["thuongtruc_hn"], Kind.DUPLICATE) == set()


# --- report parts and reports -----------------------------------------------------------------


@pytest.fixture
def parts(people):
    office = people["thuongtruc"]
    request = report_request_register(
        number_symbol="25/BCĐ-VP",
        date_issued=TODAY - timedelta(days=5),
        issuer="Ban Chỉ đạo 138 tỉnh",
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(),
        period_start=date(2025, 7, 1),
        period_end=date(2025, 12, 31),
        deadline=TODAY + timedelta(days=30),
        acting_user=office,
    )
    bp, hpn = contributions_assign(
        request=request,
        agencies=[agency(BP), agency(HPN)],
        deadline=TODAY + timedelta(days=10),
        acting_user=office,
    )
    elsewhere = report_request_register(
        number_symbol="9/BCĐ-HN",
        date_issued=TODAY - timedelta(days=5),
        issuer="Ban Chỉ đạo 138 thành phố",
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(1),
        period_start=date(2025, 7, 1),
        period_end=date(2025, 12, 31),
        acting_user=people["thuongtruc_hn"],
    )
    return {"request": request, "bp": bp, "hpn": hpn, "elsewhere": elsewhere}


def test_parts_wait_for_their_agency_writers_and_its_leader(people, parts):
    assert titles(people["bienphong"], Kind.PART_WRITE) == {"25/BCĐ-VP"}
    assert titles(people["phunu"], Kind.PART_WRITE) == {"25/BCĐ-VP"}
    # Nothing written yet: nothing to sign; the leader may write it too.
    assert titles(people["lanhdaobp"], Kind.PART_SIGN) == set()
    assert titles(people["lanhdaobp"], Kind.PART_WRITE) == {"25/BCĐ-VP"}
    assert titles(people["phunu"], Kind.PART_SIGN) == set()
    # Once a draft is saved, the writers' item leaves and the leader's to sign appears (a
    # review found the officer's item staying until the leader signed).
    contribution_save(
        contribution=parts["bp"],
        narratives={"situation": "Ổn định."},
        acting_user=people["bienphong"],
    )
    assert titles(people["bienphong"], Kind.PART_WRITE) == set()
    assert titles(people["lanhdaobp"], Kind.PART_WRITE) == set()
    assert titles(people["lanhdaobp"], Kind.PART_SIGN) == {"25/BCĐ-VP"}
    [item] = [i for i in work_items(people["phunu"], today=TODAY) if i.kind == Kind.PART_WRITE]
    assert item.deadline == parts["hpn"].deadline
    assert item.link == f"/bao-cao/dong-gop/{parts['hpn'].pk}/"
    # The police (the standing office's agency) was not assigned a part.
    assert titles(people["thuongtruc"], Kind.PART_WRITE) == set()


def test_the_standing_office_decides_parts_sent_and_answers_its_requests(people, parts):
    office, other = people["thuongtruc"], people["thuongtruc_hn"]
    assert titles(office, Kind.REPORT) == {"25/BCĐ-VP"}
    assert titles(other, Kind.REPORT) == {"9/BCĐ-HN"}
    assert titles(office, Kind.PART_DECIDE) == set()
    contribution_sign_off(contribution=parts["bp"], acting_user=people["lanhdaobp"])
    [item] = [i for i in work_items(office, today=TODAY) if i.kind == Kind.PART_DECIDE]
    assert item.title.startswith("25/BCĐ-VP — ") and item.deadline == TODAY + timedelta(days=30)
    assert titles(other, Kind.PART_DECIDE) == set()
    # Sent: no longer the border guard's to write or sign.
    assert titles(people["bienphong"], Kind.PART_WRITE) == set()
    assert titles(people["lanhdaobp"], Kind.PART_SIGN) == set()


# --- watch checks -----------------------------------------------------------------------------


def watched(officer, code: int, *, due_in: int):
    """An entry whose next check falls `due_in` days from today (negative: overdue)."""
    interval = 30
    return watch_open(
        category="long_absent",
        unit=unit(code, Level.COMMUNE, NEW),
        officer=officer,
        lawful_basis="Luật 53/2024/QH15",
        purpose="Phòng ngừa",
        opened_on=TODAY + timedelta(days=due_in - interval),
        review_on=TODAY + timedelta(days=180),
        full_name="Người theo dõi thử",
        check_every_days=interval,
        acting_user=officer,
    )


def test_watch_checks_falling_due_wait_for_the_officer_in_charge(people):
    xa, xa2 = people["xa"], people["xa2"]
    overdue, soon = watched(xa, 21157, due_in=-3), watched(xa, 21157, due_in=1)
    watched(xa, 21157, due_in=20)  # not yet
    elsewhere = watched(xa2, 21025, due_in=-1)
    items = [i for i in work_items(xa, today=TODAY) if i.kind == Kind.WATCH_CHECK]
    assert [i.title for i in items] == [overdue.code, soon.code]
    assert items[0].overdue and not items[1].overdue
    assert titles(xa2, Kind.WATCH_CHECK) == {elsewhere.code}
    watch_check(entry=overdue, on=TODAY, found=True, result="Đã gặp", acting_user=xa)
    assert titles(xa, Kind.WATCH_CHECK) == {soon.code}


# --- the number of queries --------------------------------------------------------------------


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        work_of(user, today=TODAY)
    return len(captured.captured_queries)


def test_the_queue_asks_the_same_number_of_queries_whatever_the_data(
    people, django_assert_max_num_queries
):
    users = [people[n] for n in ("xahoi", "giamsat", "hosobp", "thuongtruc", "lanhdaobp", "xa")]
    case(SYT)
    watched(people["xa"], 21157, due_in=0)
    for user in users:
        _queries(user)  # the step rules' answer kept once
    small = {u.username: _queries(u) for u in users}
    for n in range(12):
        case(SYT, days_ago=n % 5)
        case(BP)
        watched(people["xa"], 21157, due_in=n % 3)
    assert {u.username: _queries(u) for u in users} == small
    assert len(work_items(people["xahoi"], today=TODAY)) == 13
    for user in users:
        with django_assert_max_num_queries(6):
            work_of(user, today=TODAY)


# --- pages ------------------------------------------------------------------------------------


def _client(client, user):
    log_in(client, user, add_totp(user))
    return client


def test_my_work_page_in_vietnamese_with_the_menu_count(client, people, cases):
    xahoi = _client(client, people["xahoi"])
    response = xahoi.get("/viec-cua-toi/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Việc của tôi</h1>" in page
    assert "Hồ sơ nạn nhân chờ bạn quyết định bước tiếp theo" in page
    assert "Quá hạn" in page and "quá hạn" in page
    assert cases["late"].code in page and cases["border"].code not in page
    assert cases["late"].verification_due.strftime("%d/%m/%Y") in page
    nav = page[page.index('<nav class="menu"') : page.index("</nav>")]
    assert 'href="/viec-cua-toi/"' in nav and '<span class="count">3</span>' in nav
    for field in personal_fields(Case):
        value = str(getattr(cases["late"], field) or "")
        if len(value) >= 5:
            assert value not in page, field


def test_the_home_page_is_the_queue_for_roles_with_work(client, people, cases):
    home = _client(client, people["xahoi"]).get("/").content.decode()
    assert cases["received"].code in home and "Dữ liệu nền" not in home


def test_the_home_page_keeps_the_reference_figures_for_roles_without_work(client, people):
    log_in(client, people["lanhdao"])
    page = client.get("/").content.decode()
    assert "Dữ liệu nền" in page and 'href="/viec-cua-toi/"' not in page
    assert "Không có việc nào đang chờ bạn." in client.get("/viec-cua-toi/").content.decode()


def test_the_page_queries_do_not_grow_with_the_data(client, people, django_assert_max_num_queries):
    xahoi = _client(client, people["xahoi"])
    case(SYT)
    xahoi.get("/viec-cua-toi/")
    with CaptureQueriesContext(connection) as few:
        xahoi.get("/viec-cua-toi/")
    for n in range(10):
        case(SYT, days_ago=n % 4)
    with CaptureQueriesContext(connection) as many:
        assert xahoi.get("/viec-cua-toi/").content.decode().count("/chuyen/") == 11
    assert len(many.captured_queries) == len(few.captured_queries)


def test_acting_on_the_first_item_takes_it_off_the_list(client, people, cases):
    xahoi = _client(client, people["xahoi"])
    first = work_items(people["xahoi"], today=TODAY)[0]
    response = xahoi.post(first.link, {"to_state": "verifying", "on": f"{TODAY:%d/%m/%Y}"})
    assert response.status_code == 302
    assert f'href="{first.link}"' not in xahoi.get("/viec-cua-toi/").content.decode()


# --- notices ----------------------------------------------------------------------------------


def test_notices_are_created_once_and_mailed_without_personal_values(
    people, cases, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = notices_send_due(today=TODAY)
    mine = Notice.objects.filter(user=people["xahoi"])
    assert created >= mine.count() == 3
    # Received yesterday with three days to verify: due within the reminders' window.
    assert set(mine.values_list("occasion", flat=True)) == {Occasion.DUE}
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_send_due(today=TODAY) == 0
    [mail] = [m for m in mailoutbox if m.to == ["xahoi@qn.gov.vn"]]
    assert len(mailoutbox) == len({tuple(m.to) for m in mailoutbox})  # one mail per person
    assert "Hồ sơ nạn nhân chờ bạn quyết định bước tiếp theo" in mail.body
    assert f"/ho-so/{cases['late'].pk}/chuyen/" in mail.body
    assert cases["late"].verification_due.strftime("%d/%m/%Y") in mail.body
    for c in cases.values():
        assert c.code not in mail.body  # the kind, the deadline and the link only
        for field in personal_fields(Case):
            value = str(getattr(c, field) or "")
            if len(value) >= 5:
                assert value not in mail.body and value not in mail.subject, field
                for notice in mine:
                    assert value not in notice.text(), field


def test_an_item_is_told_again_when_it_falls_due(people, parts):
    notices_send_due(today=TODAY)
    first = Notice.objects.get(user=people["phunu"])
    assert first.occasion == Occasion.NEW and first.kind == Kind.PART_WRITE
    assert notices_send_due(today=TODAY + timedelta(days=3)) == 0
    notices_send_due(today=parts["hpn"].deadline - timedelta(days=1))
    assert set(Notice.objects.filter(user=people["phunu"]).values_list("occasion", flat=True)) == {
        Occasion.NEW,
        Occasion.DUE,
    }


def test_the_worker_runs_the_job(people, cases):
    task_id = async_task("ctip.work.jobs.notices_send")
    from django_q.models import Task

    task = Task.objects.get(id=task_id)
    assert task.success and task.result >= 3


def test_notices_page_marks_read_and_keeps_to_its_owner(client, people, cases):
    notices_send_due(today=TODAY)
    hosobp = people["hosobp"]
    theirs = Notice.objects.filter(user=hosobp).first()
    xahoi = _client(client, people["xahoi"])
    page = xahoi.get("/thong-bao/").content.decode()
    assert "<h1>Thông báo</h1>" in page and "Hồ sơ nạn nhân chờ bạn quyết định" in page
    for c in cases.values():
        assert c.code not in page
        for field in personal_fields(Case):
            value = str(getattr(c, field) or "")
            if len(value) >= 5:
                assert value not in page, field
    nav = page[page.index('<nav class="menu"') : page.index("</nav>")]
    assert '<span class="count">3</span>' in nav
    # Someone else's notice: the same 404 as a missing one, nothing changed.
    assert xahoi.post("/thong-bao/", {"notice": theirs.pk}).status_code == 404
    assert Notice.objects.get(pk=theirs.pk).read_at is None
    mine = Notice.objects.filter(user=people["xahoi"]).first()
    assert xahoi.post("/thong-bao/", {"notice": mine.pk}).status_code == 302
    assert Notice.objects.get(pk=mine.pk).read_at is not None
    xahoi.post("/thong-bao/", {"all": "1"})
    assert not Notice.objects.filter(user=people["xahoi"], read_at__isnull=True).exists()
    assert Notice.objects.get(pk=theirs.pk).read_at is None
    page = xahoi.get("/thong-bao/").content.decode()
    nav = page[page.index('<nav class="menu"') : page.index("</nav>")]
    assert ">Thông báo</a>" in nav  # no unread count left


class RefusingBackend(locmem.EmailBackend):
    """The mail server refuses one address (its error names it, as SMTP errors do)."""

    refused = "xahoi@qn.gov.vn"

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                raise smtplib.SMTPRecipientsRefused({self.refused: (550, b"No such user")})
        return super().send_messages(messages)


def test_a_mail_that_fails_does_not_stop_the_others(
    people, cases, parts, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.test_work.RefusingBackend"
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        notices_send_due(today=TODAY)
    # The standing office (after the refused case worker) gets its mail; both keep their notices.
    assert [m.to for m in mail.outbox] == [["tt@qn.gov.vn"]]
    for name in ("xahoi", "thuongtruc"):
        assert Notice.objects.filter(user=people[name]).exists(), name
    # The failure is logged, without the address, the name or a record's value.
    assert str(people["xahoi"].pk) in caplog.text
    for value in ("xahoi@qn.gov.vn", "xahoi", *PLANTED.values()):
        assert value not in caplog.text


def test_each_person_s_notices_are_kept_when_a_later_person_s_fail(
    people, cases, parts, monkeypatch
):
    real = notices.work_items
    office = people["thuongtruc"]

    def failing(user, *, today):
        if user == office:
            raise RuntimeError("the standing office's queue failed")
        return real(user, today=today)

    monkeypatch.setattr(notices, "work_items", failing)
    with pytest.raises(RuntimeError):
        notices_send_due(today=TODAY)
    # The case worker came first (by id): their notices and the run's audit row were committed.
    assert people["xahoi"].pk < office.pk
    assert Notice.objects.filter(user=people["xahoi"]).count() == 3
    assert not Notice.objects.filter(user=office).exists()
    assert AuditEntry.objects.filter(action="work.notices_send").exists()


# --- criminal cases awaiting the procuracy's or the court's decision -------------------------

SUSPECTS = ("Trương Văn Đen", "Lê Thị Mơ")


@pytest.fixture
def court():
    Agency.objects.create(
        code="hn-vks",
        name="Viện kiểm sát nhân dân thành phố Hà Nội",
        kind="procuracy",
        unit=province(1),
    )
    return {
        "investigator": make_user("dieutra", "investigator", agency=CA),
        "prosecutor": make_user("kiemsat", "prosecutor", agency="qng-vks-2025"),
        "judge": make_user("toaan", "judge", agency="qng-ta-2025", email="toaan@qn.gov.vn"),
        "hanoi": make_user("kiemsat-hn", "prosecutor", agency="hn-vks"),
    }


def criminal(court, stage=Stage.INSTITUTED):
    """A case with named suspects, instituted on 5/9/2025 (and indicted, as a stage, on
    1/10/2025)."""
    found = CriminalCaseFactory(suspects=[{"full_name": n, "sex": "male"} for n in SUSPECTS])
    if stage == Stage.DETECTED:
        return found
    found = stage_advance(
        case=found,
        to_stage=Stage.INSTITUTED,
        on=date(2025, 9, 5),
        acting_user=court["investigator"],
    )
    if stage == Stage.INDICTED:
        found = stage_advance(
            case=found,
            to_stage=Stage.INDICTED,
            on=date(2025, 10, 1),
            acting_user=court["prosecutor"],
        )
    return found


def _items(user, kind):
    return {i.title: i for i in work_items(user, today=TODAY) if i.kind == kind}


def test_criminal_cases_wait_for_the_procuracy_then_the_court(court):
    prosecutor, judge = court["prosecutor"], court["judge"]
    criminal(court, Stage.DETECTED)  # the police's: nobody's decision here
    instituted, indicted = criminal(court), criminal(court, Stage.INDICTED)
    [waiting] = _items(prosecutor, Kind.CRIMINAL_PROSECUTION).values()
    assert waiting.title == instituted.number and waiting.deadline is None
    assert waiting.link == f"/vu-an/{instituted.pk}/quyet-dinh/"
    [trial] = _items(judge, Kind.CRIMINAL_TRIAL).values()
    assert trial.title == indicted.number and trial.link == f"/vu-an/{indicted.pk}/ban-an/"
    for name in ("investigator", "hanoi"):
        for kind in (Kind.CRIMINAL_PROSECUTION, Kind.CRIMINAL_TRIAL):
            assert _items(court[name], kind) == {}, name
    assert _items(prosecutor, Kind.CRIMINAL_TRIAL) == _items(judge, Kind.CRIMINAL_PROSECUTION) == {}
    for user in court.values():
        for item in work_items(user, today=TODAY):
            assert not [n for n in SUSPECTS if n in " ".join(map(str, vars(item).values()))]

    # The court returns the file: the procuracy's again (a new item), no longer the court's.
    decision_record(
        case=indicted,
        kind="court_return",
        number="3/QĐ-TA",
        on=date(2025, 10, 15),
        acting_user=judge,
    )
    assert set(_items(prosecutor, Kind.CRIMINAL_PROSECUTION)) == {
        instituted.number,
        indicted.number,
    }
    assert _items(judge, Kind.CRIMINAL_TRIAL) == {}
    for found in (instituted, indicted):
        decision_record(
            case=CriminalCase.objects.get(pk=found.pk),
            kind="indictment",
            number="12/CT-VKS",
            on=date(2025, 10, 20),
            acting_user=prosecutor,
        )
    assert _items(prosecutor, Kind.CRIMINAL_PROSECUTION) == {}
    again = _items(judge, Kind.CRIMINAL_TRIAL)
    assert set(again) == {instituted.number, indicted.number}
    assert again[indicted.number].key != trial.key  # indicted anew: new work
    # Judged at first instance: off the court's list.
    first = indicted.suspects.order_by("pk").first()
    decision_record(
        case=CriminalCase.objects.get(pk=indicted.pk),
        kind="first_instance",
        number="45/2025/HS-ST",
        on=date(2025, 11, 20),
        acting_user=judge,
        sentences=[SentenceSpec(suspect=first, verdict="not_guilty")],
    )
    assert set(_items(judge, Kind.CRIMINAL_TRIAL)) == {instituted.number}
    # The judge is told, in words, with no case number.
    notices_send_due(today=TODAY)
    [notice] = Notice.objects.filter(user=judge)
    assert notice.text() == "Vụ án đã truy tố, chờ Tòa án xét xử sơ thẩm (không có hạn)"


def test_the_decision_queue_asks_the_same_number_of_queries_whatever_the_data(
    court, django_assert_max_num_queries
):
    users = [court[n] for n in ("prosecutor", "judge", "investigator", "hanoi")]
    criminal(court), criminal(court, Stage.INDICTED)
    for user in users:
        _queries(user)  # the roles read once
    small = {u.username: _queries(u) for u in users}
    for _n in range(6):
        criminal(court), criminal(court, Stage.INDICTED)
    assert {u.username: _queries(u) for u in users} == small
    assert len(_items(court["prosecutor"], Kind.CRIMINAL_PROSECUTION)) == 7
    assert len(_items(court["judge"], Kind.CRIMINAL_TRIAL)) == 7
    for user in users:
        with django_assert_max_num_queries(6):
            work_of(user, today=TODAY)
