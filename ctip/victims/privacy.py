"""Personal data across the two regimes (Decree 13/2023/NĐ-CP from 1/7/2023, Personal Data
Protection Law 91/2025/QH15 from 1/1/2026): a person's age on a day, the rules a consent must
meet (a child's guardian, never one who is a suspect; the child's own agreement from the age the
rule in force sets), requests by a data subject with their time limits, and the basis a transfer
of a case's data abroad needs.

Every time limit and age is a dated rule (ctip/victims/fixtures/rules-privacy.yaml), read on the
day that matters: the day a request was received, the day consent was given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.countries import is_country
from ctip.core.text import fold, vn_date
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.rules.selectors import RuleMissing, deadline, rule_in_force
from ctip.victims.models import Case, Consent, DataSubjectRequest
from ctip.victims.privacy_models import RequestKind
from ctip.victims.selectors import cases_owned, require_owner
from ctip.victims.states import ConsentBasis, ConsentGiver, ConsentPurpose
from ctip.victims.states import ConsentForm as ConsentMedium

# Under this age a parent or guardian consents for the person ("trẻ em"): a dated rule.
GUARDIAN_UNDER_AGE = "victims.privacy.guardian_under_age"
CHILD_CONSENT_AGE = "victims.privacy.child_consent_age"
REQUEST_LIMIT = "victims.privacy.request.{kind}"


class PrivacyError(ValueError):
    """A refusal a user reads (Vietnamese); nothing was written."""


# --- age on a day ------------------------------------------------------------------------------

# Dates of birth are typed as the paper shows them: ISO, or day/month/year with / - or . between.
_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")


def parse_birth(text: str) -> date | None:
    """A full date of birth, or None (a year alone, a blank, anything else)."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = _DMY.match(text)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_years(start: date, end: date) -> int:
    """Completed years from `start` to `end` (negative when `end` is earlier)."""
    if end < start:
        return -full_years(end, start)
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def age_on(case: Case, day: date) -> int:
    """The person's age on `day`: from the date of birth when it is a full date, otherwise the
    age at reception plus the years since reception."""
    born = parse_birth(case.date_of_birth)
    if born is not None and born <= day:
        return full_years(born, day)
    return max(0, case.age_at_reception + full_years(case.received_on, day))


# --- the rules a consent must meet -------------------------------------------------------------

# The names of the suspects of the criminal cases linked to a victim case. The enforcement app
# sits above this one (docs/adr/0010-layers.md), so it provides them (EnforcementConfig.ready);
# until it does, only the officer's own statement (guardian_is_suspect) is checked.
SuspectNames = Callable[[Case], list[str]]
_suspect_names: SuspectNames = lambda case: []  # noqa: E731


def provide_suspect_names(source: SuspectNames) -> None:
    global _suspect_names
    _suspect_names = source


def _guardian_is_a_suspect(case: Case, guardian_name: str) -> bool:
    wanted = fold(guardian_name)
    return bool(wanted) and any(fold(name) == wanted for name in _suspect_names(case))


@dataclass(frozen=True)
class ConsentCheck:
    """What consent_record stores besides what it was given: the child's agreement only where
    it was asked."""

    child_agrees: bool | None


