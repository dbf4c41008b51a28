"""Consent, referrals and support on the web (victim protection II)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import agencies_offered
from ctip.accounts.scope import scoped
from ctip.agencies.labels import AgencyChoiceField
from ctip.agencies.models import Agency
from ctip.core import formfields as bounded
from ctip.core.access import access_object, requires
from ctip.core.bounds import MAX_AMOUNT_VND, MAX_DATE, MAX_SMALL_COUNT, MIN_DATE
from ctip.core.listing import attachment_name
from ctip.core.permissions import P
from ctip.core.sealed import extension, sealed_response
from ctip.core.text import vn_date, vn_int
from ctip.indicators.queries import compute
from ctip.rules.selectors import RuleMissing
from ctip.victims.lifecycle import MergeError, case_merge
from ctip.victims.models import Consent, Paper, Referral, SupportGiven
from ctip.victims.paper_models import PaperKind
from ctip.victims.papers.generate import paper_generate
from ctip.victims.referrals import (
    ReferralError,
    consent_record,
    consent_withdraw,
    referral_answer,
    referral_send,
)
from ctip.victims.selectors import (
    OwnerOnlyError,
    access_case,
    cases_owned,
    cases_visible,
    referral_receiver,
    require_owner,
)
from ctip.victims.services import case_update
from ctip.victims.states import ConsentBasis, ConsentGiver, ConsentPurpose, ReferralStatus
from ctip.victims.states import ConsentForm as ConsentMedium
from ctip.victims.support import eligibility, support_give
from ctip.victims.vocab import REGIMES


class ConsentForm(forms.Form):
    """Consent or a statutory basis (ctip.victims.privacy checks it against the law in force on
    the day given). Fields left empty keep the old form's meaning: the person's own consent."""

    purpose = forms.ChoiceField(label=_l("Nội dung đồng ý"), choices=ConsentPurpose.choices)
    given_on = bounded.DateField(label=_l("Ngày đồng ý"), initial=date.today)
    basis = forms.ChoiceField(
        label=_l("Căn cứ xử lý"),
        choices=ConsentBasis.choices,
        required=False,
        initial=ConsentBasis.CONSENT,
    )
    statute = bounded.CharField(
        label=_l("Căn cứ pháp luật khi xử lý không cần sự đồng ý (văn bản, điều, khoản)"),
        max_length=300,
        required=False,
    )
    given_by = forms.ChoiceField(
        label=_l("Người đồng ý"),
        choices=ConsentGiver.choices,
        required=False,
        initial=ConsentGiver.PERSON,
    )
    child_agrees = forms.NullBooleanField(
        label=_l("Chính trẻ em đồng ý (khi luật yêu cầu theo tuổi)"), required=False
    )
    guardian_is_suspect = forms.BooleanField(
        label=_l("Người giám hộ là người bị tình nghi trong vụ việc"), required=False
    )
    guardian_name = bounded.CharField(
        label=_l("Họ tên người giám hộ (chỉ để đối chiếu với người bị tình nghi, không lưu)"),
        max_length=200,
        required=False,
    )
    form = forms.ChoiceField(
        label=_l("Hình thức đồng ý"),
        choices=[("", _l("Chưa ghi")), *ConsentMedium.choices],
        required=False,
    )
    evidence = forms.FileField(label=_l("Chứng cứ đồng ý (PDF, Word)"), required=False)

    def clean_basis(self) -> str:
        return self.cleaned_data["basis"] or ConsentBasis.CONSENT

    def clean_given_by(self) -> str:
        return self.cleaned_data["given_by"] or ConsentGiver.PERSON


class ReferralForm(forms.Form):
    to_agency = AgencyChoiceField(label=_l("Chuyển đến cơ quan"), queryset=Agency.objects.none())
    reason = bounded.CharField(label=_l("Lý do chuyển"), widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = bounded.CharField(
        label=_l("Nếu chưa có sự đồng ý: lý do vẫn phải chuyển"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SupportForm(forms.Form):
    regime = forms.ChoiceField(label=_l("Chế độ hỗ trợ"), choices=list(REGIMES.items()))
    given_on = bounded.DateField(label=_l("Ngày hỗ trợ"), initial=date.today)
    amount = bounded.IntegerField(label=_l("Số tiền (đồng)"), max_value=MAX_AMOUNT_VND, initial=0)
    # Needed where the ceiling in force is per day (rule victims.support.terms).
    days = bounded.IntegerField(
        label=_l("Số ngày hỗ trợ (chế độ tính theo ngày)"),
        min_value=1,
        max_value=MAX_SMALL_COUNT,
        required=False,
    )
    new_decision = forms.BooleanField(
        label=_l("Có quyết định hỗ trợ mới sau khi người này đã từ chối chế độ này"),
        required=False,
    )
    evidence = forms.FileField(label=_l("Chứng từ (PDF, Word)"), required=False)


@requires(P.EDIT_VICTIM_CASES)
def protection(request: HttpRequest, pk: int) -> HttpResponse:
    """Consent, referrals and support of one case (no identity data on this page)."""
    # The page shows the support plan (personal data): the view is logged like the identity's.
    case = access_case(request.user, pk, section="protection")
    today = date.today()
    consenting = "consent" in request.POST
    consent_form = ConsentForm(
        request.POST if consenting else None, request.FILES if consenting else None
    )
    referral_form = ReferralForm(request.POST if "referral" in request.POST else None)
    # A referral may go to another province's agency: the user's province first, then the
    # others, each in force today and each name once.
    referral_form.fields["to_agency"].queryset = (  # type: ignore[attr-defined]
        agencies_offered(request.user, today, whole_country=True).exclude(pk=case.owner_id)
    )
    support_form = SupportForm(
        request.POST if "support" in request.POST else None, request.FILES or None
    )
    try:
        entitled = eligibility(case, on=today)
    except RuleMissing as exc:  # the page says which rule is missing for which date
        entitled = None
        if request.method == "GET":
            messages.warning(request, str(exc))
    if request.method == "POST":
        try:
            done = _save(request, case, consent_form, referral_form, support_form, today)
        except (ReferralError, ValueError) as exc:  # includes ConflictError (a stale plan)
            messages.error(request, str(exc))
        else:
            if done:
                messages.success(request, done)
                return redirect("case_protection", pk=case.pk)
    totals = support_totals(case)
    return render(
        request,
        "victims/protection.html",
        {
            "case": case,
            "consents": case.consents.all(),  # type: ignore[attr-defined]
            "referrals": case.referrals.select_related("to_agency"),  # type: ignore[attr-defined]
            "support": case.support.select_related("provider"),  # type: ignore[attr-defined]
            "totals": totals,
            "entitled": entitled,
            "regimes": REGIMES,
            "consent_form": consent_form,
            "referral_form": referral_form,
            "support_form": support_form,
            "papers": case.papers.all(),  # type: ignore[attr-defined]
            "paper_kinds": PaperKind.choices,
        },
    )


def _save(
    request: HttpRequest,
    case: Any,
    consent_form: ConsentForm,
    referral_form: ReferralForm,
    support_form: SupportForm,
    today: date,
) -> str:
    """The write the page's POST asks for; what was saved, in words ("" when a form is
    invalid: the page shows its errors)."""
    post, user = request.POST, request.user
    if "consent" in post and consent_form.is_valid():
        consent = consent_record(case=case, acting_user=user, **consent_form.cleaned_data)
        return _("Đã ghi nhận “%(basis)s” cho “%(purpose)s” từ ngày %(day)s.") % {
            "basis": consent.get_basis_display(),
            "purpose": consent.get_purpose_display(),
            "day": vn_date(consent.given_on),
        }
    if "withdraw" in post:
        consent = access_object(Consent.objects.filter(case=case), post["withdraw"])
        consent_withdraw(consent=consent, on=today, acting_user=user)
        return _("Đã ghi nhận rút lại sự đồng ý “%(purpose)s” ngày %(day)s.") % {
            "purpose": consent.get_purpose_display(),
            "day": vn_date(today),
        }
    if "referral" in post and referral_form.is_valid():
        referral = referral_send(
            case=case, on=today, acting_user=user, **referral_form.cleaned_data
        )
        return _("Đã chuyển hồ sơ %(code)s đến %(agency)s, chờ cơ quan nhận trả lời.") % {
            "code": case.code,
            "agency": referral.to_agency.name,
        }
    if "plan" in post:
        require_owner(user, case)
        case_update(
            case=case,
            version=_version(post.get("version", "")),
            values={"support_plan": post.get("support_plan", "")},
            acting_user=user,
        )
        return _("Đã lưu kế hoạch hỗ trợ của hồ sơ %(code)s.") % {"code": case.code}
    if "support" in post and support_form.is_valid():
        # What a referral grants: the receiving agency records the support it gave.
        owner = cases_owned(user).filter(pk=case.pk).exists()
        given = support_give(
            case=case,
            provider=case.owner if owner else referral_receiver(user, case),
            acting_user=user,
            **support_form.cleaned_data,
        )
        return _("Đã ghi nhận “%(regime)s” ngày %(day)s: %(amount)s đồng.") % {
            "regime": REGIMES.get(given.regime, given.regime),
            "day": vn_date(given.given_on),
            "amount": vn_int(given.amount),
        }
    return ""


SUPPORT_TOTALS = ("victims.support_given", "victims.support_amount")


def support_totals(case: Any) -> list[dict[str, Any]]:
    """The support one case received, per regime (times given and amount): the registry's
    support indicators narrowed to the case, over every date a user can enter."""
    rows = compute(
        list(SUPPORT_TOTALS),
        unit=case.home_unit,
        start=MIN_DATE,
        end=MAX_DATE,
        by=("regime",),
        where={"case": case.pk},
    )
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        regime = row["regime"]
        total = totals.setdefault(
            regime["code"], {"regime": regime["code"], "label": regime["name"], "n": 0, "amount": 0}
        )
        total["n" if row["indicator"] == SUPPORT_TOTALS[0] else "amount"] = row["value"]
    return list(totals.values())


def _version(text: str) -> int:
    """The version the page was read at; anything else matches none (the stale-page message)."""
    try:
        return int(text)
    except ValueError:  # not a number, or more digits than Python converts
        return -1


def _incoming(user: Any) -> QuerySet[Referral]:
    return scoped(
        Referral.objects.select_related("case", "from_agency"),
        user,
        P.EDIT_VICTIM_CASES,
        agency_field="to_agency",
        unit_field=None,
    )


@requires(P.EDIT_VICTIM_CASES)
def referrals_incoming(request: HttpRequest) -> HttpResponse:
    """Referrals to the user's agency: case code, sender and date only until accepted."""
    rows = _incoming(request.user).filter(status=ReferralStatus.SENT)
    return render(request, "victims/referrals.html", {"referrals": rows})


