"""The procuracy's and the court's decisions (issue 24): which body records which decision, in
which stage, the stage it moves the case to, and the sentence of each defendant in a judgment.

Who records a decision is data, as for the stages: the rule `roles.step.<legal step>` in force on
the decision's date names the roles, and the decision is made in an agency of the body's kind
whose territory holds the case (the procuracy or the court that sees it). A procuracy decision is
the procuracy's step (`enforcement.indicted`), a court's return of the file the trial's
(`enforcement.tried`), a judgment the judgment's (`enforcement.judged`). A decision that moves the
case (the indictment; a first-instance judgment, through the trial) takes those stages through
`stage_advance`, so that the stage figures (`enforcement.cases_indicted`, `.cases_tried`) count
it; each defendant a first-instance judgment finds guilty counts in
`enforcement.defendants_convicted`.

What the case's decisions so far allow (`ctip.enforcement.decision_history`): a defendant is
judged at most once at first instance (a later first-instance judgment of the case judges those
not judged yet) and at most once on appeal, an appeal only after a first-instance judgment of
each defendant it names, dated no later than the appeal; one indictment, and a new one only
after the court has returned the file for further investigation (`COURT_RETURN`) later than the
last indictment, dated no earlier than that return; while the file is so returned, the court
neither judges nor returns it again. Those checks run again under the case's row lock, and the
database keeps one sentence per defendant and instance (`Sentence.instance`), so that two
requests at once cannot both record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.accounts.steps import roles_for_step
from ctip.agencies.models import Agency, Kind
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_AMOUNT_VND
from ctip.core.text import vn_date
from ctip.core.validators import check_date, check_number, check_text
from ctip.core.work import unit_of_work
from ctip.enforcement.checks import EnforcementError, guard
from ctip.enforcement.decision_history import check_history, history_open
from ctip.enforcement.decision_models import (
    CHARGES,
    MAX_TERM_MONTHS,
    Decision,
    DecisionKind,
    Penalty,
    Sentence,
    Verdict,
)
from ctip.enforcement.models import STAGE_ORDER, CriminalCase, Stage, Suspect
from ctip.enforcement.selectors import criminal_cases_visible
from ctip.enforcement.stages import stage_advance
from ctip.geo.selectors import covered_unit_ids
from ctip.periods import locks
from ctip.rules.models import Rule


@dataclass(frozen=True)
class DecisionRule:
    body: str  # the agency kind that makes it
    legal_step: str  # roles.step.<legal_step> names who records it
    stages: tuple[str, ...]  # the case's stages in which it may be recorded
    moves_to: str = ""  # the stage it takes the case to (through the stages between)
    judgment: bool = False  # one sentence per defendant (what the case's decisions so far
    # allow, for every kind: `decision_history`)


_PROCURACY, _COURT = "procuracy", "court"
_K = DecisionKind
DECISIONS: dict[str, DecisionRule] = {
    _K.APPROVAL: DecisionRule(_PROCURACY, "enforcement.indicted", (Stage.INSTITUTED,)),
    _K.PROCURACY_RETURN: DecisionRule(_PROCURACY, "enforcement.indicted", (Stage.INSTITUTED,)),
    _K.INDICTMENT: DecisionRule(
        _PROCURACY,
        "enforcement.indicted",
        (Stage.INSTITUTED, Stage.INDICTED),
        moves_to=Stage.INDICTED,
    ),
    _K.COURT_RETURN: DecisionRule(_COURT, "enforcement.tried", (Stage.INDICTED,)),
    _K.FIRST_INSTANCE: DecisionRule(
        _COURT,
        "enforcement.judged",
        (Stage.INDICTED, Stage.TRIED, Stage.JUDGED),
        moves_to=Stage.JUDGED,
        judgment=True,
    ),
    _K.APPEAL: DecisionRule(_COURT, "enforcement.judged", (Stage.JUDGED,), judgment=True),
}
JUDGMENTS = tuple(kind for kind, rule in DECISIONS.items() if rule.judgment)
OTHER_DECISIONS = tuple(kind for kind, rule in DECISIONS.items() if not rule.judgment)


@dataclass(frozen=True)
class SentenceSpec:
    """One defendant's part of a judgment, as the court pronounced it."""

    suspect: Suspect
    verdict: str
    charge: str = ""
    penalty: str = ""
    months: int | None = None
    suspended: bool = False
    probation_months: int | None = None
    fine_vnd: int = 0


