"""Issue 24, point 2: the victim case page shows everything recorded at intake in words, its
history with who and when, its papers (generate, download), and only the steps the user may take
now; a step not offered is refused if posted, and nothing changes; every save says what it
saved. Personal data stays behind the logged read of the case."""

from datetime import date

import pytest

from ctip.accounts.models import User
from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.victims.forms import CaseForm
from ctip.victims.models import AccessLog, Case, CaseEvent, Paper
from ctip.victims.referrals import consent_record
from ctip.victims.states import State
from ctip.victims.transitions import case_transition
from tests.factories import CaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 10)
HEALTH, POLICE = "qng-syt-2025", "qng-ca-2025"
INTAKE = {
    "full_name": "Lò Thị Xuân Mai",
    "other_names": "Mai Bé",
    "date_of_birth": "04/03/1995",
    "ethnicity": "Co (Cor)",
    "identity_document": "079912345678",
    "address": "Thôn Trà Xinh",
    "contacts": "0912 000 111",
    "relatives": "Mẹ: Lò Thị Hoa",
    "place_of_exploitation": "Khu Kim Sơn, Sihanoukville",
    "route": "Cửa khẩu Bờ Y, Attapeu",
    "narrative": "Bị lừa sang làm việc tại sòng bạc",
}


def _named(username, role, agency, first, last):
    user = make_user(username, role, agency=agency)
    User.objects.filter(pk=user.pk).update(first_name=first, last_name=last)
    user.refresh_from_db()
    return user


def _web(client, user):
    log_in(client, user, add_totp(user))
    return client


def _state(case):
    """What a refused step must leave as it was."""
    case = Case.objects.get(pk=case.pk)
    return (
        case.state,
        case.version,
        CaseEvent.objects.filter(case=case).count(),
        AuditEntry.objects.exclude(action="read").count(),
    )


def _messages(response):
    return [str(m) for m in response.context["messages"]]


# --- everything recorded, in words --------------------------------------------------------------


def test_every_intake_field_is_shown_in_words_and_the_read_is_logged(client):
    case = CaseFactory(
        received_on=DAY,
        notified_on=date(2025, 9, 11),
        source="border_guard",
        sex="female",
        age_at_reception=30,
        nationality="XX",
        stateless_resident=True,
        recruitment_channel="fake_job",
        exploitation_forms=["forced_labour", "online_scam"],
        means_of_control=["debt", "documents_withheld"],
        exploited_from=date(2025, 3, 1),
        exploited_to=date(2025, 8, 20),
        destination_country="KH",
        accompanying_children=2,
        **INTAKE,
    )
    # What each field of the intake form reads as on the case page.
    shown = {
        "received_on": "10/09/2025",
        "notified_on": "11/09/2025",
        "source": "Bộ đội Biên phòng",
        "sex": "Nữ",
        "age_at_reception": "<dd>30</dd>",
        "nationality": "Không quốc tịch",
        "stateless_resident": "thường trú tại Việt Nam (hưởng chế độ như công dân)",
        "home_unit": case.home_unit.name,
        "recruitment_channel": "Lời mời việc làm giả",
        "exploitation_forms": "Cưỡng bức lao động",
        "means_of_control": "Ép nợ, Giữ giấy tờ",
        "exploited_from": "01/03/2025",
        "exploited_to": "20/08/2025",
        "destination_country": "Campuchia",
        "accompanying_children": "<dd>2</dd>",
        **INTAKE,
    }
    # A new field of the intake form fails here until the page shows it.
    assert set(shown) == set(CaseForm.base_fields) - {"confirm_new"}
    worker = make_user("xahoi", "case_worker", agency=HEALTH)
    page = _web(client, worker).get(f"/ho-so/{case.pk}/").content.decode()
    missing = {field: text for field, text in shown.items() if text not in page}
    assert missing == {}
    assert "Cưỡng bức lừa đảo trực tuyến" in page
    codes = ("fake_job", "online_scam", "forced_labour", "documents_withheld", ">KH<", ">XX<")
    assert [c for c in codes if c in page] == []
    assert AccessLog.objects.filter(case=case, user=worker, section="identity").count() == 1


def test_personal_data_stays_behind_the_case_scope(client):
    case = CaseFactory(**INTAKE)
    other = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    assert _web(client, other).get(f"/ho-so/{case.pk}/").status_code == 404
    client.logout()
    leader = make_user("lanhdao-nv", "agency_officer", agency=HEALTH)
    assert _web(client, leader).get(f"/ho-so/{case.pk}/").status_code == 403
    assert not AccessLog.objects.filter(case=case).exists()


