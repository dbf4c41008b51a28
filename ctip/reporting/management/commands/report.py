"""`ctip report --template actip-review --unit "Quảng Ngãi" --from 2020-12-01 --to 2023-10-16
--request "3131/BCA-V03" --number "207/BC-UBND" --date 2023-10-16 --output review.docx
[--annex review.xlsx] [--pdf review.pdf] [--public] [--round]`: compile from the database in
DATABASE_URL. The report and its compilation are recorded (and audited) like one made in the
browser; the title and narratives come from the request's latest draft with that template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ctip.geo.selectors import UnitNotFound, unit_named
from ctip.reporting.annex import annex_xlsx
from ctip.reporting.errors import ReportError
from ctip.reporting.models import Report, ReportRequest, ReportTemplate
from ctip.reporting.render import RenderError, docx_to_pdf, render_docx
from ctip.reporting.services import compilation_start, report_create
from ctip.reporting.states import Audience, JobStatus


class Command(BaseCommand):
    help = "Compile an official report (DOCX, optional XLSX annex and PDF) from the data."

    def add_arguments(self, parser):
        parser.add_argument("--template", required=True, help="template code, e.g. actip-review")
        parser.add_argument("--unit", required=True, help="province code or name")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD (inclusive)")
        parser.add_argument("--request", help="number/symbol of the request answered")
        parser.add_argument("--number", default="", help="number/symbol, blank for a draft")
        parser.add_argument("--date", help="report date YYYY-MM-DD")
        parser.add_argument("--subject", default="", help="title (default: the request's draft)")
        parser.add_argument("--output", required=True, help="DOCX file to write")
        parser.add_argument("--annex", help="XLSX statistical annex to write")
        parser.add_argument("--pdf", help="PDF to write (LibreOffice headless)")
        parser.add_argument(
            "--public",
            action="store_true",
            help="for publication: figures about persons under ctip.indicators.disclosure",
        )
        parser.add_argument("--round", action="store_true", help="large counts as 'hơn N'")

    def handle(self, *args, **options):
        start, end = _day(options["start"]), _day(options["end"])
        template = ReportTemplate.objects.filter(code=options["template"]).first()
        if template is None:
            raise CommandError(f"Không có mẫu báo cáo “{options['template']}”.")
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
                number=options["number"],
                report_date=_day(options["date"]) if options["date"] else None,
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
        docx = render_docx(compilation.result, template)
        Path(options["output"]).write_bytes(docx)
        written = [options["output"]]
        if options["annex"]:
            Path(options["annex"]).write_bytes(annex_xlsx(compilation.result))
            written.append(options["annex"])
        if options["pdf"]:
            try:
                Path(options["pdf"]).write_bytes(docx_to_pdf(docx))
            except RenderError as exc:
                raise CommandError(str(exc)) from exc
            written.append(options["pdf"])
        figures = len(compilation.result["figures"])
        self.stdout.write(f"{', '.join(written)}: {figures} số liệu (báo cáo #{report.pk})")


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
