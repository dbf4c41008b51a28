"""Issue 24: the procuracy and the court record their decisions on a criminal case, a judgment
with the verdict and sentence of each defendant; the stage figures and the count of those
convicted follow; only the roles the rules name may record them, and a refusal changes nothing."""

import json
from datetime import date

import pytest
from django.apps import apps

from ctip.core.models import AuditEntry
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.decision_models import Decision, DecisionKind, Penalty, Sentence, Verdict
from ctip.enforcement.decisions import SentenceSpec, decision_record
from ctip.enforcement.models import CriminalCase, Stage, StageEvent
from ctip.enforcement.stages import stage_advance
from ctip.enforcement.views_decisions import term_words
from ctip.geo.models import Level
from ctip.indicators.queries import compute
from tests.conftest import NEW, unit
from tests.factories import CriminalCaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 5)
NAMES = ("Trương Văn Đen", "Lê Thị Mơ")


@pytest.fixture
def people():
    return {
        "investigator": make_user("dieutra", "investigator", agency="qng-ca-2025"),
        "prosecutor": make_user("kiemsat", "prosecutor", agency="qng-vks-2025"),
        "judge": make_user("toaan", "judge", agency="qng-ta-2025"),
        "leader": make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)),
    }


def _case(people, stage=Stage.INSTITUTED):
    """Two named suspects; moved by the police (and the procuracy) up to `stage`."""
    case = CriminalCaseFactory(
        suspects=[{"full_name": n, "sex": "male"} for n in NAMES], platform="telegram"
    )
    case = stage_advance(
        case=case, to_stage=Stage.INSTITUTED, on=DAY, acting_user=people["investigator"]
    )
    if stage == Stage.INDICTED:
        case = stage_advance(
            case=case,
            to_stage=Stage.INDICTED,
            on=date(2025, 10, 1),
            acting_user=people["prosecutor"],
        )
    return case


def _specs(case):
    first, second = case.suspects.order_by("pk")
    return [
        SentenceSpec(
            suspect=first,
            verdict=Verdict.GUILTY,
            charge="trafficking",
            penalty=Penalty.PRISON,
            months=90,
            fine_vnd=20_000_000,
        ),
        SentenceSpec(suspect=second, verdict=Verdict.NOT_GUILTY),
    ]


def _state(case):
    """What a refusal must leave as it was."""
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


# --- services ----------------------------------------------------------------------------------


def test_the_indictment_moves_the_case_and_counts_as_indicted(people):
    case = _case(people)
    defendants = list(case.suspects.all())
    decision = decision_record(
        case=case,
        kind=DecisionKind.INDICTMENT,
        number="12/CT-VKS",
        on=date(2025, 10, 2),
        suspects=defendants,
        acting_user=people["prosecutor"],
    )
    case.refresh_from_db()
    assert case.stage == Stage.INDICTED
    assert decision.agency.code == "qng-vks-2025" and decision.actor == people["prosecutor"]
    assert set(decision.suspects.all()) == set(defendants)
    assert case.stages.last().agency.kind == "procuracy"
    assert _figures("enforcement.cases_indicted") == {"enforcement.cases_indicted": 1}
    audit = AuditEntry.objects.get(action="enforcement.decision_record")
    assert audit.changes["decision"] == [None, "indictment"]
    assert audit.changes["stage"] == [None, "indicted"] and audit.changes["defendants"] == [None, 2]


