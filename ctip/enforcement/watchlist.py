"""The watchlist of persons at risk: checks on a schedule, escalation, expiry and purge."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ctip.core import rollups
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_INTERVAL_DAYS, MAX_TEXT
from ctip.core.validators import check_date, check_number, check_text
from ctip.enforcement.models import WatchCheck, WatchEntry


class WatchError(ValueError):
    pass


def watch_open(
    *,
    category: str,
    unit: Any,
    officer: Any,
    lawful_basis: str,
    purpose: str,
    opened_on: date,
    review_on: date,
    full_name: str,
    acting_user: Any,
    address: str = "",
    check_every_days: int = 30,
) -> WatchEntry:
    check_date(opened_on, label=_("Ngày đưa vào theo dõi"), error=WatchError)
    check_date(review_on, label=_("Ngày xem xét lại"), error=WatchError)
    for text, limit in ((lawful_basis, 300), (purpose, 300), (full_name, 200), (address, MAX_TEXT)):
        check_text(text, max_length=limit, error=WatchError)
    if not lawful_basis.strip() or not purpose.strip():
        raise WatchError(_("Phải ghi căn cứ pháp lý và mục đích theo dõi."))
    if review_on <= opened_on:
        raise WatchError(_("Ngày xem xét lại phải sau ngày đưa vào theo dõi."))
    if check_every_days < 1:
        raise WatchError(_("Chu kỳ kiểm tra phải từ 1 ngày trở lên."))
    check_number(
        check_every_days, 1, MAX_INTERVAL_DAYS, label=_("Kiểm tra mỗi (ngày)"), error=WatchError
    )
    with transaction.atomic():
        entry = WatchEntry.objects.create(
            category=category,
            unit=unit,
            officer=officer,
            lawful_basis=lawful_basis,
            purpose=purpose,
            opened_on=opened_on,
            review_on=review_on,
            full_name=full_name,
            address=address,
            check_every_days=check_every_days,
            next_check_on=opened_on + timedelta(days=check_every_days),
        )
        audit_write(
            action="enforcement.watch_open",
            acting_user=acting_user,
            obj=entry,
            changes={"category": [None, category]},
        )
        rollups.refresh(model=WatchEntry, points=[(opened_on, entry.unit_id)])
    return entry


def watch_check(
    *, entry: WatchEntry, on: date, found: bool, result: str, acting_user: Any
) -> WatchCheck:
    check_date(on, label=_("Ngày kiểm tra"), error=WatchError)
    check_text(result, label=_("Kết quả"), error=WatchError)
    with transaction.atomic():
        check = WatchCheck.objects.create(
            entry=entry,
            on=on,
            found=found,
            result=result,
            actor=acting_user if getattr(acting_user, "pk", None) else None,
        )
        WatchEntry.objects.filter(pk=entry.pk).update(
            next_check_on=on + timedelta(days=entry.check_every_days)
        )
        audit_write(
            action="enforcement.watch_check",
            acting_user=acting_user,
            obj=entry,
            changes={"found": [None, found]},
        )
        rollups.refresh(model=WatchCheck, points=[(on, entry.unit_id)])
    return check


def watch_escalate(
    *, entry: WatchEntry, acting_user: Any, victim_case: Any = None, criminal_case: Any = None
) -> WatchEntry:
    """Link the entry to the case it became; the entry and its checks stay as its history."""
    if victim_case is None and criminal_case is None:
        raise WatchError(_("Phải chọn hồ sơ nạn nhân hoặc vụ án."))
    with transaction.atomic():
        WatchEntry.objects.filter(pk=entry.pk).update(
            escalated_victim_case=victim_case,
            escalated_criminal_case=criminal_case,
            closed_on=date.today(),
        )
        audit_write(
            action="enforcement.watch_escalate",
            acting_user=acting_user,
            obj=entry,
            changes={
                "victim_case": [None, getattr(victim_case, "code", None)],
                "criminal_case": [None, getattr(criminal_case, "number", None)],
            },
        )
        rollups.refresh(model=WatchEntry, points=[(date.today(), entry.unit_id)])
    entry.refresh_from_db()
    return entry


def watch_active(*, today: date | None = None) -> QuerySet[WatchEntry]:
    today = today or date.today()
    return WatchEntry.objects.filter(closed_on__isnull=True, review_on__gte=today)


def watch_overdue(*, today: date | None = None) -> QuerySet[WatchEntry]:
    today = today or date.today()
    return watch_active(today=today).filter(next_check_on__lt=today)


def watch_purge(*, today: date | None = None, acting_user: Any) -> int:
    """Entries past their review date (or closed) lose their personal data; counts stay."""
    today = today or date.today()
    due = WatchEntry.objects.filter(purged_on__isnull=True).exclude(
        pk__in=watch_active(today=today).values("pk")
    )
    ids = list(due.values_list("pk", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        WatchEntry.objects.filter(pk__in=ids).update(
            full_name="", address="", note="", purged_on=today
        )
        WatchCheck.objects.filter(entry__in=ids).update(result="")
        audit_write(action="enforcement.watch_purge", acting_user=acting_user, count=len(ids))
    return len(ids)


def watch_visible(user: Any) -> QuerySet[WatchEntry]:
    """Entries of the user's territory: a commune officer's commune (and what it succeeded), an
    investigator's agency territory. Nobody else sees the watchlist."""
    from django.db.models import Q

    from ctip.accounts.permissions import ROLES, P
    from ctip.accounts.scope import active_assignments
    from ctip.geo.selectors import covered_unit_ids

    condition = Q(pk__in=[])
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or P.VIEW_WATCHLIST not in role.permissions:
            continue
        territory = assignment.unit or (assignment.agency.unit if assignment.agency else None)
        if territory is not None:
            condition |= Q(unit__in=covered_unit_ids(territory))
    return WatchEntry.objects.filter(condition, purged_on__isnull=True).select_related("unit")


def watch_counts_by_unit(user: Any, *, today: date | None = None) -> dict[str, Any]:
    """De-identified figures for the standing office and leaders: per commune of the user's
    territory, the entries under watch and those whose check is overdue. Counts only, computed
    by the database (two queries whatever the number of entries); nothing suppressed, for
    internal use."""
    from django.db.models import Count, Q

    from ctip.accounts.permissions import P
    from ctip.accounts.scope import scoped

    today = today or date.today()
    qs = scoped(
        watch_active(today=today), user, P.VIEW_AGGREGATES, agency_field=None, unit_field="unit"
    )
    measures = {
        "active": Count("pk"),
        "overdue": Count("pk", filter=Q(next_check_on__lt=today)),
    }
    rows = list(
        qs.values("unit", "unit__code", "unit__name")
        .annotate(**measures)
        .order_by("-overdue", "unit__name", "unit")
    )
    totals = qs.aggregate(**measures)
    return {"rows": rows, "totals": totals, "today": today}
