"""Effective-dated rules and working-day durations."""

from datetime import date

import pytest

from ctip.core.models import AuditEntry
from ctip.rules.calendar import Duration, add_duration, working_days_between
from ctip.rules.models import DayKind, Holiday, Rule
from ctip.rules.selectors import RuleMissing, deadline, rule_in_force, rule_value
from ctip.rules.services import RuleError, rule_set

pytestmark = pytest.mark.django_db

KEY = "victims.verification_time_limit"


def _two_versions():
    rule_set(
        key=KEY,
        kind="duration",
        value={"amount": 5, "unit": "calendar_days"},
        valid_from=date(2012, 1, 1),
        legal_basis_document="Luật Phòng, chống mua bán người 2011",
        legal_basis_article="Điều 24",
        acting_user=None,
    )
    return rule_set(
        key=KEY,
        kind="duration",
        value={"amount": 3, "unit": "working_days"},
        valid_from=date(2025, 7, 1),
        legal_basis_document="Luật Phòng, chống mua bán người 53/2024/QH15",
        legal_basis_article="Điều 27",
        acting_user=None,
    )


def test_the_rule_in_force_on_the_event_date_is_chosen():
    _two_versions()
    assert rule_value(KEY, on=date(2025, 6, 30)) == {"amount": 5, "unit": "calendar_days"}
    assert rule_value(KEY, on=date(2025, 7, 1)) == {"amount": 3, "unit": "working_days"}
    assert rule_in_force(KEY, on=date(2026, 1, 1)).legal_basis_article == "Điều 27"
    with pytest.raises(RuleMissing):
        rule_value(KEY, on=date(2011, 12, 31))


def test_a_new_version_closes_the_open_one_and_is_audited():
    before = AuditEntry.objects.count()
    _two_versions()
    old = Rule.objects.get(key=KEY, valid_from=date(2012, 1, 1))
    assert old.valid_to == date(2025, 6, 30)
    assert AuditEntry.objects.count() == before + 2


def test_overlapping_version_is_refused_and_nothing_changes():
    _two_versions()
    with pytest.raises(RuleError, match="trùng thời gian"):
        rule_set(
            key=KEY,
            kind="duration",
            value={"amount": 1, "unit": "working_days"},
            valid_from=date(2020, 1, 1),
            valid_to=date(2020, 12, 31),
            legal_basis_document="x",
            legal_basis_article="Điều 1",
            acting_user=None,
        )
    assert Rule.objects.filter(key=KEY).count() == 2


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("number", "3"),
        ("duration", {"amount": -1, "unit": "working_days"}),
        ("duration", {"amount": 3, "unit": "weeks"}),
        ("list", {}),
        ("colour", 1),
    ],
)
def test_bad_values_are_refused(kind, value):
    with pytest.raises(RuleError):
        rule_set(
            key="x",
            kind=kind,
            value=value,
            valid_from=date(2025, 1, 1),
            legal_basis_document="x",
            legal_basis_article="Điều 1",
            acting_user=None,
        )
    assert not Rule.objects.filter(key="x").exists()


def test_working_days_skip_weekends():
    # Thursday 2/10/2025 + 3 working days: Fri 3, Mon 6, Tue 7.
    assert add_duration(date(2025, 10, 2), Duration(3, "working_days")) == date(2025, 10, 7)
    # Three calendar days end on Sunday 5/10: the limit ends at the end of the next working day,
    # Monday 6/10 (Civil Code 2015 Art. 148(5)).
    assert add_duration(date(2025, 10, 2), Duration(3, "calendar_days")) == date(2025, 10, 6)
    # Ending on a working day, nothing moves: Monday 6/10 + 3 = Thursday 9/10.
    assert add_duration(date(2025, 10, 6), Duration(3, "calendar_days")) == date(2025, 10, 9)


def test_working_days_skip_tet_and_national_day():
    # Tết 2025: 27/1 (Mon) to 31/1 (Fri) are holidays in the calendar.
    assert Holiday.objects.filter(date=date(2025, 1, 29)).exists()
    assert add_duration(date(2025, 1, 24), Duration(1, "working_days")) == date(2025, 2, 3)
    # 29/8/2025 (Fri): 1 and 2 September are holidays, so the 2nd working day is 4/9.
    assert add_duration(date(2025, 8, 29), Duration(2, "working_days")) == date(2025, 9, 4)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 3)) == 1


def test_a_declared_make_up_saturday_counts_as_a_working_day():
    Holiday.objects.create(date=date(2025, 10, 4), kind=DayKind.WORKING_DAY, name="Làm bù")
    assert add_duration(date(2025, 10, 2), Duration(3, "working_days")) == date(2025, 10, 6)


def test_deadline_uses_the_rule_of_the_event_day():
    _two_versions()
    assert deadline(KEY, event_day=date(2025, 6, 27)) == date(2025, 7, 2)  # 5 calendar days
    assert deadline(KEY, event_day=date(2025, 8, 29)) == date(2025, 9, 5)  # 3 working days
