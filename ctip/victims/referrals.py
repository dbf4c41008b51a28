"""Consent records and referrals between agencies (the province's coordination regulation).

A referral needs the person's active consent to referral, or an override with a reason. The
accepting agency's case workers reach the case while the referral stands accepted; revoking it
takes that access away again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.victims.lifecycle import case_purge
from ctip.victims.models import Case, Consent, Referral
from ctip.victims.selectors import require_owner
from ctip.victims.states import REFERRAL_FLOW, ConsentPurpose, ReferralStatus, State


class ReferralError(ValueError):
    pass


def consent_record(*, case: Case, purpose: str, given_on: date, acting_user: Any) -> Consent:
    check_date(given_on, label=_("Ngày đồng ý"), error=ReferralError)
    require_owner(acting_user, case)
    with unit_of_work():
        consent = Consent.objects.create(
            case=case, purpose=purpose, given_on=given_on, recorded_by=stored_user(acting_user)
        )
        audit_write(
            action="victims.consent_record",
            acting_user=acting_user,
            obj=case,
            changes={"purpose": [None, purpose], "given_on": [None, str(given_on)]},
        )
    return consent


def consent_withdraw(*, consent: Consent, on: date, acting_user: Any) -> Consent:
    """Consent withdrawn. Withdrawing consent to processing of a closed case destroys every copy
    of its personal data at once; an open case is purged when it closes (`ctip purge`)."""

    check_date(on, label=_("Ngày rút lại"), error=ReferralError)
    require_owner(acting_user, consent.case)
    with unit_of_work():
        Consent.objects.filter(pk=consent.pk).update(withdrawn_on=on)
        audit_write(
            action="victims.consent_withdraw",
            acting_user=acting_user,
            obj=consent.case,
            changes={"purpose": [consent.purpose, None]},
        )
        case = Case.objects.get(pk=consent.case_id)  # type: ignore[attr-defined]
        closed = case.state in (State.CLOSED, State.NOT_VICTIM)
        if consent.purpose == ConsentPurpose.PROCESSING and closed and case.purged_on is None:
            case_purge(case=case, acting_user=acting_user, today=on)
    consent.refresh_from_db()
    return consent


def referral_send(
    *,
    case: Case,
    to_agency: Agency,
    reason: str,
    on: date,
    acting_user: Any,
    override_reason: str = "",
) -> Referral:
    require_owner(acting_user, case)  # a receiving agency does not refer the case on
    check_date(on, label=_("Ngày chuyển"), error=ReferralError)
    check_text(reason, label=_("Lý do chuyển"), error=ReferralError)
    check_text(override_reason, label=_("Lý do chuyển không cần đồng ý"), error=ReferralError)
    if not reason.strip():
        raise ReferralError(_("Phải nêu lý do chuyển hồ sơ."))
    if to_agency.pk == case.owner_id:
        raise ReferralError(_("Không thể chuyển hồ sơ cho chính cơ quan đang quản lý."))
    consent = next(
        (
            c
            for c in case.consents.filter(purpose=ConsentPurpose.REFERRAL)  # type: ignore[attr-defined]
            if c.active_on(on)
        ),
        None,
    )
    if consent is None and not override_reason.strip():
        raise ReferralError(
            _("Chưa có sự đồng ý của người được chuyển hồ sơ; nếu vẫn phải chuyển, hãy nêu lý do.")
        )
    with unit_of_work():
        referral = Referral.objects.create(
            case=case,
            from_agency=case.owner,
            to_agency=to_agency,
            reason=reason,
            consent=consent,
            override_reason=override_reason,
            sent_on=on,
        )
        audit_write(
            action="victims.referral_send",
            acting_user=acting_user,
            obj=referral,
            changes={
                "to_agency": [None, to_agency.code],
                "consent": [None, "override" if consent is None else "given"],
            },
        )
    return referral


def referral_answer(*, referral: Referral, status: str, on: date, acting_user: Any) -> Referral:
    """Accept, decline (by the receiving agency) or revoke (by the sender)."""
    check_date(on, label=_("Ngày trả lời"), error=ReferralError)
    with unit_of_work():
        locked = Referral.objects.select_for_update().get(pk=referral.pk)
        REFERRAL_FLOW.step(locked.status, status, error=ReferralError)
        old = locked.status
        locked.status = status
        if old == ReferralStatus.SENT:
            locked.answered_on = on
            locked.days_to_answer = (on - locked.sent_on).days
        locked.save(update_fields=["status", "answered_on", "days_to_answer"])
        audit_write(
            action="victims.referral_answer",
            acting_user=acting_user,
            obj=locked,
            changes={"status": [old, status]},
        )
    return locked
