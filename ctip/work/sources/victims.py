"""Victim cases awaiting a step this user may take, referrals to accept, possible duplicates to
decide, data-subject requests to answer. Codes only: no row of personal data is loaded
(`values()` of the clear columns), so nothing is decrypted to build the queue."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ctip.accounts.scope import active_assignments, scoped
from ctip.accounts.steps import PERFORMERS, may_take_step
from ctip.core.permissions import P
from ctip.rules.models import Rule
from ctip.victims.duplicates import Status as ReviewStatus
from ctip.victims.duplicates import reviews_visible
from ctip.victims.models import Referral
from ctip.victims.privacy import requests_open
from ctip.victims.selectors import cases_visible
from ctip.victims.states import BEING_IDENTIFIED, CASE_FLOW, ReferralStatus
from ctip.work.items import LIMIT, Batch, Source, WorkItem, batch
from ctip.work.kinds import Kind


def states_awaiting(user: Any, *, on: date) -> frozenset[str]:
    """The states from which the user may take a next step on `on`: the question the transition
    service asks (`ctip.accounts.steps.may_take_step`: the role and the body that the rules in
    force name for the step), asked once per step whatever the number of cases.

    Asking takes some twenty small reads of the rules; the menu asks on every page. The answer
    depends only on the step rules in force that day and on the user's assignments, so it is
    kept per process under exactly those (one read of the rules' rows on a later request)."""
    # An agency not in force that day acts through its predecessors (`agency_as_on`), which
    # the signature does not describe: not kept.
    kept = all(_in_force(a.agency, on) for a in active_assignments(user) if a.agency)
    key = (on, _assignments_signature(user), _rules_signature(on))
    found = _AWAITING.get(key) if kept else None
    if found is None:
        if len(_AWAITING) >= _KEEP:
            _AWAITING.clear()
        allowed: dict[str, bool] = {}

        def may(step: str) -> bool:
            if step not in allowed:
                allowed[step] = may_take_step(user, step, on=on)
            return allowed[step]

        found = frozenset(
            state
            for state in CASE_FLOW.states
            if any(may(CASE_FLOW.step(state, new).legal_step) for new in CASE_FLOW.allowed(state))
        )
        if kept:
            _AWAITING[key] = found
    return found


def _in_force(agency: Any, on: date) -> bool:
    return (agency.valid_from is None or agency.valid_from <= on) and (
        agency.valid_to is None or on <= agency.valid_to
    )


_AWAITING: dict[tuple[Any, ...], frozenset[str]] = {}
_KEEP = 1000
# The rules `ctip.accounts.steps` reads for the case workflow's steps.
_STEP_RULES = (
    Q(key__startswith="roles.step.victims.")
    | Q(key__startswith="bodies.step.victims.")
    | Q(key=PERFORMERS)
)


def _rules_signature(on: date) -> tuple[Any, ...]:
    rows = Rule.objects.valid_on(on).filter(_STEP_RULES).order_by("key", "pk")  # type: ignore[attr-defined]
    return tuple(
        (pk, key, json.dumps(value, sort_keys=True))
        for pk, key, value in rows.values_list("pk", "key", "value")
    )


def _assignments_signature(user: Any) -> tuple[Any, ...]:
    """What of the user's assignments the step rules look at: role, agency, its kind, territory
    and validity (loaded with the assignments: no query)."""
    return tuple(
        sorted(
            (
                a.role,
                a.agency_id,
                a.agency.kind if a.agency else "",
                a.agency.unit_id if a.agency else None,
                str(a.agency.valid_from) if a.agency else "",
                str(a.agency.valid_to) if a.agency else "",
            )
            for a in active_assignments(user)
        )
    )


def case_steps(user: Any, today: date) -> Batch:
    """Open cases the user can reach whose next step the user's role and body may take. The
    deadline is the verification time limit (rule `victims.deadline.verifying`, fixed on the
    case when it was notified); the later steps have no time limit in the rules."""
    states = states_awaiting(user, on=today)
    if not states:
        return Batch()
    rows = list(
        cases_visible(user)
        .filter(state__in=states)
        .order_by(F("verification_due").asc(nulls_last=True), "received_on", "pk")
        .values("pk", "code", "state", "verification_due")[: LIMIT + 1]
    )

    def item(r: dict[str, Any]) -> WorkItem:
        # The time limit fixed on the case runs while the person is being identified.
        due = r["verification_due"] if r["state"] in BEING_IDENTIFIED else None
        return WorkItem(
            kind=Kind.CASE_STEP,
            title=r["code"],
            deadline=due,
            link=reverse("case_transition", args=[r["pk"]]),
            overdue=due is not None and due < today,
            key=f"case:{r['pk']}:{r['state']}",
        )

    return batch(rows, item)


def referrals(user: Any, today: date) -> Batch:
    """Referrals sent to the user's agency and not yet answered (no time limit in the rules)."""
    rows = list(
        scoped(
            Referral.objects.filter(status=ReferralStatus.SENT),
            user,
            P.EDIT_VICTIM_CASES,
            agency_field="to_agency",
            unit_field=None,
        )
        .order_by("sent_on", "pk")
        .values("pk", "case__code")[: LIMIT + 1]
    )
    link = reverse("referrals_incoming")
    return batch(
        rows,
        lambda r: WorkItem(
            kind=Kind.REFERRAL,
            title=r["case__code"],
            deadline=None,
            link=link,
            overdue=False,
            key=f"referral:{r['pk']}",
        ),
    )


def duplicates(user: Any, today: date) -> Batch:
    """Open reviews of possible duplicates. A case the user may not open is not named: the item
    says so and links to the decision page (codes and agencies only), never to the case."""
    rows = list(
        reviews_visible(user)
        .filter(status=ReviewStatus.OPEN)
        .order_by("found_on", "pk")
        .values("pk", "new_case_id", "known_case_id", "new_case__code", "known_case__code")[
            : LIMIT + 1
        ]
    )
    ids = {r["new_case_id"] for r in rows} | {r["known_case_id"] for r in rows}
    openable = set(cases_visible(user).filter(pk__in=ids).values_list("pk", flat=True))
    link = reverse("duplicate_queue")

    def item(r: dict[str, Any]) -> WorkItem:
        codes = [
            r[f"{side}_case__code"] for side in ("known", "new") if r[f"{side}_case_id"] in openable
        ]
        hidden = len(codes) < 2
        return WorkItem(
            kind=Kind.DUPLICATE,
            title=" ~ ".join(codes) if codes else str(_("Hai hồ sơ của cơ quan khác")),
            deadline=None,
            link=link,
            overdue=False,
            key=f"duplicate:{r['pk']}",
            note=_HIDDEN if hidden else "",
        )

    return batch(rows, item)


_HIDDEN = _(
    "Bạn không có quyền xem hồ sơ còn lại: quyết định tại trang hồ sơ có thể trùng, nơi chỉ "
    "hiện mã hồ sơ và cơ quan."
)


def privacy_requests(user: Any, today: date) -> Batch:
    """Unanswered data-subject requests on the agency's own cases, due by the rule
    `victims.privacy.request.<kind>` in force when each was received."""
    rows = list(requests_open(user, today=today).values("pk", "case__code", "due_on")[: LIMIT + 1])
    link = reverse("privacy_requests")
    return batch(
        rows,
        lambda r: WorkItem(
            kind=Kind.PRIVACY_REQUEST,
            title=r["case__code"],
            deadline=r["due_on"],
            link=link,
            overdue=r["due_on"] < today,
            key=f"privacy:{r['pk']}",
        ),
    )


SOURCES = [
    Source(P.VIEW_VICTIM_CASES, case_steps),
    Source(P.EDIT_VICTIM_CASES, referrals),
    Source(P.REVIEW_DUPLICATES, duplicates),
    Source(P.EDIT_VICTIM_CASES, privacy_requests),
]
