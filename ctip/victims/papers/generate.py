"""Generating numbered legal papers for a case from the DOCX templates.

Who issues each paper: the victim confirmation is issued by the body that identified the person
(police, border guard, coast guard, a procedural body: Law 66/2011/QH12 Art. 24(4), 25 and 28;
Law 53/2024/QH15 Art. 33), in that body's register; the reception minutes and the support
decision by the agency that owns the case. The header follows Decree 30/2020/NĐ-CP, Appendix I:
the place is the issuing agency's unit, the date comes from ctip.core.text (the reports' one
formatter), the number's issuer part is the agency's symbol. Each paper cites the legal basis in
force on its event's date (rule victims.paper.basis.<kind>, ctip/victims/fixtures/
rules-papers.yaml).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from django.db.models import F, Q
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from ctip.accounts.scope import scoped
from ctip.agencies.models import Agency
from ctip.agencies.symbols import issuer_place, issuer_symbol
from ctip.core.audit import audit_write
from ctip.core.permissions import P
from ctip.core.sealed import content_type_for, seal
from ctip.core.text import vn_date, vn_date_parts, vn_int, vn_long_date
from ctip.core.work import unit_of_work
from ctip.rules.selectors import RuleMissing, rule_value
from ctip.victims.models import Case, CaseEvent, Paper, PaperTemplate
from ctip.victims.paper_models import PAPER_SYMBOLS, PaperKind
from ctip.victims.selectors import OwnerOnlyError, require_owner
from ctip.victims.states import State
from ctip.victims.support import regime_day
from ctip.victims.vocab import REGIMES

DEFAULTS = Path(__file__).resolve().parent
DOCX = content_type_for("docx")
BASIS_RULE = "victims.paper.basis.%s"
# What the reception paper and a decision before identification call the person: Law 53/2024
# names no one a victim before identification (Art. 37(3)). Papers are state documents, written in
# Vietnamese whatever the interface language: no gettext here.
BEING_IDENTIFIED = "người đang trong quá trình xác định là nạn nhân"
VICTIM = "nạn nhân"


class PaperRefused(OwnerOnlyError):
    """A paper that may not be issued (no identification, an issuer not recorded, a user not of
    the issuing body, no legal basis for the date). A kind of OwnerOnlyError so that the paper
    view, which reports those as a message, reports these too."""


# --- who issues, on which date's law ----------------------------------------------------------


def identification(case: Case) -> CaseEvent | None:
    """The decision that the person is a victim: the first event into "identified" (a merge's
    note, from the state to itself, decides nothing)."""
    return (
        CaseEvent.objects.filter(case=case, to_state=State.IDENTIFIED)
        .exclude(from_state=F("to_state"))
        .select_related("agency", "agency__heir", "agency__unit")
        .order_by("on", "pk")
        .first()
    )


def paper_issuer(case: Case, kind: str, on: date) -> Agency:
    """The agency that issues `kind` for `case` on `on`: the identifying body for the victim
    confirmation, the owner otherwise; an agency that no longer exists on `on` issues through
    the agency that carries its records."""
    if kind != PaperKind.VICTIM_CONFIRMATION:
        return _in_force(case.owner, on)
    event = identification(case)
    if event is None:
        raise PaperRefused(
            _("Người này chưa được xác định là nạn nhân: chưa thể lập giấy xác nhận nạn nhân.")
        )
    if event.agency is None:
        raise PaperRefused(
            _(
                "Chưa ghi cơ quan đã xác định người này là nạn nhân: giấy xác nhận nạn nhân do "
                "chính cơ quan đó cấp."
            )
        )
    return _in_force(event.agency, on)


def _in_force(agency: Agency, on: date) -> Agency:
    if agency.is_valid_on(on) or agency.heir is None:
        return agency
    return agency.heir


def event_day(case: Case, kind: str, on: date) -> date:
    """The date whose law the paper cites: reception for the minutes, identification for the
    confirmation, the (first) support decided for the decision; the issue date otherwise."""
    if kind == PaperKind.RECEPTION_MINUTES:
        return case.received_on
    if kind == PaperKind.VICTIM_CONFIRMATION:
        event = identification(case)
        return event.on if event is not None else on
    first = case.support.order_by("given_on").first()  # type: ignore[attr-defined]
    # Support follows Law 53/2024's transitional provision (Art. 63): a person identified
    # before 1/7/2025 is supported under Law 66/2011, and the decision cites that law.
    return regime_day(case, on=first.given_on if first is not None else on)


def paper_basis(case: Case, kind: str, on: date) -> list[str]:
    """The "Căn cứ ..." lines of the paper: the rule in force on the paper's event date."""
    day = event_day(case, kind, on)
    try:
        text = rule_value(BASIS_RULE % kind, on=day)
    except RuleMissing as exc:  # a case before 1/1/2012: said, not a server error
        raise PaperRefused(str(exc)) from exc
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def _require_issuer(user: Any, case: Case, kind: str, issuer: Agency) -> None:
    """Commands and jobs (no user) are not refused. The confirmation: only users of the issuing
    body (or of the agency that succeeded it); the other papers: the owner's."""
    if getattr(user, "pk", None) is None:
        return
    if kind != PaperKind.VICTIM_CONFIRMATION:
        require_owner(user, case)
        return
    mine = scoped(Agency.objects.filter(pk=issuer.pk), user, P.EDIT_VICTIM_CASES, agency_field="pk")
    if not mine.exists():
        raise PaperRefused(
            _(
                "Giấy xác nhận nạn nhân do %(issuer)s, cơ quan đã xác định người này là nạn "
                "nhân, cấp: chỉ cán bộ của cơ quan đó được lập."
            )
            % {"issuer": issuer.name}
        )


