"""Writes to reporting: templates, requests, reports, narratives, compilations (audited)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext as _

from ctip.accounts.pickers import user_territories
from ctip.core.audit import audit_write
from ctip.core.sealed import content_type_for, seal
from ctip.core.tasks import enqueue
from ctip.core.uploads import UploadError, check_document
from ctip.core.validators import check_date, check_text, check_texts
from ctip.core.work import unit_of_work
from ctip.directives.symbols import SymbolError, parse_symbol
from ctip.geo.area import check_user_area
from ctip.geo.models import Unit
from ctip.reporting.errors import ReportError
from ctip.reporting.header import check_signing
from ctip.reporting.issuing import refuse_if_issued
from ctip.reporting.jobs import run_compilation
from ctip.reporting.models import Compilation, Report, ReportRequest, ReportTemplate
from ctip.reporting.outline import OutlineError, check_outline, narrative_slots
from ctip.reporting.states import Audience

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "templates.yaml"


def templates_load_fixture(*, path: Path = FIXTURE, acting_user: Any = None) -> int:
    """Create or refresh the shipped templates (copies made by administrators are untouched)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    changed = 0
    with unit_of_work():
        for spec in data["templates"]:
            check_outline(spec["outline"])
            fields = {k: spec[k] for k in ("name", "kind", "subject", "outline")}
            current = ReportTemplate.objects.filter(code=spec["code"]).first()
            if current is not None and all(getattr(current, k) == v for k, v in fields.items()):
                continue
            ReportTemplate.objects.update_or_create(
                code=spec["code"], defaults={**fields, "shipped": True}
            )
            changed += 1
        if changed:
            audit_write(action="reporting.templates_load", acting_user=acting_user, count=changed)
    return changed


def template_copy(*, template: ReportTemplate, code: str, acting_user: Any) -> ReportTemplate:
    if ReportTemplate.objects.filter(code=code).exists():
        raise ReportError(_("Đã có mẫu báo cáo mã “%(code)s”.") % {"code": code})
    with unit_of_work():
        copy = ReportTemplate.objects.create(
            code=code,
            name=_("%(name)s (bản sao)") % {"name": template.name},
            kind=template.kind,
            subject=template.subject,
            outline=template.outline,
            layout=template.layout.name if template.layout else "",
            copied_from=template,
        )
        audit_write(
            action="reporting.template_copy",
            acting_user=acting_user,
            obj=copy,
            changes={"from": [None, template.code]},
        )
    return copy


def _refuse_if_issued(report: Report) -> None:
    refuse_if_issued(report)


def _template_check(template: ReportTemplate) -> None:
    try:
        check_outline(template.outline)
    except OutlineError as exc:
        raise ReportError(str(exc)) from exc


def _period(start: date, end: date) -> None:
    check_date(start, label=_("Kỳ báo cáo từ ngày"), error=ReportError)
    check_date(end, label=_("Kỳ báo cáo đến ngày"), error=ReportError)
    if end < start:
        raise ReportError(_("Kỳ báo cáo: ngày kết thúc trước ngày bắt đầu."))


def report_request_register(
    *,
    number_symbol: str,
    date_issued: date,
    issuer: str,
    template: ReportTemplate,
    unit: Unit,
    period_start: date,
    period_end: date,
    acting_user: Any,
    subject: str = "",
    deadline: date | None = None,
    recipients: list[str] | None = None,
    signing_authority: str = "",
    signer_name: str = "",
    letter: Any = None,
) -> ReportRequest:
    """`letter`: the request itself as an uploaded PDF or Word file (checked by content)."""

    try:
        parse_symbol(number_symbol)
    except SymbolError as exc:
        raise ReportError(str(exc)) from exc
    _period(period_start, period_end)
    check_date(date_issued, label=_("Ngày văn bản"), error=ReportError)
    check_date(deadline, label=_("Hạn gửi báo cáo"), error=ReportError)
    check_texts(
        {"issuer": issuer, "subject": subject, "signing": signing_authority, "signer": signer_name},
        max_length=400,
        error=ReportError,
    )
    for line in recipients or []:
        check_text(line, max_length=400, error=ReportError)
    check_signing(signing_authority)
    if date_issued > date.today():
        raise ReportError(_("Ngày văn bản yêu cầu không thể ở tương lai."))
    _check_place(unit, acting_user)
    if ReportRequest.objects.filter(number_symbol=number_symbol, date=date_issued).exists():
        raise ReportError(_("Văn bản %(number)s đã được đăng ký.") % {"number": number_symbol})
    kind = ""
    if letter is not None:
        try:
            kind = check_document(letter)
        except UploadError as exc:
            raise ReportError(str(exc)) from exc
    with unit_of_work():
        request = ReportRequest.objects.create(
            number_symbol=number_symbol,
            date=date_issued,
            issuer=issuer,
            subject=subject,
            template=template,
            unit=unit,
            period_start=period_start,
            period_end=period_end,
            deadline=deadline,
            recipients=recipients or [],
            signing_authority=signing_authority,
            signer_name=signer_name,
        )
        if letter is not None:
            request.letter = seal(
                content=letter, name=str(letter.name), content_type=content_type_for(kind)
            )
            request.save(update_fields=["letter"])
        audit_write(
            action="reporting.request_register",
            acting_user=acting_user,
            obj=request,
            changes={"number_symbol": [None, number_symbol]},
        )
    return request


