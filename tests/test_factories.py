"""The factories write through the services: each record has its audit row, and a case's name
is new each time unless given."""

import pytest

from ctip.accounts.models import Assignment
from ctip.core.models import AuditEntry
from tests.factories import ActivityFactory, CaseFactory, CriminalCaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "action"),
    [
        (CaseFactory, "victims.case_create"),
        (ActivityFactory, "prevention.activity_create"),
        (CriminalCaseFactory, "enforcement.case_create"),
    ],
)
def test_each_record_has_its_audit_row(factory, action):
    made = factory()
    assert AuditEntry.objects.filter(action=action, object_id=str(made.pk)).count() == 1


def test_a_user_gets_the_assignment_through_the_service():
    user = UserFactory(role="case_worker", agency="qng-syt-2025")
    assert Assignment.objects.get(user=user).agency.code == "qng-syt-2025"
    assert AuditEntry.objects.filter(action="accounts.assignment_grant").count() == 1


def test_two_cases_are_two_people_unless_asked():
    first, second = CaseFactory(), CaseFactory()
    assert first.full_name != second.full_name


def test_build_is_refused():
    with pytest.raises(NotImplementedError):
        CaseFactory.build()
