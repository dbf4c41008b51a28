"""Victim protection II: eligibility, referrals with consent, duplicates, merge, purge."""

import json
from datetime import date, timedelta

import pytest

from ctip.agencies.models import Agency
from ctip.geo.models import Level
from ctip.indicators.queries import compute
from ctip.prevention.importer import ImportRejected
from ctip.victims.importer import import_cases
from ctip.victims.lifecycle import case_merge, cases_purge, find_duplicates
from ctip.victims.models import Case, CaseEvent, SupportGiven
from ctip.victims.referrals import (
    ReferralError,
    consent_record,
    consent_withdraw,
    referral_answer,
    referral_send,
)
from ctip.victims.services import DuplicateSuspected
from ctip.victims.states import ConsentPurpose, ReferralStatus, State
from ctip.victims.support import eligibility, support_give
from ctip.victims.transitions import _move
from tests.conftest import unit
from tests.factories import CaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 10)
ALL = (
    "essential_needs",
    "medical",
    "interpretation",
    "legal_support",
    "legal_aid",
    "travel",
    "psychological",
    "education",
    "vocational",
    "hardship_loan",
)


def _case(
    name="Lò Thị Xuân Mai",
    doc="079912345678",
    dob="2007-03-04",
    nationality="VN",
    abroad=False,
    accompanies=None,
    **kw,
):
    case = CaseFactory(
        full_name=name, identity_document=doc, date_of_birth=dob, nationality=nationality, **kw
    )
    # No service sets these two (synthetic data writes them directly too).
    Case.objects.filter(pk=case.pk).update(abroad=abroad, accompanies=accompanies)
    case.refresh_from_db()
    return case


@pytest.mark.parametrize(
    ("setup", "group", "regimes", "by_case"),
    [
        ("identified", "identified", ALL, False),
        ("being", "being_identified", ALL[:7], False),
        ("abroad", "being_identified_abroad", ALL[:4], False),
        ("child_of_identified", "accompanying_child", ALL[:8], False),
        ("child_of_being", "accompanying_child", ALL[:7], False),
        (
            "foreigner",
            "foreigner_case_by_case",
            (
                "essential_needs",
                "medical",
                "interpretation",
                "legal_support",
                "legal_aid",
                "psychological",
            ),
            True,
        ),
        ("not_victim", "not_victim", (), False),
    ],
)
def test_eligibility_matrix(setup, group, regimes, by_case):
    if setup == "foreigner":
        case = _case(nationality="LA")
    elif setup == "abroad":
        case = _case(abroad=True)
    elif setup.startswith("child_of"):
        parent = _case()
        if setup == "child_of_identified":
            _move(_move(parent, State.VERIFYING, DAY, "", None), State.IDENTIFIED, DAY, "", None)
        case = _case(name="Lò Văn Tí", doc="", dob="2020-03-17", accompanies=parent)
    else:
        case = _case()
        if setup in ("identified", "not_victim"):
            target = State.IDENTIFIED if setup == "identified" else State.NOT_VICTIM
            _move(_move(case, State.VERIFYING, DAY, "", None), target, DAY, "x", None)
    result = eligibility(case, on=DAY + timedelta(days=1))
    assert (result.group, result.regimes, result.case_by_case) == (group, tuple(regimes), by_case)


def test_no_eligibility_rule_before_the_law_took_effect():
    """Law 66/2011/QH12 took effect on 1/1/2012 (issue 22: the earlier regime is encoded): no
    rule before, and the message names the rule and the date."""
    case = _case()
    from ctip.rules.selectors import RuleMissing

    with pytest.raises(RuleMissing, match=r"victims\.support\.eligibility.*31/12/2011"):
        eligibility(case, on=date(2011, 12, 31))


