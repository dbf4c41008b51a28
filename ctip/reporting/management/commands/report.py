"""Compile a draft, or print an issued report again.

`ctip report --template actip-review --unit "Quảng Ngãi" --from 2020-12-01 --to 2023-10-16
--request "3131/BCA-V03" --output review.docx [--annex review.xlsx] [--pdf review.pdf]
[--public] [--round]`: compile a draft from the database in DATABASE_URL. The report and its
compilation are recorded (and audited) like one made in the browser; the title and narratives
come from the request's latest draft with that template. A draft has no number and no date
("Số:      /BC-UBND"): the records office gives both only when the report is issued.

`ctip report --number "207/BC-UBND" [--date 2023-10-16] [--template ...] [--unit ...]
[--from ...] [--to ...] [--request ...] --output review-207.docx [--annex ...] [--pdf ...]`:
the issued report with that number, as it was issued (its frozen compilation), written to the
outputs; nothing is created. A number no issued report carries is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ctip.geo.selectors import UnitNotFound, unit_named
from ctip.reporting.annex import annex_xlsx
from ctip.reporting.errors import ReportError
from ctip.reporting.models import Report, ReportRequest, ReportTemplate
from ctip.reporting.render import RenderError, docx_to_pdf, render_docx
from ctip.reporting.services import compilation_start, report_create
from ctip.reporting.states import Audience, JobStatus

# What a draft is compiled with; an issued report is printed as it was issued, without them.
COMPILE_ONLY = ("subject", "public", "round")  # "round" is None unless --round or --exact


class Command(BaseCommand):
    help = (
        "Compile a draft report (DOCX, optional XLSX annex and PDF) from the data, or with "
        "--number write an issued report again as it was issued."
    )

    def add_arguments(self, parser):
        parser.add_argument("--template", help="template code, e.g. actip-review")
        parser.add_argument("--unit", help="province code or name")
        parser.add_argument("--from", dest="start", help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="YYYY-MM-DD (inclusive)")
        parser.add_argument("--request", help="number/symbol of the request answered")
        parser.add_argument(
            "--number",
            default="",
            help="number/symbol of an issued report to print again (drafts have none)",
        )
        parser.add_argument("--date", help="with --number: the issued report's date YYYY-MM-DD")
        parser.add_argument("--subject", default="", help="title (default: the request's draft)")
        parser.add_argument("--output", required=True, help="DOCX file to write")
        parser.add_argument("--annex", help="XLSX statistical annex to write")
        parser.add_argument("--pdf", help="PDF to write (LibreOffice headless)")
        parser.add_argument(
            "--public",
            action="store_true",
            help="for publication: figures about persons under ctip.indicators.disclosure",
        )
        rounding = parser.add_mutually_exclusive_group()
        rounding.add_argument(
            "--round", action="store_true", default=None, help="large counts as 'hơn N'"
        )
        rounding.add_argument(
            "--exact",
            dest="round",
            action="store_false",
            help="large counts exact (default: as the template says)",
        )

    def handle(self, *args, **options):
        if options["number"].strip():
            report, result = _issued(options)
            template = report.template
            label = f"báo cáo số {report.number} đã ban hành"
        else:
            report, result = _compile(options)
            template, label = report.template, f"báo cáo #{report.pk}"
        written = _write(result, template, options)
        figures = len(result["figures"])
        self.stdout.write(f"{', '.join(written)}: {figures} số liệu ({label})")


def _compile(options: dict[str, Any]) -> tuple[Report, dict[str, Any]]:
    if options["date"]:
        raise CommandError(
            "--date chỉ dùng cùng --number: dự thảo không có ngày, ngày và số văn bản được ghi "
            "khi ban hành."
        )
    needed = [f"--{name}" for name in ("template", "unit") if not options[name]]
    needed += [flag for key, flag in (("start", "--from"), ("end", "--to")) if not options[key]]
    if needed:
        raise CommandError(f"Tổng hợp dự thảo cần {', '.join(needed)}.")
    start, end = _day(options["start"]), _day(options["end"])
    template = _template(options["template"])
    request = None
    if options["request"]:
        request = ReportRequest.objects.filter(number_symbol=options["request"]).first()
        if request is None:
            raise CommandError(f"Chưa đăng ký văn bản yêu cầu “{options['request']}”.")
    draft = _draft(request, template)
    try:
        report = report_create(
            template=template,
            unit=unit_named(options["unit"], end),
            period_start=start,
            period_end=end,
            request=request,
            audience=Audience.PUBLIC if options["public"] else Audience.STATE,
            round_large=options["round"],
            subject=options["subject"] or (draft.subject if draft else ""),
            narratives=dict(draft.narratives) if draft else {},
            acting_user=None,
        )
    except (ReportError, UnitNotFound) as exc:
        raise CommandError(str(exc)) from exc
    compilation = compilation_start(report=report, acting_user=None, run_now=True)
    if compilation.status != JobStatus.DONE:
        raise CommandError(f"Tổng hợp không thành công: {compilation.error}")
    return report, compilation.result


def _issued(options: dict[str, Any]) -> tuple[Report, dict[str, Any]]:
    """The one issued report carrying `--number` (narrowed by --date, --from, --to, --template,
    --unit and --request when given); numbers are given only when issuing, so any other number
    is refused."""
    number = options["number"].strip()
    given = [f"--{key}" for key in COMPILE_ONLY if options[key]]
    given += ["--exact"] if options["round"] is False else []
    if given:
        raise CommandError(
            f"--number in lại báo cáo đã ban hành đúng như khi ban hành; bỏ {', '.join(given)}."
        )
    found = Report.objects.filter(number=number, issued_at__isnull=False).select_related(
        "template", "unit", "request", "issued_compilation"
    )
    if options["date"]:
        found = found.filter(report_date=_day(options["date"]))
    if options["start"]:
        found = found.filter(period_start=_day(options["start"]))
    if options["end"]:
        found = found.filter(period_end=_day(options["end"]))
    if options["template"]:
        found = found.filter(template=_template(options["template"]))
    if options["request"]:
        found = found.filter(request__number_symbol=options["request"])
    reports = [r for r in found if _in_unit(r, options["unit"])]
    if not reports:
        raise CommandError(
            f"Không có báo cáo đã ban hành số “{number}”. Số văn bản chỉ được cấp khi ban hành "
            "(trên trang ban hành, từ sổ văn bản đi); để tổng hợp dự thảo, bỏ --number."
        )
    if len(reports) > 1:
        days = ", ".join(f"{r.report_date:%Y-%m-%d}" for r in reports if r.report_date)
        raise CommandError(
            f"Có {len(reports)} báo cáo đã ban hành số “{number}” ({days}): thêm --date "
            "hoặc --unit."
        )
    frozen = reports[0].issued_compilation
    if frozen is None:
        raise CommandError(f"Báo cáo số “{number}” không còn nội dung đã ban hành.")
    return reports[0], frozen.result


def _in_unit(report: Report, name: str | None) -> bool:
    """Whether `--unit` (if given) names the report's unit as it stood at the period's end."""
    if not name:
        return True
    try:
        return unit_named(name, report.period_end).pk == report.unit_id
    except UnitNotFound:
        return False


def _write(result: dict[str, Any], template: ReportTemplate, options: dict[str, Any]) -> list[str]:
    docx = render_docx(result, template)
    Path(options["output"]).write_bytes(docx)
    written = [options["output"]]
    if options["annex"]:
        Path(options["annex"]).write_bytes(annex_xlsx(result))
        written.append(options["annex"])
    if options["pdf"]:
        try:
            Path(options["pdf"]).write_bytes(docx_to_pdf(docx))
        except RenderError as exc:
            raise CommandError(str(exc)) from exc
        written.append(options["pdf"])
    return written


def _template(code: str) -> ReportTemplate:
    template = ReportTemplate.objects.filter(code=code).first()
    if template is None:
        raise CommandError(f"Không có mẫu báo cáo “{code}”.")
    return template


def _draft(request: ReportRequest | None, template: ReportTemplate) -> Report | None:
    """The request's latest report with narratives: its title and written sections are reused."""
    if request is None:
        return None
    return (
        Report.objects.filter(request=request, template=template)
        .exclude(narratives={})
        .order_by("-created", "-pk")
        .first()
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"Ngày không hợp lệ: {text!r} (dùng YYYY-MM-DD)") from exc