def test_a_first_instance_judgment_records_each_sentence_and_feeds_the_figures(people):
    case = _case(people, Stage.INDICTED)
    before = _figures("enforcement.cases_tried", "enforcement.defendants_convicted")
    assert before == {"enforcement.cases_tried": 0, "enforcement.defendants_convicted": 0}
    decision = decision_record(
        case=case,
        kind=DecisionKind.FIRST_INSTANCE,
        number="45/2025/HS-ST",
        on=date(2025, 11, 20),
        sentences=_specs(case),
        acting_user=people["judge"],
    )
    case.refresh_from_db()
    # Through the trial to the judgment: both stages, by the court, on the judgment's date.
    assert case.stage == Stage.JUDGED
    assert list(case.stages.values_list("stage", "agency__kind"))[-2:] == [
        ("tried", "court"),
        ("judged", "court"),
    ]
    guilty = decision.sentences.get(verdict=Verdict.GUILTY)
    assert (guilty.charge, guilty.penalty, guilty.months, guilty.fine_vnd) == (
        "trafficking",
        Penalty.PRISON,
        90,
        20_000_000,
    )
    assert decision.sentences.get(verdict=Verdict.NOT_GUILTY).penalty == ""
    assert _figures("enforcement.cases_tried", "enforcement.defendants_convicted") == {
        "enforcement.cases_tried": 1,
        "enforcement.defendants_convicted": 1,
    }
    # The audit counts the verdicts and never names anyone.
    audit = AuditEntry.objects.get(action="enforcement.decision_record")
    assert audit.changes["guilty"] == [None, 1] and audit.changes["not_guilty"] == [None, 1]
    text = json.dumps(audit.changes, ensure_ascii=False)
    assert not [n for n in NAMES if n in text]
    # An appeal judgment changes a sentence, not the count of those convicted at first instance.
    decision_record(
        case=case,
        kind=DecisionKind.APPEAL,
        number="7/2026/HS-PT",
        on=date(2025, 12, 20),
        sentences=_specs(case)[:1],
        acting_user=people["judge"],
    )
    assert _figures("enforcement.defendants_convicted") == {"enforcement.defendants_convicted": 1}


@pytest.mark.parametrize("who", ["investigator", "prosecutor", "leader"])
def test_only_the_court_records_a_judgment_and_a_refusal_changes_nothing(people, who):
    case = _case(people, Stage.INDICTED)
    before = _state(case)
    with pytest.raises(EnforcementError, match="Chỉ Thẩm phán|Không có vụ án này"):
        decision_record(
            case=case,
            kind=DecisionKind.FIRST_INSTANCE,
            number="45/2025/HS-ST",
            on=date(2025, 11, 20),
            sentences=_specs(case),
            acting_user=people[who],
        )
    assert _state(case) == before


def test_the_court_does_not_indict(people):
    case = _case(people, Stage.INDICTED)
    before = _state(case)
    with pytest.raises(EnforcementError, match="Kiểm sát viên"):
        decision_record(
            case=case,
            kind=DecisionKind.INDICTMENT,
            number="12/CT-VKS",
            on=date(2025, 11, 2),
            acting_user=people["judge"],
        )
    assert _state(case) == before


def _sentence(case, **change):
    first = case.suspects.order_by("pk").first()
    values = {
        "suspect": first,
        "verdict": Verdict.GUILTY,
        "charge": "trafficking",
        "penalty": "prison",
    }
    return SentenceSpec(**{**values, "months": 24, **change})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"verdict": Verdict.NOT_GUILTY}, "không ghi tội danh"),
        ({"charge": "999"}, "tội danh"),
        ({"penalty": "flogging"}, "hình phạt chính"),
        ({"months": None}, "Thời hạn"),
        ({"months": 2}, "Thời hạn"),
        ({"penalty": Penalty.LIFE}, "Chỉ tù có thời hạn"),
        ({"suspended": True, "months": 48, "probation_months": 24}, "án treo"),
        ({"suspended": True, "probation_months": None}, "thử thách"),
        ({"probation_months": 24}, "thử thách"),
        ({"fine_vnd": -1}, "Phạt tiền"),
    ],
)
def test_a_sentence_the_code_does_not_allow_is_refused(people, change, message):
    case = _case(people, Stage.INDICTED)
    before = _state(case)
    with pytest.raises(EnforcementError, match=message):
        decision_record(
            case=case,
            kind=DecisionKind.FIRST_INSTANCE,
            number="45/2025/HS-ST",
            on=date(2025, 11, 20),
            sentences=[_sentence(case, **change)],
            acting_user=people["judge"],
        )
    assert _state(case) == before


