"""Generating numbered legal papers for a case from the DOCX templates."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from ctip.core.audit import audit_write
from ctip.core.sealed import content_type_for, seal
from ctip.core.text import vn_date, vn_date_parts, vn_int
from ctip.core.work import unit_of_work
from ctip.victims.models import Case, CaseEvent, Paper, PaperTemplate
from ctip.victims.paper_models import PAPER_SYMBOLS, PaperKind
from ctip.victims.selectors import require_owner
from ctip.victims.states import State
from ctip.victims.vocab import REGIMES

DEFAULTS = Path(__file__).resolve().parent
DOCX = content_type_for("docx")


def _template(kind: str) -> DocxTemplate:
    edited = PaperTemplate.objects.filter(kind=kind).first()
    if edited is not None:
        return DocxTemplate(io.BytesIO(edited.file.read()))
    return DocxTemplate(str(DEFAULTS / f"{kind}.docx"))


def _number(kind: str, case: Case, year: int) -> str:
    issued = Paper.objects.filter(kind=kind, issued_on__year=year, case__owner=case.owner).count()
    return f"{issued + 1}/{PAPER_SYMBOLS[PaperKind(kind)]}-{_issuer_symbol(case.owner)}"


def _issuer_symbol(agency: Any) -> str:
    """Initials of the abbreviation, as official symbols write them: "Sở Y tế" -> "SYT"."""
    words = (agency.abbreviation or agency.name).replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w[0].isalpha()) or agency.code.upper()


def _context(case: Case, number: str, today: date) -> dict[str, Any]:
    identified = CaseEvent.objects.filter(case=case, to_state=State.IDENTIFIED).last()
    support = [
        {
            "regime": str(REGIMES.get(s.regime, s.regime)),
            "amount": vn_int(s.amount),
            "given_on": vn_date(s.given_on),
        }
        for s in case.support.order_by("given_on")  # type: ignore[attr-defined]
    ]
    total = sum(s.amount for s in case.support.all())  # type: ignore[attr-defined]
    day, month, _year = vn_date_parts(today)
    return {
        "issuer": case.owner.name,
        "issuer_upper": case.owner.name.upper(),
        "number": number,
        "place": "Quảng Ngãi",
        "day": day,
        "month": month,
        "year": today.year,
        "code": case.code,
        "full_name": case.full_name,
        "sex": case.get_sex_display(),
        "date_of_birth": case.date_of_birth or case.age_at_reception,
        "nationality": case.nationality,
        "identity_document": case.identity_document or "—",
        "address": case.address or "—",
        "home_unit": case.home_unit.name,
        "received_on": vn_date(case.received_on),
        "source": case.get_source_display(),
        "identified_on": vn_date(identified.on) if identified else "—",
        "support": support,
        "support_total": vn_int(total),
        "signer_title": "THỦ TRƯỞNG CƠ QUAN",
    }


def paper_generate(*, case: Case, kind: str, acting_user: Any, today: date | None = None) -> Paper:
    today = today or date.today()
    require_owner(acting_user, case)  # papers are issued in the owner's register only
    with unit_of_work():
        number = _number(kind, case, today.year)
        document = _template(kind)
        # autoescape: "&" and "<" in names or addresses must survive (shared/stack.md).
        document.render(_context(case, number, today), autoescape=True)
        out = io.BytesIO()
        document.save(out)
        paper = Paper(
            case=case,
            kind=kind,
            number=number,
            issued_on=today,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
        )
        paper.file = seal(
            content=out.getvalue(), name=f"{case.code}-{kind}.docx", content_type=DOCX
        )
        paper.save()
        audit_write(
            action="victims.paper_generate",
            acting_user=acting_user,
            obj=case,
            changes={"paper": [None, number]},
        )
    return paper