# --- numbering and rendering ---------------------------------------------------------------------


def _number(kind: str, issuer: Agency, year: int) -> str:
    """The next number of the issuer's register for `kind` in `year`, whichever case the paper
    belongs to. The highest number, not a count: a deleted case leaves a gap, never a repeat."""
    suffix = f"/{PAPER_SYMBOLS[PaperKind(kind)]}-{issuer_symbol(issuer)}"
    heads = (number.split("/", 1)[0] for number in _register(kind, issuer, year, suffix))
    return f"{max((int(h) for h in heads if h.isdigit()), default=0) + 1}{suffix}"


def _register(kind: str, issuer: Agency, year: int, suffix: str) -> list[str]:
    """The numbers the issuer gave papers of `kind` in `year`: those stored with it as issuer,
    and those issued before the issuer was stored whose number carries its symbol and whose
    case it owned (the owner issued every paper then). One query, whatever the register."""
    return list(
        Paper.objects.filter(kind=kind, issued_on__year=year)
        .filter(
            Q(issuer=issuer) | Q(issuer__isnull=True, number__endswith=suffix, case__owner=issuer)
        )
        .values_list("number", flat=True)
    )


def _template(kind: str) -> DocxTemplate:
    edited = PaperTemplate.objects.filter(kind=kind).first()
    if edited is not None:
        return DocxTemplate(io.BytesIO(edited.file.read()))
    return DocxTemplate(str(DEFAULTS / f"{kind}.docx"))


def _person_term(case: Case, day: date) -> str:
    """ "nạn nhân" once identified on or before `day`; before that, the law's words for a person
    not yet identified."""
    event = identification(case)
    return VICTIM if event is not None and event.on <= day else BEING_IDENTIFIED


def _context(
    case: Case, kind: str, issuer: Agency, number: str, today: date, basis: list[str]
) -> dict[str, Any]:
    identified = identification(case)
    support = [
        {
            "regime": str(REGIMES.get(s.regime, s.regime)),
            "amount": vn_int(s.amount),
            "given_on": vn_date(s.given_on),
        }
        for s in case.support.order_by("given_on")  # type: ignore[attr-defined]
    ]
    total = sum(s.amount for s in case.support.all())  # type: ignore[attr-defined]
    day, month, year = vn_date_parts(today)
    return {
        "issuer": issuer.name,
        "issuer_upper": issuer.name.upper(),
        "owner": case.owner.name,
        "number": number,
        "place": issuer_place(issuer, today),
        "long_date": vn_long_date(today),
        # Kept for edited templates written with the three parts.
        "day": day,
        "month": month,
        "year": year,
        "basis": basis,
        "person_term": _person_term(case, event_day(case, kind, today)),
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


def paper_refusal(user: Any, case: Case, kind: str, today: date) -> str:
    """Why `paper_generate` would refuse `user` the paper `kind` of `case` today ("" when it
    would not): asked before a page offers the paper."""
    try:
        _require_issuer(user, case, kind, paper_issuer(case, kind, today))
        paper_basis(case, kind, today)
    except OwnerOnlyError as exc:  # PaperRefused included
        return str(exc)
    return ""


def paper_generate(*, case: Case, kind: str, acting_user: Any, today: date | None = None) -> Paper:
    today = today or date.today()
    issuer = paper_issuer(case, kind, today)
    _require_issuer(acting_user, case, kind, issuer)
    basis = paper_basis(case, kind, today)
    with unit_of_work():
        # One number at a time per register: the issuer's row is the lock.
        Agency.objects.select_for_update().get(pk=issuer.pk)
        number = _number(kind, issuer, today.year)
        document = _template(kind)
        # autoescape: "&" and "<" in names or addresses must survive (shared/stack.md).
        document.render(_context(case, kind, issuer, number, today, basis), autoescape=True)
        out = io.BytesIO()
        document.save(out)
        paper = Paper(
            case=case,
            kind=kind,
            number=number,
            issued_on=today,
            issuer=issuer,
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
            changes={"paper": [None, number], "issuer": [None, issuer.code]},
        )
    return paper