def test_wrong_stage_someone_elses_suspect_a_second_judgment_or_a_bad_date_are_refused(people):
    case = _case(people)  # instituted: no judgment yet
    other = CriminalCaseFactory(suspects=[{"full_name": "Người Khác", "sex": "male"}])
    judge = people["judge"]

    def judge_it(**kw):
        values = {
            "case": case,
            "kind": DecisionKind.FIRST_INSTANCE,
            "number": "45/2025/HS-ST",
            "on": date(2025, 11, 20),
            "sentences": _specs(case),
            "acting_user": judge,
        }
        return decision_record(**{**values, **kw})

    before = _state(case)
    with pytest.raises(EnforcementError, match="Không có vụ án này|giai đoạn"):
        judge_it()
    case = stage_advance(
        case=case, to_stage=Stage.INDICTED, on=date(2025, 10, 1), acting_user=people["prosecutor"]
    )
    before = _state(case)
    stranger = SentenceSpec(suspect=other.suspects.get(), verdict=Verdict.NOT_GUILTY)
    for kw, message in (
        ({"sentences": [stranger]}, "không phải đối tượng"),
        ({"on": date(2025, 9, 1)}, "trước ngày của giai đoạn trước"),
        ({"on": date(2099, 1, 1)}, "tương lai|từ"),
        ({"number": "  "}, "số, ký hiệu"),
        ({"sentences": []}, "ít nhất một bị cáo"),
        ({"kind": "pardon"}, "loại quyết định"),
    ):
        with pytest.raises(EnforcementError, match=message):
            judge_it(**kw)
        assert _state(case) == before, kw
    judge_it()
    before = _state(case)
    with pytest.raises(EnforcementError, match="đã được xét xử sơ thẩm"):
        judge_it(number="46/2025/HS-ST")
    assert _state(case) == before


def test_every_enforcement_model_is_named_in_vietnamese():
    unnamed = [
        m.__name__
        for m in apps.get_app_config("enforcement").get_models()
        if "verbose_name" not in m._meta.original_attrs
        or "verbose_name_plural" not in m._meta.original_attrs
    ]
    assert unnamed == []


def test_terms_in_words():
    assert (term_words(90), term_words(84), term_words(9)) == ("7 năm 6 tháng", "7 năm", "9 tháng")


# --- on the web --------------------------------------------------------------------------------


def _client(client, user):
    log_in(client, user, add_totp(user))
    return client


def _judgment_post(case, **change):
    first, second = case.suspects.order_by("pk")
    data = {
        "kind": DecisionKind.FIRST_INSTANCE,
        "number": "45/2025/HS-ST",
        "on": "20/11/2025",
        f"bc{first.pk}-verdict": Verdict.GUILTY,
        f"bc{first.pk}-charge": "child_trafficking",
        f"bc{first.pk}-penalty": Penalty.PRISON,
        f"bc{first.pk}-months": "30",
        f"bc{first.pk}-suspended": "on",
        f"bc{first.pk}-probation_months": "36",
        f"bc{second.pk}-verdict": Verdict.NOT_GUILTY,
    }
    return {**data, **change}


def test_a_judge_records_the_judgment_on_the_web(client, people):
    case = _case(people, Stage.INDICTED)
    judge = _client(client, people["judge"])
    detail = judge.get(f"/vu-an/{case.pk}/").content.decode()
    assert f"/vu-an/{case.pk}/ban-an/" in detail and f"/vu-an/{case.pk}/quyet-dinh/" in detail
    reads = AuditEntry.objects.filter(action="read", actor=people["judge"]).count()
    page = judge.get(f"/vu-an/{case.pk}/ban-an/")
    assert page.status_code == 200 and all(n in page.content.decode() for n in NAMES)
    # The page names the defendants: opening it is a logged read.
    assert AuditEntry.objects.filter(action="read", actor=people["judge"]).count() == reads + 1
    response = judge.post(f"/vu-an/{case.pk}/ban-an/", _judgment_post(case), follow=True)
    (message,) = [str(m) for m in response.context["messages"]]
    assert message == (
        "Đã ghi “Bản án hình sự sơ thẩm” số 45/2025/HS-ST ngày 20/11/2025. "
        "1 bị cáo có tội, 1 bị cáo không có tội."
    )
    case.refresh_from_db()
    assert case.stage == Stage.JUDGED
    suspended = Sentence.objects.get(verdict=Verdict.GUILTY)
    assert (suspended.charge, suspended.months, suspended.suspended) == (
        "child_trafficking",
        30,
        True,
    )
    page = response.content.decode()
    assert "1 có tội, 1 không có tội" in page and not [n for n in NAMES if n in page]
    # The identities page says each defendant's sentence in words.
    identities = judge.get(f"/vu-an/{case.pk}/doi-tuong/").content.decode()
    assert "Tù có thời hạn 2 năm 6 tháng, cho hưởng án treo, thử thách 36 tháng" in identities
    assert "Tội mua bán người dưới 16 tuổi (Điều 151 Bộ luật Hình sự)" in identities


