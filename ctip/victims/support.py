"""Support entitlements (Art. 37) from the effective-dated rule, and support given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.sealed import content_type_for, seal
from ctip.core.uploads import check_document
from ctip.core.validators import check_amount, check_date
from ctip.core.work import unit_of_work
from ctip.rules.selectors import rule_value
from ctip.victims.models import Case, CaseEvent, SupportGiven
from ctip.victims.states import BEING_IDENTIFIED, State
from ctip.victims.vocab import REGIMES


@dataclass(frozen=True)
class Eligibility:
    group: str
    regimes: tuple[str, ...]
    case_by_case: bool


def _status_on(case: Case, day: date) -> str:
    last = CaseEvent.objects.filter(case=case, on__lte=day).order_by("on", "pk").last()
    return last.to_state if last else State.RECEIVED


def eligibility(case: Case, *, on: date) -> Eligibility:
    """Which regimes the person may receive on `on`, by the rule in force that day."""
    groups = rule_value("victims.support.eligibility", on=on)
    if case.nationality != "VN":
        return Eligibility("foreigner_case_by_case", tuple(groups["foreigner_case_by_case"]), True)
    if case.accompanies_id:
        parent = case.accompanies
        assert parent is not None
        parent_status = _status_on(parent, on)
        if parent_status in BEING_IDENTIFIED:
            # Children accompanying a person being identified get what that person gets.
            inherited = eligibility(parent, on=on)
            return Eligibility("accompanying_child", inherited.regimes, inherited.case_by_case)
        return Eligibility("accompanying_child", tuple(groups["accompanying_child"]), False)
    status = _status_on(case, on)
    if status in BEING_IDENTIFIED:
        group = "being_identified_abroad" if case.abroad else "being_identified"
        return Eligibility(group, tuple(groups[group]), False)
    if status == State.NOT_VICTIM:
        return Eligibility("not_victim", (), False)
    return Eligibility("identified", tuple(groups["identified"]), False)


def support_give(
    *,
    case: Case,
    regime: str,
    given_on: date,
    provider: Agency,
    amount: int,
    evidence: Any = None,
    acting_user: Any,
) -> SupportGiven:
    if regime not in REGIMES:
        raise ValueError(_("Chế độ hỗ trợ không có trong danh mục."))
    if isinstance(amount, int) and amount < 0:
        raise ValueError(_("Số tiền không được âm."))
    check_amount(amount, label=_("Số tiền"), error=ValueError)
    check_date(given_on, label=_("Ngày hỗ trợ"), error=ValueError)
    try:
        entitled = eligibility(case, on=given_on)
    except LookupError as exc:  # no rule in force that day (RuleMissing)
        raise ValueError(
            _("Chưa có quy định về chế độ hỗ trợ vào ngày %(day)s.")
            % {"day": f"{given_on:%d/%m/%Y}"}
        ) from exc
    if regime not in entitled.regimes:
        raise ValueError(
            _("Người này không thuộc diện được hưởng “%(regime)s” vào ngày %(day)s.")
            % {"regime": REGIMES[regime], "day": f"{given_on:%d/%m/%Y}"}
        )
    kind = ""
    if evidence is not None:
        kind = check_document(evidence)
    with unit_of_work():
        support = SupportGiven.objects.create(
            case=case,
            regime=regime,
            given_on=given_on,
            provider=provider,
            amount=amount,
            case_by_case=entitled.case_by_case,
        )
        if evidence is not None:
            # Encrypted under a random name; the name it came with (often the person's name
            # and ID number) is encrypted too.
            support.evidence = seal(
                content=evidence, name=str(evidence.name), content_type=content_type_for(kind)
            )
            support.save(update_fields=["evidence"])
        audit_write(
            action="victims.support_give",
            acting_user=acting_user,
            obj=support,
            changes={"regime": [None, regime], "amount": [None, amount]},
        )
    return support