def test_the_history_says_what_who_and_when(client):
    worker = _named("congan", "case_worker", POLICE, "Nguyễn Văn", "Tiếp")
    head = _named("giamsatca", "case_supervisor", POLICE, "Trần Thị", "Duyệt")
    case = CaseFactory(owner=POLICE, age_at_reception=30, **INTAKE)
    case = case_transition(
        case=case,
        to_state=State.VERIFYING,
        on=date(2025, 9, 12),
        reason="Đã gọi điện cho gia đình",
        acting_user=worker,
    )
    case_transition(case=case, to_state=State.IDENTIFIED, on=date(2025, 9, 15), acting_user=head)
    consent_record(case=case, purpose="referral", given_on=date(2025, 9, 16), acting_user=worker)
    page = _web(client, worker).get(f"/ho-so/{case.pk}/")
    rows = [(e.on, e.what, e.who) for e in page.context["history"]]
    assert rows == [
        (DAY, "Tiếp nhận hồ sơ", ""),
        (date(2025, 9, 12), "Chuyển từ “Đã tiếp nhận” sang “Đang xác minh”", "Nguyễn Văn Tiếp"),
        (
            date(2025, 9, 15),
            "Chuyển từ “Đang xác minh” sang “Đã xác định là nạn nhân”",
            "Trần Thị Duyệt",
        ),
        (
            date(2025, 9, 16),
            "Ghi nhận đồng ý: Chuyển hồ sơ sang cơ quan khác (Sự đồng ý của chủ thể dữ liệu)",
            "Nguyễn Văn Tiếp",
        ),
    ]
    text = page.content.decode()
    police = Agency.objects.get(code=POLICE).name
    assert "12/09/2025" in text and "Nguyễn Văn Tiếp" in text and police in text
    assert "Đã gọi điện cho gia đình" in text


# --- only the steps the user may take -----------------------------------------------------------


def test_a_step_the_rules_do_not_give_is_not_offered_and_refused_if_posted(client):
    """The health department verifies but does not identify a victim (Law 53/2024 as amended):
    neither its case worker (the role) nor its supervisor (the body) is offered the step."""
    worker = make_user("xahoi", "case_worker", agency=HEALTH)
    head = make_user("giamsat", "case_supervisor", agency=HEALTH)
    received = CaseFactory()
    page = _web(client, worker).get(f"/ho-so/{received.pk}/").content.decode()
    assert f"/ho-so/{received.pk}/chuyen/?buoc=verifying" in page
    case = case_transition(case=CaseFactory(), to_state=State.VERIFYING, on=DAY, acting_user=worker)
    for user in (worker, head):
        client.logout()
        web = _web(client, user)
        page = web.get(f"/ho-so/{case.pk}/")
        assert page.context["steps"] == []
        assert f"/ho-so/{case.pk}/chuyen/?buoc=" not in page.content.decode()
        assert web.get(f"/ho-so/{case.pk}/chuyen/").context["choices"] == []
        before = _state(case)
        for state in (State.IDENTIFIED, State.NOT_VICTIM, State.CLOSED):
            posted = {"to_state": state, "on": "12/09/2025", "reason": "Đủ căn cứ"}
            assert web.post(f"/ho-so/{case.pk}/chuyen/", posted).status_code == 403
        assert _state(case) == before


def test_the_body_the_law_names_is_offered_the_step_and_told_what_was_done(client):
    worker = make_user("congan", "case_worker", agency=POLICE)
    head = make_user("giamsatca", "case_supervisor", agency=POLICE)
    case = case_transition(
        case=CaseFactory(owner=POLICE), to_state=State.VERIFYING, on=DAY, acting_user=worker
    )
    web = _web(client, head)
    page = web.get(f"/ho-so/{case.pk}/")
    assert page.context["steps"] == [
        ("identified", "Đã xác định là nạn nhân"),
        ("not_victim", "Không phải nạn nhân"),
    ]
    form = web.get(f"/ho-so/{case.pk}/chuyen/?buoc=identified").context["form"]
    assert form["to_state"].value() == "identified"
    response = web.post(
        f"/ho-so/{case.pk}/chuyen/",
        {"to_state": "identified", "on": "15/09/2025", "reason": ""},
        follow=True,
    )
    assert _messages(response) == [
        f"Đã chuyển hồ sơ {case.code} sang “Đã xác định là nạn nhân” từ ngày 15/9/2025."
    ]
    assert Case.objects.get(pk=case.pk).state == State.IDENTIFIED


