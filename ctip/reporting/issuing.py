"""Issuing a report: a number from the records office's register, the report frozen (content
hash, the compilation it was issued from), the signed scan, and new drafts from issued reports."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from django.db import IntegrityError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_COUNT
from ctip.core.sealed import content_type_for, seal
from ctip.core.serial import serialise
from ctip.core.uploads import UploadError, check_document
from ctip.core.validators import check_number
from ctip.core.work import unit_of_work
from ctip.reporting.errors import ReportError
from ctip.reporting.gate import issue_blockers, missing_parts
from ctip.reporting.header import COMMITTEE, header
from ctip.reporting.models import Compilation, Correction, OutgoingNumber, Report
from ctip.reporting.states import JobStatus


def issuer_code(report: Report) -> str:
    """The issuing body's abbreviation in the symbol: "UBND" for a people's committee."""
    return "UBND" if report.authority.lower().startswith(COMMITTEE) else ""


def symbol(number: int, kind: str, issuer: str) -> str:
    return f"{number}/{kind}-{issuer}" if issuer else f"{number}/{kind}"


def next_free_number(*, report: Report, year: int) -> int:
    taken = OutgoingNumber.objects.filter(
        unit=report.unit, issuer=issuer_code(report), kind=report.template.kind, year=year
    ).aggregate(m=Max("number"))["m"]
    return (taken or 0) + 1


def content_hash(result: dict[str, Any]) -> str:
    """SHA-256 of the issued content in a canonical JSON form (keys sorted, UTF-8)."""
    canonical = json.dumps(result, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def refuse_if_issued(report: Report) -> None:
    if Report.objects.filter(pk=report.pk, issued_at__isnull=False).exists():
        raise ReportError(
            _("Báo cáo %(number)s đã ban hành, không thể thay đổi; hãy tạo dự thảo mới.")
            % {"number": report.number}
        )


def report_issue(
    *,
    report: Report,
    compilation: Compilation,
    issue_date: date,
    acting_user: Any,
    number: int | None = None,
    confirm_missing: list[str] | None = None,
) -> Report:
    """Take the next free number (or the one entered by hand, if free), write it into the
    register, and freeze the report with a copy of the reviewed compilation carrying its number.

    Refused while the compilation has a hole or an empty section (`gate.issue_blockers`), and,
    when agencies assigned a part of the request have no accepted part, unless the person
    issuing confirms each of them by name (`confirm_missing`); the audit row keeps the names."""
    if compilation.report_id != report.pk or compilation.status != JobStatus.DONE:
        raise ReportError(_("Chỉ ban hành từ một lần tổng hợp đã xong của chính báo cáo này."))
    if issue_date > timezone.localdate() or issue_date < report.period_end:
        raise ReportError(_("Ngày ban hành phải từ ngày cuối kỳ báo cáo đến hôm nay."))
    if number is not None and number < 1:
        raise ReportError(_("Số văn bản phải là số nguyên dương."))
    if number is not None:
        check_number(number, 1, MAX_COUNT, label=_("Số văn bản"), error=ReportError)
    refuse_if_blocked(compilation.result)
    try:
        with unit_of_work():
            locked = Report.objects.select_for_update().get(pk=report.pk)
            refuse_if_issued(locked)
            missing = refuse_unconfirmed(locked, confirm_missing)
            _lock_register(locked, issue_date.year)
            return _issue(locked, compilation, issue_date, number, missing, acting_user)
    except IntegrityError as exc:  # another office took the same number at the same moment
        raise ReportError(
            _("Số văn bản vừa được người khác lấy; hãy ban hành lại để lấy số kế tiếp.")
        ) from exc


def refuse_if_blocked(result: dict[str, Any]) -> None:
    blockers = issue_blockers(result)
    if blockers:
        raise ReportError(
            _("Chưa thể ban hành, báo cáo còn %(count)s chỗ phải hoàn thiện: %(list)s.")
            % {"count": len(blockers), "list": "; ".join(blockers)}
        )


def refuse_unconfirmed(report: Report, confirmed: list[str] | None) -> list[str]:
    """The agencies without an accepted part, if the person issuing confirmed every one."""
    missing = missing_parts(report)
    unconfirmed = [name for name in missing if name not in (confirmed or [])]
    if unconfirmed:
        raise ReportError(
            _(
                "Các cơ quan sau chưa gửi phần báo cáo (hoặc chưa được tiếp nhận): %(names)s. "
                "Chỉ ban hành khi đã xác nhận ban hành thiếu phần của các cơ quan này."
            )
            % {"names": "; ".join(unconfirmed)}
        )
    return missing


def _lock_register(report: Report, year: int) -> None:
    """Take a register's numbers one report at a time until the transaction ends, so that two
    reports issued at the same moment get consecutive numbers, not one refusal (PostgreSQL; SQLite
    writes one transaction at a time). Each statement after the wait sees the other's number."""
    serialise(f"outgoing:{report.unit_id}:{issuer_code(report)}:{report.template.kind}:{year}")