def test_support_outside_the_entitlement_is_refused_and_totals_per_regime():
    case = _case(abroad=True)
    health = Agency.objects.get(code="qng-syt-2025")
    with pytest.raises(ValueError, match="không thuộc diện"):
        support_give(
            case=case,
            regime="vocational",
            given_on=DAY,
            provider=health,
            amount=1_000_000,
            acting_user=None,
        )
    support_give(
        case=case, regime="medical", given_on=DAY, provider=health, amount=800_000, acting_user=None
    )
    support_give(
        case=case, regime="medical", given_on=DAY, provider=health, amount=200_000, acting_user=None
    )
    assert SupportGiven.objects.count() == 2
    merged = unit(51, Level.PROVINCE, date(2026, 1, 1))
    rows = compute(
        ["victims.support_amount", "victims.support_persons"],
        unit=merged,
        start=date(2025, 7, 1),
        end=date(2025, 12, 31),
        by=("regime",),
    )
    assert {(r["indicator"], r["regime"]["code"], r["value"]) for r in rows} == {
        ("victims.support_amount", "medical", 1_000_000),
        ("victims.support_persons", "medical", 1),
    }


def test_referral_needs_consent_or_an_override(client):
    case = _case()
    border = Agency.objects.get(code="qng-bdbp-2025")
    with pytest.raises(ReferralError, match="Chưa có sự đồng ý"):
        referral_send(
            case=case, to_agency=border, reason="hỗ trợ hồi hương", on=DAY, acting_user=None
        )
    override = referral_send(
        case=case,
        to_agency=border,
        reason="hỗ trợ hồi hương",
        on=DAY,
        override_reason="khẩn cấp, bảo vệ tính mạng",
        acting_user=None,
    )
    assert override.consent is None
    consent = consent_record(
        case=case, purpose=ConsentPurpose.REFERRAL, given_on=DAY, acting_user=None
    )
    with_consent = referral_send(case=case, to_agency=border, reason="x", on=DAY, acting_user=None)
    assert with_consent.consent == consent
    consent_withdraw(consent=consent, on=DAY + timedelta(days=1), acting_user=None)
    with pytest.raises(ReferralError):
        referral_send(
            case=case, to_agency=border, reason="x", on=DAY + timedelta(days=2), acting_user=None
        )


def test_accepting_grants_access_and_revoking_removes_it(client):
    case = _case()
    border = Agency.objects.get(code="qng-bdbp-2025")
    other = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    log_in(client, other, add_totp(other))
    assert client.get(f"/ho-so/{case.pk}/").status_code == 404
    consent_record(case=case, purpose=ConsentPurpose.REFERRAL, given_on=DAY, acting_user=None)
    referral = referral_send(case=case, to_agency=border, reason="x", on=DAY, acting_user=None)
    assert client.get(f"/ho-so/{case.pk}/").status_code == 404  # sent, not yet accepted
    referral = referral_answer(
        referral=referral,
        status=ReferralStatus.ACCEPTED,
        on=DAY + timedelta(days=2),
        acting_user=other,
    )
    assert referral.days_to_answer == 2
    assert client.get(f"/ho-so/{case.pk}/").status_code == 200
    referral_answer(referral=referral, status=ReferralStatus.REVOKED, on=DAY, acting_user=None)
    assert client.get(f"/ho-so/{case.pk}/").status_code == 404
    with pytest.raises(ReferralError):
        referral_answer(referral=referral, status=ReferralStatus.ACCEPTED, on=DAY, acting_user=None)
    rows = compute(
        ["victims.referrals"],
        unit=unit(51, Level.PROVINCE, date(2026, 1, 1)),
        start=date(2025, 7, 1),
        end=date(2025, 12, 31),
        by=("referral_status",),
    )
    assert [(r["referral_status"]["code"], r["value"]) for r in rows] == [("revoked", 1)]


def test_duplicates_on_registration_and_import():
    first = _case()
    with pytest.raises(DuplicateSuspected) as caught:
        _case(doc="")  # same folded name and date of birth
    assert caught.value.codes == [first.code]
    with pytest.raises(DuplicateSuspected):
        _case(name="Nguyễn Văn Khác", dob="", doc="079 912345678".replace(" ", ""))
    assert Case.objects.count() == 1
    assert list(find_duplicates(full_name="LO THI XUAN MAI", date_of_birth="2007-03-04")) == [first]
    row = {
        "full_name": "lò thị xuân mai",
        "sex": "female",
        "date_of_birth": "2007-03-04",
        "nationality": "VN",
        "identity_document": "",
        "home_unit": 21157,
        "received_on": "2025-10-01",
        "source": "police",
    }
    with pytest.raises(ImportRejected) as rejected:
        import_cases(
            name="a.json",
            data=json.dumps([row]).encode(),
            agency=Agency.objects.get(code="qng-syt-2025"),
            acting_user=None,
        )
    assert rejected.value.errors == [f"Dòng 1: có thể trùng với hồ sơ {first.code}."]
    assert Case.objects.count() == 1


