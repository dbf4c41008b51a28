"""Moving a victim case through its workflow (ctip.victims.states.CASE_FLOW) and reopening a
closed case: the role the rule in force names for the step, a reason where one is owed, one
audited event under a row lock."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from ctip.accounts.steps import may_take_step
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.victims.checks import CaseError, ConflictError, check_scope
from ctip.victims.models import Case, CaseEvent
from ctip.victims.states import CASE_FLOW, State


def case_transition(
    *, case: Case, to_state: str, on: date, reason: str = "", acting_user: Any
) -> Case:
    _check_event(on, reason)
    step = CASE_FLOW.step(case.state, to_state, error=CaseError)
    check_scope(acting_user, case)
    _check_step(acting_user, step.legal_step, on)
    if to_state == State.NOT_VICTIM and not reason.strip():
        raise CaseError(_("Phải nêu lý do khi xác định không phải nạn nhân."))
    return _move(case, to_state, on, reason, acting_user)


def case_reopen(*, case: Case, on: date, reason: str, acting_user: Any) -> Case:
    _check_event(on, reason)
    if case.state != State.CLOSED:
        raise CaseError(_("Chỉ mở lại hồ sơ đã đóng."))
    if not reason.strip():
        raise CaseError(_("Phải nêu lý do mở lại hồ sơ."))
    check_scope(acting_user, case)
    _check_step(acting_user, "victims.reopen", on)
    before = case.events.exclude(to_state=State.CLOSED).last()  # type: ignore[attr-defined]
    return _move(case, before.to_state if before else State.VERIFYING, on, reason, acting_user)


def _check_event(on: date, reason: str) -> None:
    check_date(on, label=_("Ngày"), error=CaseError)
    check_text(reason, label=_("Lý do"), error=CaseError)


def _check_step(user: Any, step: str, on: date) -> None:
    if not may_take_step(user, step, on=on):
        raise CaseError(
            _(
                "Vai trò của bạn không được thực hiện bước này (theo quy định đang có "
                "hiệu lực vào ngày %(day)s)."
            )
            % {"day": f"{on:%d/%m/%Y}"}
        )


def _move(case: Case, to_state: str, on: date, reason: str, acting_user: Any) -> Case:
    with unit_of_work(sources=[Case]) as work:
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
        )
        old = locked.state
        Case.objects.filter(pk=locked.pk).update(
            state=to_state, state_since=on, version=F("version") + 1
        )
        work.touch_records(Case, Case.objects.filter(pk=locked.pk))
        audit_write(
            action="victims.case_transition",
            acting_user=acting_user,
            obj=locked,
            changes={"state": [old, to_state]},
        )
    return Case.objects.get(pk=case.pk)
