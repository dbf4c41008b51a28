"""Test data made through the services, as real data is: every factory-made record has its audit
row and refreshed rollups. `create` only (the default call); `build` would skip the service.

    UserFactory(role="case_worker", agency="qng-syt-2025")
    CaseFactory(full_name="Lò Thị Mai", date_of_birth="2007-03-04", owner="qng-bdbp-2025")
    ActivityFactory(sessions=3, unit=some_commune)
    CriminalCaseFactory(suspects_count=2)
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import date
from typing import Any

import factory

from ctip.accounts.models import User
from ctip.accounts.services import assignment_grant
from ctip.agencies.models import Agency
from ctip.enforcement.models import CriminalCase
from ctip.enforcement.services import criminal_case_create
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.prevention.importer import Spec
from ctip.prevention.models import Activity
from ctip.prevention.services import activity_create
from ctip.victims.models import Case
from ctip.victims.services import Person, case_create

PASSWORD = "mat-khau-thu-nghiem-1"  # noqa: S105
RECEIVED = date(2025, 9, 10)  # after the units of 1 July 2025
DETECTED = date(2025, 9, 1)
HELD = date(2022, 5, 10)  # an activity of old Quảng Ngãi
COMMUNE = 21157  # Xã Hương Trà of old Quảng Ngãi; Xã Tây Trà Bồng of the new one
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi")
MIDDLE = ("Thị", "Thu", "Ngọc", "Hồng", "Thanh")
GIVEN = ("An", "Bình", "Chi", "Dung", "Giang", "Hạnh", "Hoa", "Khánh", "Lan", "Linh")
PERSON_FIELDS = {f.name for f in dataclasses.fields(Person)}
SPEC_FIELDS = {f.name for f in dataclasses.fields(Spec)}
# factory-boy narrates each declaration it evaluates at DEBUG: noise in every failing test's log,
# and the log is where the leak check looks for personal values.
logging.getLogger("factory").setLevel(logging.INFO)


def commune(code: int, day: date) -> Unit:
    """The commune (or special zone) with this code on that day."""
    return Unit.objects.valid_on(day).get(code=code, level__in=COMMUNE_LEVELS)


def agency(value: Agency | str) -> Agency:
    return value if isinstance(value, Agency) else Agency.objects.get(code=value)


def vietnamese_name(n: int) -> str:
    """Distinct for the first 500 numbers, and no digits (a name, not a label)."""
    return " ".join(
        (
            FAMILY[n % len(FAMILY)],
            MIDDLE[n // len(FAMILY) % len(MIDDLE)],
            GIVEN[n // (len(FAMILY) * len(MIDDLE)) % len(GIVEN)],
        )
    )


class ServiceFactory(factory.Factory):
    """Records come from a service's `_create`; a built, unsaved record would have none of what
    the service writes alongside it."""

    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("Dữ liệu thử nghiệm đi qua dịch vụ: hãy dùng create.")


class UserFactory(ServiceFactory):
    """A user with the test password; `role` with `agency` (code) or `unit` grants one
    assignment through the service."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    email = ""
    role: str | None = None
    agency: Agency | str | None = None
    unit: Unit | None = None

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> User:
        role, where, unit = kwargs.pop("role"), kwargs.pop("agency"), kwargs.pop("unit")
        user = model_class.objects.create_user(password=PASSWORD, **kwargs)
        if role:
            assignment_grant(
                user=user,
                role=role,
                agency=agency(where) if where else None,
                unit=unit,
                acting_user=None,
            )
        return user


class CaseFactory(ServiceFactory):
    """A victim case of the health department, received and notified on RECEIVED, home in the
    commune COMMUNE of that day. Any field of `Person` may be given; a new name each time, so
    two cases are duplicates only when asked."""

    class Meta:
        model = Case

    owner: Agency | str = "qng-syt-2025"
    received_on = RECEIVED
    notified_on = factory.SelfAttribute("received_on")
    source = "border_guard"
    acting_user = None
    allow_duplicate = False
    full_name = factory.Sequence(vietnamese_name)
    sex = "female"
    age_at_reception = 17
    home_unit = factory.LazyAttribute(lambda o: commune(COMMUNE, o.received_on))

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Case:
        person = Person(**{k: kwargs.pop(k) for k in list(kwargs) if k in PERSON_FIELDS})
        return case_create(owner=agency(kwargs.pop("owner")), person=person, **kwargs)


class ActivityFactory(ServiceFactory):
    """One police session on HELD in a commune of old Quảng Ngãi; any field of `Spec` may be
    given, with `agency` (code) and `unit` for their ids."""

    class Meta:
        model = Activity

    agency: Agency | str = "qng-ca"
    kind = "session"
    start_date = HELD
    end_date = factory.SelfAttribute("start_date")
    unit = factory.LazyAttribute(lambda o: commune(COMMUNE, o.start_date))
    sessions = 1
    participants = 40
    target_groups = factory.LazyFunction(lambda: ["public"])
    acting_user = None
    reason = ""

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Activity:
        kwargs["agency_id"] = agency(kwargs.pop("agency")).pk
        kwargs["unit_id"] = kwargs.pop("unit").pk
        spec = Spec(**{k: kwargs.pop(k) for k in list(kwargs) if k in SPEC_FIELDS})
        return activity_create(spec=spec, **kwargs)


class CriminalCaseFactory(ServiceFactory):
    """A case detected by the provincial police on DETECTED in the commune COMMUNE of that day,
    nobody named; the other arguments of `criminal_case_create` may be given."""

    class Meta:
        model = CriminalCase

    owner: Agency | str = "qng-ca-2025"
    detected_on = DETECTED
    source = "border_check"
    unit = factory.LazyAttribute(lambda o: commune(COMMUNE, o.detected_on))
    acting_user = None

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> CriminalCase:
        return criminal_case_create(owner=agency(kwargs.pop("owner")), **kwargs)
