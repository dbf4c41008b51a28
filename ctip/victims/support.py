"""Support entitlements and support given, under the law of the date that matters.

The law is read as on the support decision's date, except where the transitional rule
(`victims.transition.support`, Law 53/2024/QH15 Art. 63) keeps a person identified before
1/7/2025, and the child accompanying them, under Law 66/2011/QH12: then every support rule
(who is entitled, amounts, durations, providing bodies) is read as on the rule's `regime_on`.
The person's status (being identified, identified) is always the one on the support date.

Rules (ctip/victims/fixtures/rules-support.yaml):
- `victims.support.eligibility`: regimes per group;
- `victims.support.terms`: per regime, the ceiling in đồng (per decision, or per day where
  `unit` is "day"), the most days (`max_units`) and the bodies that provide it (`providers`);
  a null ceiling or no providers is not checked (the law sets none that ctip could establish).

A regime the person refused (ctip.victims.actions, "support_refused") is not offered from the
refusal's date, and support of it dated on or after that date is recorded only when the
official states it was decided anew (`new_decision`): one flag per record, no state to undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from ctip.accounts.steps import agency_as_on, agency_performs
from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_SMALL_COUNT
from ctip.core.sealed import content_type_for, seal
from ctip.core.text import vn_date, vn_int
from ctip.core.uploads import check_document
from ctip.core.validators import check_amount, check_date, check_number
from ctip.core.work import unit_of_work
from ctip.rules.models import Rule
from ctip.rules.selectors import RuleMissing, rule_in_force, rule_value, rule_value_or
from ctip.victims.models import ActionKind, Case, CaseAction, CaseEvent, SupportGiven
from ctip.victims.states import BEING_IDENTIFIED, State
from ctip.victims.vocab import REGIMES

ELIGIBILITY = "victims.support.eligibility"
TRANSITION = "victims.transition.support"
TERMS = "victims.support.terms"
# The states that say a person has been identified as a victim (the first one reached dates the
# identification; an imported case may start past IDENTIFIED).
_IDENTIFIED_STATES = (
    State.IDENTIFIED,
    State.SUPPORT,
    State.REPATRIATION,
    State.REINTEGRATION,
    State.FOLLOW_UP,
)


class SupportError(ValueError):
    pass


@dataclass(frozen=True)
class Eligibility:
    group: str
    regimes: tuple[str, ...]  # offered: entitled and not refused
    case_by_case: bool
    # The date whose law applies (the support date, or the transitional rule's date).
    regime_on: date | None = None
    refused: tuple[str, ...] = ()  # entitled, but refused by the person on or before that day


def _status_on(case: Case, day: date) -> str:
    last = CaseEvent.objects.filter(case=case, on__lte=day).order_by("on", "pk").last()
    return last.to_state if last else State.RECEIVED


def identified_on(case: Case) -> date | None:
    """The day the person was first identified as a victim, if they were."""
    first = (
        CaseEvent.objects.filter(case=case, to_state__in=_IDENTIFIED_STATES)
        .exclude(from_state=F("to_state"))  # a merge's note decides nothing
        .order_by("on", "pk")
        .first()
    )
    return first.on if first else None


def regime_day(case: Case, *, on: date) -> date:
    """The date whose law decides support given on `on`: `on`, or, for a person identified
    before the transitional rule's date (and a child accompanying them), its `regime_on`."""
    transition = rule_value_or(TRANSITION, on=on, default=None)
    if not transition:
        return on
    person = case.accompanies if case.accompanies_id else case
    assert person is not None
    identified = identified_on(person)
    if identified is not None and identified < date.fromisoformat(transition["identified_before"]):
        return date.fromisoformat(transition["regime_on"])
    return on


def eligibility(case: Case, *, on: date) -> Eligibility:
    """Which regimes the person may receive on `on`, by the rule of the date that matters.
    Raises RuleMissing (its message names the rule and the date) where no rule is in force."""
    day = regime_day(case, on=on)
    groups = rule_value(ELIGIBILITY, on=day)
    group, regimes, by_case = _entitled(case, on, groups)
    refused = refused_regimes(case, on=on)
    return Eligibility(
        group=group,
        regimes=tuple(r for r in regimes if r not in refused),
        case_by_case=by_case,
        regime_on=day,
        refused=tuple(r for r in regimes if r in refused),
    )


