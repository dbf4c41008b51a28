"""What a victim case's page shows (issue 24): its history in words with who and when, its
papers, and only the steps the user may take now.

Offering follows the services, never replaces them: a step is offered when the rule that decides
it (`roles.step.victims.<state>` with `bodies.step.victims.<state>`, effective-dated, through
`ctip.accounts.steps.may_take_step`) gives the user's role and body on a day the step could be
dated; the service still checks the date the user gives, and the views refuse a step that is not
offered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.accounts.steps import may_take_step
from ctip.core.access import has_perm
from ctip.core.actors import actor_name
from ctip.core.labels import label
from ctip.core.permissions import P
from ctip.core.text import vn_int
from ctip.rules.models import Rule
from ctip.victims.models import Case
from ctip.victims.paper_models import PaperKind
from ctip.victims.papers.generate import paper_refusal
from ctip.victims.states import CASE_FLOW, ReferralStatus, State

REOPEN = "reopen"


# --- steps -------------------------------------------------------------------------------------


def steps_open(user: Any, case: Case, *, today: date) -> list[tuple[str, str]]:
    """(value, label) of the moves the user may take on the case now: from its state through
    the workflow, or reopening a closed case."""
    if case.state == State.CLOSED:
        candidates = [(REOPEN, "victims.reopen", _("Mở lại hồ sơ"))]
    else:
        candidates = [
            (s, CASE_FLOW.step(case.state, s).legal_step, str(State(s).label))
            for s in CASE_FLOW.allowed(case.state)
        ]
    return [
        (value, text)
        for value, step, text in candidates
        if any(
            may_take_step(user, step, on=day, place=case.home_unit)
            for day in _step_days(step, case.state_since, today)
        )
    ]


def _step_days(step: str, since: date, today: date) -> list[date]:
    """The days whose law could judge a step dated from `since` (the case's last step: no step
    may be dated before it) to `today`: both ends and each day a version of the step's rules
    begins in between (a file from the paper archive is worked under each date's law)."""
    if since >= today:
        return [today]
    keys = (f"roles.step.{step}", f"bodies.step.{step}", "bodies.performer")
    starts = Rule.objects.filter(
        key__in=keys, valid_from__gt=since, valid_from__lte=today
    ).values_list("valid_from", flat=True)
    return sorted({since, today, *starts})


def links_open(user: Any) -> dict[str, bool]:
    """Which of the case's other pages the user's roles open (each view requires the same)."""
    return {
        "edit": has_perm(user, P.EDIT_VICTIM_CASES),
        "supervise": has_perm(user, P.SUPERVISE_VICTIM_CASES),
    }


def papers_open(user: Any, case: Case, *, today: date) -> list[tuple[str, str]]:
    """(kind, label) of the papers the user may issue for the case today: the page posts to
    `paper_create`, which requires the editing permission; the service decides the rest (the
    owner's papers, the identifying body's confirmation, a legal basis for the date)."""
    if not has_perm(user, P.EDIT_VICTIM_CASES):
        return []
    return [
        (kind, str(text))
        for kind, text in PaperKind.choices
        if not paper_refusal(user, case, kind, today)
    ]


# --- history -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of the case's history: on which day, what, by whom and for which body. `note`
    is a reason or detail as recorded (it can name the person: shown only on logged pages)."""

    on: date
    what: str
    who: str = ""
    body: str = ""
    note: str = ""


def case_history(case: Case) -> list[Entry]:
    """Everything done on the case, oldest first: its steps, recorded actions, support, consents,
    referrals and papers, each in words."""
    entries = [
        *_events(case),
        *_actions(case),
        *_support(case),
        *_consents(case),
        *_referrals(case),
        *_papers(case),
    ]
    return sorted(entries, key=lambda e: e.on)  # stable: each source keeps its own order


def _state(code: str) -> str:
    return label(code, "case_state")


def _events(case: Case) -> list[Entry]:
    out = []
    for e in case.events.select_related("actor", "agency"):  # type: ignore[attr-defined]
        if not e.from_state:
            what = _("Tiếp nhận hồ sơ")
        elif e.from_state == e.to_state:
            what = _("Ghi chú trên hồ sơ")  # a merge records itself so
        elif e.from_state == State.CLOSED:
            what = _("Mở lại hồ sơ, trở về “%(state)s”") % {"state": _state(e.to_state)}
        else:
            what = _("Chuyển từ “%(old)s” sang “%(new)s”") % {
                "old": _state(e.from_state),
                "new": _state(e.to_state),
            }
        body = e.agency.name if e.agency is not None else ""
        out.append(Entry(e.on, what, actor_name(e.actor), body, e.reason))
    return out


def _actions(case: Case) -> list[Entry]:
    out = []
    rows = case.actions.select_related("agency", "recorded_by").order_by("on", "pk")  # type: ignore[attr-defined]
    for a in rows:
        what = str(a.get_kind_display())
        if a.regime:
            what = f"{what}: {label(a.regime, 'regime')}"
        out.append(Entry(a.on, what, actor_name(a.recorded_by), a.agency.name, a.detail))
    return out


def _support(case: Case) -> list[Entry]:
    rows = case.support.select_related("provider").order_by("given_on", "pk")  # type: ignore[attr-defined]
    return [
        Entry(
            s.given_on,
            _("Hỗ trợ “%(regime)s”, %(amount)s đồng")
            % {"regime": label(s.regime, "regime"), "amount": vn_int(s.amount)},
            body=s.provider.name,
        )
        for s in rows
    ]


def _consents(case: Case) -> list[Entry]:
    out = []
    for c in case.consents.select_related("recorded_by").order_by("given_on", "pk"):  # type: ignore[attr-defined]
        purpose = str(c.get_purpose_display())
        given = _("Ghi nhận đồng ý: %(purpose)s (%(basis)s)") % {
            "purpose": purpose,
            "basis": c.get_basis_display(),
        }
        out.append(Entry(c.given_on, given, actor_name(c.recorded_by)))
        if c.withdrawn_on:
            withdrawn = _("Rút lại đồng ý: %(purpose)s") % {"purpose": purpose}
            out.append(Entry(c.withdrawn_on, withdrawn))
    return out


def _referrals(case: Case) -> list[Entry]:
    out = []
    rows = case.referrals.select_related("from_agency", "to_agency").order_by("sent_on", "pk")  # type: ignore[attr-defined]
    for r in rows:
        sent = _("Chuyển hồ sơ đến %(agency)s") % {"agency": r.to_agency.name}
        out.append(Entry(r.sent_on, sent, body=r.from_agency.name, note=r.reason))
        if r.answered_on and r.status != ReferralStatus.SENT:
            answer = _("Chuyển hồ sơ đến %(agency)s: %(status)s") % {
                "agency": r.to_agency.name,
                "status": r.get_status_display(),
            }
            by = r.from_agency if r.status == ReferralStatus.REVOKED else r.to_agency
            out.append(Entry(r.answered_on, answer, body=by.name))
    return out


def _papers(case: Case) -> list[Entry]:
    rows = case.papers.select_related("issuer", "created_by").order_by("issued_on", "pk")  # type: ignore[attr-defined]
    return [
        Entry(
            p.issued_on,
            _("Lập %(kind)s số %(number)s") % {"kind": p.get_kind_display(), "number": p.number},
            actor_name(p.created_by),
            p.issuer.name if p.issuer is not None else "",
        )
        for p in rows
    ]
