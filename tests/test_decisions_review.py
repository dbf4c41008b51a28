"""Review of issue 24's decisions: each defendant is judged at most once at first instance and
once on appeal, an appeal follows the first-instance judgment of the defendants it names, a new
indictment follows the court's return of the file; a judgment recorded by someone else meanwhile
is seen under the case's lock (and the database refuses a second sentence of a defendant at one
instance); a decision that the rule in force on its date allows is offered even when today's
rule no longer names the user's role."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from ctip.core.models import AuditEntry
from ctip.enforcement import decisions
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.decision_models import Decision, DecisionKind, Penalty, Sentence, Verdict
from ctip.enforcement.decisions import SentenceSpec, decision_record
from ctip.enforcement.models import CriminalCase, Stage, StageEvent
from ctip.enforcement.stages import stage_advance
from ctip.geo.models import Level
from ctip.indicators.queries import compute
from ctip.rules.services import rule_set
from tests.conftest import NEW, unit
from tests.factories import CriminalCaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 5)
NAMES = ("Trương Văn Đen", "Lê Thị Mơ")
K = DecisionKind


@pytest.fixture
def people():
    return {
        "investigator": make_user("dieutra", "investigator", agency="qng-ca-2025"),
        "prosecutor": make_user("kiemsat", "prosecutor", agency="qng-vks-2025"),
        "judge": make_user("toaan", "judge", agency="qng-ta-2025"),
    }


def _case(people, stage=Stage.INSTITUTED):
    """Two named suspects; instituted on DAY, indicted (a stage, no decision) on 1/10/2025."""
    case = CriminalCaseFactory(suspects=[{"full_name": n, "sex": "male"} for n in NAMES])
    case = stage_advance(
        case=case, to_stage=Stage.INSTITUTED, on=DAY, acting_user=people["investigator"]
    )
    if stage in (Stage.INDICTED, Stage.JUDGED):
        case = stage_advance(
            case=case,
            to_stage=Stage.INDICTED,
            on=date(2025, 10, 1),
            acting_user=people["prosecutor"],
        )
    if stage == Stage.JUDGED:
        for to in (Stage.TRIED, Stage.JUDGED):
            case = stage_advance(
                case=case, to_stage=to, on=date(2025, 11, 1), acting_user=people["judge"]
            )
    return case


def _guilty(suspect):
    return SentenceSpec(
        suspect=suspect,
        verdict=Verdict.GUILTY,
        charge="trafficking",
        penalty=Penalty.PRISON,
        months=60,
    )


def _judge(people, case, kind, on, *suspects, number="1/2025/HS"):
    return decision_record(
        case=CriminalCase.objects.get(pk=case.pk),
        kind=kind,
        number=number,
        on=on,
        sentences=[_guilty(s) for s in suspects],
        acting_user=people["judge"],
    )


def _decide(people, case, kind, on, who="prosecutor", number="1/QĐ"):
    return decision_record(
        case=CriminalCase.objects.get(pk=case.pk),
        kind=kind,
        number=number,
        on=on,
        acting_user=people[who],
    )


def _state(case):
    case = CriminalCase.objects.get(pk=case.pk)
    return (
        case.stage,
        StageEvent.objects.filter(case=case).count(),
        Decision.objects.count(),
        Sentence.objects.count(),
        AuditEntry.objects.exclude(action="read").count(),
    )


def _figures(*codes):
    rows = compute(list(codes), unit=unit(51, Level.PROVINCE, NEW), start=date(2025, 7, 1), end=NEW)
    return {r["indicator"]: r["value"] for r in rows}


def _refused(call, message, case):
    before = _state(case)
    with pytest.raises(EnforcementError, match=message):
        call()
    assert _state(case) == before


# --- 1. who is judged, once per defendant and instance ----------------------------------------


def test_a_defendant_left_out_of_a_first_instance_judgment_is_judged_later(people):
    case = _case(people, Stage.INDICTED)
    first, second = case.suspects.order_by("pk")
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first, number="45/2025/HS-ST")
    # The second defendant was not judged in that judgment: a later one judges them.
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 12, 1), second, number="50/2025/HS-ST")
    assert set(Sentence.objects.values_list("suspect", "instance")) == {
        (first.pk, K.FIRST_INSTANCE),
        (second.pk, K.FIRST_INSTANCE),
    }
    # Nobody is judged twice at first instance.
    for who in (first, second):
        _refused(
            lambda who=who: _judge(people, case, K.FIRST_INSTANCE, date(2025, 12, 2), who),
            "đã được xét xử sơ thẩm",
            case,
        )
    # Each convicted defendant counts once, the case once (one trial stage).
    assert _figures(
        "enforcement.defendants_convicted", "enforcement.cases_tried", "enforcement.cases_indicted"
    ) == {
        "enforcement.defendants_convicted": 2,
        "enforcement.cases_tried": 1,
        "enforcement.cases_indicted": 1,
    }


def test_the_judgment_page_offers_a_first_instance_judgment_until_everyone_is_judged(
    client, people
):
    case = _case(people, Stage.INDICTED)
    first, second = case.suspects.order_by("pk")
    log_in(client, people["judge"], add_totp(people["judge"]))
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first)
    page = client.get(f"/vu-an/{case.pk}/ban-an/")
    assert [k for k, _label in page.context["offered"]] == [K.FIRST_INSTANCE, K.APPEAL]
    # The page says who already has a first-instance judgment (the page is a logged read).
    assert "Đã có bản án sơ thẩm" in page.content.decode()
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 12, 1), second)
    page = client.get(f"/vu-an/{case.pk}/ban-an/")
    assert [k for k, _label in page.context["offered"]] == [K.APPEAL]


def test_an_appeal_needs_the_first_instance_judgment_of_its_defendants(people):
    case = _case(people, Stage.JUDGED)  # judged as a stage, with no judgment recorded
    first, second = case.suspects.order_by("pk")
    _refused(
        lambda: _judge(people, case, K.APPEAL, date(2025, 12, 20), first),
        "sơ thẩm",
        case,
    )
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first)
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 12, 10), second)
    # The second defendant's first-instance judgment is later than this appeal.
    _refused(
        lambda: _judge(people, case, K.APPEAL, date(2025, 12, 1), second),
        "sơ thẩm",
        case,
    )
    _judge(people, case, K.APPEAL, date(2025, 12, 1), first, number="7/2025/HS-PT")
    _judge(people, case, K.APPEAL, date(2025, 12, 20), second, number="9/2025/HS-PT")
    # An appeal judges a defendant once.
    _refused(
        lambda: _judge(people, case, K.APPEAL, date(2025, 12, 21), first),
        "phúc thẩm",
        case,
    )
    assert _figures("enforcement.defendants_convicted") == {"enforcement.defendants_convicted": 2}


def test_the_court_returns_the_file_and_the_procuracy_indicts_again(client, people):
    case = _case(people)
    _decide(people, case, K.INDICTMENT, date(2025, 10, 2), number="12/CT-VKS")
    # One indictment while the file is with the court.
    _refused(lambda: _decide(people, case, K.INDICTMENT, date(2025, 10, 3)), "trả hồ sơ", case)
    _decide(people, case, K.COURT_RETURN, date(2025, 10, 15), who="judge", number="3/QĐ-TA")
    # Returned: no judgment, no second return, until the procuracy indicts again.
    first = case.suspects.order_by("pk").first()
    _refused(
        lambda: _judge(people, case, K.FIRST_INSTANCE, date(2025, 10, 20), first),
        "trả hồ sơ",
        case,
    )
    _refused(
        lambda: _decide(people, case, K.COURT_RETURN, date(2025, 10, 16), who="judge"),
        "trả hồ sơ",
        case,
    )
    # The prosecutor's page offers the new indictment, dated not before the return.
    log_in(client, people["prosecutor"], add_totp(people["prosecutor"]))
    offered = client.get(f"/vu-an/{case.pk}/quyet-dinh/").context["offered"]
    assert K.INDICTMENT in dict(offered)
    _refused(lambda: _decide(people, case, K.INDICTMENT, date(2025, 10, 10)), "trả hồ sơ", case)
    _decide(people, case, K.INDICTMENT, date(2025, 11, 2), number="20/CT-VKS")
    assert case.decisions.filter(kind=K.INDICTMENT).count() == 2
    _refused(lambda: _decide(people, case, K.INDICTMENT, date(2025, 11, 3)), "trả hồ sơ", case)
    # Nothing left for the procuracy to record: the page is outside its scope.
    assert client.get(f"/vu-an/{case.pk}/quyet-dinh/").status_code == 404
    # The court judges the case indicted anew; the case counts once as indicted.
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first)
    assert _figures("enforcement.cases_indicted", "enforcement.cases_tried") == {
        "enforcement.cases_indicted": 1,
        "enforcement.cases_tried": 1,
    }


# --- 2. a judgment recorded meanwhile ---------------------------------------------------------


def test_an_appeal_recorded_meanwhile_is_seen_under_the_lock(people, monkeypatch):
    """Another judge's request records the same appeal between this one's checks and its
    transaction: this one is refused, and the defendant has one appeal."""
    case = _case(people, Stage.INDICTED)
    first = case.suspects.order_by("pk").first()
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first)
    real = decisions.unit_of_work
    raced = []

    def meanwhile(*args, **kwargs):
        if not raced:
            raced.append(True)
            _judge(people, case, K.APPEAL, date(2025, 12, 1), first, number="7/2025/HS-PT")
        return real(*args, **kwargs)

    monkeypatch.setattr(decisions, "unit_of_work", meanwhile)
    before = _state(case)
    with pytest.raises(EnforcementError):
        _judge(people, case, K.APPEAL, date(2025, 12, 2), first, number="8/2025/HS-PT")
    assert raced
    assert Sentence.objects.filter(suspect=first, instance=K.APPEAL).count() == 1
    assert Decision.objects.count() == before[2] + 1  # the other request's appeal only


def test_a_first_instance_judgment_recorded_meanwhile_is_not_doubled(people, monkeypatch):
    case = _case(people, Stage.INDICTED)
    first, second = case.suspects.order_by("pk")
    _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first)
    real = decisions.unit_of_work
    raced = []

    def meanwhile(*args, **kwargs):
        if not raced:
            raced.append(True)
            _judge(people, case, K.FIRST_INSTANCE, date(2025, 12, 1), second, number="50/HS-ST")
        return real(*args, **kwargs)

    monkeypatch.setattr(decisions, "unit_of_work", meanwhile)
    with pytest.raises(EnforcementError):
        _judge(people, case, K.FIRST_INSTANCE, date(2025, 12, 1), second, number="51/HS-ST")
    assert _figures("enforcement.defendants_convicted") == {"enforcement.defendants_convicted": 2}


def test_an_indictment_recorded_meanwhile_is_seen_under_the_lock(people, monkeypatch):
    """No constraint of the database can say "one indictment after each return": the check under
    the lock alone keeps a second one out."""
    case = _case(people, Stage.INDICTED)
    _decide(people, case, K.COURT_RETURN, date(2025, 10, 15), who="judge")
    real = decisions.unit_of_work
    raced = []

    def meanwhile(*args, **kwargs):
        if not raced:
            raced.append(True)
            _decide(people, case, K.INDICTMENT, date(2025, 10, 20), number="20/CT-VKS")
        return real(*args, **kwargs)

    monkeypatch.setattr(decisions, "unit_of_work", meanwhile)
    with pytest.raises(EnforcementError, match="trả hồ sơ"):
        _decide(people, case, K.INDICTMENT, date(2025, 10, 21), number="21/CT-VKS")
    assert raced and case.decisions.filter(kind=K.INDICTMENT).count() == 1


def test_the_database_keeps_one_sentence_per_defendant_and_instance(people):
    case = _case(people, Stage.INDICTED)
    first = case.suspects.order_by("pk").first()
    judgment = _judge(people, case, K.FIRST_INSTANCE, date(2025, 11, 20), first)
    other = Decision.objects.create(
        case=case, kind=K.FIRST_INSTANCE, number="x", on=date(2025, 11, 21), agency=judgment.agency
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Sentence.objects.create(
            decision=other, suspect=first, instance=K.FIRST_INSTANCE, verdict=Verdict.NOT_GUILTY
        )
    assert Sentence.objects.filter(suspect=first).count() == 1


# --- 3. the rule on the decision's date --------------------------------------------------------


def test_a_back_dated_decision_that_the_earlier_rule_allows_is_offered_and_recorded(client, people):
    case = _case(people)  # instituted on 5/9/2025
    # From 10/10/2025 the procuracy's step is (in this test) no longer the prosecutor's.
    rule_set(
        key="roles.step.enforcement.indicted",
        kind="list",
        value=["investigator"],
        valid_from=date(2025, 10, 10),
        legal_basis_document="Văn bản thử",
        legal_basis_article="Điều 1",
        acting_user=None,
    )
    prosecutor = people["prosecutor"]
    log_in(client, prosecutor, add_totp(prosecutor))
    page = client.get(f"/vu-an/{case.pk}/quyet-dinh/")
    assert page.status_code == 200 and K.INDICTMENT in dict(page.context["offered"])
    assert f"/vu-an/{case.pk}/quyet-dinh/" in client.get(f"/vu-an/{case.pk}/").content.decode()
    # A date under the new rule is refused by the service, with its reason; nothing written.
    before = _state(case)
    late = {"kind": "indictment", "number": "12/CT-VKS", "on": "15/10/2025"}
    response = client.post(f"/vu-an/{case.pk}/quyet-dinh/", late)
    assert response.status_code == 200 and "Chỉ Điều tra viên" in response.content.decode()
    assert _state(case) == before
    # A date under the rule then in force is recorded.
    response = client.post(f"/vu-an/{case.pk}/quyet-dinh/", {**late, "on": "02/10/2025"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == Stage.INDICTED and case.decisions.get().on == date(2025, 10, 2)
