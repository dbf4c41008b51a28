"""Legal steps by role from the rules; confidential reads logged; admin actions audited."""

from datetime import date

import pytest

from ctip.accounts.services import assignment_grant, totp_start, user_ensure_demo
from ctip.accounts.steps import may_take_step, roles_for_step
from ctip.core.access import access_confidential
from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from ctip.geo.services import unit_set_flags
from ctip.rules.services import rule_set
from tests.conftest import NEW, OLD, unit
from tests.helpers import make_user
from tests.testapp.models import Person

pytestmark = pytest.mark.django_db


def test_who_takes_a_legal_step_is_effective_dated_configuration():
    for start, roles in (
        (date(2012, 1, 1), ["agency_officer"]),
        (date(2025, 7, 1), ["case_worker"]),
    ):
        rule_set(
            key="roles.step.victim_verification",
            kind="list",
            value=roles,
            valid_from=start,
            legal_basis_document="Luật 53/2024/QH15",
            legal_basis_article="Điều 27",
            acting_user=None,
        )
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    assert roles_for_step("victim_verification", on=date(2025, 6, 30)) == {"agency_officer"}
    assert not may_take_step(worker, "victim_verification", on=date(2025, 6, 30))
    assert may_take_step(worker, "victim_verification", on=date(2025, 7, 2))
    assert roles_for_step("no_such_step", on=NEW) == frozenset()


def test_a_step_rule_naming_an_unknown_role_is_an_error():
    rule_set(
        key="roles.step.x",
        kind="list",
        value=["wizard"],
        valid_from=date(2025, 1, 1),
        legal_basis_document="x",
        legal_basis_article="Điều 1",
        acting_user=None,
    )
    with pytest.raises(ValueError, match="wizard"):
        roles_for_step("x", on=NEW)


def test_reading_a_confidential_record_is_logged_without_its_content():
    person = Person.objects.create(full_name="Hồ Thị Mai")
    reader = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    access_confidential(Person.objects.all(), person.pk, user=reader, purpose="xem hồ sơ")
    entry = AuditEntry.objects.get(action="read")
    assert (entry.actor, entry.object_id) == (reader, str(person.pk))
    assert "Hồ Thị Mai" not in str(entry.changes)


@pytest.mark.parametrize(
    "write",
    [
        lambda u: user_ensure_demo(username="demo1", password="x-y-z-1", acting_user=u),
        lambda u: assignment_grant(
            user=u, role="leader", unit=unit(51, Level.PROVINCE, NEW), acting_user=u
        ),
        lambda u: totp_start(user=u, acting_user=u),
        lambda u: unit_set_flags(
            unit=unit(535, Level.DISTRICT, OLD),
            flags={"coastal": True},
            flags_source="thử",
            acting_user=u,
        ),
    ],
)
def test_service_writes_leave_an_audit_row(write):
    actor = make_user("quantri", "system_admin")
    before = AuditEntry.objects.count()
    write(actor)
    newest = AuditEntry.objects.latest("id")
    assert AuditEntry.objects.count() == before + 1
    assert newest.actor == actor