# --- who may record what ------------------------------------------------------------------------


def deciding_agency(user: Any, kind: str, case: CriminalCase, on: date) -> Agency | None:
    """The agency through which the user records `kind` on `case` for a decision dated `on`: a
    role the rule in force names, in an agency of the body's kind whose territory holds the
    case; None when there is none."""
    rule = DECISIONS[kind]
    allowed = roles_for_step(rule.legal_step, on=on)
    for assignment in active_assignments(user):
        agency = assignment.agency
        if assignment.role not in allowed or agency is None or agency.kind != rule.body:
            continue
        here = CriminalCase.objects.filter(pk=case.pk, unit__in=covered_unit_ids(agency.unit))
        if here.exists():
            return agency
    return None


def decisions_open(
    user: Any, case: CriminalCase, *, kinds: Sequence[str], today: date
) -> list[Any]:
    """(kind, label) of `kinds` the user may record on the case, in the table's order: the case
    in one of the kind's stages, its decisions so far allowing one more (`decision_history`), and
    a body and role of the user's for it under the rule in force on a day the decision could be
    dated (from the case's last stage to `today`: `decision_days`). The service checks the date
    given."""
    since = _since(case)
    found = []
    for kind in kinds:
        rule = DECISIONS[kind]
        if case.stage not in rule.stages or not history_open(case, kind):
            continue
        days = decision_days(rule.legal_step, since, today)
        if any(deciding_agency(user, kind, case, day) is not None for day in days):
            found.append((kind, DecisionKind(kind).label))
    return found


def decision_days(legal_step: str, since: date, today: date) -> list[date]:
    """The days whose law could judge a decision dated from `since` (the case's last stage: no
    decision may be dated before it) to `today`: both ends and each day a version of the rule
    `roles.step.<legal_step>` begins in between (a file from the paper archive is recorded under
    each date's law), as `stages.stages_open` asks for a stage."""
    if since >= today:
        return [today]
    starts = Rule.objects.filter(
        key=f"roles.step.{legal_step}", valid_from__gt=since, valid_from__lte=today
    ).values_list("valid_from", flat=True)
    return sorted({since, today, *starts})


def _since(case: CriminalCase) -> date:
    last = case.stages.order_by("on", "pk").last()  # type: ignore[attr-defined]
    return last.on if last is not None else case.detected_on


def criminal_cases_deciding(
    user: Any, *, kinds: Sequence[str], on: date, earlier: bool = False
) -> QuerySet[CriminalCase]:
    """The cases the user sees whose stage lets them record one of `kinds` through a role the
    rule in force on `on` names (`earlier`: or any earlier version of it names, for a page where
    a decision may be back-dated), in an agency of the kind's body (a page's scope: the same 404
    for a case outside it as for a missing one; `decisions_open` then narrows to the case and
    the days its decisions may be dated)."""
    condition = Q(pk__in=[])
    for kind in kinds:
        rule = DECISIONS[kind]
        if earlier:
            allowed = _roles_until(rule.legal_step, on)
        else:
            allowed = roles_for_step(rule.legal_step, on=on)
        for assignment in active_assignments(user):
            agency = assignment.agency
            if assignment.role in allowed and agency is not None and agency.kind == rule.body:
                condition |= Q(stage__in=rule.stages, unit__in=covered_unit_ids(agency.unit))
    return criminal_cases_visible(user).filter(condition)


def _roles_until(legal_step: str, on: date) -> frozenset[str]:
    """The roles any version of `roles.step.<legal_step>` in force on or before `on` names."""
    values = (
        Rule.objects.filter(key=f"roles.step.{legal_step}")
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .values_list("value", flat=True)
    )
    return frozenset(role for value in values for role in value)


# --- recording ---------------------------------------------------------------------------------


