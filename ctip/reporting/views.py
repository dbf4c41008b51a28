"""Reports in the browser: requests, drafts and their narratives, compiling with progress, the
preview with each figure's provenance, and the DOCX / XLSX / PDF downloads."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import bind_pickers_for
from ctip.accounts.scope import has_perm
from ctip.core import formfields as bounded
from ctip.core.access import requires
from ctip.core.listing import attachment_name, content_disposition, symbol_file_name
from ctip.core.permissions import P
from ctip.geo.models import Level, Unit
from ctip.geo.picker import UnitPickerField
from ctip.geo.selectors import national_unit
from ctip.reporting.annex import annex_xlsx
from ctip.reporting.contributions import accepted_texts
from ctip.reporting.errors import ReportError
from ctip.reporting.models import Compilation, ReportTemplate
from ctip.reporting.outline import narrative_slots
from ctip.reporting.provenance import listed_for
from ctip.reporting.render import RenderError, docx_to_pdf, render_docx
from ctip.reporting.selectors import (
    access_compilation,
    access_report,
    reports_visible,
    requests_visible,
)
from ctip.reporting.services import (
    compilation_start,
    report_create,
    report_narratives_set,
    report_request_register,
)
from ctip.reporting.states import JobStatus
from ctip.reporting.views_issuing import can_issue, issued_facts

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires(P.VIEW_REPORTS)
def report_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reporting/list.html",
        {
            "reports": reports_visible(request.user)[:100],
            "requests": requests_visible(request.user)[:100],
            "can_compile": has_perm(request.user, P.COMPILE_REPORTS),
        },
    )


class RequestForm(forms.Form):
    number_symbol = bounded.CharField(label=_l("Số, ký hiệu văn bản yêu cầu"), max_length=80)
    date_issued = bounded.DateField(label=_l("Ngày văn bản (ngày/tháng/năm)"))
    issuer = bounded.CharField(label=_l("Cơ quan yêu cầu"), max_length=200)
    subject = bounded.CharField(label=_l("Trích yếu"), max_length=400, required=False)
    template = bounded.ModelChoiceField(label=_l("Mẫu báo cáo"), queryset=ReportTemplate.objects)
    # Picked by name, as the provinces stood on the period's last day; posts the GSO code.
    unit = UnitPickerField(
        label=_l("Tỉnh báo cáo"), levels=[Level.PROVINCE], date_field="period_end", area_only=True
    )
    period_start = bounded.DateField(label=_l("Kỳ báo cáo từ ngày"))
    period_end = bounded.DateField(label=_l("Đến ngày"))
    deadline = bounded.DateField(label=_l("Hạn gửi báo cáo"), required=False)
    recipients = bounded.CharField(
        label=_l("Nơi nhận (mỗi dòng một nơi)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    signing_authority = bounded.CharField(
        label=_l("Thẩm quyền ký (các dòng cách nhau bởi “/”)"), max_length=200, required=False
    )
    signer_name = bounded.CharField(label=_l("Người ký"), max_length=120, required=False)
    letter = forms.FileField(label=_l("Tệp văn bản yêu cầu (PDF, Word)"), required=False)


def _offer_country(form: RequestForm) -> None:
    """The ministry, whose area is the country, may also ask for the national review (ADR
    0016), and the field says so; a province's users keep to provinces ("Tỉnh báo cáo")."""
    field = form.fields["unit"]
    assert isinstance(field, UnitPickerField)
    country = national_unit()
    if country is not None and country.pk in field.area:
        field.levels = (Level.COUNTRY, Level.PROVINCE)
        field.label = _l("Tỉnh, thành phố hoặc toàn quốc")
        field._sync()