def test_links_follow_the_roles(client):
    case = CaseFactory()
    worker_page = _web(client, make_user("xahoi", "case_worker", agency=HEALTH))
    text = worker_page.get(f"/ho-so/{case.pk}/").content.decode()
    assert f"/ho-so/{case.pk}/nhan-than/" in text and f"/ho-so/{case.pk}/nhat-ky/" not in text
    client.logout()
    head_page = _web(client, make_user("giamsat", "case_supervisor", agency=HEALTH))
    text = head_page.get(f"/ho-so/{case.pk}/").content.decode()
    assert f"/ho-so/{case.pk}/nhat-ky/" in text and f"/ho-so/{case.pk}/nhan-than/" not in text
    assert f"/ho-so/{case.pk}/bao-ve/" not in text and "paper-kind" not in text


# --- papers ------------------------------------------------------------------------------------


def test_papers_are_generated_and_downloaded_from_the_case_page(client):
    case = CaseFactory(age_at_reception=30)
    worker = make_user("xahoi", "case_worker", agency=HEALTH)
    web = _web(client, worker)
    page = web.get(f"/ho-so/{case.pk}/")
    # Not yet identified: no victim confirmation to offer (and none of the police's either).
    assert [k for k, _label in page.context["paper_kinds"]] == [
        "reception_minutes",
        "support_decision",
    ]
    response = web.post(
        f"/ho-so/{case.pk}/giay-to/", {"kind": "reception_minutes", "next": "detail"}, follow=True
    )
    paper = Paper.objects.get(case=case)
    assert response.redirect_chain[-1][0] == f"/ho-so/{case.pk}/"
    assert _messages(response) == [f"Đã lập Biên bản tiếp nhận số {paper.number}."]
    assert f"/giay-to/{paper.pk}/" in response.content.decode()
    download = web.get(f"/giay-to/{paper.pk}/")
    assert download.status_code == 200
    assert AccessLog.objects.filter(case=case, section="paper:reception_minutes").exists()


# --- every save says what it saved --------------------------------------------------------------


def test_every_save_on_the_case_pages_says_what_was_saved(client):
    case = CaseFactory(age_at_reception=30, **INTAKE)
    worker = make_user("xahoi", "case_worker", agency=HEALTH)
    web = _web(client, worker)
    page = f"/ho-so/{case.pk}/bao-ve/"
    border = Agency.objects.get(code="qng-bdbp-2025")

    def said(url, data):
        response = web.post(url, data, follow=True)
        assert response.status_code == 200
        return _messages(response)

    identity = {"version": case.version, **{f: INTAKE[f] for f in ("full_name", "address")}}
    assert said(f"/ho-so/{case.pk}/nhan-than/", identity) == [
        f"Đã lưu nhân thân hồ sơ {case.code}."
    ]
    version = Case.objects.get(pk=case.pk).version
    assert said(page, {"plan": "1", "version": version, "support_plan": "Khám sức khỏe"}) == [
        f"Đã lưu kế hoạch hỗ trợ của hồ sơ {case.code}."
    ]
    assert said(page, {"consent": "1", "purpose": "referral", "given_on": "10/09/2025"}) == [
        "Đã ghi nhận “Sự đồng ý của chủ thể dữ liệu” cho “Chuyển hồ sơ sang cơ quan khác” "
        "từ ngày 10/9/2025."
    ]
    support = {"support": "1", "regime": "medical", "given_on": "11/09/2025", "amount": "500000"}
    assert said(page, support) == ["Đã ghi nhận “Hỗ trợ y tế” ngày 11/9/2025: 500.000 đồng."]
    referral = {"referral": "1", "to_agency": border.pk, "reason": "Đưa về bản"}
    assert said(page, referral) == [
        f"Đã chuyển hồ sơ {case.code} đến {border.name}, chờ cơ quan nhận trả lời."
    ]
    consent = case.consents.get()
    withdrawn = said(page, {"withdraw": consent.pk})
    assert len(withdrawn) == 1
    assert withdrawn[0].startswith("Đã ghi nhận rút lại sự đồng ý “Chuyển hồ sơ sang cơ quan khác”")
    privacy = f"/ho-so/{case.pk}/du-lieu-ca-nhan/"
    said(privacy, {"request": "1", "kind": "access", "received_on": "12/09/2025"})
    asked = case.requests.get()
    answer = {"answer": asked.pk, "answered_on": "13/09/2025", "outcome": "Đã cung cấp bản sao"}
    assert said(privacy, answer) == [
        f"Đã ghi trả lời yêu cầu “{asked.get_kind_display()}” ngày 13/9/2025."
    ]
    client.logout()
    receiver = _web(client, make_user("hosobp", "case_worker", agency="qng-bdbp-2025"))
    response = receiver.post(f"/chuyen-ho-so/{case.referrals.get().pk}/accept/", follow=True)
    assert _messages(response) == [f"Đã tiếp nhận hồ sơ {case.code}."]
