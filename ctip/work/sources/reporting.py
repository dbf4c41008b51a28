"""Report parts to write (the agency's officers) or to sign (its leader), parts sent to accept or
return and requests to answer with an issued report (the standing office). Request numbers and
agency names only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F
from django.urls import reverse

from ctip.accounts.scope import scoped
from ctip.agencies.selectors_scope import agencies_acting_for
from ctip.core.permissions import P
from ctip.reporting.contributions import SIGNABLE
from ctip.reporting.models import Contribution, ReportRequest
from ctip.reporting.states import ContributionState
from ctip.work.items import LIMIT, Batch, Source, WorkItem, batch
from ctip.work.kinds import Kind

_PART = ("pk", "request__number_symbol", "deadline", "state", "times_returned")


def _part_item(kind: str, today: date) -> Any:
    def make(r: dict[str, Any]) -> WorkItem:
        return WorkItem(
            kind=kind,
            title=r["request__number_symbol"],
            deadline=r["deadline"],
            link=reverse("contribution_detail", args=[r["pk"]]),
            overdue=r["deadline"] < today,
            # A part returned comes back as new work (its round number is in the key).
            key=f"part:{r['pk']}:{kind}:{r['times_returned']}",
        )

    return make


# A part waits for its writers until a draft is saved (assigned, or returned to be completed),
# then for its leader's signature: an officer who saved the draft has done their part (a review
# found the officer's item staying until the leader signed, and the leader's item there before
# anything was written).
TO_WRITE = (ContributionState.ASSIGNED, ContributionState.RETURNED)
TO_SIGN = tuple(s for s in SIGNABLE if s not in TO_WRITE)


def parts_to_write(user: Any, today: date) -> Batch:
    """Parts of the user's agency not yet drafted (or returned), by the part's internal deadline
    (set by the standing office before the request's own): for its officers and its leader."""
    rows = list(
        Contribution.objects.filter(
            agency__in=agencies_acting_for(user, P.CONTRIBUTE_REPORTS), state__in=TO_WRITE
        )
        .order_by("deadline", "pk")
        .values(*_PART)[: LIMIT + 1]
    )
    return batch(rows, _part_item(Kind.PART_WRITE, today))


def parts_to_sign(user: Any, today: date) -> Batch:
    """Drafted parts of the leader's agency, to sign and send."""
    rows = list(
        Contribution.objects.filter(
            agency__in=agencies_acting_for(user, P.SIGN_CONTRIBUTIONS), state__in=TO_SIGN
        )
        .order_by("deadline", "pk")
        .values(*_PART)[: LIMIT + 1]
    )
    return batch(rows, _part_item(Kind.PART_SIGN, today))


def _coordinated(user: Any) -> Any:
    """Requests of the territory the user coordinates as standing office."""
    return scoped(
        ReportRequest.objects.all(), user, P.COMPILE_REPORTS, agency_field=None, unit_field="unit"
    )


def parts_to_decide(user: Any, today: date) -> Batch:
    """Parts signed and sent, to accept or return before the request's own deadline."""
    rows = list(
        Contribution.objects.filter(
            request__in=_coordinated(user), state=ContributionState.SUBMITTED
        )
        .order_by(F("request__deadline").asc(nulls_last=True), "pk")
        .values(
            "pk", "request__number_symbol", "agency__name", "request__deadline", "submitted_on"
        )[: LIMIT + 1]
    )

    def item(r: dict[str, Any]) -> WorkItem:
        due = r["request__deadline"]
        return WorkItem(
            kind=Kind.PART_DECIDE,
            title=f"{r['request__number_symbol']} — {r['agency__name']}",
            deadline=due,
            link=reverse("contribution_detail", args=[r["pk"]]),
            overdue=due is not None and due < today,
            key=f"part:{r['pk']}:decide:{r['submitted_on']}",
        )

    return batch(rows, item)


def reports_to_issue(user: Any, today: date) -> Batch:
    """Requests of the user's territory that no issued report answers yet."""
    rows = list(
        _coordinated(user)
        .exclude(reports__issued_at__isnull=False)
        .order_by(F("deadline").asc(nulls_last=True), "date", "pk")
        .values("pk", "number_symbol", "deadline")[: LIMIT + 1]
    )
    return batch(
        rows,
        lambda r: WorkItem(
            kind=Kind.REPORT,
            title=r["number_symbol"],
            deadline=r["deadline"],
            link=reverse("report_request_detail", args=[r["pk"]]),
            overdue=r["deadline"] is not None and r["deadline"] < today,
            key=f"request:{r['pk']}",
        ),
    )


SOURCES = [
    Source(P.CONTRIBUTE_REPORTS, parts_to_write),
    Source(P.SIGN_CONTRIBUTIONS, parts_to_sign),
    Source(P.COMPILE_REPORTS, parts_to_decide),
    Source(P.COMPILE_REPORTS, reports_to_issue),
]