@pytest.mark.parametrize(
    ("who", "status"), [("prosecutor", 404), ("investigator", 404), ("leader", 403)]
)
def test_a_role_that_may_not_record_a_verdict_is_refused_on_the_web(client, people, who, status):
    case = _case(people, Stage.INDICTED)
    web = _client(client, people[who])
    before = _state(case)
    assert web.get(f"/vu-an/{case.pk}/ban-an/").status_code == status
    assert web.post(f"/vu-an/{case.pk}/ban-an/", _judgment_post(case)).status_code == status
    assert _state(case) == before
    if who != "leader":
        assert f"/vu-an/{case.pk}/ban-an/" not in web.get(f"/vu-an/{case.pk}/").content.decode()


def test_a_decision_not_offered_is_refused_when_posted(client, people):
    case = _case(people, Stage.INDICTED)
    judge = _client(client, people["judge"])
    before = _state(case)
    # An appeal before any first-instance judgment, and an indictment by the court.
    appeal = _judgment_post(case, kind=DecisionKind.APPEAL)
    assert judge.post(f"/vu-an/{case.pk}/ban-an/", appeal).status_code == 403
    indictment = {"kind": DecisionKind.INDICTMENT, "number": "1/CT-VKS", "on": "02/10/2025"}
    assert judge.post(f"/vu-an/{case.pk}/quyet-dinh/", indictment).status_code == 403
    assert _state(case) == before
    offered = judge.get(f"/vu-an/{case.pk}/quyet-dinh/").context["offered"]
    assert [k for k, _label in offered] == [DecisionKind.COURT_RETURN]


def test_a_prosecutor_records_the_indictment_on_the_web(client, people):
    case = _case(people)
    prosecutor = _client(client, people["prosecutor"])
    assert prosecutor.get(f"/vu-an/{case.pk}/ban-an/").status_code == 404
    first = case.suspects.order_by("pk").first()
    response = prosecutor.post(
        f"/vu-an/{case.pk}/quyet-dinh/",
        {"kind": "indictment", "number": "12/CT-VKS", "on": "02/10/2025", "suspects": [first.pk]},
        follow=True,
    )
    (message,) = [str(m) for m in response.context["messages"]]
    assert message == "Đã ghi “Cáo trạng truy tố” số 12/CT-VKS ngày 02/10/2025."
    decision = Decision.objects.get()
    assert list(decision.suspects.all()) == [first]
    case.refresh_from_db()
    assert case.stage == Stage.INDICTED
    # Once recorded, the indictment is not offered again (until the court returns the file):
    # nothing is left there for the procuracy, and the page is outside its scope.
    assert prosecutor.get(f"/vu-an/{case.pk}/quyet-dinh/").status_code == 404


def test_the_stage_form_offers_only_the_users_own_steps(client, people):
    case = _case(people)  # instituted: the procuracy indicts, or the police drop the case
    investigator = _client(client, people["investigator"])
    form = investigator.get(f"/vu-an/{case.pk}/").context["form"]
    assert [s for s, _label in form.fields["to_stage"].choices] == [Stage.DROPPED]
    client.logout()
    prosecutor = _client(client, people["prosecutor"])
    form = prosecutor.get(f"/vu-an/{case.pk}/").context["form"]
    assert [s for s, _label in form.fields["to_stage"].choices] == [Stage.INDICTED]
    response = prosecutor.post(
        f"/vu-an/{case.pk}/", {"to_stage": "indicted", "on": "02/10/2025"}, follow=True
    )
    (message,) = [str(m) for m in response.context["messages"]]
    assert message == (
        f"Đã chuyển vụ án {case.number} sang giai đoạn “Đã truy tố” từ ngày 02/10/2025."
    )
