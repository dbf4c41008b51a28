"""Writes to activities, volunteer teams and funding: one transaction each, audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write, field_changes
from ctip.core.bounds import MAX_YEAR, MIN_YEAR
from ctip.core.validators import check_amount, check_count, check_date, check_number, check_text
from ctip.core.work import unit_of_work
from ctip.geo.area import check_agency_area
from ctip.geo.models import Unit
from ctip.periods import locks
from ctip.prevention.importer import SPEC_FIELDS, Spec
from ctip.prevention.models import Activity, Funding, VolunteerCount, VolunteerTeam


def _values(activity: Activity) -> dict[str, Any]:
    values = {f: getattr(activity, f) for f in SPEC_FIELDS}
    values["target_groups"] = ",".join(sorted(activity.target_groups.values_list("pk", flat=True)))
    values["partners"] = ",".join(sorted(activity.partners.values_list("code", flat=True)))
    return values


def _check_spec(spec: Spec) -> None:
    """The bounds again, for a caller that skipped the form (ValidationError, in Vietnamese)."""
    counts = {
        "sessions": _("Số buổi"),
        "participants": _("Số lượt người"),
        "media_items": _("Số tin, bài"),
        "sms": _("Số tin nhắn"),
    }
    for name, label in counts.items():
        if getattr(spec, name) is not None:  # None: not stated
            check_count(getattr(spec, name), label=label)
    check_date(spec.start_date, label=_("Từ ngày"))
    check_date(spec.end_date, label=_("Đến ngày"))
    check_text(spec.theme, label=_("Chủ đề"), max_length=300)
    check_text(spec.notes, label=_("Ghi chú"))
    # The form and the importer refuse it per row (import_checks); again for any other caller.
    agency = Agency.objects.filter(pk=spec.agency_id).only("name", "unit").first()
    unit = Unit.objects.filter(pk=spec.unit_id).first()
    if agency is not None and unit is not None:
        check_agency_area(agency, unit, error=ValidationError)


def activity_create(*, spec: Spec, acting_user: Any, reason: str = "") -> Activity:
    """`reason` is required when the activity falls in the period of an issued report."""
    _check_spec(spec)
    with unit_of_work(sources=[Activity]) as work:
        lock = locks.guard(model=Activity, points=[(spec.start_date, spec.unit_id)], reason=reason)
        activity = Activity.objects.create(
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
            **{f: getattr(spec, f) for f in SPEC_FIELDS},
        )
        activity.target_groups.set(spec.target_groups)  # type: ignore[arg-type]
        activity.partners.set(spec.partners)
        audit_write(
            action="prevention.activity_create",
            acting_user=acting_user,
            obj=activity,
            changes=field_changes({}, _values(activity), model=Activity),
        )
        locks.record(lock, obj=activity, action="create", acting_user=acting_user)
        work.touch(Activity, (activity.start_date, activity.unit_id))
    return activity


def activity_update(
    *, activity: Activity, spec: Spec, acting_user: Any, reason: str = ""
) -> Activity:
    _check_spec(spec)
    with unit_of_work(sources=[Activity]) as work:
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        points = [(activity.start_date, activity.unit_id), (spec.start_date, spec.unit_id)]
        lock = locks.guard(model=Activity, points=points, reason=reason)
        before = _values(activity)
        for f in SPEC_FIELDS:
            setattr(activity, f, getattr(spec, f))
        activity.save()
        activity.target_groups.set(spec.target_groups)  # type: ignore[arg-type]
        activity.partners.set(spec.partners)
        changes = field_changes(before, _values(activity), model=Activity)
        if changes:
            audit_write(
                action="prevention.activity_update",
                acting_user=acting_user,
                obj=activity,
                changes=changes,
            )
            locks.record(lock, obj=activity, action="update", acting_user=acting_user)
        work.touch(Activity, *points)
    return activity


def activity_delete(*, activity: Activity, acting_user: Any, reason: str = "") -> None:
    with unit_of_work(sources=[Activity]) as work:
        points = [(activity.start_date, activity.unit_id)]
        lock = locks.guard(model=Activity, points=points, reason=reason)
        pk = activity.pk
        audit_write(
            action="prevention.activity_delete",
            acting_user=acting_user,
            obj=activity,
            changes=field_changes(_values(activity), {}, model=Activity),
        )
        activity.delete()
        locks.record(lock, obj=activity, action="delete", acting_user=acting_user, pk=pk)
        work.touch(Activity, *points)


def volunteer_team_record(
    *, team: VolunteerTeam, as_of: date, volunteers: int, acting_user: Any
) -> VolunteerCount:
    """The number of volunteers of a team on a date (a new count, or a correction)."""
    check_date(as_of, label=_("Tính đến ngày"))
    check_count(volunteers, label=_("Số tình nguyện viên"))
    with unit_of_work():
        count, created = VolunteerCount.objects.update_or_create(
            team=team, as_of=as_of, defaults={"volunteers": volunteers}
        )
        audit_write(
            action="prevention.volunteer_count",
            acting_user=acting_user,
            obj=team,
            changes={"as_of": [None, as_of.isoformat()], "volunteers": [None, volunteers]},
        )
    return count


def funding_set(*, agency: Any, year: int, allocated: int, spent: int, acting_user: Any) -> Funding:
    check_number(year, MIN_YEAR, MAX_YEAR, label=_("Năm"))
    check_amount(allocated, label=_("Kinh phí được giao"))
    check_amount(spent, label=_("Kinh phí đã chi"))
    with unit_of_work():
        funding, _created = Funding.objects.update_or_create(
            agency=agency,
            year=year,
            defaults={"allocated": allocated, "spent": spent, "year_start": date(year, 1, 1)},
        )
        audit_write(
            action="prevention.funding_set",
            acting_user=acting_user,
            obj=funding,
            changes={"allocated": [None, allocated], "spent": [None, spent]},
        )
    return funding
