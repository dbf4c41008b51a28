"""Writes to a victim case's record: opening it (with the duplicate check) and editing it, within
the bounds of its values. One transaction each, audited without personal values (its moves
through the workflow are in transitions.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError
from django.db.models import F
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_AGE, MAX_SMALL_COUNT, MAX_TEXT
from ctip.core.crypto import blind_index
from ctip.core.personal import personal_fields
from ctip.core.validators import check_count, check_date, check_number, check_text
from ctip.core.work import unit_of_work
from ctip.geo.models import Unit
from ctip.indicators.rollups import points_of
from ctip.rules.selectors import RuleMissing, deadline, rule_value_or
from ctip.victims import duplicates
from ctip.victims.checks import CaseError, ConflictError, check_scope
from ctip.victims.models import Case, CaseEvent, CaseExploitation
from ctip.victims.states import State

PERSONAL = personal_fields(Case)
EDITABLE = (
    *PERSONAL,
    "sex",
    "age_at_reception",
    "nationality",
    "destination_country",
    "recruitment_channel",
    "accompanying_children",
    "home_unit_id",
    "notified_on",
)


class DuplicateSuspected(CaseError):
    """The person seems known already: link to these cases, or confirm a new one."""

    def __init__(self, codes: list[str]):
        super().__init__(
            _("Có thể người này đã có hồ sơ: %(codes)s.") % {"codes": ", ".join(codes)}
        )
        self.codes = codes


@dataclass
class Person:
    full_name: str
    sex: str
    age_at_reception: int
    home_unit: Unit
    nationality: str = "VN"
    # Stateless and permanently resident in Vietnam: a citizen's rights (Law 53/2024 Art. 37).
    stateless_resident: bool = False
    other_names: str = ""
    date_of_birth: str = ""
    ethnicity: str = ""
    identity_document: str = ""
    address: str = ""
    contacts: str = ""
    relatives: str = ""
    place_of_exploitation: str = ""
    route: str = ""
    narrative: str = ""
    means_of_control: list[str] = field(default_factory=list)
    exploited_from: date | None = None
    exploited_to: date | None = None
    destination_country: str = ""
    recruitment_channel: str = ""
    accompanying_children: int = 0
    exploitation_forms: list[str] = field(default_factory=list)


def _next_code(year: int) -> str:
    taken = Case.objects.filter(code__startswith=f"NN-{year}-").count()
    return f"NN-{year}-{taken + 1:05d}"


def case_create(
    *,
    owner: Agency,
    received_on: date,
    source: str,
    person: Person,
    acting_user: Any,
    notified_on: date | None = None,
    batch: bool = False,
    allow_duplicate: bool = False,
) -> Case:
    """Open a case. `batch=True` inside an import: the import writes one audit row for all."""
    check_date(received_on, label=_("Ngày tiếp nhận"), error=CaseError)
    check_date(notified_on, label=_("Ngày thông báo"), error=CaseError)
    _check_values(vars(person))
    if received_on > date.today():
        raise CaseError(_("Ngày tiếp nhận không thể ở tương lai."))
    if not person.full_name.strip():
        raise CaseError(_("Phải có họ và tên."))

    matches = duplicates.matches_for(
        full_name=person.full_name,
        date_of_birth=person.date_of_birth,
        identity_document=person.identity_document,
    )
    # Only records the creator may open are named; the others go, unnamed, to their owners'
    # review queue (finding 1 of issue 19: no "is this person a victim?" oracle).
    seen, unseen = duplicates.split_by_access(acting_user, matches)
    if seen and not allow_duplicate:
        raise DuplicateSuspected([m.case.code for m in seen])
    values = {k: v for k, v in vars(person).items() if k not in ("home_unit", "exploitation_forms")}
    for attempt in range(5):
        try:
            # In an import (batch) the import's own unit of work writes the one audit row.
            with unit_of_work(sources=[Case, CaseEvent], audit=not batch) as work:
                case = Case.objects.create(
                    code=_next_code(received_on.year),
                    owner=owner,
                    received_on=received_on,
                    state_since=received_on,
                    notified_on=notified_on,
                    verification_due=_verification_due(notified_on or received_on, source),
                    source=source,
                    home_unit=person.home_unit,
                    name_index=blind_index(person.full_name),
                    dob_index=blind_index(person.date_of_birth) if person.date_of_birth else "",
                    document_index=blind_index(person.identity_document)
                    if person.identity_document
                    else "",
                    **values,
                )
                CaseExploitation.objects.bulk_create(
                    CaseExploitation(case=case, form=f) for f in set(person.exploitation_forms)
                )
                CaseEvent.objects.create(
                    case=case,
                    on=received_on,
                    actor=stored_user(acting_user),
                    to_state=State.RECEIVED,
                )
                work.touch(Case, (received_on, case.home_unit_id))
                work.touch(CaseEvent, (received_on, case.home_unit_id))
                duplicates.reviews_open(new_case=case, matches=unseen)
                if not batch:
                    audit_write(
                        action="victims.case_create",
                        acting_user=acting_user,
                        obj=case,
                        changes={"code": [None, case.code], "owner": [None, owner.code]},
                    )
            return case
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def case_update(*, case: Case, version: int, values: dict[str, Any], acting_user: Any) -> Case:
    """Save edits made on `version`; if someone saved in between, refuse (no lost update)."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise CaseError(f"not editable: {sorted(unknown)}")
    _check_values(values)
    check_scope(acting_user, case)
    with unit_of_work(sources=[Case, CaseEvent]) as work:
        # Where the case's events count now: a new home unit moves its decisions' cells.
        events = CaseEvent.objects.filter(case=case)
        were = set(points_of(CaseEvent, events))
        prepared = dict(values)
        if "full_name" in values:
            prepared["name_index"] = blind_index(values["full_name"])
        if values.get("notified_on"):
            prepared["verification_due"] = _verification_due(values["notified_on"], case.source)
        if "date_of_birth" in values:
            dob = values["date_of_birth"]
            prepared["dob_index"] = blind_index(dob) if dob else ""
        if "identity_document" in values:
            doc = values["identity_document"]
            prepared["document_index"] = blind_index(doc) if doc else ""
        updated = Case.objects.filter(pk=case.pk, version=version).update(
            version=F("version") + 1, **prepared
        )
        if not updated:
            raise ConflictError(
                _(
                    "Hồ sơ %(code)s vừa được người khác sửa. Hãy mở lại hồ sơ để xem thay đổi "
                    "rồi sửa lại; thay đổi của bạn chưa được lưu."
                )
                % {"code": case.code}
            )
        audit_write(
            action="victims.case_update",
            acting_user=acting_user,
            obj=case,
            changes={
                k: ["***", "***"] if k in PERSONAL else [None, str(v)] for k, v in values.items()
            },
        )
        after = Case.objects.get(pk=case.pk)
        points = [(case.received_on, case.home_unit_id), (after.received_on, after.home_unit_id)]
        work.touch(Case, *points)
        work.touch(CaseEvent, *were, *points_of(CaseEvent, events))
    return after


