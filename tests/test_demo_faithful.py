"""The demo for 12/2020-10/2023 says what the real review (207/BC-UBND) says, agency by agency, and
nothing more: its figures exactly (bounds as the review rounds them), work without figures left
blank, no inspection, campaign, foreign exchange, victim or case it does not report; and the
volunteer-team stock of a 2026 period is today's teams in today's communes."""

from datetime import date

import pytest
from django.db.models import Q

from ctip.agencies.models import Agency
from ctip.cooperation.models import CooperationActivity
from ctip.enforcement.models import Campaign, CriminalCase
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.indicators.queries import compute
from ctip.indicators.raw import records_behind
from ctip.ops.demo.enforcement import demo_enforcement_ensure
from ctip.ops.demo.prevention import demo_prevention_ensure
from ctip.ops.demo.victims import demo_cases_ensure
from ctip.prevention.models import Activity, VolunteerCount, VolunteerTeam
from ctip.reporting.prose import figure_text
from ctip.victims.models import Case
from tests.conftest import unit

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)  # the demo's "today" in the other demo tests
START, END = date(2020, 12, 1), date(2023, 10, 16)
REFORM = date(2025, 7, 1)
FIGURES = ("sessions", "participants", "media_items", "sms")
MOUNTAINOUS = {525, 529, 530, 531, 535}  # Trà Bồng, Sơn Hà, Sơn Tây, Minh Long, Ba Tơ
MASS_ORGANISATIONS = ("qng-mttq", "qng-ldld", "qng-tdtn", "qng-hccb", "qng-hnd")
WITHOUT_FIGURES = ("qng-vks", "qng-ta", "qng-sgddt", *MASS_ORGANISATIONS)
REVIEWED = ("qng-ca", "qng-bdbp", "qng-sldtbxh", "qng-hlhpn", *WITHOUT_FIGURES)


@pytest.fixture
def demo():
    demo_prevention_ensure(today=TODAY)
    demo_cases_ensure(today=TODAY)
    demo_enforcement_ensure(today=TODAY)


def old_quang_ngai() -> Unit:
    return unit(51, Level.PROVINCE, END)


def review(codes, by=("agency",)):
    return compute(codes, unit=old_quang_ngai(), start=START, end=END, by=by)


def heir(code: str) -> str:
    """The agency whose row carries `code`'s figures (today's heir, as reports group them)."""
    agency = Agency.objects.get(code=code)
    return agency.rollup_agency.code if agency.rollup_agency_id else code


def by_agency(indicator: str) -> dict[str, dict]:
    rows = review([indicator])
    return {r["agency"]["code"]: r for r in rows}


def figure(indicator: str, code: str) -> dict:
    """The agency's row, or a zero one when no record has the indicator."""
    rows = by_agency(indicator)
    return rows.get(heir(code)) or rows.get(code) or {"value": 0, "estimate": False}


def records(*codes: str) -> Activity:
    return Activity.objects.filter(agency__code__in=codes, start_date__range=(START, END))


def assert_blank(qs) -> None:
    assert qs.exists()
    for name in FIGURES:
        assert not qs.filter(**{f"{name}__isnull": False}).exists(), name


def groups(qs) -> set[str]:
    return set(qs.values_list("target_groups", flat=True)) - {None}


def words(row: dict) -> str:
    return figure_text(row["value"], estimate=row["estimate"], round_large=True)[0]


def test_police_98_sessions_for_more_than_3000_banners_and_sms(demo):
    sessions = figure("prevention.sessions", "qng-ca")
    people = figure("prevention.participants", "qng-ca")
    assert sessions["value"] == 98
    assert 3001 <= people["value"] <= 3100 and people["estimate"]
    assert words(people) == "hơn 3.000"
    police = records("qng-ca", *(f"qng-ca-{c}" for c in range(522, 537)))
    assert groups(police.filter(kind="session")) == {"public", "teachers", "pupils_students"}
    banners = police.filter(kind="banner")
    assert sorted(banners.values_list("start_date__year", flat=True)) == [2021, 2022, 2023]
    assert set(banners.values_list("campaign", flat=True)) == {"national_day"}
    assert_blank(banners)
    sms = police.filter(kind="sms")
    assert_blank(sms)
    assert set(sms.values_list("partners__code", flat=True)) == {"qng-stttt"}