def decision_record(
    *,
    case: CriminalCase,
    kind: str,
    number: str,
    on: date,
    acting_user: Any,
    suspects: Sequence[Suspect] = (),
    sentences: Sequence[SentenceSpec] = (),
    reason: str = "",
) -> Decision:
    """Record a decision of the procuracy or the court, with the defendants it concerns (a
    judgment: the sentence of each), and move the case to the stage it leads to. Refused, and
    nothing written, when the user's role and body may not make it on that date, the case is
    not in a stage where it is made, or a value is out of bounds. A date inside an issued
    report's period needs a reason (reporting.locks)."""
    rule = DECISIONS.get(kind)
    if rule is None:
        raise EnforcementError(_("Không có loại quyết định này."))
    number = _check_head(case, kind, number, on, acting_user)
    agency = _check_who(acting_user, kind, case, on)
    if rule.judgment:
        suspects = [s.suspect for s in sentences]
        _check_sentences(case, sentences)
    elif sentences:
        raise EnforcementError(_("Chỉ bản án mới ghi hình phạt của từng bị cáo."))
    _check_suspects(case, suspects)
    check_history(case, kind, on, suspects)  # told early; asked again under the lock
    # The case's own figures change only through `stage_advance`, which refreshes them itself.
    with unit_of_work():
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        if locked.stage != case.stage:
            raise EnforcementError(_("Vụ án vừa được người khác cập nhật."))
        # Another request may have recorded a decision of the case between the checks above
        # and this lock, without moving its stage (a second judgment, an appeal): ask again.
        check_history(locked, kind, on, suspects)
        lock = guard(Sentence, [(on, locked.unit_id)], reason) if rule.judgment else None
        moved = _move(locked, rule, on, acting_user, reason)
        decision = Decision.objects.create(
            case=locked,
            kind=kind,
            number=number,
            on=on,
            agency=agency,
            actor=stored_user(acting_user),
        )
        decision.suspects.set(suspects)
        try:
            Sentence.objects.bulk_create(
                Sentence(decision=decision, instance=kind, **_sentence_values(s)) for s in sentences
            )
        except IntegrityError:  # `sentence_once_per_instance`: the lock's last line of defence
            raise EnforcementError(_("Vụ án vừa được người khác cập nhật.")) from None
        audit_write(
            action="enforcement.decision_record",
            acting_user=acting_user,
            obj=locked,
            changes=_audit_changes(decision, moved, sentences, len(suspects)),
        )
        locks.record(lock, obj=decision, action="create", acting_user=acting_user)
    return decision


def _check_head(case: CriminalCase, kind: str, number: str, on: date, user: Any) -> str:
    check_date(on, label=_("Ngày"), error=EnforcementError)
    check_text(number, label=_("Số, ký hiệu"), max_length=40, error=EnforcementError)
    number = (number or "").strip()
    errors = []
    if not number:
        errors.append(_("Phải ghi số, ký hiệu của quyết định."))
    if on > date.today():
        errors.append(_("Ngày không thể ở tương lai."))
    last = case.stages.order_by("on", "pk").last()  # type: ignore[attr-defined]
    if last is not None and on < last.on:
        errors.append(
            _("Ngày %(day)s trước ngày của giai đoạn trước (%(prev)s).")
            % {"day": vn_date(on), "prev": vn_date(last.on)}
        )
    if not criminal_cases_visible(user).filter(pk=case.pk).exists():
        errors = [_("Không có vụ án này.")]
    if errors:
        raise EnforcementError(" ".join(errors))
    return number


def _check_who(user: Any, kind: str, case: CriminalCase, on: date) -> Agency:
    rule = DECISIONS[kind]
    label = DecisionKind(kind).label
    if case.stage not in rule.stages:
        raise EnforcementError(
            _("Không ghi được “%(kind)s” khi vụ án ở giai đoạn “%(stage)s”.")
            % {"kind": label, "stage": Stage(case.stage).label}
        )
    agency = deciding_agency(user, kind, case, on)
    if agency is None:
        allowed = roles_for_step(rule.legal_step, on=on)
        raise EnforcementError(
            _("Chỉ %(roles)s thuộc %(kind)s có thẩm quyền với vụ án được ghi “%(decision)s”.")
            % {
                "roles": ", ".join(str(ROLES[r].label) for r in sorted(allowed) if r in ROLES)
                or "—",
                "kind": Kind(rule.body).label,
                "decision": label,
            }
        )
    return agency


def _check_suspects(case: CriminalCase, suspects: Sequence[Suspect]) -> None:
    ids = [s.pk for s in suspects]
    if len(set(ids)) != len(ids):
        raise EnforcementError(_("Một bị can, bị cáo được ghi hai lần."))
    if Suspect.objects.filter(pk__in=ids, case=case).count() != len(ids):
        raise EnforcementError(_("Có người không phải đối tượng của vụ án này."))


