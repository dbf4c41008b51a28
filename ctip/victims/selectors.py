"""Reads over victim cases: need-to-know scope, logged views of personal data, deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.accounts.scope import scoped
from ctip.core.access import access_object
from ctip.core.permissions import P
from ctip.core.text import fold
from ctip.victims.models import AccessLog, Case, Referral
from ctip.victims.states import ReferralStatus, State


def cases_visible(user: Any) -> QuerySet[Case]:
    """Cases of the user's agency (and those it succeeded) for case workers and supervisors,
    and cases referred to it while the referral stands accepted. Standing office and leaders
    reach none: they read indicators."""

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


class OwnerOnlyError(ValueError):
    """A step that an accepted referral does not grant."""


def cases_owned(user: Any) -> QuerySet[Case]:
    """Cases of the user's agency (and those it succeeded), without those received by referral:
    what the receiving agency may not do (refer on, record consent, issue papers, merge)."""
    owned = scoped(
        Case.objects.all(), user, P.VIEW_VICTIM_CASES, agency_field="owner", unit_field=None
    )
    return owned.exclude(merged_into__isnull=False)


def require_owner(user: Any, case: Case) -> None:
    """Services call this for the owner's steps; commands and jobs (no user) are not refused."""
    if getattr(user, "pk", None) is None:
        return
    if not cases_owned(user).filter(pk=case.pk).exists():
        raise OwnerOnlyError(
            _(
                "Chỉ cơ quan quản lý hồ sơ mới được làm việc này; cơ quan nhận chuyển hồ sơ chỉ "
                "ghi nhận hỗ trợ do mình thực hiện."
            )
        )


def referral_receiver(user: Any, case: Case) -> Any:
    """The user's agency that accepted a referral of the case, or None."""

    accepted = scoped(
        Referral.objects.filter(case=case, status=ReferralStatus.ACCEPTED),
        user,
        P.VIEW_VICTIM_CASES,
        agency_field="to_agency",
        unit_field=None,
    ).select_related("to_agency")
    first = accepted.first()
    return first.to_agency if first else None


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
    found = [
        c
        for c in cases_visible(user)
        if wanted in fold(c.full_name) or wanted in fold(c.other_names)
    ]
    # A match tells the searcher that this record holds that name: a read of personal data,
    # logged for every case found (the query itself is never stored).
    with transaction.atomic():
        AccessLog.objects.bulk_create(
            [AccessLog(case=c, user=user, section="search") for c in found]
        )
    return found


def overdue_verifications(user: Any, *, today: date | None = None) -> QuerySet[Case]:
    """Cases still being verified past the time limit (fixed when they were notified)."""
    return cases_visible(user).filter(
        state__in=(State.RECEIVED, State.VERIFYING), verification_due__lt=today or date.today()
    )