def test_merging_keeps_both_histories():
    keep = _case()
    other = _case(name="Lò Thị Mai", doc="", dob="", allow_duplicate=True)
    _move(other, State.VERIFYING, DAY, "", None)
    merged = case_merge(keep=keep, other=other, acting_user=None)
    assert CaseEvent.objects.filter(case=merged).count() == 4  # 2 own, 1 moved, 1 merge note
    other.refresh_from_db()
    assert other.merged_into == merged


def test_purge_removes_personal_data_and_keeps_counts():
    case = _case()
    _move(_move(case, State.VERIFYING, DAY, "", None), State.NOT_VICTIM, DAY, "lý do riêng", None)
    merged = unit(51, Level.PROVINCE, date(2026, 1, 1))
    before = compute(
        ["victims.received"], unit=merged, start=date(2025, 7, 1), end=date(2025, 12, 31)
    )
    assert cases_purge(today=date(2026, 6, 1), acting_user=None) == {"cases": 0}
    consent = consent_record(
        case=case, purpose=ConsentPurpose.PROCESSING, given_on=DAY, acting_user=None
    )
    # Withdrawing consent to processing of a closed case purges it at once.
    consent_withdraw(consent=consent, on=date(2026, 5, 1), acting_user=None)
    assert cases_purge(today=date(2026, 6, 1), acting_user=None) == {"cases": 0}
    case.refresh_from_db()
    assert case.full_name == "" and case.identity_document == ""
    assert case.purged_on == date(2026, 5, 1)
    assert case.sex == "female" and case.home_unit.code == 21157
    # Encrypted columns cannot be filtered on: read them back.
    assert all(e.reason == "" for e in CaseEvent.objects.filter(case=case))
    after = compute(
        ["victims.received"], unit=merged, start=date(2025, 7, 1), end=date(2025, 12, 31)
    )
    assert after == before
    assert cases_purge(today=date(2031, 1, 1), acting_user=None) == {"cases": 0}


def test_referral_and_support_through_the_web(client):
    case = _case()
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, worker, add_totp(worker))
    border = Agency.objects.get(code="qng-bdbp-2025")
    page = f"/ho-so/{case.pk}/bao-ve/"
    refused = client.post(
        page, {"referral": "1", "to_agency": border.pk, "reason": "x"}, follow=True
    )
    assert "Chưa có sự đồng ý" in refused.content.decode()
    client.post(page, {"consent": "1", "purpose": "referral", "given_on": "10/09/2025"})
    client.post(page, {"referral": "1", "to_agency": border.pk, "reason": "đưa về bản Nà Hẩu"})
    client.post(
        page, {"support": "1", "regime": "medical", "given_on": "11/09/2025", "amount": "500000"}
    )
    assert SupportGiven.objects.get().amount == 500_000
    client.logout()
    other = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    log_in(client, other, add_totp(other))
    incoming = client.get("/chuyen-ho-so/").content.decode()
    assert case.code in incoming and "Lò Thị" not in incoming
    referral = case.referrals.get()
    response = client.post(f"/chuyen-ho-so/{referral.pk}/accept/")
    assert response["Location"] == f"/ho-so/{case.pk}/"
    assert client.get(f"/ho-so/{case.pk}/").status_code == 200


def test_registration_form_shows_a_known_person_instead_of_creating_a_second(client):
    first = _case()
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, worker, add_totp(worker))
    form = {
        "received_on": "12/09/2025",
        "source": "police",
        "full_name": "LÒ THỊ XUÂN MAI",
        "sex": "female",
        "age_at_reception": "18",
        "nationality": "VN",
        "date_of_birth": "2007-03-04",
        "home_unit": "21157",
        "accompanying_children": "0",
    }
    response = client.post("/ho-so/them/", form)
    assert first.code in response.content.decode() and Case.objects.count() == 1
    client.post("/ho-so/them/", {**form, "confirm_new": "on"})
    assert Case.objects.count() == 2


