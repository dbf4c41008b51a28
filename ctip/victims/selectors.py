"""Reads over victim cases: need-to-know scope, logged views of personal data, deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from ctip.accounts.permissions import P
from ctip.accounts.scope import scoped
from ctip.core.access import access_object
from ctip.core.text import fold
from ctip.victims.models import AccessLog, Case, State


def cases_visible(user: Any) -> QuerySet[Case]:
    """Cases of the user's agency (and those it succeeded) for case workers and supervisors,
    and cases referred to it while the referral stands accepted. Standing office and leaders
    reach none: they read indicators."""
    from ctip.victims.models import Referral, ReferralStatus

    owned = scoped(
        Case.objects.all(), user, P.VIEW_VICTIM_CASES, agency_field="owner", unit_field=None
    )
    received = scoped(
        Referral.objects.filter(status=ReferralStatus.ACCEPTED),
        user,
        P.VIEW_VICTIM_CASES,
        agency_field="to_agency",
        unit_field=None,
    )
    return (
        Case.objects.select_related("owner", "home_unit")
        .filter(Q(pk__in=owned.values("pk")) | Q(pk__in=received.values("case")))
        .exclude(merged_into__isnull=False)
    )


def access_case(user: Any, pk: Any, *, section: str, break_glass_reason: str = "") -> Case:
    """A case whose personal data is about to be shown: one access-log row per view."""
    if break_glass_reason:
        case = access_object(Case.objects.all(), pk)
    else:
        case = access_object(cases_visible(user), pk)
    with transaction.atomic():
        AccessLog.objects.create(
            case=case,
            user=user,
            section=section,
            break_glass_reason=break_glass_reason,
            flagged=bool(break_glass_reason),
        )
    return case


def search_by_name(user: Any, query: str) -> list[Case]:
    """Accent-insensitive, partial name search over the cases the user may decrypt (the names
    are encrypted, so the match happens after decryption, never in SQL)."""
    wanted = fold(query)
    if len(wanted) < 2:
        return []
    return [
        c
        for c in cases_visible(user)
        if wanted in fold(c.full_name) or wanted in fold(c.other_names)
    ]


def overdue_verifications(user: Any, *, today: date | None = None) -> QuerySet[Case]:
    """Cases still being verified past the time limit (fixed when they were notified)."""
    return cases_visible(user).filter(
        state__in=(State.RECEIVED, State.VERIFYING), verification_due__lt=today or date.today()
    )
