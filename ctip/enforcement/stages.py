"""A criminal case's stages: moving it on (detected → instituted → indicted → tried → judged, or
dropped) by the role and the kind of agency that owns the next stage, dates in order."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.accounts.steps import roles_for_step
from ctip.agencies.models import Agency, Kind
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.validators import check_date
from ctip.core.work import unit_of_work
from ctip.enforcement.checks import EnforcementError, guard
from ctip.enforcement.models import (
    STAGE_FLOW,
    STAGE_OWNER_KIND,
    CriminalCase,
    Stage,
    StageEvent,
)
from ctip.periods import locks
from ctip.rules.models import Rule


def stage_advance(
    *, case: CriminalCase, to_stage: str, on: date, acting_user: Any, reason: str = ""
) -> CriminalCase:
    """Move the case to its next stage: the right role, in an agency of the kind that owns the
    stage, on a date not before the previous stage. A date inside an issued report's period
    needs a reason (reporting.locks)."""
    check_date(on, label=_("Ngày"), error=EnforcementError)
    step = STAGE_FLOW.step(case.stage, to_stage, error=EnforcementError)
    if on > date.today():
        raise EnforcementError(_("Ngày không thể ở tương lai."))
    last = case.stages.order_by("on", "pk").last()  # type: ignore[attr-defined]
    if last is not None and on < last.on:
        raise EnforcementError(
            _("Ngày %(day)s trước ngày của giai đoạn trước (%(prev)s).")
            % {"day": f"{on:%d/%m/%Y}", "prev": f"{last.on:%d/%m/%Y}"}
        )
    agency = _acting_agency(acting_user, step.legal_step, STAGE_OWNER_KIND[to_stage], on)
    with unit_of_work(sources=[CriminalCase]) as work:
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        if locked.stage != case.stage:
            raise EnforcementError(_("Vụ án vừa được người khác cập nhật."))
        lock = guard(StageEvent, [(on, locked.unit_id)], reason)
        event = StageEvent.objects.create(
            case=locked, stage=to_stage, on=on, agency=agency, actor=stored_user(acting_user)
        )
        locks.record(lock, obj=event, action="create", acting_user=acting_user)
        old = locked.stage
        CriminalCase.objects.filter(pk=locked.pk).update(stage=to_stage)
        work.touch_records(CriminalCase, CriminalCase.objects.filter(pk=locked.pk))
        audit_write(
            action="enforcement.stage_advance",
            acting_user=acting_user,
            obj=locked,
            changes={"stage": [old, to_stage]},
        )
    return CriminalCase.objects.get(pk=case.pk)


def stage_agency(user: Any, legal_step: str, kind: str, on: date) -> Agency | None:
    """The agency through which the user takes `legal_step` on `on`: a role the rule in force
    names, in an agency of `kind` (the stage's owner); None when there is none."""
    allowed = roles_for_step(legal_step, on=on)
    for assignment in active_assignments(user):
        agency = assignment.agency
        if (
            assignment.role in allowed
            and assignment.role in ROLES
            and agency is not None
            and agency.kind == kind
        ):
            return agency
    return None


def stages_open(user: Any, case: CriminalCase, *, today: date) -> list[tuple[str, Any]]:
    """(stage, label) of the next stages the user may take the case to: the rule of the step
    gives one of the user's roles in an agency of the stage's owner, on a day the step could be
    dated (from the last stage to today, under each version of the rule in force between)."""
    last = case.stages.order_by("on", "pk").last()  # type: ignore[attr-defined]
    since = last.on if last is not None else case.detected_on
    found = []
    for stage in STAGE_FLOW.allowed(case.stage):
        legal_step = STAGE_FLOW.step(case.stage, stage).legal_step
        days = {since, today} if since < today else {today}
        days |= set(
            Rule.objects.filter(
                key=f"roles.step.{legal_step}", valid_from__gt=since, valid_from__lte=today
            ).values_list("valid_from", flat=True)
        )
        kind = STAGE_OWNER_KIND[stage]
        if any(stage_agency(user, legal_step, kind, day) is not None for day in days):
            found.append((stage, Stage(stage).label))
    return found


def _acting_agency(user: Any, legal_step: str, kind: str, on: date) -> Agency:
    agency = stage_agency(user, legal_step, kind, on)
    if agency is not None:
        return agency
    allowed = roles_for_step(legal_step, on=on)
    raise EnforcementError(
        _("Chỉ %(roles)s thuộc %(kind)s được thực hiện bước này.")
        % {
            "roles": ", ".join(str(ROLES[r].label) for r in sorted(allowed)) or "—",
            "kind": Kind(kind).label if kind in Kind.values else kind,
        }
    )
