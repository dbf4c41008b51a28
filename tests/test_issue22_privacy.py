"""Issue 22, point 6: personal data across the two regimes (Decree 13/2023/NĐ-CP from 1/7/2023,
Law 91/2025/QH15 from 1/1/2026). A child's consent by a guardian, with the child's own agreement
from the age the rule sets, never by a guardian who is a suspect; a statutory basis with its
citation; the form and sealed evidence of consent; requests by a data subject with the time limit
of the day they were received; retention counted from closure under the rule of that day; the
"abroad" purpose; the disclosure threshold dated and cited under each regime.

The new pages are routed here as the URL lines handed over for ctip/urls.py route them (added only
while ctip/urls.py does not have them yet), so the HTTP tests run either way.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path

import ctip.urls
from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry, SealedFile
from ctip.core.text import vn_date
from ctip.core.uploads import UploadError
from ctip.enforcement.models import CriminalCase, Suspect
from ctip.enforcement.services import criminal_case_create
from ctip.geo.models import Level
from ctip.indicators import disclosure
from ctip.ops.management.commands.load_reference import rule_fixtures
from ctip.rules.calendar import Duration, add_duration
from ctip.rules.selectors import rule_in_force
from ctip.rules.services import rule_set, rules_load_fixture
from ctip.victims import privacy, views_privacy
from ctip.victims.lifecycle import purge_due
from ctip.victims.models import AccessLog, Case, Consent, DataSubjectRequest
from ctip.victims.privacy import (
    PrivacyError,
    abroad_basis,
    abroad_transfer_record,
    age_on,
    parse_birth,
    request_answer,
    request_record,
    requests_open,
)
from ctip.victims.referrals import ReferralError, consent_record, consent_withdraw
from ctip.victims.states import ConsentBasis, ConsentGiver, ConsentPurpose, State
from tests.conftest import unit
from tests.factories import CaseFactory
from tests.helpers import add_totp, log_in, make_user

_OURS = [
    path("ho-so/<int:pk>/du-lieu-ca-nhan/", views_privacy.case_privacy, name="case_privacy"),
    path("yeu-cau-du-lieu/", views_privacy.privacy_requests, name="privacy_requests"),
    path(
        "dong-y/<int:pk>/chung-cu/",
        views_privacy.consent_evidence_download,
        name="consent_evidence_download",
    ),
]
_NAMED = {getattr(p, "name", None) for p in ctip.urls.urlpatterns}
urlpatterns = [*ctip.urls.urlpatterns, *(p for p in _OURS if p.name not in _NAMED)]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

PRIVACY_FIXTURE = next(p for p in rule_fixtures() if p.name == "rules-privacy.yaml")
PDF = b"%PDF-1.4\n% phieu dong y co chu ky\n"
STATUTE = "Luật Phòng, chống mua bán người số 53/2024/QH15, Điều 27 khoản 2"


def _child(age: int, received: date = date(2026, 3, 2), dob: str = "") -> Case:
    return CaseFactory(age_at_reception=age, received_on=received, date_of_birth=dob)


def _snapshot() -> tuple[int, int, int, int]:
    return (
        Consent.objects.count(),
        DataSubjectRequest.objects.count(),
        AuditEntry.objects.exclude(action="read").count(),
        SealedFile.objects.count(),
    )


@pytest.fixture
def worker():
    return make_user("xahoi", "case_worker", agency="qng-syt-2025")


# --- the rules, dated and cited -------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "day", "document", "value"),
    [
        ("victims.privacy.child_consent_age", date(2024, 5, 1), "13/2023/NĐ-CP", 7),
        ("victims.privacy.child_consent_age", date(2026, 5, 1), "91/2025/QH15", 7),
        ("victims.privacy.request.deletion", date(2024, 5, 1), "13/2023/NĐ-CP", None),
        ("victims.privacy.request.deletion", date(2026, 5, 1), "91/2025/QH15", None),
        ("victims.retention.closed", date(2024, 5, 1), "13/2023/NĐ-CP", None),
        ("victims.retention.closed", date(2026, 5, 1), "91/2025/QH15", None),
        ("reporting.disclosure_threshold", date(2020, 1, 1), "89/2015/QH13", 5),
        ("reporting.disclosure_threshold", date(2024, 5, 1), "13/2023/NĐ-CP", 5),
        ("reporting.disclosure_threshold", date(2026, 5, 1), "91/2025/QH15", 5),
    ],
)
def test_each_regime_has_its_version_with_a_citation_and_a_title(key, day, document, value):
    rule = rule_in_force(key, on=day)
    assert document in rule.legal_basis_document
    assert "Điều" in rule.legal_basis_article and rule.title
    if value is not None:
        assert rule.value == value


def test_the_rules_exist_from_decree_13_only():
    for key in ("victims.privacy.child_consent_age", "victims.privacy.request.access"):
        with pytest.raises(LookupError):
            rule_in_force(key, on=date(2023, 6, 30))


def test_the_privacy_fixture_loads_idempotently_and_shares_no_version_with_another_file():
    rules_load_fixture(path=PRIVACY_FIXTURE)
    assert rules_load_fixture(path=PRIVACY_FIXTURE) == 0
    # The same version in two files would be corrected back and forth on every load.
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for fixture in rule_fixtures():
        for entry in yaml.safe_load(fixture.read_text(encoding="utf-8"))["rules"]:
            version = (entry["key"], str(entry["valid_from"]))
            if version in seen and seen[version] != fixture.name:
                twice.append((*version, seen[version], fixture.name))
            seen[version] = fixture.name
    assert twice == []


def test_no_privacy_version_is_marked_verified_while_its_clause_or_value_is_open():
    """Law 91/2025 Art. 24's clause is not cited and covers disclosure, not all processing;
    five years' retention is the province's choice: neither is the law verified."""
    verified = [
        e["key"]
        for e in yaml.safe_load(PRIVACY_FIXTURE.read_text(encoding="utf-8"))["rules"]
        if e["verified"]
    ]
    assert verified == []


# --- disclosure threshold --------------------------------------------------------------------


def test_the_disclosure_threshold_is_read_by_date():
    assert [disclosure.threshold(on=d) for d in (date(2017, 1, 1), date(2024, 1, 1))] == [5, 5]
    assert disclosure.threshold(on=date(2010, 1, 1)) == disclosure.DEFAULT  # before any version
    rule_set(
        key=disclosure.RULE,
        kind="number",
        value=10,
        valid_from=date(2027, 1, 1),
        legal_basis_document="Quyết định thử",
        legal_basis_article="Điều 1 khoản 1",
        acting_user=None,
    )
    assert disclosure.threshold(on=date(2026, 12, 31)) == 5
    assert disclosure.threshold(on=date(2027, 1, 1)) == 10


# --- age -------------------------------------------------------------------------------------


def test_age_from_a_full_date_of_birth_or_from_the_age_at_reception():
    assert parse_birth("2019-04-15") == parse_birth("15/04/2019") == date(2019, 4, 15)
    assert parse_birth("2019") is None and parse_birth("31/02/2019") is None
    born = _child(6, dob="15/04/2019")
    assert age_on(born, date(2026, 4, 14)) == 6
    assert age_on(born, date(2026, 4, 15)) == 7
    by_reception = _child(6, dob="2019")
    assert age_on(by_reception, date(2027, 3, 1)) == 6
    assert age_on(by_reception, date(2027, 3, 2)) == 7


# --- consent ---------------------------------------------------------------------------------


def _guardian_consent(case: Case, **changes) -> Consent:
    values = {
        "case": case,
        "purpose": ConsentPurpose.PROCESSING,
        "given_on": date(2026, 3, 10),
        "given_by": ConsentGiver.GUARDIAN,
        "form": "written",
        "acting_user": None,
    }
    return consent_record(**{**values, **changes})


def test_a_childs_consent_by_a_guardian_needs_the_childs_own_agreement_from_seven():
    eight, six = _child(8), _child(6)
    before = _snapshot()
    with pytest.raises(ReferralError, match="đủ 7 tuổi"):
        _guardian_consent(eight)
    with pytest.raises(ReferralError, match="đủ 7 tuổi"):
        _guardian_consent(eight, child_agrees=False)
    assert _snapshot() == before
    given = _guardian_consent(eight, child_agrees=True)
    assert (given.given_by, given.child_agrees, given.form) == ("guardian", True, "written")
    young = _guardian_consent(six)
    assert young.given_by == "guardian" and young.child_agrees is None
    entry = AuditEntry.objects.filter(action="victims.consent_record").latest("pk")
    assert entry.changes["given_by"] == [None, "guardian"]


def test_a_child_does_not_consent_alone():
    """A child is under 16 (Law on Children 2016 Art. 1, the rule
    victims.privacy.guardian_under_age): a guardian consents; from 16 the person does."""
    case = _child(15)
    before = _snapshot()
    with pytest.raises(ReferralError, match="chưa đủ 16 tuổi"):
        _guardian_consent(case, given_by=ConsentGiver.PERSON, child_agrees=True)
    assert _snapshot() == before
    older = _child(15, received=date(2025, 3, 1))  # 16 by 10/3/2026 on the age at reception
    assert _guardian_consent(older, given_by=ConsentGiver.PERSON).child_agrees is None


def test_no_childs_consent_before_a_rule_sets_the_age():
    case = CaseFactory(owner="qng-sldtbxh", age_at_reception=10, received_on=date(2023, 1, 5))
    before = _snapshot()
    with pytest.raises(ReferralError, match=r"victims\.privacy\.guardian_under_age.*30/6/2023"):
        _guardian_consent(case, given_on=date(2023, 6, 30), child_agrees=True)
    assert _snapshot() == before


def test_a_guardian_who_is_a_suspect_is_never_asked(monkeypatch):
    case = _child(12)
    # The suspects of a criminal case linked to the victim case (as EnforcementConfig.ready is
    # to provide them): the guardian's name, typed for the check only, is one of them.
    police = Agency.objects.get(code="qng-ca-2025")
    criminal = criminal_case_create(
        owner=police,
        detected_on=date(2026, 3, 1),
        source="border_check",
        unit=unit(21157, Level.COMMUNE, date(2026, 3, 1)),
        suspects=[{"full_name": "Hồ Văn Giám Hộ", "sex": "male"}],
        acting_user=None,
    )
    CriminalCase.objects.get(pk=criminal.pk).victim_cases.add(case)
    before = _snapshot()
    with pytest.raises(ReferralError, match="người giám hộ khác.*căn cứ pháp luật"):
        _guardian_consent(case, child_agrees=True, guardian_is_suspect=True)
    monkeypatch.setattr(
        privacy,
        "_suspect_names",
        lambda c: [s.full_name for s in Suspect.objects.filter(case__victim_cases=c)],
    )
    with pytest.raises(ReferralError, match="người bị tình nghi"):
        _guardian_consent(case, child_agrees=True, guardian_name="ho van giam ho")
    assert _snapshot() == before
    other = _guardian_consent(case, child_agrees=True, guardian_name="Hồ Thị Mẹ")
    assert other.given_by == "guardian"
    assert "Hồ Thị Mẹ" not in str(AuditEntry.objects.latest("pk").changes)  # never stored


def test_a_statutory_basis_needs_its_citation():
    case = _child(12)
    before = _snapshot()
    for statute in ("", "   ", "Luật 53/2024/QH15"):
        with pytest.raises(ReferralError, match="căn cứ pháp luật"):
            _guardian_consent(case, basis=ConsentBasis.STATUTE, statute=statute)
    assert _snapshot() == before
    basis = _guardian_consent(case, basis=ConsentBasis.STATUTE, statute=STATUTE)
    assert (basis.basis, basis.statute, basis.given_by, basis.form) == (
        "statute",
        STATUTE,
        "person",  # no one consented: the column keeps its default
        "",
    )


def test_the_evidence_of_consent_is_sealed_and_a_wrong_file_writes_nothing():
    case = _child(30)
    before = _snapshot()
    with pytest.raises(UploadError):
        _guardian_consent(
            case,
            given_by=ConsentGiver.PERSON,
            evidence=SimpleUploadedFile("a.txt", b"khong phai pdf"),
        )
    assert _snapshot() == before
    consent = _guardian_consent(
        case,
        given_by=ConsentGiver.PERSON,
        evidence=SimpleUploadedFile("Phiếu đồng ý của bà A.pdf", PDF),
    )
    sealed = consent.evidence
    assert sealed is not None and sealed.content_type == "application/pdf"
    stored = (Path(settings.MEDIA_ROOT) / sealed.path).read_bytes()
    assert b"dong y" not in stored  # encrypted on disk


def test_a_statutory_basis_ending_purges_nothing_and_nothing_is_withdrawn_twice():
    case = _child(30, received=date(2025, 9, 10))
    Case.objects.filter(pk=case.pk).update(state=State.CLOSED, state_since=date(2026, 3, 1))
    basis = _guardian_consent(
        case, given_by=ConsentGiver.PERSON, basis=ConsentBasis.STATUTE, statute=STATUTE
    )
    consent_withdraw(consent=basis, on=date(2026, 3, 20), acting_user=None)
    case.refresh_from_db()
    assert case.purged_on is None and case.full_name
    before = _snapshot()
    with pytest.raises(ReferralError, match="đã được rút lại"):
        consent_withdraw(consent=basis, on=date(2026, 3, 21), acting_user=None)
    assert _snapshot() == before


def test_consent_through_the_web_a_guardian_and_the_childs_agreement(client, worker):
    case = _child(9)
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{case.pk}/bao-ve/"
    form = {
        "consent": "1",
        "purpose": "processing",
        "given_on": "10/03/2026",
        "basis": "consent",
        "given_by": "guardian",
        "form": "written",
    }
    before = _snapshot()
    refused = client.post(page, form, follow=True)
    assert "đủ 7 tuổi" in refused.content.decode()
    suspect = client.post(page, {**form, "child_agrees": "true", "guardian_is_suspect": "on"})
    assert suspect.status_code == 200 and "Không được lấy sự đồng ý" in suspect.content.decode()
    assert _snapshot() == before
    evidence = SimpleUploadedFile("phieu.pdf", PDF, content_type="application/pdf")
    done = client.post(page, {**form, "child_agrees": "true", "evidence": evidence})
    assert done.status_code == 302
    consent = Consent.objects.get(case=case)
    assert (consent.given_by, consent.child_agrees) == ("guardian", True)
    # The evidence: only through the scoped download, logged.
    response = client.get(f"/dong-y/{consent.pk}/chung-cu/")
    assert response.status_code == 200 and response.content == PDF
    assert f"{case.code}-dong-y-{consent.pk}.pdf" in response["Content-Disposition"]
    assert AccessLog.objects.filter(case=case, user=worker, section="consent_evidence").exists()
    away = make_user("bienphong", "case_worker", agency="qng-bdbp-2025")
    client.logout()
    log_in(client, away, add_totp(away))
    assert client.get(f"/dong-y/{consent.pk}/chung-cu/").status_code == 404
    assert not AccessLog.objects.filter(user=away).exists()


def test_a_statutory_basis_through_the_web_needs_its_citation(client, worker):
    case = _child(9)
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{case.pk}/bao-ve/"
    form = {"consent": "1", "purpose": "abroad", "given_on": "10/03/2026", "basis": "statute"}
    before = _snapshot()
    assert "phải ghi căn cứ pháp luật" in client.post(page, form, follow=True).content.decode()
    assert _snapshot() == before
    client.post(page, {**form, "statute": STATUTE})
    assert Consent.objects.get(case=case).statute == STATUTE


# --- requests by the data subject -----------------------------------------------------------


def test_a_request_under_decree_13_in_2024():
    case = CaseFactory(owner="qng-sldtbxh", received_on=date(2024, 3, 1))
    # Wednesday 13/3/2024 + 72 hours: Saturday 16/3, so the next working day (Civil Code Art. 148).
    made = request_record(
        case=case, kind="deletion", received_on=date(2024, 3, 13), acting_user=None
    )
    assert made.due_on == date(2024, 3, 18)
    entry = AuditEntry.objects.filter(action="victims.request_record").latest("pk")
    assert entry.changes["due_on"] == [None, "2024-03-18"]


def test_a_request_under_law_91_in_2026(worker):
    case = _child(30)
    # Thursday 12/3/2026 + 2 working days: Friday 13, Monday 16.
    made = request_record(
        case=case, kind="access", received_on=date(2026, 3, 12), acting_user=worker
    )
    assert made.due_on == date(2026, 3, 16) and made.recorded_by == worker


def test_a_request_on_a_day_no_rule_covers_names_the_rule_and_the_day():
    case = CaseFactory(owner="qng-sldtbxh", received_on=date(2023, 1, 5))
    before = _snapshot()
    with pytest.raises(PrivacyError) as refused:
        request_record(case=case, kind="access", received_on=date(2023, 6, 30), acting_user=None)
    assert "victims.privacy.request.access" in str(refused.value)
    assert vn_date(date(2023, 6, 30)) in str(refused.value)
    assert _snapshot() == before


def test_a_request_is_answered_once_and_its_outcome_stays_out_of_the_audit(worker):
    case = _child(30)
    made = request_record(
        case=case, kind="correction", received_on=date(2026, 3, 12), acting_user=worker
    )
    before = _snapshot()
    for day, text in ((date(2026, 3, 11), "đã sửa"), (date(2026, 3, 13), "  ")):
        with pytest.raises(PrivacyError):
            request_answer(request=made, answered_on=day, outcome=text, acting_user=worker)
    assert _snapshot() == before
    outcome = "Đã sửa ngày sinh của bà Lò Thị Riêng"
    answered = request_answer(
        request=made, answered_on=date(2026, 3, 17), outcome=outcome, acting_user=worker
    )
    assert answered.outcome == outcome
    entry = AuditEntry.objects.filter(action="victims.request_answer").latest("pk")
    assert entry.changes == {"answered_on": [None, "2026-03-17"], "late": [None, True]}
    with pytest.raises(PrivacyError, match="đã được trả lời"):
        request_answer(request=made, answered_on=date(2026, 3, 18), outcome="x", acting_user=worker)


def test_open_requests_of_the_owners_cases_with_overdue_ones_marked(worker):
    case = _child(30)
    made = request_record(
        case=case, kind="objection", received_on=date(2026, 3, 12), acting_user=worker
    )
    on_time = requests_open(worker, today=date(2026, 3, 16)).get()
    late = requests_open(worker, today=date(2026, 3, 17)).get()
    assert (on_time.pk, on_time.overdue, late.overdue) == (made.pk, False, True)
    away = make_user("bienphong", "case_worker", agency="qng-bdbp-2025")
    assert not requests_open(away).exists()
    before = _snapshot()
    with pytest.raises(ValueError):  # another agency's case: the owner's step
        request_record(case=case, kind="access", received_on=date(2026, 3, 12), acting_user=away)
    assert _snapshot() == before


def test_requests_through_the_web(client, worker):
    case = _child(30)
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{case.pk}/du-lieu-ca-nhan/"
    assert client.get(page).status_code == 200
    assert AccessLog.objects.filter(case=case, user=worker, section="privacy").exists()
    done = client.post(page, {"request": "1", "kind": "deletion", "received_on": "12/03/2026"})
    assert done.status_code == 302
    made = DataSubjectRequest.objects.get(case=case)
    assert made.due_on == date(2026, 3, 16)
    listing = client.get("/yeu-cau-du-lieu/").content.decode()
    assert case.code in listing and "16/03/2026" in listing and "quá hạn" in listing
    before = _snapshot()
    early = client.post(
        page, {"answer": str(made.pk), "answered_on": "11/03/2026", "outcome": "đã xóa"}
    )
    assert "trước ngày nhận" in early.content.decode()
    assert _snapshot() == before
    client.post(page, {"answer": str(made.pk), "answered_on": "13/03/2026", "outcome": "đã xóa"})
    made.refresh_from_db()
    assert made.answered_on == date(2026, 3, 13)
    assert case.code not in client.get("/yeu-cau-du-lieu/").content.decode()


def test_the_request_pages_refuse_others_and_write_nothing(client):
    case = _child(30)
    away = make_user("bienphong", "case_worker", agency="qng-bdbp-2025")
    log_in(client, away, add_totp(away))
    officer = Client()
    log_in(officer, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    page = f"/ho-so/{case.pk}/du-lieu-ca-nhan/"
    form = {"request": "1", "kind": "access", "received_on": "12/03/2026"}
    before = _snapshot()
    assert client.get(page).status_code == 404
    assert client.post(page, form).status_code == 404
    assert officer.post(page, form).status_code == 403
    assert officer.get("/yeu-cau-du-lieu/").status_code == 403
    assert _snapshot() == before
    assert not AccessLog.objects.filter(case=case).exists()


# --- retention -------------------------------------------------------------------------------


def _closed(on: date, state: str = State.CLOSED) -> Case:
    case = CaseFactory(received_on=date(2025, 9, 10))
    Case.objects.filter(pk=case.pk).update(state=state, state_since=on)
    return Case.objects.get(pk=case.pk)


def test_retention_is_the_rule_in_force_at_closure_not_todays():
    rule_set(
        key="victims.retention.closed",
        kind="duration",
        value={"amount": 365, "unit": "calendar_days"},
        valid_from=date(2027, 1, 1),
        legal_basis_document="Quyết định thử của tỉnh",
        legal_basis_article="Điều 1 khoản 1",
        acting_user=None,
    )
    under_five_years = _closed(date(2025, 12, 15))
    under_one_year = _closed(date(2027, 2, 1), state=State.NOT_VICTIM)
    unruled = _closed(date(2022, 5, 4))  # before Decree 13: no version, kept
    due = set(purge_due(date(2028, 3, 1)).values_list("pk", flat=True))
    assert under_one_year.pk in due
    assert under_five_years.pk not in due and unruled.pk not in due
    last = add_duration(date(2025, 12, 15), Duration(1825, "calendar_days"))
    assert under_five_years.pk not in purge_due(last).values_list("pk", flat=True)
    assert under_five_years.pk in purge_due(last + timedelta(days=1)).values_list("pk", flat=True)


def test_purge_due_agrees_with_the_calendar_day_by_day_in_one_query_per_version():
    # Thirty closing days, five years on: limits that end on a weekend move to the next working
    # day (Art. 148), so several closing days share an end.
    first = date(2026, 8, 20)
    cases = {first + timedelta(days=i): _closed(first + timedelta(days=i)) for i in range(30)}
    today = date(2031, 9, 3)
    retention = Duration(1825, "calendar_days")
    expected = {c.pk for day, c in cases.items() if add_duration(day, retention) < today}
    assert 0 < len(expected) < len(cases)
    assert (
        set(purge_due(today).values_list("pk", flat=True)) & {c.pk for c in cases.values()}
        == expected
    )
    with CaptureQueriesContext(connection) as many:
        list(purge_due(today))
    Case.objects.filter(pk__in=[c.pk for c in list(cases.values())[1:]]).update(state=State.SUPPORT)
    with CaptureQueriesContext(connection) as one:
        list(purge_due(today))
    assert len(many) == len(one)  # the number of closed cases does not change the queries


# --- the "abroad" purpose --------------------------------------------------------------------


def test_sharing_abroad_needs_consent_to_that_purpose_or_a_statutory_basis(worker):
    case = _child(30)
    day = date(2026, 3, 10)
    before = _snapshot()
    _guardian_consent(case, purpose=ConsentPurpose.REFERRAL, given_by=ConsentGiver.PERSON)
    with pytest.raises(PrivacyError, match="nước ngoài"):
        abroad_basis(case, on=day)
    audits = AuditEntry.objects.count()
    with pytest.raises(PrivacyError):
        abroad_transfer_record(
            case=case, counterpart_country="KH", counterpart="Cảnh sát", on=day, acting_user=worker
        )
    assert AuditEntry.objects.count() == audits
    consent = _guardian_consent(case, purpose=ConsentPurpose.ABROAD, given_by=ConsentGiver.PERSON)
    assert abroad_basis(case, on=day) == consent
    used = abroad_transfer_record(
        case=case, counterpart_country="kh", counterpart="Cảnh sát", on=day, acting_user=worker
    )
    assert used == consent
    entry = AuditEntry.objects.filter(action="victims.abroad_transfer").get()
    assert entry.changes["country"] == [None, "KH"] and entry.changes["basis"] == [None, "consent"]
    consent_withdraw(consent=consent, on=date(2026, 3, 12), acting_user=None)
    with pytest.raises(PrivacyError):
        abroad_basis(case, on=date(2026, 3, 12))
    assert abroad_basis(case, on=date(2026, 3, 11)) == consent  # still in force that day
    statute = _guardian_consent(
        case,
        purpose=ConsentPurpose.ABROAD,
        basis=ConsentBasis.STATUTE,
        statute=STATUTE,
        given_on=date(2026, 3, 13),
    )
    assert abroad_basis(case, on=date(2026, 3, 13)) == statute
    assert _snapshot()[0] == before[0] + 3
