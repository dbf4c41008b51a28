"""Personal data of one case on the web: requests by the data subject and their due dates, the
lawful basis of each purpose, and the evidence of consent (issue 22, point 6)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core import formfields as bounded
from ctip.core.access import access_object, requires
from ctip.core.permissions import P
from ctip.core.sealed import extension, sealed_response
from ctip.core.text import vn_date
from ctip.victims.models import Consent, DataSubjectRequest
from ctip.victims.privacy import request_answer, request_record, requests_open
from ctip.victims.privacy_models import RequestKind
from ctip.victims.selectors import access_case, cases_owned, cases_visible


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_l("Loại yêu cầu"), choices=RequestKind.choices)
    received_on = bounded.DateField(label=_l("Ngày nhận yêu cầu"), initial=date.today)


class AnswerForm(forms.Form):
    answered_on = bounded.DateField(label=_l("Ngày trả lời"), initial=date.today)
    outcome = bounded.CharField(
        label=_l("Kết quả (đã làm gì, hoặc lý do từ chối)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@requires(P.EDIT_VICTIM_CASES)
def case_privacy(request: HttpRequest, pk: int) -> HttpResponse:
    """A case's requests (with their outcomes, which can name the person: the view is logged)
    and the basis of each purpose. Recording and answering are the owning agency's steps."""
    case = access_case(request.user, pk, section="privacy")
    recording = "request" in request.POST
    request_form = RequestForm(request.POST if recording else None)
    answer_form = AnswerForm(request.POST if "answer" in request.POST else None)
    if request.method == "POST":
        try:
            if recording and request_form.is_valid():
                made = request_record(
                    case=case, acting_user=request.user, **request_form.cleaned_data
                )
                messages.success(
                    request,
                    _("Đã ghi yêu cầu; hạn trả lời %(day)s.") % {"day": vn_date(made.due_on)},
                )
                return redirect("case_privacy", pk=case.pk)
            if "answer" in request.POST and answer_form.is_valid():
                asked = access_object(
                    DataSubjectRequest.objects.filter(case=case), request.POST["answer"]
                )
                request_answer(request=asked, acting_user=request.user, **answer_form.cleaned_data)
                messages.success(
                    request,
                    _("Đã ghi trả lời yêu cầu “%(kind)s” ngày %(day)s.")
                    % {
                        "kind": asked.get_kind_display(),
                        "day": vn_date(answer_form.cleaned_data["answered_on"]),
                    },
                )
                return redirect("case_privacy", pk=case.pk)
        except ValueError as exc:  # PrivacyError, OwnerOnlyError: nothing was written
            messages.error(request, str(exc))
    today = date.today()
    return render(
        request,
        "victims/privacy.html",
        {
            "case": case,
            "requests": case.requests.all(),  # type: ignore[attr-defined]
            "consents": case.consents.all(),  # type: ignore[attr-defined]
            "today": today,
            "owner": cases_owned(request.user).filter(pk=case.pk).exists(),
            "request_form": request_form,
            "answer_form": answer_form,
        },
    )


@requires(P.EDIT_VICTIM_CASES)
def privacy_requests(request: HttpRequest) -> HttpResponse:
    """Open requests on the agency's own cases, soonest due first, overdue ones marked (codes,
    kinds and dates only: no personal value, so no read to log)."""
    rows = requests_open(request.user)
    return render(request, "victims/privacy_requests.html", {"rows": rows})


@requires(P.VIEW_VICTIM_CASES)
def consent_evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed consent form: decrypted only for those who may read the case, the read
    logged, and named by the case's code, never by the name it was uploaded with."""
    consent = access_object(
        Consent.objects.filter(
            case__in=cases_visible(request.user), evidence__isnull=False
        ).select_related("case", "evidence"),
        pk,
    )
    access_case(request.user, consent.case_id, section="consent_evidence")  # type: ignore[attr-defined]
    assert consent.evidence is not None
    name = f"{consent.case.code}-dong-y-{consent.pk}.{extension(consent.evidence)}"
    return sealed_response(consent.evidence, download_name=name)