@pytest.mark.parametrize("kind", ["reception_minutes", "victim_confirmation", "support_decision"])
def test_generated_papers_open_in_python_docx_with_the_case_data(client, kind):
    import io

    from docx import Document

    from ctip.agencies.models import Agency
    from ctip.victims.models import AccessLog, Paper, Referral

    case = _case(name="Hà Thị Lan & Cúc <em>")
    police = Agency.objects.get(code="qng-ca-2025")
    # The police identify (issue 22): the confirmation is theirs to issue, in their register.
    _move(_move(case, State.VERIFYING, DAY, "", None), State.IDENTIFIED, DAY, "", None, police)
    Referral.objects.create(
        case=case,
        from_agency=case.owner,
        to_agency=police,
        reason="x",
        status="accepted",
        sent_on=DAY,
    )
    support_give(
        case=case,
        regime="medical",
        given_on=DAY + timedelta(days=1),
        provider=case.owner,
        amount=1_250_000,
        acting_user=None,
    )
    issuer = "qng-ca-2025" if kind == "victim_confirmation" else "qng-syt-2025"
    worker = make_user("xahoi", "case_worker", agency=issuer)
    log_in(client, worker, add_totp(worker))
    client.post(f"/ho-so/{case.pk}/giay-to/", {"kind": kind})
    paper = Paper.objects.get()
    assert (
        paper.number
        == {
            "reception_minutes": "1/BB-SYT",
            "victim_confirmation": "1/GXN-CAT",
            "support_decision": "1/QĐ-SYT",
        }[kind]
    )
    from django.conf import settings as django_settings

    stored = (django_settings.MEDIA_ROOT / paper.file.path).read_bytes()
    assert not stored.startswith(b"PK")  # not a readable .docx on disk: encrypted at rest
    with pytest.raises(Exception):  # noqa: B017 - any zip error
        Document(io.BytesIO(stored))
    response = client.get(f"/giay-to/{paper.pk}/")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    cells = "\n".join(
        c.text
        for t in Document(io.BytesIO(response.content)).tables
        for row in t.rows
        for c in row.cells
    )
    assert "Hà Thị Lan & Cúc <em>" in text
    assert case.code in text + cells and paper.number in cells
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    if kind == "support_decision":
        assert "1.250.000" in text
    assert AccessLog.objects.filter(section=f"paper:{kind}").count() == 1
    client.post(f"/ho-so/{case.pk}/giay-to/", {"kind": kind})
    assert Paper.objects.filter(kind=kind).order_by("pk").last().number.startswith("2/")


def test_support_plan_is_encrypted_versioned_and_its_view_logged(client):
    from ctip.victims.models import AccessLog

    case = _case()
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{case.pk}/bao-ve/"
    client.post(page, {"plan": "1", "version": case.version, "support_plan": "Khám sức khỏe"})
    case.refresh_from_db()
    assert case.support_plan == "Khám sức khỏe"
    stale = client.post(
        page, {"plan": "1", "version": case.version - 1, "support_plan": "ghi đè"}, follow=True
    )
    assert "vừa được người khác sửa" in stale.content.decode()
    case.refresh_from_db()
    assert case.support_plan == "Khám sức khỏe"
    assert AccessLog.objects.filter(case=case, section="protection").count() == 2  # 2 views


def test_supervisor_merges_a_duplicate_through_the_web(client):
    keep = _case()
    other = _case(name="Lò Thị Mai", doc="", dob="", allow_duplicate=True)
    supervisor = make_user("giamsat", "case_supervisor", agency="qng-syt-2025")
    log_in(client, supervisor, add_totp(supervisor))
    client.post(f"/ho-so/{keep.pk}/gop/", {"code": "NN-2099-99999"})
    other.refresh_from_db()
    assert other.merged_into is None
    client.post(f"/ho-so/{keep.pk}/gop/", {"code": other.code})
    other.refresh_from_db()
    assert other.merged_into == keep
    assert client.get(f"/ho-so/{other.pk}/").status_code == 404  # only the kept case remains