def _foreigner(case: Case) -> bool:
    # A stateless person permanently resident in Vietnam has a citizen's rights (Law 66/2011
    # Art. 32(1); Law 53/2024 Art. 37(1)), whatever the nationality field holds.
    return case.nationality != "VN" and not case.stateless_resident


def _entitled(case: Case, on: date, groups: dict[str, Any]) -> tuple[str, tuple[str, ...], bool]:
    """(group, regimes, case by case) of the person on `on` under `groups`."""
    if case.accompanies_id and not _foreigner(case):
        return _child(case, on, groups)
    status = _status_on(case, on)
    if status == State.NOT_VICTIM:
        return "not_victim", (), False
    being = status in BEING_IDENTIFIED
    if _foreigner(case):
        # Law 66/2011 gave foreign persons awaiting verification less than foreign victims;
        # Law 53/2024 gives both the same (the rule has no separate group then).
        group = "foreigner_case_by_case"
        if being and "foreigner_being_identified" in groups:
            group = "foreigner_being_identified"
        return group, tuple(groups[group]), True
    if being:
        group = "being_identified_abroad" if case.abroad else "being_identified"
        return group, tuple(groups[group]), False
    return "identified", tuple(groups["identified"]), False


def _child(case: Case, on: date, groups: dict[str, Any]) -> tuple[str, tuple[str, ...], bool]:
    """A child accompanying a person is entitled through that person's status."""
    parent = case.accompanies
    assert parent is not None
    status = _status_on(parent, on)
    if status == State.NOT_VICTIM:
        return "not_victim", (), False
    if status in BEING_IDENTIFIED:
        # Children accompanying a person being identified get what that person gets.
        _group, regimes, by_case = _entitled(parent, on, groups)
        return "accompanying_child", regimes, by_case
    return "accompanying_child", tuple(groups["accompanying_child"]), False


def refused_regimes(case: Case, *, on: date) -> set[str]:
    """Regimes the person refused on or before `on`."""
    return set(
        CaseAction.objects.filter(
            case=case, kind=ActionKind.SUPPORT_REFUSED, on__lte=on
        ).values_list("regime", flat=True)
    )


def _provider_on(provider: Agency, given_on: date, case: Case) -> Agency:
    """The provider as it stood on the day the support was given: itself, or (support from the
    paper archive recorded today) the predecessor whose records it carries and which existed
    then, the one whose territory held the person first. Refused if neither existed."""
    found = agency_as_on(provider, given_on, case.home_unit)
    if not found:
        raise SupportError(
            _("Cơ quan “%(agency)s” không hoạt động vào ngày %(day)s.")
            % {"agency": provider.name, "day": vn_date(given_on)}
        )
    same_kind = [a for a in found if a.kind == provider.kind]
    return (same_kind or found)[0]