def check_consent(
    *,
    case: Case,
    purpose: str,
    given_on: date,
    basis: str,
    statute: str,
    given_by: str,
    child_agrees: bool | None,
    guardian_is_suspect: bool,
    guardian_name: str,
    form: str,
) -> ConsentCheck:
    """Refuse (PrivacyError) a consent the law in force on `given_on` does not accept."""
    if purpose not in ConsentPurpose.values:
        raise PrivacyError(_("Nội dung đồng ý không có trong danh mục."))
    if basis not in ConsentBasis.values:
        raise PrivacyError(_("Căn cứ xử lý không có trong danh mục."))
    if given_by not in ConsentGiver.values:
        raise PrivacyError(_("Người đồng ý không có trong danh mục."))
    if form and form not in ConsentMedium.values:
        raise PrivacyError(_("Hình thức đồng ý không có trong danh mục."))
    check_text(statute, label=_("Căn cứ pháp luật"), max_length=300, error=PrivacyError)
    check_text(guardian_name, label=_("Họ tên người giám hộ"), max_length=200, error=PrivacyError)
    if basis == ConsentBasis.STATUTE:
        _check_statute(statute)
        return ConsentCheck(child_agrees=None)
    if given_by == ConsentGiver.GUARDIAN:
        _check_guardian(case, guardian_is_suspect, guardian_name)
    age = age_on(case, given_on)
    child_until = _rule_number(GUARDIAN_UNDER_AGE, given_on)
    if age >= child_until:
        return ConsentCheck(child_agrees=None)
    if given_by != ConsentGiver.GUARDIAN:
        raise PrivacyError(
            _(
                "Người này chưa đủ %(age)s tuổi vào ngày %(day)s: sự đồng ý phải do cha, mẹ "
                "hoặc người giám hộ đưa ra (%(basis)s)."
            )
            % {
                "age": child_until,
                "day": vn_date(given_on),
                "basis": _citation(GUARDIAN_UNDER_AGE, given_on),
            }
        )
    from_age = _rule_number(CHILD_CONSENT_AGE, given_on)
    if age < from_age:
        return ConsentCheck(child_agrees=child_agrees)
    if child_agrees is not True:
        raise PrivacyError(
            _(
                "Trẻ em từ đủ %(age)s tuổi: phải có sự đồng ý của chính trẻ em, ngoài sự đồng ý "
                "của cha, mẹ hoặc người giám hộ (%(basis)s)."
            )
            % {"age": from_age, "basis": _citation(CHILD_CONSENT_AGE, given_on)}
        )
    return ConsentCheck(child_agrees=True)


def _check_statute(statute: str) -> None:
    # A state body processing without consent records the provision it relies on, as the
    # rules themselves do: a document and an article.
    if "dieu" not in fold(statute):
        raise PrivacyError(
            _(
                "Xử lý không cần sự đồng ý: phải ghi căn cứ pháp luật (văn bản và điều, khoản, "
                "ví dụ “Luật 53/2024/QH15, Điều 3 khoản 10”)."
            )
        )


def _check_guardian(case: Case, guardian_is_suspect: bool, guardian_name: str) -> None:
    if guardian_is_suspect or _guardian_is_a_suspect(case, guardian_name):
        raise PrivacyError(
            _(
                "Không được lấy sự đồng ý của người giám hộ là người bị tình nghi trong vụ việc. "
                "Hãy lấy sự đồng ý của cha, mẹ hoặc người giám hộ khác, hoặc ghi nhận căn cứ "
                "pháp luật cho việc xử lý không cần sự đồng ý."
            )
        )


def _rule_number(key: str, on: date) -> int:
    try:
        return int(rule_in_force(key, on=on).value)
    except RuleMissing as exc:
        raise PrivacyError(str(exc)) from exc


def _citation(key: str, on: date) -> str:
    rule = rule_in_force(key, on=on)
    return f"{rule.legal_basis_document}, {rule.legal_basis_article}"


# --- transfers abroad --------------------------------------------------------------------------


def abroad_basis(case: Case, *, on: date) -> Consent:
    """The consent (or the statutory basis) in force on `on` for sharing the case's data with a
    foreign body; PrivacyError if there is none. Every path that sends a case's data abroad asks
    this first."""
    found = (
        Consent.objects.filter(case=case, purpose=ConsentPurpose.ABROAD, given_on__lte=on)
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on))
        .exclude(basis=ConsentBasis.STATUTE, statute="")
        .order_by("-given_on", "-pk")
        .first()
    )
    if found is None:
        raise PrivacyError(
            _(
                "Chưa có sự đồng ý của người này (hoặc căn cứ pháp luật đã ghi nhận) cho việc "
                "chia sẻ dữ liệu với cơ quan nước ngoài vào ngày %(day)s: không được chuyển."
            )
            % {"day": vn_date(on)}
        )
    return found


