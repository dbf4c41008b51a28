"""Writes to criminal cases: one transaction each, audited without personal values."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.accounts.steps import roles_for_step
from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.countries import is_country
from ctip.enforcement.models import (
    STAGE_OWNER_KIND,
    STAGE_TRANSITIONS,
    CriminalCase,
    Stage,
    StageEvent,
    Suspect,
)
from ctip.geo.models import Unit


class EnforcementError(ValueError):
    pass


def criminal_case_create(
    *,
    owner: Agency,
    detected_on: date,
    source: str,
    unit: Unit,
    acting_user: Any,
    suspects: list[dict[str, str]] | None = None,
    suspects_count: int | None = None,
    unregistered_victims: int = 0,
    destination_country: str = "",
    platform: str = "",
    recruitment_channel: str = "",
    exploitation_form: str = "",
    route: str = "",
) -> CriminalCase:
    errors = []
    if detected_on > date.today():
        errors.append(_("Ngày phát hiện không thể ở tương lai."))
    if destination_country and not is_country(destination_country):
        errors.append(
            _("Mã nước “%(code)s” không có trong danh mục ISO 3166.")
            % {"code": destination_country}
        )
    suspects = suspects or []
    count = len(suspects) if suspects_count is None else suspects_count
    if count < 0 or unregistered_victims < 0:
        errors.append(_("Số đối tượng và số nạn nhân không được âm."))
    elif count < len(suspects):
        errors.append(_("Số đối tượng nhỏ hơn số người đã ghi tên."))
    if errors:
        raise EnforcementError(" ".join(errors))
    with transaction.atomic():
        year = detected_on.year
        seq = CriminalCase.objects.filter(number__startswith=f"VA-{year}-").count() + 1
        case = CriminalCase.objects.create(
            number=f"VA-{year}-{seq:04d}",
            owner=owner,
            detected_on=detected_on,
            source=source,
            unit=unit,
            suspects_count=count,
            unregistered_victims=unregistered_victims,
            destination_country=destination_country.upper(),
            platform=platform,
            recruitment_channel=recruitment_channel,
            exploitation_form=exploitation_form,
            route=route,
        )
        Suspect.objects.bulk_create(Suspect(case=case, **s) for s in suspects)
        StageEvent.objects.create(
            case=case, stage=Stage.DETECTED, on=detected_on, agency=owner, actor=_user(acting_user)
        )
        audit_write(
            action="enforcement.case_create",
            acting_user=acting_user,
            obj=case,
            changes={"number": [None, case.number], "suspects": [None, count]},
        )
    return case


def stage_advance(*, case: CriminalCase, to_stage: str, on: date, acting_user: Any) -> CriminalCase:
    """Move the case to its next stage: the right role, in an agency of the kind that owns the
    stage, on a date not before the previous stage."""
    if to_stage not in STAGE_TRANSITIONS.get(case.stage, ()):
        raise EnforcementError(
            _("Không thể chuyển vụ án từ “%(old)s” sang “%(new)s”.")
            % {"old": Stage(case.stage).label, "new": Stage(to_stage).label}
        )
    if on > date.today():
        raise EnforcementError(_("Ngày không thể ở tương lai."))
    last = case.stages.order_by("on", "pk").last()  # type: ignore[attr-defined]
    if last is not None and on < last.on:
        raise EnforcementError(
            _("Ngày %(day)s trước ngày của giai đoạn trước (%(prev)s).")
            % {"day": f"{on:%d/%m/%Y}", "prev": f"{last.on:%d/%m/%Y}"}
        )
    agency = _acting_agency(acting_user, to_stage, on)
    with transaction.atomic():
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        if locked.stage != case.stage:
            raise EnforcementError(_("Vụ án vừa được người khác cập nhật."))
        StageEvent.objects.create(
            case=locked, stage=to_stage, on=on, agency=agency, actor=_user(acting_user)
        )
        old = locked.stage
        CriminalCase.objects.filter(pk=locked.pk).update(stage=to_stage)
        audit_write(
            action="enforcement.stage_advance",
            acting_user=acting_user,
            obj=locked,
            changes={"stage": [old, to_stage]},
        )
    return CriminalCase.objects.get(pk=case.pk)


def _acting_agency(user: Any, stage: str, on: date) -> Agency:
    allowed = roles_for_step(f"enforcement.{stage}", on=on)
    kind = STAGE_OWNER_KIND[stage]
    for assignment in active_assignments(user):
        agency = assignment.agency
        if (
            assignment.role in allowed
            and assignment.role in ROLES
            and agency is not None
            and agency.kind == kind
        ):
            return agency
    raise EnforcementError(
        _("Chỉ %(roles)s của cơ quan %(kind)s được thực hiện bước này.")
        % {"roles": ", ".join(str(ROLES[r].label) for r in sorted(allowed)) or "—", "kind": kind}
    )


def _user(acting_user: Any) -> Any:
    return acting_user if getattr(acting_user, "pk", None) else None
