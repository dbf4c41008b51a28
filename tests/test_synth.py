"""`ctip synth`: a synthetic dataset across the 2025 reform, bulk-loaded under one audit row."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from ctip.agencies.models import Agency, AgencySuccession
from ctip.core.crypto import blind_index, decrypt
from ctip.core.models import AuditEntry
from ctip.enforcement.models import CriminalCase, StageEvent, WatchCheck, WatchEntry
from ctip.geo.models import COMMUNE_LEVELS, Level
from ctip.indicators.queries import compute
from ctip.ops.synth import ACTION, MARK
from ctip.ops.synth.world import window
from ctip.prevention.models import Activity
from ctip.victims.models import Case, CaseEvent, CaseExploitation

pytestmark = pytest.mark.django_db
REFORM = date(2025, 7, 1)
# Enough years to reach back before the reform whenever the suite runs.
YEARS = max(2, date.today().year - 2023)
SMALL = {
    "provinces": 2,
    "years": YEARS,
    "activities": 300,
    "victims": 40,
    "cases": 20,
    "watchlist": 60,
    "seed": 7,
}


def synth(**overrides) -> str:
    out = StringIO()
    options = {**SMALL, **overrides}
    call_command("synth", "--no-reference", *[f"--{k}={v}" for k, v in options.items()], stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "activities": Activity.objects.count(),
        "cases": Case.objects.count(),
        "criminal": CriminalCase.objects.count(),
        "watch": WatchEntry.objects.count(),
        "agencies": Agency.objects.count(),
    }


@pytest.fixture
def loaded() -> AuditEntry:
    synth()
    return AuditEntry.objects.get(action=ACTION)


def test_counts_and_synthetic_marks(loaded):
    activities = Activity.objects.filter(batch=loaded)
    assert activities.count() == 300
    assert set(activities.values_list("notes", flat=True)) == {MARK}
    assert Activity.target_groups.through.objects.filter(activity__batch=loaded).count() >= 300
    assert Case.objects.filter(code__startswith="SYN7-").count() == 40
    assert CriminalCase.objects.filter(number__startswith="SYN7-VA-").count() == 20
    watched = WatchEntry.objects.filter(purpose__contains=MARK)
    assert watched.count() == 60 and WatchCheck.objects.filter(entry__in=watched).exists()
    assert CaseExploitation.objects.filter(case__code__startswith="SYN7-").count() >= 40
    synthetic = Agency.objects.filter(code__startswith="syn-")
    assert synthetic.exists() and all(MARK in a.source for a in synthetic)
    assert set(synthetic.values_list("batch", flat=True)) == {loaded.pk}
    assert loaded.changes["seed"] == 7 and loaded.count == sum(loaded.changes["counts"].values())
    assert loaded.changes["counts"]["activities"] == 300


def test_old_agencies_pass_their_records_to_the_merged_province(loaded):
    old = Agency.objects.filter(code__startswith="syn-", valid_to=date(2025, 6, 30))
    assert old.exists()
    for agency in old.select_related("heir"):
        assert agency.heir is not None and agency.heir.valid_to is None
        assert agency.heir.kind == agency.kind and agency.heir.code.startswith("syn-")
    assert AgencySuccession.objects.filter(predecessor__in=old, carries_records=True).count() == (
        old.count()
    )


def _check(unit, day, agency=None):
    assert unit.level in COMMUNE_LEVELS
    assert unit.is_valid_on(day), (unit, day)
    if day < REFORM:
        assert unit.valid_to is not None and unit.valid_to < REFORM
    else:
        assert unit.valid_from is not None and unit.valid_from >= REFORM
    if agency is not None:
        assert agency.is_valid_on(day), (agency.code, day)


def test_records_point_to_units_and_agencies_valid_on_their_dates(loaded):
    activities = list(Activity.objects.select_related("unit", "agency"))
    for a in activities:
        _check(a.unit, a.start_date, a.agency)
    assert {a.start_date < REFORM for a in activities} == {True, False}  # both eras
    for c in Case.objects.select_related("home_unit", "owner"):
        _check(c.home_unit, c.received_on, c.owner)
    for k in CriminalCase.objects.select_related("unit", "owner"):
        _check(k.unit, k.detected_on, k.owner)
    for s in StageEvent.objects.select_related("agency", "case"):
        assert s.agency.is_valid_on(s.on) and s.on >= s.case.detected_on
    for w in WatchEntry.objects.select_related("unit"):
        _check(w.unit, w.opened_on)


def test_history_follows_the_workflow(loaded):
    for case in Case.objects.all():
        events = list(CaseEvent.objects.filter(case=case).order_by("on", "pk"))
        assert events[0].to_state == "received" and events[0].on == case.received_on
        assert events[-1].to_state == case.state and events[-1].on == case.state_since
        assert all(a.to_state == b.from_state for a, b in zip(events, events[1:], strict=False))
        assert all(e.on <= date.today() for e in events)


def test_indicators_have_data_for_a_synthetic_province(loaded):
    province = Activity.objects.filter(batch=loaded).first().unit.rollup_province
    assert province.level == Level.PROVINCE and province.valid_to is None
    start, end = window(YEARS, date.today())
    codes = [
        "prevention.sessions",
        "victims.received",
        "victims.identified",
        "enforcement.cases_detected",
        "enforcement.watch_entries",
    ]
    values = {
        r["indicator"]: r["value"] for r in compute(codes, unit=province, start=start, end=end)
    }
    assert set(values) == set(codes)
    assert all(v > 0 for v in values.values()), values


def test_personal_fields_are_encrypted(loaded):
    case = Case.objects.filter(code__startswith="SYN7-").first()
    assert len(case.full_name.split()) >= 3 and case.name_index == blind_index(case.full_name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name, address FROM victims_case WHERE id = %s", [case.pk])
        full_name, address = cursor.fetchone()
    assert full_name != case.full_name and decrypt(full_name) == case.full_name
    assert decrypt(address) == ""


def test_the_same_seed_adds_nothing_another_seed_adds_more(loaded):
    before = counts()
    out = synth()
    assert "seed 7" in out and "không thêm gì" in out
    assert counts() == before
    synth(seed=8)
    after = counts()
    assert after["activities"] == before["activities"] + 300
    assert after["cases"] == before["cases"] + 40 and after["watch"] == before["watch"] + 60
    assert AuditEntry.objects.filter(action=ACTION).count() == 2


def _signature():
    return list(
        Activity.objects.order_by("pk").values_list(
            "kind", "start_date", "unit__code", "agency__code", "participants"
        )
    ) + list(Case.objects.order_by("pk").values_list("code", "received_on", "state", "sex"))


class _Undo(Exception):
    pass


def test_a_seed_gives_the_same_data():
    with pytest.raises(_Undo), transaction.atomic():
        synth()
        first = _signature()
        raise _Undo
    synth()
    assert _signature() == first and len(first) == 340


def test_reference_data_is_loaded_first(monkeypatch):
    called = []
    monkeypatch.setattr("ctip.ops.synth.load.call_command", lambda name, **kw: called.append(name))
    call_command("synth", "--activities=5", "--victims=0", "--cases=0", "--watchlist=0")
    assert called == ["load_reference"]


def test_wrong_options_are_refused_in_vietnamese():
    with pytest.raises(CommandError, match="Số tỉnh phải từ 1 đến 34"):
        synth(provinces=99)
    with pytest.raises(CommandError, match="không được âm"):
        synth(activities=-1)
    assert not AuditEntry.objects.filter(action=ACTION).exists()