# What the answer to a referral did, said to the one who gave it.
ANSWERED = {
    ReferralStatus.ACCEPTED: _l("Đã tiếp nhận hồ sơ %(code)s."),
    ReferralStatus.DECLINED: _l("Đã từ chối tiếp nhận hồ sơ %(code)s."),
    ReferralStatus.REVOKED: _l("Đã thu hồi yêu cầu chuyển hồ sơ %(code)s."),
}


@requires(P.EDIT_VICTIM_CASES)
def referral_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if request.method != "POST":
        return redirect("referrals_incoming")
    if action in ("accept", "decline"):
        referral = access_object(_incoming(request.user), pk)
        status = ReferralStatus.ACCEPTED if action == "accept" else ReferralStatus.DECLINED
    else:  # revoke: by the agency that sent it
        sent = scoped(
            Referral.objects.all(),
            request.user,
            P.EDIT_VICTIM_CASES,
            agency_field="from_agency",
            unit_field=None,
        )
        referral = access_object(sent, pk)
        status = ReferralStatus.REVOKED
    try:
        referral_answer(referral=referral, status=status, on=date.today(), acting_user=request.user)
    except ReferralError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, ANSWERED[status] % {"code": referral.case.code})  # type: ignore[attr-defined]
    if status == ReferralStatus.ACCEPTED:
        return redirect("case_detail", pk=referral.case_id)  # type: ignore[attr-defined]
    return redirect("referrals_incoming")


