"""Issued reports in the browser: issuing with a number from the register (behind the gate:
no hole, no empty section, missing agencies' parts confirmed by name), the signed scan
(upload and logged download), a new draft from an issued report, and the list of corrections
made to issued reports' periods."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.scope import has_perm
from ctip.core import formfields as bounded
from ctip.core.access import requires
from ctip.core.audit import audit_read
from ctip.core.listing import symbol_file_name
from ctip.core.permissions import P
from ctip.core.sealed import sealed_response
from ctip.reporting.checked import request_mismatches
from ctip.reporting.errors import ReportError
from ctip.reporting.gate import issue_blockers, missing_parts
from ctip.reporting.issuing import (
    content_hash,
    next_free_number,
    report_issue,
    report_redraft,
    report_scan_attach,
)
from ctip.reporting.models import Report
from ctip.reporting.selectors import access_report, corrections_visible
from ctip.reporting.states import JobStatus


@requires(P.VIEW_REPORTS)
def correction_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reporting/corrections.html",
        {"corrections": corrections_visible(request.user)[:200]},
    )


class IssueForm(forms.Form):
    issue_date = bounded.DateField(label=_l("Ngày ban hành (ngày/tháng/năm)"))
    number = bounded.IntegerField(
        label=_l("Số văn bản (để trống: lấy số kế tiếp trong sổ văn bản đi)"),
        min_value=1,
        required=False,
    )

    def __init__(self, *args: Any, missing: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if missing:
            # Issuing without some agencies' parts is a decision someone takes by name.
            self.fields["confirm_missing"] = forms.BooleanField(
                label=_(
                    "Tôi xác nhận ban hành khi các cơ quan sau chưa gửi phần báo cáo: %(names)s"
                )
                % {"names": "; ".join(missing)},
                required=True,
                error_messages={
                    "required": _("Hãy đánh dấu xác nhận ban hành khi các cơ quan này chưa gửi.")
                },
            )


@requires(P.ISSUE_REPORTS)
def report_issue_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    compilation = report.compilations.filter(status=JobStatus.DONE).first()  # type: ignore[attr-defined]
    if report.issued or compilation is None:
        raise Http404
    blockers, missing = issue_blockers(compilation.result), missing_parts(report)
    form = IssueForm(
        request.POST or None, initial={"issue_date": timezone.localdate()}, missing=missing
    )
    if request.method == "POST" and form.is_valid():
        try:
            report_issue(
                report=report,
                compilation=compilation,
                issue_date=form.cleaned_data["issue_date"],
                number=form.cleaned_data["number"],
                confirm_missing=missing if form.cleaned_data.get("confirm_missing") else None,
                acting_user=request.user,
            )
        except ReportError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã ban hành báo cáo."))
            return redirect("report_detail", pk=pk)
    return render(
        request,
        "reporting/issue.html",
        {
            "form": form,
            "report": report,
            "compilation": compilation,
            "blockers": blockers,
            "missing": missing,
            "checks": request_mismatches(report.request),  # issue 25: texts against data
            "next_number": next_free_number(report=report, year=timezone.localdate().year),
        },
    )


class ScanForm(forms.Form):
    scan = forms.FileField(label=_l("Bản scan đã ký, đóng dấu (PDF)"))


@requires(P.ISSUE_REPORTS)
def report_scan_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    form = ScanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_scan_attach(
                report=report, upload=form.cleaned_data["scan"], acting_user=request.user
            )
        except ReportError as exc:
            form.add_error("scan", str(exc))
        else:
            messages.success(request, _("Đã lưu bản scan."))
            return redirect("report_detail", pk=pk)
    return render(request, "reporting/scan.html", {"form": form, "report": report})


@requires(P.VIEW_REPORTS)
def report_scan_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    if report.scan is None:
        raise Http404
    audit_read(acting_user=request.user, obj=report, purpose="scan")
    name = symbol_file_name(report.number, report.report_date, "ban-ky", ext="pdf")
    return sealed_response(report.scan, download_name=name)


@requires(P.COMPILE_REPORTS)
def report_redraft_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    if request.method != "POST":
        raise Http404
    try:
        draft = report_redraft(report=report, acting_user=request.user)
    except ReportError as exc:
        messages.error(request, str(exc))
        return redirect("report_detail", pk=pk)
    return redirect("report_detail", pk=draft.pk)


def issued_facts(report: Report) -> dict[str, Any]:
    """What the report page shows of an issued report: the hash checked against the content."""

    frozen = report.issued_compilation
    intact = frozen is not None and content_hash(frozen.result) == report.content_hash
    return {"intact": intact}


def can_issue(user: Any, report: Report) -> bool:
    return (
        not report.issued
        and has_perm(user, P.ISSUE_REPORTS)
        and report.compilations.filter(status=JobStatus.DONE).exists()  # type: ignore[attr-defined]
    )