@requires(P.COMPILE_REPORTS)
def request_new(request: HttpRequest) -> HttpResponse:
    form = RequestForm(request.POST or None, request.FILES or None)
    bind_pickers_for(form, request.user)
    _offer_country(form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = (
            Unit.objects.valid_on(data["period_end"])
            .filter(code=data.pop("unit"), level__in=[Level.COUNTRY, Level.PROVINCE])
            .first()
        )
        lines = [r.strip(" -;.") for r in data.pop("recipients").splitlines()]
        if unit is None:
            form.add_error("unit", _("Không có tỉnh mã này vào ngày cuối kỳ báo cáo."))
        else:
            try:
                created = report_request_register(
                    unit=unit,
                    recipients=[r for r in lines if r],
                    acting_user=request.user,
                    **data,
                )
            except ReportError as exc:
                form.add_error(None, str(exc))
            else:
                report = report_create(
                    template=created.template,
                    unit=unit,
                    period_start=created.period_start,
                    period_end=created.period_end,
                    request=created,
                    acting_user=request.user,
                )
                return redirect("report_request_detail", pk=report.request_id)
    return render(request, "reporting/request_form.html", {"form": form})


@requires(P.VIEW_REPORTS)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    slots = narrative_slots(report.template.outline)
    can_compile = has_perm(request.user, P.COMPILE_REPORTS) and not report.issued
    error = ""
    if request.method == "POST":
        if not can_compile:
            raise Http404
        texts = {slot: request.POST.get(f"slot_{slot}", "") for slot, _h, _l in slots}
        try:
            report_narratives_set(report=report, narratives=texts, acting_user=request.user)
        except ReportError as exc:
            error = str(exc)
        else:
            if "compile" in request.POST:
                compilation = compilation_start(report=report, acting_user=request.user)
                return redirect("compilation_detail", pk=compilation.pk)
            return redirect("report_detail", pk=report.pk)
    return render(
        request,
        "reporting/detail.html",
        {
            "report": report,
            "slots": [(s, h, lbl, report.narratives.get(s, "")) for s, h, lbl in slots],
            "compilations": report.compilations.all()[:10],  # type: ignore[attr-defined]
            "can_compile": can_compile,
            "can_issue": can_issue(request.user, report),
            "can_redraft": report.issued and has_perm(request.user, P.COMPILE_REPORTS),
            "can_scan": report.issued
            and report.scan_id is None
            and has_perm(request.user, P.ISSUE_REPORTS),
            "issued": issued_facts(report) if report.issued else None,
            "contributed": accepted_texts(report.request) if report.request else {},
            "error": error,
        },
    )


@requires(P.VIEW_REPORTS)
def compilation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while the job runs (htmx polls the fragment), then the preview."""
    compilation = access_compilation(request.user, pk)
    context = {"c": compilation, "report": compilation.report, "running": _running(compilation)}
    if request.headers.get("HX-Request") == "true":
        if context["running"]:
            return render(request, "reporting/_progress.html", context)
        done = HttpResponse("")
        done["HX-Refresh"] = "true"  # finished: reload to show the preview
        return done
    if compilation.status == JobStatus.DONE:
        context["paragraphs"] = compilation.result["body"]
        context["header"] = compilation.result["header"]
    return render(request, "reporting/compilation.html", context)


def _running(compilation) -> bool:
    return compilation.status in (JobStatus.QUEUED, JobStatus.RUNNING)


@requires(P.VIEW_REPORTS)
def figure_detail(request: HttpRequest, pk: int, fid: str) -> HttpResponse:
    compilation = access_compilation(request.user, pk)
    figure = compilation.result.get("figures", {}).get(fid)
    if figure is None:
        raise Http404
    total, listed, withheld = listed_for(request.user, figure)
    return render(
        request,
        "reporting/figure.html",
        {"c": compilation, "f": figure, "total": total, "listed": listed, "withheld": withheld},
    )


@requires(P.VIEW_REPORTS)
def compilation_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    compilation = access_compilation(request.user, pk)
    if compilation.status != JobStatus.DONE or fmt not in ("docx", "xlsx", "pdf"):
        raise Http404
    result, template = compilation.result, compilation.report.template
    if fmt == "xlsx":
        body, mime = annex_xlsx(result), XLSX
    elif fmt == "docx":
        body, mime = render_docx(result, template), DOCX
    else:
        try:
            body, mime = docx_to_pdf(render_docx(result, template)), "application/pdf"
        except RenderError:
            return HttpResponse(_("Máy chủ chưa cài LibreOffice để xuất PDF."), status=503)
    response = HttpResponse(body, content_type=mime)
    response["Content-Disposition"] = content_disposition(report_file_name(compilation, fmt))
    return response


def _words_upto(text: str, limit: int) -> str:
    kept = ""
    for word in text.split():
        if len(kept) + len(word) + 1 > limit:
            break
        kept = f"{kept} {word}".strip()
    return kept


def report_file_name(compilation: Compilation, fmt: str) -> str:
    """Issued: by number, symbol and date ("BC-207-UBND-2023-10-16.docx"); a draft (or an
    earlier compilation of an issued report): by template and period
    ("Du-thao-Bao-cao-sau-thang-cong-tac-...-2026-01-01-den-2026-06-30.docx"). The annex adds
    "phu-luc"."""
    report = compilation.report
    annex = ("phu-luc",) if fmt == "xlsx" else ()
    if report.issued and report.issued_compilation_id == compilation.pk and report.number:
        return symbol_file_name(report.number, report.report_date, *annex, ext=fmt)
    # The template's name in words, not its code, which is English ("six-month"); cut to 70
    # characters at a word so that the dates survive the length cap of file names.
    return attachment_name(
        "Du-thao",
        _words_upto(report.template.name, 70),
        report.period_start,
        "den",
        report.period_end,
        *annex,
        ext=fmt,
    )