@requires(P.EDIT_VICTIM_CASES)
def paper_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_object(cases_visible(request.user), pk)
    kind = request.POST.get("kind", "")
    if request.method == "POST" and kind in PaperKind.values:
        try:
            paper = paper_generate(case=case, kind=kind, acting_user=request.user)
        except OwnerOnlyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Đã lập %(kind)s số %(number)s.")
                % {"kind": paper.get_kind_display(), "number": paper.number},
            )
    # Back to the page the paper was asked from: the case page, or this protection page.
    if request.POST.get("next") == "detail":
        return redirect("case_detail", pk=case.pk)
    return redirect("case_protection", pk=case.pk)


@requires(P.VIEW_VICTIM_CASES)
def paper_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A paper holds personal data: served decrypted, only in scope, and the view is logged."""

    paper = access_object(
        Paper.objects.filter(case__in=cases_visible(request.user), file__isnull=False), pk
    )
    access_case(request.user, paper.case_id, section=f"paper:{paper.kind}")
    assert paper.file is not None
    name = attachment_name(PaperKind(paper.kind).label, paper.case.code, ext="docx")
    return sealed_response(paper.file, download_name=name)


@requires(P.VIEW_VICTIM_CASES)
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Support evidence: decrypted only for those who may read the case; the read is logged. The
    download is named by the case's code, never by the name the file was uploaded with."""
    support = access_object(
        SupportGiven.objects.filter(
            case__in=cases_visible(request.user), evidence__isnull=False
        ).select_related("case", "evidence"),
        pk,
    )
    access_case(request.user, support.case_id, section="evidence")
    assert support.evidence is not None
    name = f"{support.case.code}-chung-tu-{support.pk}.{extension(support.evidence)}"
    return sealed_response(support.evidence, download_name=name)


@requires(P.SUPERVISE_VICTIM_CASES)
def case_merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A supervisor merges a duplicate (by its code) into this case; both histories are kept."""
    keep = access_object(cases_visible(request.user), pk)
    # A NUL character matches no code (and PostgreSQL refuses it in a query).
    code = request.POST.get("code", "").strip().replace("\x00", "\ufffd")
    if request.method == "POST":
        # Both cases must be the user's agency's own: a referral grants no merge.
        owned = cases_owned(request.user)
        other = owned.filter(code=code).exclude(pk=keep.pk).first()
        if not owned.filter(pk=keep.pk).exists():
            other = None
        if other is None:
            messages.error(
                request, _("Không có hồ sơ %(code)s trong phạm vi của bạn.") % {"code": code}
            )
        else:
            try:
                case_merge(keep=keep, other=other, acting_user=request.user)
            except MergeError as exc:  # the service's own check (a concurrent merge, a role)
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Đã gộp hồ sơ %(code)s.") % {"code": other.code})
    return redirect("case_protection", pk=keep.pk)
