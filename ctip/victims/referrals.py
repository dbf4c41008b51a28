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
from ctip.core.sealed import content_type_for, seal
from ctip.core.uploads import check_document
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.victims.lifecycle import case_purge
from ctip.victims.models import Case, Consent, Referral
from ctip.victims.privacy import PrivacyError, check_consent
from ctip.victims.selectors import require_owner
from ctip.victims.states import (
    REFERRAL_FLOW,
    ConsentBasis,
    ConsentGiver,
    ConsentPurpose,
    ReferralStatus,
    State,
)


class ReferralError(ValueError):
    pass


def consent_record(
    *,
    case: Case,
    purpose: str,
    given_on: date,
    acting_user: Any,
    basis: str = ConsentBasis.CONSENT,
    statute: str = "",
    given_by: str = ConsentGiver.PERSON,
    child_agrees: bool | None = None,
    guardian_is_suspect: bool = False,
    guardian_name: str = "",
    form: str = "",
    evidence: Any = None,
) -> Consent:
    """The lawful basis of a purpose: the person's consent (a child's by a parent or guardian,
    with the child's own agreement from the age the rule in force on `given_on` sets), or the
    statute a state body relies on without consent. Refused (ReferralError, nothing written)
    otherwise. `guardian_name` is only compared with the suspects of the criminal cases linked
    to the case, never stored; `evidence` (the signed form, PDF or Word) is sealed."""
    check_date(given_on, label=_("Ngày đồng ý"), error=ReferralError)
    require_owner(acting_user, case)
    try:
        checked = check_consent(
            case=case,
            purpose=purpose,
            given_on=given_on,
            basis=basis,
            statute=statute,
            given_by=given_by,
            child_agrees=child_agrees,
            guardian_is_suspect=guardian_is_suspect,
            guardian_name=guardian_name,
            form=form,
        )
    except PrivacyError as exc:
        raise ReferralError(str(exc)) from exc
    kind = check_document(evidence) if evidence is not None else ""
    statutory = basis == ConsentBasis.STATUTE
    with unit_of_work():
        consent = Consent.objects.create(
            case=case,
            purpose=purpose,
            given_on=given_on,
            recorded_by=stored_user(acting_user),
            basis=basis,
            statute=statute.strip() if statutory else "",
            given_by=ConsentGiver.PERSON if statutory else given_by,
            child_agrees=checked.child_agrees,
            form="" if statutory else form,
        )
        if evidence is not None:
            # Encrypted under a random name; the name it came with (often the person's name)
            # is encrypted too, as for support evidence.
            consent.evidence = seal(
                content=evidence, name=str(evidence.name), content_type=content_type_for(kind)
            )
            consent.save(update_fields=["evidence"])
        audit_write(
            action="victims.consent_record",
            acting_user=acting_user,
            obj=case,
            changes={
                "purpose": [None, purpose],
                "given_on": [None, str(given_on)],
                "basis": [None, basis],
                "statute": [None, consent.statute],
                "given_by": [None, consent.given_by],
                "child_agrees": [None, consent.child_agrees],
                "form": [None, consent.form],
                "evidence": [None, evidence is not None],
            },
        )
    return consent


def consent_withdraw(*, consent: Consent, on: date, acting_user: Any) -> Consent:
    """Consent withdrawn (or a statutory basis ended). Withdrawing consent to processing of a
    closed case destroys every copy of its personal data at once; an open case is purged when
    it closes (`ctip purge`). A statutory basis ending is not the person's withdrawal: it
    purges nothing."""

    check_date(on, label=_("Ngày rút lại"), error=ReferralError)
    require_owner(acting_user, consent.case)
    if consent.withdrawn_on is not None:
        raise ReferralError(_("Sự đồng ý này đã được rút lại."))
    if on < consent.given_on:
        raise ReferralError(_("Ngày rút lại trước ngày đồng ý."))
    with unit_of_work():
        Consent.objects.filter(pk=consent.pk).update(withdrawn_on=on)
        audit_write(
            action="victims.consent_withdraw",
            acting_user=acting_user,
            obj=consent.case,
            changes={"purpose": [consent.purpose, None], "basis": [consent.basis, None]},
        )
        case = Case.objects.get(pk=consent.case_id)  # type: ignore[attr-defined]
        closed = case.state in (State.CLOSED, State.NOT_VICTIM)
        by_person = consent.basis == ConsentBasis.CONSENT
        processing = consent.purpose == ConsentPurpose.PROCESSING
        if processing and by_person and closed and case.purged_on is None:
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
