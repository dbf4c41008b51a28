"""The review queue of possible duplicates across agencies (issue 19, finding 1)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.core.access import access_object, requires
from ctip.core.permissions import P
from ctip.victims.duplicates import (
    DECISIONS,
    ReviewError,
    Status,
    duplicate_review_decide,
    reviews_visible,
)
from ctip.victims.selectors import cases_owned, cases_visible


@requires(P.REVIEW_DUPLICATES)
def duplicate_queue(request: HttpRequest) -> HttpResponse:
    """Open reviews first; decided ones stay listed for the record. Codes and agencies only."""
    reviews = list(reviews_visible(request.user)[:200])
    ids = [r.known_case_id for r in reviews] + [r.new_case_id for r in reviews]
    # Two queries for the whole page (not one per row): which cases the user may open, and
    # which their agency owns (a merge needs both cases owned, as `may_merge` checks).
    openable = set(cases_visible(request.user).filter(pk__in=ids).values_list("pk", flat=True))
    owned = set(cases_owned(request.user).filter(pk__in=ids).values_list("pk", flat=True))
    rows = [
        {
            "review": r,
            "known_openable": r.known_case_id in openable,
            "new_openable": r.new_case_id in openable,
            "can_merge": r.status == Status.OPEN and {r.known_case_id, r.new_case_id} <= owned,
        }
        for r in reviews
    ]
    return render(request, "victims/duplicates.html", {"rows": rows})


@requires(P.REVIEW_DUPLICATES)
def duplicate_decide(request: HttpRequest, pk: int) -> HttpResponse:
    review = access_object(reviews_visible(request.user), pk)
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        try:
            duplicate_review_decide(review=review, decision=decision, acting_user=request.user)
        except ReviewError as exc:
            messages.error(request, str(exc))
        else:
            label = dict(Status.choices)[decision] if decision in DECISIONS else decision
            messages.success(
                request,
                _("Đã ghi quyết định: %(decision)s (%(new)s, %(known)s).")
                % {"decision": label, "new": review.new_case.code, "known": review.known_case.code},
            )
    return redirect("duplicate_queue")