def support_give(
    *,
    case: Case,
    regime: str,
    given_on: date,
    provider: Agency,
    amount: int,
    evidence: Any = None,
    days: int | None = None,
    new_decision: bool = False,
    acting_user: Any,
) -> SupportGiven:
    """Record support given. Refused, with nothing written: a regime the person is not entitled
    to on that day, or refused without a new decision; an amount above the ceiling in force; a
    provider that is not one of the bodies the rule names; more days than the rule allows."""
    _check_input(regime, amount, given_on, days)
    try:
        entitled = eligibility(case, on=given_on)
    except RuleMissing as exc:  # its message names the rule and the date
        raise SupportError(str(exc)) from exc
    _check_entitled(entitled, regime, given_on, new_decision)
    assert entitled.regime_on is not None
    provider = _provider_on(provider, given_on, case)
    _check_terms(
        regime=regime,
        regime_on=entitled.regime_on,
        given_on=given_on,
        provider=provider,
        amount=amount,
        days=days,
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
        changes: dict[str, Any] = {"regime": [None, regime], "amount": [None, amount]}
        if days is not None:
            changes["days"] = [None, days]
        if new_decision:
            changes["new_decision"] = [None, True]
        audit_write(
            action="victims.support_give", acting_user=acting_user, obj=support, changes=changes
        )
    return support


def _check_input(regime: str, amount: Any, given_on: date, days: int | None) -> None:
    if regime not in REGIMES:
        raise SupportError(_("Chế độ hỗ trợ không có trong danh mục."))
    if isinstance(amount, int) and amount < 0:
        raise SupportError(_("Số tiền không được âm."))
    check_amount(amount, label=_("Số tiền"), error=SupportError)
    check_date(given_on, label=_("Ngày hỗ trợ"), error=SupportError)
    if days is not None:
        check_number(days, 1, MAX_SMALL_COUNT, label=_("Số ngày hỗ trợ"), error=SupportError)


def _check_entitled(entitled: Eligibility, regime: str, day: date, new_decision: bool) -> None:
    if regime in entitled.refused and not new_decision:
        raise SupportError(
            _(
                "Ngày %(day)s người này đang từ chối nhận “%(regime)s”: chỉ ghi hỗ trợ này "
                "khi có quyết định hỗ trợ mới."
            )
            % {"regime": REGIMES[regime], "day": _day(day)}
        )
    if regime not in entitled.regimes + entitled.refused:
        raise SupportError(
            _("Người này không thuộc diện được hưởng “%(regime)s” vào ngày %(day)s.")
            % {"regime": REGIMES[regime], "day": _day(day)}
        )


def _check_terms(
    *,
    regime: str,
    regime_on: date,
    given_on: date,
    provider: Agency,
    amount: int,
    days: int | None,
) -> None:
    """The amount, days and provider against the terms in force on `regime_on` (none in force,
    or none for this regime: nothing to check). The provider is matched on the day support was
    given: the body the law names, performed by the agency configured for that day."""
    try:
        rule = rule_in_force(TERMS, on=regime_on)
    except RuleMissing:
        return
    terms = rule.value.get(regime) or {}
    _check_amount(rule, regime, terms, amount, days)
    providers = terms.get("providers")
    if providers and not agency_performs(provider, providers, on=given_on):
        raise SupportError(
            _(
                "Cơ quan “%(agency)s” không phải cơ quan thực hiện chế độ “%(regime)s” "
                "vào ngày %(day)s (%(basis)s)."
            )
            % {
                "agency": provider.name,
                "regime": REGIMES[regime],
                "day": _day(given_on),
                "basis": _basis(rule),
            }
        )


def _check_amount(
    rule: Rule, regime: str, terms: dict[str, Any], amount: int, days: int | None
) -> None:
    ceiling, most = terms.get("ceiling"), terms.get("max_units")
    label, basis = REGIMES[regime], _basis(rule)
    if terms.get("unit") != "day":
        if ceiling is not None and amount > ceiling:
            raise SupportError(
                _("Số tiền vượt mức tối đa của chế độ “%(regime)s”: %(ceiling)s đồng (%(basis)s).")
                % {"regime": label, "ceiling": vn_int(ceiling), "basis": basis}
            )
        return
    if days is None:
        if ceiling is not None:
            message = _("Chế độ “%(regime)s” tính theo ngày: phải nêu số ngày hỗ trợ.")
            raise SupportError(message % {"regime": label})
        return
    if most is not None and days > most:
        raise SupportError(
            _("Chế độ “%(regime)s” được hỗ trợ tối đa %(most)s ngày (%(basis)s).")
            % {"regime": label, "most": vn_int(most), "basis": basis}
        )
    if ceiling is not None and amount > ceiling * days:
        raise SupportError(
            _(
                "Số tiền vượt mức tối đa của chế độ “%(regime)s”: %(ceiling)s đồng/ngày × "
                "%(days)s ngày = %(limit)s đồng (%(basis)s)."
            )
            % {
                "regime": label,
                "ceiling": vn_int(ceiling),
                "days": vn_int(days),
                "limit": vn_int(ceiling * days),
                "basis": basis,
            }
        )


def _day(day: date) -> str:
    return vn_date(day)  # as RuleMissing writes it


def _basis(rule: Rule) -> str:
    return f"{rule.legal_basis_document}, {rule.legal_basis_article}"
