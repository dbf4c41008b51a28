"""Issue 22, point 5: entitlements under the law of the date that matters (Law 66/2011/QH12 and
Law 53/2024/QH15 with its transitional Art. 63), amounts, ceilings and providers, and the
recorded steps (protection, facility, a child's family notified, a support refused)."""

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.rules.selectors import RuleMissing
from ctip.rules.services import rule_set
from ctip.victims.actions import age_on, case_action_record
from ctip.victims.checks import CaseError
from ctip.victims.models import AccessLog, Case, CaseAction, SupportGiven
from ctip.victims.states import State
from ctip.victims.support import SupportError, eligibility, support_give
from ctip.victims.transitions import _move
from tests.factories import CaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db


OLD_DAY = date(2019, 5, 2)  # Law 66/2011/QH12, Decree 09/2013/NĐ-CP
NEW_DAY = date(2025, 9, 10)  # Law 53/2024/QH15, Decree 162/2025/NĐ-CP
# Law 66/2011 Art. 32(1): six regimes, (a) essential needs and travel being one.
OLD_CITIZEN = (
    "essential_needs",
    "travel",
    "medical",
    "psychological",
    "legal_aid",
    "education",
    "vocational",
    "hardship_loan",
)
OLD_FOREIGNER = ("essential_needs", "travel", "medical", "psychological", "legal_aid")
OLD_CHILD = ("essential_needs", "travel", "medical", "psychological")
# Law 53/2024 Art. 37(1) a-k and (4).
NEW_CITIZEN = (
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
NEW_FOREIGNER = (
    "essential_needs",
    "medical",
    "interpretation",
    "legal_support",
    "legal_aid",
    "psychological",
)


def _case(received=NEW_DAY, *, owner=None, nationality="VN", stateless=False, **kw):
    owner = owner or ("qng-sldtbxh" if received < date(2025, 3, 1) else "qng-syt-2025")
    case = CaseFactory(received_on=received, owner=owner, nationality=nationality, **kw)
    # No service sets this flag yet (synthetic data writes it directly too).
    Case.objects.filter(pk=case.pk).update(stateless_resident=stateless)
    case.refresh_from_db()
    return case


def _identified(case, on):
    return _move(_move(case, State.VERIFYING, on, "", None), State.IDENTIFIED, on, "", None)


def _child_of(parent, **kw):
    child = _case(parent.received_on, owner=parent.owner, age_at_reception=6, **kw)
    Case.objects.filter(pk=child.pk).update(accompanies=parent)
    child.refresh_from_db()
    return child


# --- who is entitled, under which law -----------------------------------------------------------


@pytest.mark.parametrize(("day", "citizen"), [(OLD_DAY, OLD_CITIZEN), (NEW_DAY, NEW_CITIZEN)])
def test_a_stateless_resident_gets_the_citizens_regimes_not_the_foreigners(day, citizen):
    stateless = _identified(_case(day, nationality="", stateless=True), day)
    foreigner = _identified(_case(day, nationality="LA"), day)
    resident = eligibility(stateless, on=day)
    assert (resident.group, resident.regimes, resident.case_by_case) == (
        "identified",
        citizen,
        False,
    )
    assert eligibility(foreigner, on=day).group == "foreigner_case_by_case"


def test_a_foreigner_under_the_2011_law_and_under_the_2024_law():
    old = _identified(_case(OLD_DAY, nationality="CN"), OLD_DAY)
    new = _identified(_case(NEW_DAY, nationality="CN"), NEW_DAY)
    assert eligibility(old, on=OLD_DAY).regimes == OLD_FOREIGNER  # Art. 32(2): a-d
    assert eligibility(new, on=NEW_DAY).regimes == NEW_FOREIGNER  # Art. 37(4)
    assert eligibility(new, on=NEW_DAY).case_by_case
    # Awaiting verification in 2019: Decree 09/2013 Art. 19(1)(b), essential needs and travel.
    waiting = _case(OLD_DAY, nationality="CN")
    assert eligibility(waiting, on=OLD_DAY).regimes == ("essential_needs", "travel")
    # Being identified in 2025: the same regimes as a foreign victim (Art. 37(4)).
    assert eligibility(_case(NEW_DAY, nationality="CN"), on=NEW_DAY).regimes == NEW_FOREIGNER


def test_a_victim_identified_in_2019_is_supported_under_the_2011_law():
    case = _identified(_case(OLD_DAY), OLD_DAY)
    result = eligibility(case, on=date(2019, 6, 1))
    assert (result.group, result.regimes, result.regime_on) == (
        "identified",
        OLD_CITIZEN,
        date(2019, 6, 1),
    )
    child = _child_of(case)
    assert eligibility(child, on=date(2019, 6, 1)).regimes == OLD_CHILD  # Art. 32(3)
    with pytest.raises(SupportError, match="không thuộc diện"):  # no interpretation in 2011
        support_give(
            case=case,
            regime="interpretation",
            given_on=date(2019, 6, 1),
            provider=case.owner,
            amount=0,
            acting_user=None,
        )


def test_identified_in_june_2025_and_supported_in_2026_keeps_the_2011_law():
    """Law 53/2024 Art. 63: identified before 1/7/2025 (and the child with them): Law 66/2011."""
    june = date(2025, 6, 12)
    case = _identified(_case(june, owner="qng-syt"), june)
    child = _child_of(case)
    later = date(2026, 3, 2)
    result = eligibility(case, on=later)
    assert (result.regimes, result.regime_on) == (OLD_CITIZEN, date(2025, 6, 30))
    assert eligibility(child, on=later).regimes == OLD_CHILD
    support_give(
        case=case,
        regime="hardship_loan",
        given_on=later,
        provider=Agency.objects.get(code="qng-syt-2025"),
        amount=2_000_000,
        acting_user=None,
    )
    with pytest.raises(SupportError, match="không thuộc diện"):
        support_give(
            case=case,
            regime="legal_support",  # "hỗ trợ pháp luật" is a regime of the 2024 law only
            given_on=later,
            provider=Agency.objects.get(code="qng-syt-2025"),
            amount=0,
            acting_user=None,
        )
    # Received in June but identified after 1/7/2025: the new law, by the support date.
    other = _case(june, owner="qng-syt")
    _identified(other, date(2025, 7, 15))
    assert eligibility(other, on=later).regimes == NEW_CITIZEN


def test_no_rule_in_force_names_the_rule_and_the_date():
    case = _case(date(2011, 12, 20))
    with pytest.raises(RuleMissing) as missing:
        eligibility(case, on=date(2011, 12, 31))
    assert "victims.support.eligibility" in str(missing.value)
    assert "31/12/2011" in str(missing.value)
    with pytest.raises(SupportError, match=r"victims\.support\.eligibility.*31/12/2011"):
        support_give(
            case=case,
            regime="essential_needs",
            given_on=date(2011, 12, 31),
            provider=case.owner,
            amount=100_000,
            acting_user=None,
        )
    assert not SupportGiven.objects.exists()


# --- amounts, ceilings, durations and providers -------------------------------------------------

CEILINGS = {
    "essential_needs": {
        "ceiling": 100_000,
        "unit": "day",
        "max_units": 120,
        "providers": ["provincial_police", "border_guard", "social_facility"],
    },
    "hardship_loan": {"ceiling": 3_000_000, "unit": "once", "max_units": None, "providers": None},
}
LATER = date(2026, 2, 2)


@pytest.fixture
def ceilings():
    """A version of the terms with known ceilings (the shipped ones set none: no amount of
    Decree 162/2025 was established)."""
    rule_set(
        key="victims.support.terms",
        kind="mapping",
        value=CEILINGS,
        valid_from=date(2026, 1, 1),
        legal_basis_document="Văn bản thử nghiệm",
        legal_basis_article="Điều 1 khoản 1",
        acting_user=None,
    )
    return _identified(_case(NEW_DAY), NEW_DAY)


def _give(case, regime, amount, provider="qng-syt-2025", **kw):
    return support_give(
        case=case,
        regime=regime,
        given_on=LATER,
        provider=Agency.objects.get(code=provider),
        amount=amount,
        acting_user=None,
        **kw,
    )


def test_support_above_the_ceiling_is_refused_and_nothing_is_written(ceilings):
    audits = AuditEntry.objects.count()
    with pytest.raises(SupportError, match=r"3\.000\.000 đồng \(Văn bản thử nghiệm, Điều 1"):
        _give(ceilings, "hardship_loan", 3_000_001)
    with pytest.raises(SupportError, match=r"100\.000 đồng/ngày × 10 ngày = 1\.000\.000 đồng"):
        _give(ceilings, "essential_needs", 1_000_001, days=10)
    with pytest.raises(SupportError, match="phải nêu số ngày"):
        _give(ceilings, "essential_needs", 100_000)
    with pytest.raises(SupportError, match="tối đa 120 ngày"):
        _give(ceilings, "essential_needs", 100_000, days=121)
    assert not SupportGiven.objects.exists() and AuditEntry.objects.count() == audits
    _give(ceilings, "hardship_loan", 3_000_000)
    _give(ceilings, "essential_needs", 1_000_000, days=10)
    assert SupportGiven.objects.count() == 2


def test_a_provider_the_rule_does_not_name_is_refused(ceilings):
    with pytest.raises(SupportError, match="không phải cơ quan thực hiện"):
        _give(ceilings, "essential_needs", 100_000, provider="qng-ta-2025", days=1)  # a court
    assert not SupportGiven.objects.exists()
    _give(ceilings, "essential_needs", 100_000, provider="qng-bdbp-2025", days=1)
    # No providers named for the regime: any agency is recorded.
    _give(ceilings, "hardship_loan", 1_000, provider="qng-ta-2025")
    assert SupportGiven.objects.count() == 2


def test_the_shipped_terms_check_durations_and_providers_without_inventing_amounts():
    case = _identified(_case(NEW_DAY), NEW_DAY)
    court = Agency.objects.get(code="qng-ta-2025")
    with pytest.raises(SupportError, match="tối đa 120 ngày"):  # Decree 162/2025 Art. 17
        support_give(
            case=case,
            regime="essential_needs",
            given_on=NEW_DAY,
            provider=case.owner,
            amount=10**9,
            days=121,
            acting_user=None,
        )
    with pytest.raises(SupportError, match="không phải cơ quan thực hiện"):
        support_give(
            case=case,
            regime="essential_needs",
            given_on=NEW_DAY,
            provider=court,
            amount=1,
            acting_user=None,
        )
    # No ceiling established: any amount within ctip's bounds is recorded.
    support_give(
        case=case,
        regime="essential_needs",
        given_on=NEW_DAY,
        provider=case.owner,
        amount=10**9,
        days=120,
        acting_user=None,
    )
    old = _identified(_case(OLD_DAY), OLD_DAY)
    with pytest.raises(SupportError, match="tối đa 60 ngày"):  # Decree 09/2013 Art. 19(2)
        support_give(
            case=old,
            regime="essential_needs",
            given_on=OLD_DAY,
            provider=old.owner,
            amount=1,
            days=61,
            acting_user=None,
        )


# --- recorded steps -----------------------------------------------------------------------------


@pytest.fixture
def worker():
    return make_user("xahoi", "case_worker", agency="qng-syt-2025")


@pytest.mark.parametrize(
    ("kind", "regime"),
    [("protection", ""), ("facility", ""), ("family_notified", ""), ("support_refused", "medical")],
)
def test_each_step_is_recorded_and_audited_without_its_detail(worker, kind, regime):
    case = _case(age_at_reception=15)
    police = Agency.objects.get(code="qng-ca-2025")
    action = case_action_record(
        case=case,
        kind=kind,
        on=NEW_DAY,
        agency=police,
        regime=regime,
        detail="Nơi tạm lánh bí mật số 7",
        acting_user=worker,
    )
    stored = CaseAction.objects.get()
    assert (stored.kind, stored.on, stored.agency, stored.regime) == (kind, NEW_DAY, police, regime)
    assert stored.detail == "Nơi tạm lánh bí mật số 7" and stored.recorded_by == worker
    audit = AuditEntry.objects.get(action="victims.case_action_record", object_id=str(action.pk))
    assert audit.changes["kind"] == [None, kind]
    assert "bí mật" not in str(audit.changes)


def test_a_family_is_notified_only_for_a_child(worker):
    adult = _case(age_at_reception=30)
    police = Agency.objects.get(code="qng-ca-2025")
    with pytest.raises(CaseError, match="dưới 18 tuổi"):
        case_action_record(
            case=adult, kind="family_notified", on=NEW_DAY, agency=police, acting_user=worker
        )
    # 17 at reception in 2019, 18 by 2021: the age is the one on the day of the notice.
    grown = _case(OLD_DAY, age_at_reception=17)
    assert age_on(grown, date(2021, 6, 1)) == 19
    with pytest.raises(CaseError, match="dưới 18 tuổi"):
        case_action_record(
            case=grown,
            kind="family_notified",
            on=date(2021, 6, 1),
            agency=Agency.objects.get(code="qng-sldtbxh"),
            acting_user=make_user("cu", "case_worker", agency="qng-sldtbxh"),
        )
    assert not CaseAction.objects.exists()
    born = _case(age_at_reception=30, date_of_birth="2010-01-05")  # the date of birth decides
    assert age_on(born, NEW_DAY) == 15


def test_a_step_outside_the_scope_or_without_its_regime_is_refused(worker):
    case = _case()
    police = Agency.objects.get(code="qng-ca-2025")
    with pytest.raises(CaseError, match="Không có hồ sơ này"):
        case_action_record(
            case=case,
            kind="protection",
            on=NEW_DAY,
            agency=police,
            acting_user=make_user("bp", "case_worker", agency="qng-bdbp-2025"),
        )
    with pytest.raises(CaseError, match="Phải chọn chế độ"):
        case_action_record(
            case=case, kind="support_refused", on=NEW_DAY, agency=police, acting_user=worker
        )
    with pytest.raises(CaseError, match="không hoạt động"):  # dissolved on 1/7/2025
        case_action_record(
            case=case,
            kind="protection",
            on=NEW_DAY,
            agency=Agency.objects.get(code="qng-ca"),
            acting_user=worker,
        )
    assert not CaseAction.objects.exists()


def test_a_refused_regime_is_not_offered_nor_given_unless_decided_anew(worker):
    """The rule chosen: a refusal recorded on day D withdraws the regime from D on; support of
    it dated D or later is recorded only when the official states a new decision."""
    case = _identified(_case(), NEW_DAY)
    refused_on = date(2025, 9, 20)
    case_action_record(
        case=case,
        kind="support_refused",
        on=refused_on,
        agency=case.owner,
        regime="psychological",
        acting_user=worker,
    )
    before = eligibility(case, on=date(2025, 9, 19))
    after = eligibility(case, on=refused_on)
    assert "psychological" in before.regimes and not before.refused
    assert "psychological" not in after.regimes and after.refused == ("psychological",)
    give = {"case": case, "regime": "psychological", "provider": case.owner, "amount": 0}
    support_give(given_on=date(2025, 9, 19), acting_user=None, **give)
    with pytest.raises(SupportError, match="đang từ chối"):
        support_give(given_on=refused_on, acting_user=None, **give)
    support_give(given_on=date(2025, 10, 1), new_decision=True, acting_user=None, **give)
    assert SupportGiven.objects.count() == 2


def test_no_family_notice_rule_in_force_names_the_rule_and_the_date(worker):
    case = _case(date(2012, 6, 1), age_at_reception=10)
    with pytest.raises(CaseError, match=r"victims\.family_notice\.under_age.*02/6/2012"):
        case_action_record(
            case=case,
            kind="family_notified",
            on=date(2012, 6, 2),
            agency=Agency.objects.get(code="qng-sldtbxh"),
            acting_user=make_user("cu", "case_worker", agency="qng-sldtbxh"),
        )


def test_steps_through_the_web_with_a_confirmation(client, worker):
    case = _case(age_at_reception=30)
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{case.pk}/bao-ve/buoc/"
    police = Agency.objects.get(code="qng-ca-2025")
    assert client.get(page).status_code == 200
    assert AccessLog.objects.filter(case=case, section="actions").count() == 1
    form = {"kind": "facility", "on": "12/09/2025", "agency": police.pk, "detail": "Trung tâm X"}
    done = client.post(page, form, follow=True).content.decode()
    assert "Đã ghi nhận “Chuyển đến cơ sở trợ giúp xã hội” ngày 12/9/2025." in done
    assert "Trung tâm X" in done
    refused = client.post(page, {**form, "kind": "family_notified"}, follow=True)
    assert "dưới 18 tuổi" in refused.content.decode()
    assert CaseAction.objects.count() == 1
    outsider = make_user("bp", "case_worker", agency="qng-bdbp-2025")
    client.logout()
    log_in(client, outsider, add_totp(outsider))
    assert client.get(page).status_code == 404


def test_support_by_the_day_through_the_protection_page(client, worker, ceilings):
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{ceilings.pk}/bao-ve/"
    form = {"support": "1", "regime": "essential_needs", "given_on": "02/02/2026"}
    over = client.post(page, {**form, "amount": "500001", "days": "5"}, follow=True)
    assert "100.000 đồng/ngày × 5 ngày = 500.000 đồng" in over.content.decode()
    client.post(page, {**form, "amount": "500000", "days": "5"})
    assert SupportGiven.objects.get().amount == 500_000


def test_hostile_values_on_the_steps_form_are_refused_without_an_error(client, worker):
    case = _case()
    log_in(client, worker, add_totp(worker))
    page = f"/ho-so/{case.pk}/bao-ve/buoc/"
    police = Agency.objects.get(code="qng-ca-2025").pk
    good = {"kind": "protection", "on": "12/09/2025", "agency": police}
    for bad in (
        {"agency": "99999999999999999999999"},
        {"agency": "1\x00"},
        {"on": "31/12/9999"},
        {"on": "01/01/2099"},  # within the bounds, in the future: the service refuses it
        {"kind": "x"},
        {"detail": "a\x00b"},
        {"detail": "x" * 20_001},
        {"regime": "medical"},  # a regime on a step that is not a refusal
        {"kind": "support_refused", "regime": ""},
    ):
        assert client.post(page, {**good, **bad}).status_code == 200, bad
    assert not CaseAction.objects.exists()
