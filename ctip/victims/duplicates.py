"""Possible duplicates without an oracle (issue 19, finding 1).

Whoever opens a case is told about known records of the same person only when they could open
those records anyway. Matches outside their access are never mentioned to them, not even as a
count: "possibly known" would answer "is this person a victim?" for another agency's cases.
Those matches go to a review queue read by the known case's supervisors and by the standing
office, who see case codes and agencies only and decide: the same person (link, or merge when
their agency owns both records) or two people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.accounts.scope import scope_q
from ctip.core.audit import audit_write
from ctip.core.crypto import blind_index
from ctip.core.permissions import P
from ctip.core.work import unit_of_work
from ctip.victims.lifecycle import MergeError, case_merge, find_duplicates
from ctip.victims.models import Case, DuplicateReview
from ctip.victims.selectors import cases_owned, cases_visible

Status = DuplicateReview.Status


@dataclass(frozen=True)
class Match:
    case: Case
    basis: str


def matches_for(*, full_name: str, date_of_birth: str, identity_document: str) -> list[Match]:
    """Known live cases of the same person, with what matched (keyed hashes only)."""

    document = blind_index(identity_document) if identity_document.strip() else None
    found = find_duplicates(
        full_name=full_name, date_of_birth=date_of_birth, identity_document=identity_document
    ).select_related("owner")
    return [
        Match(
            case,
            DuplicateReview.Basis.DOCUMENT
            if document and case.document_index == document
            else DuplicateReview.Basis.NAME_BIRTH,
        )
        for case in found
    ]


def split_by_access(user: Any, matches: list[Match]) -> tuple[list[Match], list[Match]]:
    """(matches the user may open, matches they may not). Commands and jobs run by the server's
    operator (no user) see every match."""
    if getattr(user, "pk", None) is None:
        return matches, []
    visible = set(
        cases_visible(user).filter(pk__in=[m.case.pk for m in matches]).values_list("pk", flat=True)
    )
    return [m for m in matches if m.case.pk in visible], [
        m for m in matches if m.case.pk not in visible
    ]


def reviews_open(*, new_case: Case, matches: list[Match]) -> None:
    """Queue matches the creator could not see; called inside the creating transaction. No audit
    row of its own: the case's creation is audited, and the queue entry holds no personal data."""
    DuplicateReview.objects.bulk_create(
        [
            DuplicateReview(
                new_case=new_case, known_case=m.case, basis=m.basis, found_on=date.today()
            )
            for m in matches
            if m.case.pk != new_case.pk
        ],
        ignore_conflicts=True,
    )


def reviews_visible(user: Any) -> QuerySet[DuplicateReview]:
    """Reviews of known cases owned by the supervisor's agency (and those it succeeded), and,
    for the standing office, those of agencies in its territory. Empty by default."""
    condition = scope_q(
        user,
        P.REVIEW_DUPLICATES,
        agency_field="known_case__owner",
        unit_field="known_case__owner__unit",
    )
    if condition is None:
        return DuplicateReview.objects.none()
    return DuplicateReview.objects.filter(condition).select_related(
        "new_case__owner", "known_case__owner", "decided_by"
    )


class ReviewError(ValueError):
    pass


DECISIONS = (Status.LINKED, Status.MERGED, Status.DISTINCT)


def may_merge(user: Any, review: DuplicateReview) -> bool:
    """Merging needs both records in the user's own agency (as the merge screen does)."""
    owned = cases_owned(user).filter(pk__in=[review.new_case_id, review.known_case_id])
    return owned.count() == 2


def duplicate_review_decide(
    *, review: DuplicateReview, decision: str, acting_user: Any
) -> DuplicateReview:
    """Record the decision; a merge keeps the known (older) case and folds the new one into it."""

    if decision not in DECISIONS:
        raise ReviewError(_("Quyết định không hợp lệ."))
    if not reviews_visible(acting_user).filter(pk=review.pk).exists():
        raise ReviewError(_("Không có yêu cầu này trong phạm vi của bạn."))
    if review.status != Status.OPEN:
        raise ReviewError(_("Yêu cầu này đã được quyết định."))
    if decision == Status.MERGED and not may_merge(acting_user, review):
        raise ReviewError(
            _("Chỉ gộp được khi cơ quan của bạn quản lý cả hai hồ sơ; hãy chọn liên kết.")
        )
    with unit_of_work():
        updated = DuplicateReview.objects.filter(pk=review.pk, status=Status.OPEN).update(
            status=decision, decided_by=acting_user, decided_on=date.today()
        )
        if not updated:
            raise ReviewError(_("Yêu cầu này đã được quyết định."))
        if decision == Status.MERGED:
            try:
                case_merge(keep=review.known_case, other=review.new_case, acting_user=acting_user)
            except MergeError as exc:  # e.g. the new case was merged from another review
                raise ReviewError(str(exc)) from exc
        audit_write(
            action="victims.duplicate_review_decide",
            acting_user=acting_user,
            obj=review,
            changes={
                "status": [Status.OPEN, decision],
                "cases": [None, f"{review.new_case.code} ~ {review.known_case.code}"],
            },
        )
    review.refresh_from_db()
    return review


def linked_cases(case: Case) -> QuerySet[DuplicateReview]:
    """Records decided to be the same person as `case` (shown on the case page)."""
    return DuplicateReview.objects.filter(
        Q(new_case=case) | Q(known_case=case), status=Status.LINKED
    ).select_related("new_case__owner", "known_case__owner")