def abroad_transfer_record(
    *, case: Case, counterpart_country: str, counterpart: str, on: date, acting_user: Any
) -> Consent:
    """Record that the case's data went to a foreign body, on the basis in force that day;
    refused (nothing written) without one. The audit row names the basis, never a person."""
    check_date(on, label=_("Ngày chuyển"), error=PrivacyError)
    require_owner(acting_user, case)
    if not is_country(counterpart_country):
        message = _("Không nhận ra nước “%(code)s”; chọn nước trong danh sách.")
        raise PrivacyError(message % {"code": counterpart_country})
    check_text(counterpart, label=_("Cơ quan nước ngoài"), max_length=200, error=PrivacyError)
    if not counterpart.strip():
        raise PrivacyError(_("Chưa nhập cơ quan nước ngoài nhận dữ liệu."))
    basis = abroad_basis(case, on=on)
    with unit_of_work():
        audit_write(
            action="victims.abroad_transfer",
            acting_user=acting_user,
            obj=case,
            changes={
                "country": [None, counterpart_country.upper()],
                "counterpart": [None, counterpart],
                "on": [None, on.isoformat()],
                "basis": [None, basis.basis],
                "consent": [None, basis.pk],
            },
        )
    return basis


# --- requests by a data subject ----------------------------------------------------------------


def request_due(kind: str, received_on: date) -> date:
    """The last day to answer a request of `kind` received on `received_on`, by the rule in
    force that day (not today's); PrivacyError naming the rule and the day if none is."""
    try:
        return deadline(REQUEST_LIMIT.format(kind=kind), event_day=received_on)
    except RuleMissing as exc:
        raise PrivacyError(str(exc)) from exc


def request_record(
    *, case: Case, kind: str, received_on: date, acting_user: Any, today: date | None = None
) -> DataSubjectRequest:
    """A request received from the person (or a child's guardian), with its due date."""
    check_date(received_on, label=_("Ngày nhận"), error=PrivacyError)
    require_owner(acting_user, case)
    if kind not in RequestKind.values:
        raise PrivacyError(_("Loại yêu cầu không có trong danh mục."))
    if received_on > (today or date.today()):
        raise PrivacyError(_("Ngày nhận yêu cầu ở tương lai."))
    due_on = request_due(kind, received_on)
    with unit_of_work():
        request = DataSubjectRequest.objects.create(
            case=case,
            kind=kind,
            received_on=received_on,
            due_on=due_on,
            recorded_by=stored_user(acting_user),
        )
        audit_write(
            action="victims.request_record",
            acting_user=acting_user,
            obj=request,
            changes={
                "kind": [None, kind],
                "received_on": [None, received_on.isoformat()],
                "due_on": [None, due_on.isoformat()],
            },
        )
    return request


def request_answer(
    *,
    request: DataSubjectRequest,
    answered_on: date,
    outcome: str,
    acting_user: Any,
    today: date | None = None,
) -> DataSubjectRequest:
    """The answer given (what was done, or why refused). The outcome can name the person: it is
    stored encrypted and never written to the audit trail."""
    check_date(answered_on, label=_("Ngày trả lời"), error=PrivacyError)
    check_text(outcome, label=_("Kết quả"), error=PrivacyError)
    require_owner(acting_user, request.case)
    if not outcome.strip():
        raise PrivacyError(_("Phải ghi kết quả trả lời yêu cầu."))
    if answered_on < request.received_on:
        raise PrivacyError(_("Ngày trả lời trước ngày nhận yêu cầu."))
    if answered_on > (today or date.today()):
        raise PrivacyError(_("Ngày trả lời ở tương lai."))
    with unit_of_work():
        locked = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
        if locked.answered_on is not None:
            raise PrivacyError(_("Yêu cầu này đã được trả lời."))
        locked.answered_on = answered_on
        locked.outcome = outcome
        locked.save(update_fields=["answered_on", "outcome"])
        audit_write(
            action="victims.request_answer",
            acting_user=acting_user,
            obj=locked,
            changes={
                "answered_on": [None, answered_on.isoformat()],
                "late": [None, answered_on > locked.due_on],
            },
        )
    return locked


def requests_open(user: Any, *, today: date | None = None) -> QuerySet[DataSubjectRequest]:
    """Unanswered requests on the cases the user's agency owns, soonest due first, each with
    `overdue` (its last day has passed: Civil Code Art. 148(1), a limit ends with its last
    day)."""
    day = today or date.today()
    return (
        DataSubjectRequest.objects.filter(
            case__in=cases_owned(user).values("pk"), answered_on__isnull=True
        )
        .select_related("case")
        .annotate(
            overdue=models.Case(
                models.When(due_on__lt=day, then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )
        .order_by("due_on", "pk")
    )
