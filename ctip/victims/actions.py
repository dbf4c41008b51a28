"""Recorded steps of a victim case that change no state (models.ActionKind): a protection
measure, a transfer to a social-assistance facility, a child victim's family notified, and the
person's refusal of a support regime (which ctip.victims.support then stops offering from that
day). One audited transaction each; the detail (a place, a relative) is encrypted and never
written to the audit row."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.text import vn_date
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.rules.selectors import RuleMissing, rule_in_force
from ctip.victims.checks import CaseError, check_scope
from ctip.victims.models import ActionKind, Case, CaseAction
from ctip.victims.privacy import age_on
from ctip.victims.vocab import REGIMES

# The age under which a victim's family is notified (a child victim), by the rule of the day.
FAMILY_AGE = "victims.family_notice.under_age"


def case_action_record(
    *,
    case: Case,
    kind: str,
    on: date,
    agency: Agency | None,
    regime: str = "",
    detail: str = "",
    acting_user: Any,
) -> CaseAction:
    """Record one step taken on `on` by `agency`. A refusal names the regime refused; a family
    is notified only for a person under the age the rule in force on `on` sets."""
    _check_input(kind, on, agency, regime, detail)
    check_scope(acting_user, case)
    assert agency is not None
    if kind == ActionKind.FAMILY_NOTIFIED:
        _check_child(case, on)
    with unit_of_work():
        action = CaseAction.objects.create(
            case=case,
            kind=kind,
            on=on,
            agency=agency,
            regime=regime,
            detail=detail,
            recorded_by=stored_user(acting_user),
        )
        changes: dict[str, Any] = {
            "kind": [None, kind],
            "on": [None, on.isoformat()],
            "agency": [None, agency.code],
        }
        if regime:
            changes["regime"] = [None, regime]
        audit_write(
            action="victims.case_action_record",
            acting_user=acting_user,
            obj=action,
            changes=changes,
        )
    return action


def _check_input(kind: str, on: date, agency: Agency | None, regime: str, detail: str) -> None:
    if kind not in ActionKind.values:
        raise CaseError(_("Loại bước không có trong danh mục."))
    check_date(on, label=_("Ngày"), error=CaseError)
    if on > date.today():
        raise CaseError(_("Ngày thực hiện không thể ở tương lai."))
    check_text(detail, label=_("Nội dung"), error=CaseError)
    if agency is None:
        raise CaseError(_("Phải nêu cơ quan thực hiện."))
    if not Agency.objects.valid_on(on).filter(pk=agency.pk).exists():
        raise CaseError(
            _("Cơ quan “%(agency)s” không hoạt động vào ngày %(day)s.")
            % {"agency": agency.name, "day": vn_date(on)}
        )
    if kind == ActionKind.SUPPORT_REFUSED:
        if regime not in REGIMES:
            raise CaseError(_("Phải chọn chế độ hỗ trợ mà người đó từ chối."))
    elif regime:
        raise CaseError(_("Chỉ nêu chế độ hỗ trợ khi ghi nhận việc từ chối nhận hỗ trợ."))


def _check_child(case: Case, on: date) -> None:
    try:
        rule = rule_in_force(FAMILY_AGE, on=on)
    except RuleMissing as exc:  # its message names the rule and the date
        raise CaseError(str(exc)) from exc
    if age_on(case, on) >= rule.value:
        raise CaseError(
            _(
                "Chỉ thông báo cho gia đình khi nạn nhân là người dưới %(age)s tuổi vào ngày "
                "%(day)s (%(basis)s)."
            )
            % {
                "age": rule.value,
                "day": vn_date(on),
                "basis": f"{rule.legal_basis_document}, {rule.legal_basis_article}",
            }
        )
