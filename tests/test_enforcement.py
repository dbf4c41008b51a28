"""Criminal cases: stages and who moves them, who sees what, bad input, indicators."""

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.models import CriminalCase, Stage
from ctip.enforcement.selectors import criminal_cases_visible
from ctip.enforcement.stages import stage_advance
from ctip.geo.models import Level
from ctip.indicators.queries import compute
from tests.conftest import unit
from tests.factories import CriminalCaseFactory
from tests.helpers import make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 1)
NEW = date(2026, 1, 1)
SCAM = {
    "destination_country": "KH",
    "platform": "telegram",
    "recruitment_channel": "social_network",
    "unregistered_victims": 2,
    "suspects": [
        {"full_name": "Trương Văn Đen", "identity_document": "044188001234", "sex": "male"}
    ],
}


def _case(**kw):
    """Recruited on Telegram for Cambodia: one named suspect, two victims not registered."""
    return CriminalCaseFactory(**{**SCAM, **kw})


@pytest.fixture
def people():
    return {
        "investigator": make_user("dieutra", "investigator", agency="qng-ca-2025"),
        "prosecutor": make_user("kiemsat", "prosecutor", agency="qng-vks-2025"),
        "judge": make_user("toaan", "judge", agency="qng-ta-2025"),
        "border": make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"),
        "leader": make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)),
    }


def test_stages_are_taken_by_the_owning_kind_and_role(people):
    case = _case()
    with pytest.raises(EnforcementError, match="Chỉ"):
        stage_advance(
            case=case, to_stage=Stage.INSTITUTED, on=DAY, acting_user=people["prosecutor"]
        )
    case = stage_advance(
        case=case,
        to_stage=Stage.INSTITUTED,
        on=date(2025, 9, 5),
        acting_user=people["investigator"],
    )
    with pytest.raises(EnforcementError, match="Không thể chuyển"):
        stage_advance(
            case=case, to_stage=Stage.TRIED, on=date(2025, 10, 1), acting_user=people["judge"]
        )  # a trial before indictment
    with pytest.raises(EnforcementError, match="Chỉ"):
        stage_advance(
            case=case,
            to_stage=Stage.INDICTED,
            on=date(2025, 10, 1),
            acting_user=people["investigator"],
        )
    with pytest.raises(EnforcementError, match="trước ngày"):
        stage_advance(
            case=case,
            to_stage=Stage.INDICTED,
            on=date(2025, 9, 2),
            acting_user=people["prosecutor"],
        )
    case = stage_advance(
        case=case, to_stage=Stage.INDICTED, on=date(2025, 10, 1), acting_user=people["prosecutor"]
    )
    case = stage_advance(
        case=case, to_stage=Stage.TRIED, on=date(2025, 11, 3), acting_user=people["judge"]
    )
    assert case.stage == Stage.TRIED
    assert [s.agency.kind for s in case.stages.all()] == ["police", "police", "procuracy", "court"]


