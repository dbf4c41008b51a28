"""Moving a victim case through its workflow (ctip.victims.states.CASE_FLOW) and reopening a
closed case: the role the rule in force names for the step, a reason where one is owed, one
audited event under a row lock."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from ctip.accounts.steps import bodies_for_step, roles_for_step, step_agency
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.text import vn_date
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.victims.checks import CaseError, ConflictError, check_scope
from ctip.victims.models import Case, CaseEvent
from ctip.victims.states import CASE_FLOW, State


def case_transition(
    *, case: Case, to_state: str, on: date, reason: str = "", acting_user: Any
) -> Case:
    _check_event(on, reason)
    _check_order(case, on)
    step = CASE_FLOW.step(case.state, to_state, error=CaseError)
    check_scope(acting_user, case)
    agency = _check_step(acting_user, step.legal_step, on, case.home_unit)
    if to_state == State.NOT_VICTIM and not reason.strip():
        raise CaseError(_("Phải nêu lý do khi xác định không phải nạn nhân."))
    return _move(case, to_state, on, reason, acting_user, agency)


def case_reopen(*, case: Case, on: date, reason: str, acting_user: Any) -> Case:
    _check_event(on, reason)
    if case.state != State.CLOSED:
        raise CaseError(_("Chỉ mở lại hồ sơ đã đóng."))
    if not reason.strip():
        raise CaseError(_("Phải nêu lý do mở lại hồ sơ."))
    _check_order(case, on)
    check_scope(acting_user, case)
    agency = _check_step(acting_user, "victims.reopen", on, case.home_unit)
    before = case.events.exclude(to_state=State.CLOSED).last()  # type: ignore[attr-defined]
    to_state = before.to_state if before else State.VERIFYING
    return _move(case, to_state, on, reason, acting_user, agency)


def _check_event(on: date, reason: str) -> None:
    check_date(on, label=_("Ngày"), error=CaseError)
    check_text(reason, label=_("Lý do"), error=CaseError)


def _check_order(case: Case, on: date) -> None:
    """A step is dated on or after the step before it: its date chooses the law that applies,
    so a back-dated step would be judged under the wrong law."""
    if on < case.state_since:
        raise CaseError(
            _("Ngày của bước này (%(day)s) trước ngày của bước trước (%(before)s).")
            % {"day": vn_date(on), "before": vn_date(case.state_since)}
        )


def _check_step(user: Any, step: str, on: date, place: Any = None) -> Any:
    """The agency through which the user takes the step: its role must be one the rule in force
    on `on` names, and the agency a body the law then names."""
    day = vn_date(on)
    if not roles_for_step(step, on=on) and bodies_for_step(step, on=on) is None:
        # No text in force names anyone for this step on that day: say so, never a bare error.
        raise CaseError(
            _("Chưa có quy định “%(rule)s” (ai thực hiện bước này) có hiệu lực vào ngày %(day)s.")
            % {"rule": f"roles.step.{step}", "day": day}
        )
    agency = step_agency(user, step, on=on, place=place)
    if agency is None:
        raise CaseError(
            _(
                "Vai trò hoặc cơ quan của bạn không được thực hiện bước này theo quy định có "
                "hiệu lực vào ngày %(day)s."
            )
            % {"day": day}
        )
    return agency


def _move(
    case: Case, to_state: str, on: date, reason: str, acting_user: Any, agency: Any = None
) -> Case:
    with unit_of_work(sources=[Case, CaseEvent]) as work:
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.state != case.state:
            raise ConflictError(_("Trạng thái hồ sơ vừa được người khác thay đổi."))
        CaseEvent.objects.create(
            case=locked,
            on=on,
            actor=stored_user(acting_user),
            from_state=locked.state,
            to_state=to_state,
            reason=reason,
            agency=agency,
        )
        old = locked.state
        Case.objects.filter(pk=locked.pk).update(
            state=to_state, state_since=on, version=F("version") + 1
        )
        work.touch_records(Case, Case.objects.filter(pk=locked.pk))
        # Every event of the case: a decision dated before the first one takes its place.
        work.touch_records(CaseEvent, CaseEvent.objects.filter(case=locked))
        audit_write(
            action="victims.case_transition",
            acting_user=acting_user,
            obj=locked,
            changes={"state": [old, to_state]},
        )
    return Case.objects.get(pk=case.pk)
