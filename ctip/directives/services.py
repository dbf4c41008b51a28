"""Writes to the directives register: one transaction each, audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.text import fold
from ctip.core.uploads import check_document
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.directives.models import (
    TASK_FLOW,
    Document,
    DocumentRelation,
    Task,
    TaskStatus,
)
from ctip.directives.symbols import parse_symbol


class DirectiveError(ValueError):
    pass


def document_create(
    *,
    number_symbol: str,
    date_issued: date,
    subject: str,
    issuer_name: str,
    recorded_by: Agency,
    issuers: list[Agency] | None = None,
    file: Any = None,
    acting_user: Any,
) -> Document:
    symbol = parse_symbol(number_symbol)  # SymbolError is a ValueError with a Vietnamese message
    check_date(date_issued, label=_("Ngày ban hành"), error=DirectiveError)
    check_text(subject, label=_("Trích yếu"), error=DirectiveError)
    check_text(issuer_name, label=_("Cơ quan ban hành"), max_length=300, error=DirectiveError)
    if date_issued > date.today():
        raise DirectiveError(_("Ngày ban hành không thể ở tương lai."))
    if symbol.year and symbol.year != date_issued.year:
        raise DirectiveError(
            _("Năm trong ký hiệu (%(year)s) khác năm ban hành (%(issued)s).")
            % {"year": symbol.year, "issued": date_issued.year}
        )
    if not subject.strip() or not issuer_name.strip():
        raise DirectiveError(_("Phải có trích yếu và cơ quan ban hành."))
    if file is not None:
        check_document(file)
    try:
        with unit_of_work():
            document = Document.objects.create(
                number_symbol=symbol.text,
                number=symbol.number,
                year=symbol.year,
                kind=symbol.kind,
                issuer_codes=list(symbol.issuers),
                party=symbol.party,
                date=date_issued,
                subject=subject.strip(),
                issuer_name=issuer_name.strip(),
                recorded_by=recorded_by,
                search_text=fold(f"{symbol.text} {subject} {issuer_name}"),
            )
            if issuers:
                document.issuers.set(issuers)
            if file is not None:
                document.file.save(file.name, file, save=True)
            audit_write(
                action="directives.document_create",
                acting_user=acting_user,
                obj=document,
                changes={"number_symbol": [None, symbol.text], "date": [None, str(date_issued)]},
            )
    except IntegrityError as exc:
        raise DirectiveError(
            _("Văn bản %(symbol)s ngày %(day)s đã có trong sổ.")
            % {"symbol": symbol.text, "day": f"{date_issued:%d/%m/%Y}"}
        ) from exc
    return document


def document_relate(
    *, source: Document, target: Document, kind: str, acting_user: Any
) -> DocumentRelation:
    if source.pk == target.pk:
        raise DirectiveError(_("Văn bản không thể liên quan đến chính nó."))
    with unit_of_work():
        relation, created = DocumentRelation.objects.get_or_create(
            source=source, target=target, kind=kind
        )
        if created:
            audit_write(
                action="directives.document_relate",
                acting_user=acting_user,
                obj=source,
                changes={kind: [None, target.number_symbol]},
            )
    return relation


def task_assign(
    *,
    document: Document,
    agency: Agency,
    description: str,
    deadline: date | None,
    acting_user: Any,
) -> Task:
    check_text(description, label=_("Nội dung nhiệm vụ"), error=DirectiveError)
    check_date(deadline, label=_("Hạn hoàn thành"), error=DirectiveError)
    if not description.strip():
        raise DirectiveError(_("Phải có nội dung nhiệm vụ."))
    if deadline is not None and deadline < document.date:
        raise DirectiveError(_("Hạn hoàn thành không thể trước ngày ban hành văn bản."))
    with unit_of_work():
        task = Task.objects.create(
            document=document, agency=agency, description=description.strip(), deadline=deadline
        )
        audit_write(
            action="directives.task_assign",
            acting_user=acting_user,
            obj=task,
            changes={"agency": [None, agency.code], "deadline": [None, str(deadline)]},
        )
    return task


def task_set_status(*, task: Task, status: str, on: date | None = None, acting_user: Any) -> Task:
    check_date(on, label=_("Ngày hoàn thành"), error=DirectiveError)
    with unit_of_work():
        task = Task.objects.select_for_update().get(pk=task.pk)
        TASK_FLOW.step(task.status, status, error=DirectiveError)
        old = task.status
        task.status = status
        task.done_on = (on or date.today()) if status == TaskStatus.DONE else None
        task.save(update_fields=["status", "done_on"])
        audit_write(
            action="directives.task_set_status",
            acting_user=acting_user,
            obj=task,
            changes={"status": [old, status]},
        )
    return task