def test_what_each_agency_kind_sees(people):
    case = _case()
    seen = {name: set(criminal_cases_visible(u)) for name, u in people.items()}
    assert seen == {
        "investigator": {case},
        "prosecutor": set(),
        "judge": set(),
        "border": set(),
        "leader": set(),
    }
    case = stage_advance(
        case=case, to_stage=Stage.INSTITUTED, on=DAY, acting_user=people["investigator"]
    )
    assert set(criminal_cases_visible(people["prosecutor"])) == {case}
    assert not criminal_cases_visible(people["judge"]).exists()
    stage_advance(case=case, to_stage=Stage.INDICTED, on=DAY, acting_user=people["prosecutor"])
    assert set(criminal_cases_visible(people["judge"])) == {case}
    assert not criminal_cases_visible(people["border"]).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"destination_country": "XX"}, "Không nhận ra nước"),
        ({"unregistered_victims": -1}, "không được âm"),
        ({"detected_on": date(2099, 1, 1)}, "tương lai"),
        ({"suspects_count": 0}, "nhỏ hơn số người"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(change, message):
    with pytest.raises(EnforcementError, match=message):
        _case(**change)
    assert not CriminalCase.objects.exists()
    assert not AuditEntry.objects.filter(action="enforcement.case_create").exists()


def test_indicators_by_platform_destination_and_stage(people):
    case = _case()
    _case(platform="facebook", destination_country="LA", suspects=[], suspects_count=3)
    stage_advance(case=case, to_stage=Stage.INSTITUTED, on=DAY, acting_user=people["investigator"])
    province = unit(51, Level.PROVINCE, NEW)
    rows = compute(
        ["enforcement.cases_detected"],
        unit=province,
        start=date(2025, 7, 1),
        end=NEW,
        by=("platform", "destination"),
    )
    assert {(r["platform"]["code"], r["destination"]["code"], r["value"]) for r in rows} == {
        ("telegram", "KH", 1),
        ("facebook", "LA", 1),
    }
    totals = {
        r["indicator"]: r["value"]
        for r in compute(
            ["enforcement.suspects", "enforcement.cases_instituted", "enforcement.cases_indicted"],
            unit=province,
            start=date(2025, 7, 1),
            end=NEW,
        )
    }
    assert totals == {
        "enforcement.suspects": 4,
        "enforcement.cases_instituted": 1,
        "enforcement.cases_indicted": 0,
    }
    none_before = compute(
        ["enforcement.cases_detected"],
        unit=unit(51, Level.PROVINCE, date(2023, 10, 16)),
        start=date(2020, 12, 1),
        end=date(2023, 10, 16),
    )
    assert none_before[0]["value"] == 0


def test_demo_has_cases_only_after_the_reform():
    from ctip.ops.demo.enforcement import demo_enforcement_ensure

    assert demo_enforcement_ensure(today=date(2026, 11, 28)) == 8
    assert demo_enforcement_ensure(today=date(2026, 11, 28)) == 0
    assert not CriminalCase.objects.filter(detected_on__lt=date(2025, 7, 1)).exists()
    assert CriminalCase.objects.filter(stage=Stage.INDICTED).exists()


def test_investigator_advances_a_stage_on_the_web_and_others_get_404(client, people):
    from tests.helpers import add_totp, log_in

    case = _case()
    investigator = people["investigator"]
    log_in(client, investigator, add_totp(investigator))
    page = client.get(f"/vu-an/{case.pk}/").content.decode()
    assert case.number in page and "Trương Văn Đen" not in page
    client.post(f"/vu-an/{case.pk}/", {"to_stage": "instituted", "on": "05/09/2025"})
    case.refresh_from_db()
    assert case.stage == Stage.INSTITUTED
    client.logout()
    judge = people["judge"]
    log_in(client, judge, add_totp(judge))
    assert client.get(f"/vu-an/{case.pk}/").status_code == 404


def test_review_period_has_no_case_inspection_or_exchange():
    """The 2023 review reports none: the demo invents none (tests/test_demo_faithful.py)."""
    from ctip.ops.demo.enforcement import demo_enforcement_ensure

    demo_enforcement_ensure(today=date(2026, 11, 28))
    old = unit(51, Level.PROVINCE, date(2023, 10, 16))
    totals = {
        r["indicator"]: r["value"]
        for r in compute(
            ["enforcement.cases_detected", "enforcement.inspections", "cooperation.activities"],
            unit=old,
            start=date(2020, 12, 1),
            end=date(2023, 10, 16),
        )
    }
    assert totals == {
        "enforcement.cases_detected": 0,
        "enforcement.inspections": 0,
        "cooperation.activities": 0,
    }


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("cooperation_bad_country", "Không nhận ra nước “ZZ”; chọn nước trong danh sách"),
        ("cooperation_dates", "trước ngày bắt đầu"),
        ("inspection_negative", "không được âm"),
        ("campaign_dates", "trước ngày bắt đầu"),
    ],
)
def test_bad_monitoring_input_is_refused(call, message):
    from ctip.cooperation.models import CooperationActivity
    from ctip.cooperation.services import (
        RecordError,
        campaign_record,
        cooperation_record,
        inspection_record,
    )
    from ctip.enforcement.models import Campaign, Inspection

    police = Agency.objects.get(code="qng-ca-2025")
    calls = {
        "cooperation_bad_country": lambda: cooperation_record(
            agency=police,
            kind="information",
            counterpart_country="ZZ",
            counterpart="x",
            start=DAY,
            end=DAY,
            acting_user=None,
        ),
        "cooperation_dates": lambda: cooperation_record(
            agency=police,
            kind="meeting",
            counterpart_country="LA",
            counterpart="x",
            start=DAY,
            end=date(2025, 8, 1),
            acting_user=None,
        ),
        "inspection_negative": lambda: inspection_record(
            agency=police,
            unit=unit(51, Level.PROVINCE, NEW),
            on=DAY,
            establishment_kind="x",
            violations=-1,
            acting_user=None,
        ),
        "campaign_dates": lambda: campaign_record(
            name="x",
            kind="crackdown",
            start=DAY,
            end=date(2025, 8, 1),
            lead=police,
            acting_user=None,
        ),
    }
    with pytest.raises(RecordError, match=message):
        calls[call]()
    assert not CooperationActivity.objects.exists()
    assert not Inspection.objects.exists() and not Campaign.objects.exists()


def test_investigator_opens_a_case_on_the_web_with_clear_errors(client, people):
    from tests.helpers import add_totp, log_in

    investigator = people["investigator"]
    log_in(client, investigator, add_totp(investigator))
    form = {
        "detected_on": "01/09/2025",
        "source": "border_check",
        "unit": "21157",
        "platform": "telegram",
        "destination_country": "KH",
        "suspects_count": "2",
        "unregistered_victims": "1",
    }
    bad = client.post("/vu-an/them/", {**form, "destination_country": "QQ"})
    assert "Không nhận ra nước “QQ”" in bad.content.decode() and not CriminalCase.objects.exists()
    done = client.post("/vu-an/them/", form)
    case = CriminalCase.objects.get()
    assert done["Location"] == f"/vu-an/{case.pk}/"
    assert case.owner.code == "qng-ca-2025" and case.suspects_count == 2