def _issue(
    report: Report,
    compilation: Compilation,
    day: date,
    number: int | None,
    missing: list[str],
    acting_user: Any,
) -> Report:
    issuer, kind = issuer_code(report), report.template.kind
    chosen = number or next_free_number(report=report, year=day.year)
    text = symbol(chosen, kind, issuer)
    refuse_if_taken(report, chosen, text, day.year)
    OutgoingNumber.objects.create(
        unit=report.unit,
        issuer=issuer,
        kind=kind,
        year=day.year,
        number=chosen,
        symbol=text,
        date=day,
        subject=report.subject,
        report=report,
        created_by=acting_user,
    )
    report.number, report.report_date = text, day
    result = {**compilation.result, "header": header(report)}
    frozen = Compilation.objects.create(
        report=report, user=acting_user, status=JobStatus.DONE, progress=100, result=result
    )
    report.issued_at, report.issued_by = timezone.now(), acting_user
    report.issued_compilation, report.content_hash = frozen, content_hash(result)
    report.save()
    Correction.objects.filter(pk__in=result.get("corrections", []), shown_in=None).update(
        shown_in=report
    )
    audit_write(
        action="reporting.report_issue",
        acting_user=acting_user,
        obj=report,
        changes={
            "number": [None, text],
            "hash": [None, report.content_hash],
            "missing_parts": [None, missing],
        },
    )
    return report


def refuse_if_taken(report: Report, number: int, text: str, year: int) -> None:
    """A number is used once a year per issuer and kind: in the register, or carried by a report
    issued before (even one whose register row is missing)."""
    issuer, kind = issuer_code(report), report.template.kind
    register = OutgoingNumber.objects.filter(unit=report.unit, issuer=issuer, kind=kind)
    if register.filter(year=year, number=number).exists():
        raise ReportError(
            _("Số %(number)s năm %(year)s đã có trong sổ văn bản đi.")
            % {"number": text, "year": year}
        )
    carried = Report.objects.filter(
        unit=report.unit,
        template__kind=kind,
        number=text,
        report_date__year=year,
        issued_at__isnull=False,
    ).exclude(pk=report.pk)
    if carried.exists():
        raise ReportError(
            _("Số %(number)s năm %(year)s đã được một báo cáo ban hành trước đó sử dụng.")
            % {"number": text, "year": year}
        )


def report_scan_attach(*, report: Report, upload: Any, acting_user: Any) -> Report:
    """The signed, sealed scan of an issued report (PDF), kept once."""
    try:
        kind = check_document(upload)
    except UploadError as exc:
        raise ReportError(str(exc)) from exc
    if kind != "pdf":
        raise ReportError(_("Bản scan phải là tệp PDF."))
    digest = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    with unit_of_work():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if not locked.issued:
            raise ReportError(_("Chỉ đính kèm bản scan sau khi báo cáo đã ban hành."))
        if locked.scan_id:
            raise ReportError(_("Báo cáo đã có bản scan đã ký."))
        locked.scan = seal(
            content=upload, name=str(upload.name), content_type=content_type_for("pdf")
        )
        locked.scan_uploaded_at = timezone.now()
        locked.save(update_fields=["scan", "scan_uploaded_at"])
        audit_write(
            action="reporting.scan_attach", acting_user=acting_user, obj=locked, file_hash=digest
        )
    return locked


def report_redraft(*, report: Report, acting_user: Any) -> Report:
    """A new draft from an issued report (same period, template and text, no number): what
    "compile again" means once a report is issued."""
    if not report.issued:
        raise ReportError(_("Báo cáo chưa ban hành: tổng hợp lại ngay trên dự thảo."))
    fields = [
        "request",
        "template",
        "unit",
        "period_start",
        "period_end",
        "subject",
        "authority",
        "place",
        "recipients",
        "signing_authority",
        "signer_name",
        "audience",
        "round_large",
        "narratives",
    ]
    with unit_of_work():
        draft = Report.objects.create(
            **{f: getattr(report, f) for f in fields},
            based_on=report,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
        )
        audit_write(
            action="reporting.report_redraft",
            acting_user=acting_user,
            obj=draft,
            changes={"based_on": [None, report.number]},
        )
    return draft