def _check_sentences(case: CriminalCase, sentences: Sequence[SentenceSpec]) -> None:
    if not sentences and Suspect.objects.filter(case=case).exists():
        raise EnforcementError(_("Bản án phải ghi phán quyết đối với ít nhất một bị cáo."))
    for spec in sentences:
        _check_sentence(spec)


def _check_sentence(s: SentenceSpec) -> None:
    """What the Criminal Code allows a sentence to hold: a penalty only for the guilty; a term
    for prison (3 months to 30 years) and non-custodial reform (6 months to 3 years); a
    suspended sentence only for prison of 3 years or less, with 1 to 5 years of probation."""
    if s.verdict not in Verdict.values:
        raise EnforcementError(_("Phán quyết không có trong danh mục."))
    if s.verdict == Verdict.NOT_GUILTY:
        if s.charge or s.penalty or s.months or s.suspended or s.probation_months or s.fine_vnd:
            raise EnforcementError(_("Bị cáo không có tội thì không ghi tội danh, hình phạt."))
        return
    if s.charge not in CHARGES:
        raise EnforcementError(_("Phải chọn tội danh trong danh mục."))
    if s.penalty not in Penalty.values:
        raise EnforcementError(_("Phải chọn hình phạt chính trong danh mục."))
    check_number(s.fine_vnd, 0, MAX_AMOUNT_VND, label=_("Phạt tiền"), error=EnforcementError)
    terms = {Penalty.PRISON: (3, MAX_TERM_MONTHS), Penalty.NON_CUSTODIAL: (6, 36)}
    if s.penalty in terms:
        low, high = terms[Penalty(s.penalty)]
        check_number(s.months, low, high, label=_("Thời hạn (tháng)"), error=EnforcementError)
    elif s.months:
        raise EnforcementError(_("Chỉ tù có thời hạn và cải tạo không giam giữ có thời hạn."))
    if s.penalty == Penalty.FINE and not s.fine_vnd:
        raise EnforcementError(_("Hình phạt tiền phải ghi số tiền."))
    if s.suspended:
        if s.penalty != Penalty.PRISON or (s.months or 0) > 36:
            raise EnforcementError(_("Chỉ cho hưởng án treo khi phạt tù không quá 3 năm."))
        label = _("Thời gian thử thách (tháng)")
        check_number(s.probation_months, 12, 60, label=label, error=EnforcementError)
    elif s.probation_months:
        raise EnforcementError(_("Thời gian thử thách chỉ ghi khi cho hưởng án treo."))


def _sentence_values(s: SentenceSpec) -> dict[str, Any]:
    guilty = s.verdict == Verdict.GUILTY
    return {
        "suspect": s.suspect,
        "verdict": s.verdict,
        "charge": s.charge if guilty else "",
        "penalty": s.penalty if guilty else "",
        "months": s.months or None,
        "suspended": s.suspended,
        "probation_months": s.probation_months or None,
        "fine_vnd": s.fine_vnd or 0,
    }


def _move(case: CriminalCase, rule: DecisionRule, on: date, user: Any, reason: str) -> list[str]:
    """The stages the decision takes the case through (the trial before a judgment), each by
    `stage_advance` and its checks; none when the case already stands there."""
    if not rule.moves_to or case.stage == rule.moves_to:
        return []
    order = [str(s) for s in STAGE_ORDER]
    path = order[order.index(case.stage) + 1 : order.index(rule.moves_to) + 1]
    current = case
    for stage in path:
        current = stage_advance(
            case=current, to_stage=stage, on=on, acting_user=user, reason=reason
        )
    return path


def _audit_changes(
    decision: Decision, moved: list[str], sentences: Sequence[SentenceSpec], defendants: int
) -> dict[str, Any]:
    """Kind, number and date, the stages passed and the verdicts counted: never a name."""
    changes: dict[str, Any] = {
        "decision": [None, decision.kind],
        "number": [None, decision.number],
        "on": [None, decision.on.isoformat()],
        "defendants": [None, defendants],
    }
    if moved:
        changes["stage"] = [None, moved[-1]]
    if sentences:
        guilty = sum(1 for s in sentences if s.verdict == Verdict.GUILTY)
        changes["guilty"] = [None, guilty]
        changes["not_guilty"] = [None, len(sentences) - guilty]
    return changes