# Short personal values; the others are free text up to MAX_TEXT.
SHORT_TEXT = {"full_name": 200, "other_names": 200, "date_of_birth": 40, "ethnicity": 100}
SHORT_TEXT |= {"identity_document": 100, "nationality": 2, "destination_country": 2}


def _check_values(values: dict[str, Any]) -> None:
    """Bounds of a case's values, whoever calls (a page, an import, the command line): a
    Vietnamese CaseError rather than a database error or a silent cut."""
    if "age_at_reception" in values:
        check_number(
            values["age_at_reception"], 0, MAX_AGE, label=_("Tuổi khi tiếp nhận"), error=CaseError
        )
    if "accompanying_children" in values:
        check_count(
            values["accompanying_children"],
            high=MAX_SMALL_COUNT,
            label=_("Số con đi cùng"),
            error=CaseError,
        )
    for name in ("exploited_from", "exploited_to", "notified_on"):
        check_date(values.get(name), label=_("Ngày"), error=CaseError)
    for name, value in values.items():
        if isinstance(value, str):
            label = str(getattr(Case._meta.get_field(name), "verbose_name", name)).capitalize()
            check_text(
                value, label=label, max_length=SHORT_TEXT.get(name, MAX_TEXT), error=CaseError
            )


def _verification_due(day: date, source: str) -> date | None:
    """The initial-verification limit of the law in force on the notification day, for the
    routes its article covers (rule victims.deadline.sources): persons returned through a
    mission abroad or rescued follow their own article, which sets no day count. No limit
    where no rule is in force that day (before Joint Circular 01/2014): the case has no due
    date rather than a wrong one."""
    if source not in rule_value_or("victims.deadline.sources", on=day, default=[]):
        return None
    try:
        return deadline("victims.deadline.verifying", event_day=day)
    except RuleMissing:
        return None