def _default_authority(unit: Unit) -> tuple[str, str]:
    """("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi") for a province named "Quảng Ngãi".
    The national review (ADR 0016) is the Ministry of Public Security's, as the standing body of
    the Government's Steering Committee 138, made in Hà Nội."""
    if unit.level == "country":
        return "Bộ Công an", "Hà Nội"
    name = unit.name
    for prefix in ("Tỉnh ", "Thành phố ", "Xã ", "Phường ", "Đặc khu "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    kind = "thành phố" if unit.name.startswith("Thành phố") else "tỉnh"
    if unit.level != "province":
        kind = unit.kind.lower() or kind
    return f"Ủy ban nhân dân {kind} {name}", name


def _check_place(unit: Unit, acting_user: Any) -> None:
    """A province reports on its own territory (issue 23): a request or a report for a unit
    outside the acting user's area is refused. A user whose roles carry no territory (the
    system's administrator) and a command-line call (no user) are not limited."""
    territories = user_territories(acting_user) if acting_user is not None else []
    if territories:
        check_user_area(territories, unit, error=ReportError)


def report_create(
    *,
    template: ReportTemplate,
    unit: Unit,
    period_start: date,
    period_end: date,
    acting_user: Any,
    request: ReportRequest | None = None,
    subject: str = "",
    audience: str = Audience.STATE,
    round_large: bool | None = None,
    narratives: dict[str, str] | None = None,
) -> Report:
    """A draft: no number and no date, which the records office gives only when it is issued
    (`issuing.report_issue`); the header prints "Số:      /BC-UBND". Large counts read "hơn N"
    as the template says (`round_large` in its outline: a review's clerks round them) unless
    the caller says otherwise."""
    if round_large is None:
        round_large = bool(template.outline.get("round_large", False))
    _period(period_start, period_end)
    _template_check(template)
    if audience not in Audience.values:
        raise ReportError(_("Phạm vi gửi không hợp lệ."))
    _check_place(unit, acting_user)
    authority, place = _default_authority(unit)
    with unit_of_work():
        report = Report.objects.create(
            request=request,
            template=template,
            unit=unit,
            period_start=period_start,
            period_end=period_end,
            subject=subject or template.subject,
            authority=authority,
            place=place,
            recipients=list(request.recipients) if request else [],
            signing_authority=request.signing_authority if request else "",
            signer_name=request.signer_name if request else "",
            audience=audience,
            round_large=round_large,
            narratives={},
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
        )
        audit_write(
            action="reporting.report_create",
            acting_user=acting_user,
            obj=report,
            changes={"template": [None, template.code], "audience": [None, audience]},
        )
    if narratives:
        report = report_narratives_set(
            report=report, narratives=narratives, acting_user=acting_user
        )
    return report


def report_narratives_set(
    *, report: Report, narratives: dict[str, str], acting_user: Any
) -> Report:
    """The sections written by people; only the template's slots, each at most 20.000 chars."""
    slots = {slot for slot, _h, _l in narrative_slots(report.template.outline)}
    unknown = sorted(set(narratives) - slots)
    if unknown:
        raise ReportError(_("Mẫu báo cáo không có phần viết “%(slot)s”.") % {"slot": unknown[0]})
    if any(len(text) > 20_000 for text in narratives.values()):
        raise ReportError(_("Mỗi phần viết tối đa 20.000 ký tự."))
    for text in narratives.values():
        check_text(text, error=ReportError)  # a NUL character: PostgreSQL's JSON refuses it
    with unit_of_work():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        _refuse_if_issued(locked)
        merged = {**locked.narratives, **{k: v.strip() for k, v in narratives.items()}}
        changed = sorted(k for k in merged if merged.get(k) != locked.narratives.get(k))
        Report.objects.filter(pk=report.pk).update(narratives=merged)
        audit_write(
            action="reporting.narratives_set",
            acting_user=acting_user,
            obj=locked,
            changes={"slots": [None, changed]},
        )
    report.refresh_from_db()
    return report


def compilation_start(*, report: Report, acting_user: Any, run_now: bool = False) -> Compilation:
    """Queue a compilation (a background job; `run_now` compiles in this process, as the command
    does). The job updates its progress for the browser to poll."""

    with unit_of_work():
        _refuse_if_issued(Report.objects.select_for_update().get(pk=report.pk))
        compilation = Compilation.objects.create(
            report=report, user=acting_user if getattr(acting_user, "pk", None) else None
        )
        audit_write(action="reporting.compile", acting_user=acting_user, obj=report)
        if not run_now:
            enqueue("ctip.reporting.jobs.run_compilation", compilation.pk)
    if run_now:
        run_compilation(compilation.pk)
        compilation.refresh_from_db()
    return compilation