def test_border_guard_155_sessions_9500_people_55_items_and_its_own_soldiers(demo):
    assert figure("prevention.sessions", "qng-bdbp")["value"] == 155
    people = figure("prevention.participants", "qng-bdbp")
    assert 9501 <= people["value"] <= 9600 and people["estimate"]
    assert words(people) == "hơn 9.500"
    assert figure("prevention.media_items", "qng-bdbp")["value"] == 55
    border = records("qng-bdbp")
    assert "border_coastal_residents" in groups(border.filter(sessions__gt=0))
    assert_blank(border.filter(target_groups="officers_soldiers"))


def test_labour_department_trainings_without_sessions_and_the_2021_theme(demo):
    people = figure("prevention.participants", "qng-sldtbxh")
    assert 3101 <= people["value"] <= 3200 and people["estimate"]
    assert words(people) == "hơn 3.100"
    assert figure("prevention.sessions", "qng-sldtbxh")["value"] == 0
    labour = records("qng-sldtbxh")
    assert not labour.filter(sessions__isnull=False).exists()
    trainings = labour.filter(kind="training")
    assert groups(trainings) == {"volunteers"}
    for training in trainings:
        codes = set(training.partners.values_list("code", flat=True))
        assert codes == {"qng-ca", "qng-bdbp", "qng-sngv"}
    districts = set(trainings.values_list("unit__code", flat=True))
    assert districts <= MOUNTAINOUS
    national_day = labour.filter(campaign="national_day")
    assert list(national_day.values_list("theme", flat=True)) == [
        "Lắng nghe nạn nhân - dẫn lối hành động"
    ]
    assert national_day.get().start_date.year == 2021
    assert_blank(national_day)


def test_womens_union_more_than_3500_women_of_the_five_mountainous_districts(demo):
    people = figure("prevention.participants", "qng-hlhpn")
    assert 3501 <= people["value"] <= 3600 and people["estimate"]
    assert words(people) == "hơn 3.500"
    assert figure("prevention.sessions", "qng-hlhpn")["value"] == 0
    union = records("qng-hlhpn")
    assert not union.filter(sessions__isnull=False).exists()
    assert groups(union) == {"rural_women", "ethnic_minority_women"}
    assert set(union.values_list("unit__parent__code", flat=True)) == MOUNTAINOUS
    theme = union.values_list("theme", flat=True).first().lower()
    assert "nước ngoài" in theme and "con nuôi" in theme


def test_procuracy_court_education_and_the_five_mass_organisations_without_figures(demo):
    counts = by_agency("prevention.activities")
    for code in WITHOUT_FIGURES:
        assert (counts.get(heir(code)) or counts.get(code) or {"value": 0})["value"] > 0, code
        assert_blank(records(code))
    assert groups(records("qng-vks", "qng-ta")) == {"officials"}
    assert groups(records("qng-sgddt")) == {"pupils_students"}
    assert set(records("qng-sgddt").values_list("kind", flat=True)) == {"school"}


def test_no_other_agency_and_no_other_figure_in_the_period(demo):
    named = {heir(code) for code in REVIEWED}
    counted = set(by_agency("prevention.activities"))
    assert counted == named
    totals = {r["indicator"]: r["value"] for r in review(None, by=())}
    assert totals["prevention.sessions"] == 98 + 155
    assert totals["prevention.media_items"] == 55
    assert totals["prevention.sms"] == 0
    with_figures = Q(sessions__isnull=False) | Q(participants__isnull=False)
    with_figures |= Q(media_items__isnull=False) | Q(sms__isnull=False)
    agencies = set(records(*REVIEWED).filter(with_figures).values_list("agency__code", flat=True))
    assert agencies == {"qng-ca", "qng-bdbp", "qng-sldtbxh", "qng-hlhpn"}


