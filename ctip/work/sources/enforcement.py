"""Watch checks falling due for the officer in charge of the entry (`ctip.enforcement.watchlist`):
the entry's code "TD-…", never who is watched. Criminal cases awaiting the procuracy's decision
(to indict, approve or return the file) or the court's first-instance judgment: the case's
number, never a suspect's name."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from ctip.accounts.scope import active_assignments
from ctip.core.permissions import P
from ctip.enforcement.decision_history import file_returned
from ctip.enforcement.decision_models import Decision, DecisionKind
from ctip.enforcement.decisions import criminal_cases_deciding
from ctip.enforcement.models import CriminalCase, Stage
from ctip.enforcement.watchlist import watch_active, watch_visible
from ctip.reporting.reminders import SOON
from ctip.work.items import LIMIT, Batch, Source, WorkItem, batch
from ctip.work.kinds import Kind


def watch_checks(user: Any, today: date) -> Batch:
    """Entries of the user's territory in the user's charge whose next check is due within the
    reminders' window (`ctip.reporting.reminders.SOON`) or past. A check done moves the next
    one on, which makes a new item."""
    rows = list(
        (watch_visible(user) & watch_active(today=today))
        .filter(officer=user, next_check_on__lte=today + SOON)
        .order_by("next_check_on", "pk")
        .values("pk", "next_check_on")[: LIMIT + 1]
    )
    return batch(
        rows,
        lambda r: WorkItem(
            kind=Kind.WATCH_CHECK,
            title=f"TD-{r['pk']}",  # WatchEntry.code, without loading the entry's identity
            deadline=r["next_check_on"],
            link=reverse("watch_detail", args=[r["pk"]]),
            overdue=r["next_check_on"] < today,
            key=f"watch:{r['pk']}:{r['next_check_on']:%Y-%m-%d}",
        ),
    )


def cases_to_prosecute(user: Any, today: date) -> Batch:
    """Cases of the territory of the user's procuracy (`criminal_cases_deciding`: the cases the
    user sees, and a role the rule in force today names for the procuracy's step) that await its
    decision: instituted (to indict, approve the prosecution of a suspect or return the file), or
    indicted but returned by the court for further investigation (to indict again). No time
    limit is in the rules."""
    if not _acts_for(user, "procuracy"):
        return Batch()
    cases = criminal_cases_deciding(user, kinds=(DecisionKind.INDICTMENT,), on=today).filter(
        Q(stage=Stage.INSTITUTED) | Q(file_returned(), stage=Stage.INDICTED)
    )
    return _case_items(cases, Kind.CRIMINAL_PROSECUTION, "criminal_case_decision", "prosecute")


def cases_to_try(user: Any, today: date) -> Batch:
    """Cases of the territory of the user's court indicted and not yet judged at first instance
    (`criminal_cases_deciding` for the first-instance judgment, today's rule), unless the court
    returned the file for further investigation (then the procuracy's, until it indicts again)."""
    if not _acts_for(user, "court"):
        return Batch()
    cases = (
        criminal_cases_deciding(user, kinds=(DecisionKind.FIRST_INSTANCE,), on=today)
        .filter(stage__in=(Stage.INDICTED, Stage.TRIED))
        .exclude(file_returned())
    )
    return _case_items(cases, Kind.CRIMINAL_TRIAL, "criminal_case_judgment", "try")


def _acts_for(user: Any, body: str) -> bool:
    """Whether the user holds a role in an agency of that kind (loaded with the roles: no query);
    an investigator, who also records, asks nothing more here."""
    return any(a.agency is not None and a.agency.kind == body for a in active_assignments(user))


def _case_items(cases: QuerySet[CriminalCase], kind: str, view: str, step: str) -> Batch:
    """One item per case, the oldest first: its number, the page where the decision is recorded.
    The key holds the last return of the file, so that a file returned and indicted again comes
    back as new work."""
    last_return = (
        Decision.objects.filter(case=OuterRef("pk"), kind=DecisionKind.COURT_RETURN)
        .order_by("-pk")
        .values("pk")[:1]
    )
    rows = list(
        cases.annotate(returned=Subquery(last_return))
        .order_by("detected_on", "pk")
        .values("pk", "number", "returned")[: LIMIT + 1]
    )
    return batch(
        rows,
        lambda r: WorkItem(
            kind=kind,
            title=r["number"],
            deadline=None,
            link=reverse(view, args=[r["pk"]]),
            overdue=False,
            key=f"criminal:{r['pk']}:{step}:{r['returned'] or 0}",
        ),
    )


SOURCES = [
    Source(P.VIEW_WATCHLIST, watch_checks),
    Source(P.EDIT_CRIMINAL_CASES, cases_to_prosecute),
    Source(P.EDIT_CRIMINAL_CASES, cases_to_try),
]