def test_no_inspection_campaign_cooperation_victim_or_case_in_the_period(demo):
    codes = [
        "enforcement.inspections",
        "cooperation.activities",
        "enforcement.cases_detected",
        "victims.received",
    ]
    totals = {r["indicator"]: r["value"] for r in review(codes, by=())}
    assert totals == dict.fromkeys(codes, 0)
    assert not Campaign.objects.filter(start__lte=END, end__gte=START).exists()
    assert not CriminalCase.objects.filter(detected_on__lte=END).exists()
    assert not Case.objects.filter(received_on__lte=END).exists()


def test_cooperation_across_a_land_border_only_after_the_merger(demo):
    abroad = CooperationActivity.objects.filter(counterpart_country__in=("LA", "KH"))
    assert not abroad.filter(start__lt=REFORM).exists()
    border = abroad.filter(agency__code="qng-bdbp-2025")
    laos = " ".join(border.filter(counterpart_country="LA").values_list("counterpart", flat=True))
    assert "Attapeu" in laos and "Sekong" in laos
    assert border.filter(counterpart_country="KH", counterpart__contains="Ratanakiri").exists()


def test_demo_is_idempotent(demo):
    before = (Activity.objects.count(), VolunteerTeam.objects.count())
    assert demo_prevention_ensure(today=TODAY) == 0
    assert (Activity.objects.count(), VolunteerTeam.objects.count()) == before


# --- the volunteer-team stock ------------------------------------------------------------------


def stock(province: Unit, end: date) -> dict[str, int]:
    codes = ["prevention.volunteer_teams", "prevention.volunteers"]
    rows = compute(codes, unit=province, start=date(2020, 12, 1), end=end)
    return {r["indicator"]: r["value"] for r in rows}


def test_2023_review_counts_168_teams_and_1222_volunteers(demo):
    found = stock(old_quang_ngai(), END)
    assert found == {"prevention.volunteer_teams": 168, "prevention.volunteers": 1222}
    row = {"value": found["prevention.volunteers"], "estimate": False}
    assert words(row) == "hơn 1.200"


def test_a_2026_period_counts_todays_teams_in_todays_communes_kon_tum_included(demo):
    merged, end = unit(51, Level.PROVINCE, date(2026, 1, 1)), date(2026, 6, 30)
    found = stock(merged, end)
    teams = records_behind("prevention.volunteer_teams", unit=merged, start=START, end=end)
    today = Unit.objects.valid_on(end).filter(level__in=COMMUNE_LEVELS, parent=merged)
    assert found["prevention.volunteer_teams"] == teams.count() == today.count()
    assert not teams.filter(unit__valid_to=date(2025, 6, 30)).exists()
    assert not teams.exclude(unit__in=today).exists()
    from_kon_tum = teams.filter(unit__succession_in__predecessor__parent__parent__code=62)
    assert from_kon_tum.exists()
    latest = VolunteerCount.objects.filter(team__in=teams, as_of=date(2026, 3, 31))
    assert latest.count() == teams.count()
    assert found["prevention.volunteers"] == sum(latest.values_list("volunteers", flat=True))


def test_a_team_left_in_an_abolished_commune_stands_no_longer(demo):
    """Its dissolution not recorded, the team still ends with its commune on 1/7/2025."""
    old_commune = Unit.objects.filter(
        level=Level.COMMUNE, valid_to=date(2025, 6, 30), parent__parent=old_quang_ngai()
    ).first()
    team = VolunteerTeam.objects.create(
        unit=old_commune, name="Đội thử", established=date(2020, 1, 1)
    )
    VolunteerCount.objects.create(team=team, as_of=date(2023, 1, 1), volunteers=9)
    assert stock(old_quang_ngai(), END) == {
        "prevention.volunteer_teams": 169,
        "prevention.volunteers": 1231,
    }
    merged, end = unit(51, Level.PROVINCE, date(2026, 1, 1)), date(2026, 6, 30)
    teams = records_behind("prevention.volunteer_teams", unit=merged, start=START, end=end)
    assert team not in teams
    assert stock(merged, end)["prevention.volunteer_teams"] == teams.count()
