"""The watchlist of persons at risk: checks on a schedule, escalation, expiry and purge."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_INTERVAL_DAYS, MAX_TEXT
from ctip.core.permissions import P
from ctip.core.validators import check_date, check_number, check_text
from ctip.core.work import unit_of_work
from ctip.enforcement.models import WatchCheck, WatchEntry
from ctip.geo.area import check_user_area
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.queries import compute


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
    if getattr(acting_user, "pk", None):  # no user: the demo or a command, the system's own
        # The entry counts where its unit is: inside the territory the user watches.
        check_user_area(watch_territories(acting_user), unit, error=WatchError)
    with unit_of_work(sources=[WatchEntry]) as work:
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
        work.touch(WatchEntry, (opened_on, entry.unit_id))
    return entry


def watch_check(
    *, entry: WatchEntry, on: date, found: bool, result: str, acting_user: Any
) -> WatchCheck:
    check_date(on, label=_("Ngày kiểm tra"), error=WatchError)
    check_text(result, label=_("Kết quả"), error=WatchError)
    with unit_of_work(sources=[WatchCheck, WatchEntry]) as work:
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
        work.touch_records(WatchEntry, WatchEntry.objects.filter(pk=entry.pk))
        audit_write(
            action="enforcement.watch_check",
            acting_user=acting_user,
            obj=entry,
            changes={"found": [None, found]},
        )
        work.touch(WatchCheck, (on, entry.unit_id))
    return check


def watch_escalate(
    *, entry: WatchEntry, acting_user: Any, victim_case: Any = None, criminal_case: Any = None
) -> WatchEntry:
    """Link the entry to the case it became; the entry and its checks stay as its history."""
    if victim_case is None and criminal_case is None:
        raise WatchError(_("Phải chọn hồ sơ nạn nhân hoặc vụ án."))
    with unit_of_work(sources=[WatchEntry]) as work:
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
        work.touch(WatchEntry, (date.today(), entry.unit_id))
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
    with unit_of_work(sources=[WatchEntry, WatchCheck]) as work:
        WatchEntry.objects.filter(pk__in=ids).update(
            full_name="", address="", note="", purged_on=today
        )
        WatchCheck.objects.filter(entry__in=ids).update(result="")
        # Counts keep what they count; the cells are redone all the same (one rule for every
        # write: no rollup can disagree with the records whatever a purge comes to change).
        entries = WatchEntry.objects.filter(pk__in=ids).values_list(
            "opened_on", "closed_on", "unit"
        )
        points = {(day, u) for opened, closed, u in entries for day in (opened, closed) if day}
        work.touch(WatchEntry, *points)
        checks = WatchCheck.objects.filter(entry__in=ids).values_list("on", "entry__unit")
        work.touch(WatchCheck, *set(checks))
        audit_write(action="enforcement.watch_purge", acting_user=acting_user, count=len(ids))
    return len(ids)


def watch_territories(user: Any) -> list[Unit]:
    """The units whose watchlist the user keeps: per assignment holding P.VIEW_WATCHLIST, its
    unit, else its agency's unit."""
    territories = []
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or P.VIEW_WATCHLIST not in role.permissions:
            continue
        territory = assignment.unit or (assignment.agency.unit if assignment.agency else None)
        if territory is not None:
            territories.append(territory)
    return territories


def watch_visible(user: Any) -> QuerySet[WatchEntry]:
    """Entries of the user's territory: a commune officer's commune (and what it succeeded), an
    investigator's agency territory. Nobody else sees the watchlist."""
    condition = Q(pk__in=[])
    for territory in watch_territories(user):
        condition |= Q(unit__in=covered_unit_ids(territory))
    return WatchEntry.objects.filter(condition, purged_on__isnull=True).select_related("unit")


def watch_counts_by_unit(user: Any, *, today: date | None = None) -> dict[str, Any]:
    """De-identified figures for the standing office and leaders: per unit of the user's
    territory, the entries under watch and those whose check is overdue, from the registry's
    stock indicators (a query each per territory, whatever the number of entries); nothing
    suppressed, for internal use."""
    today = today or date.today()
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for territory in _territories(user):
        for r in compute(list(WATCH_COUNTS), unit=territory, start=today, end=today, by=("unit",)):
            code, name = r["unit"]["code"], r["unit"]["name"]
            row = found.setdefault(
                (code, name),
                {"unit__code": int(code or 0), "unit__name": name, "active": 0, "overdue": 0},
            )
            row[WATCH_COUNTS[r["indicator"]]] += int(r["value"] or 0)
    rows = sorted(found.values(), key=lambda r: (-r["overdue"], r["unit__name"], r["unit__code"]))
    totals = {k: sum(r[k] for r in rows) for k in ("active", "overdue")}
    return {"rows": rows, "totals": totals, "today": today}


WATCH_COUNTS = {"enforcement.watch_active": "active", "enforcement.watch_overdue": "overdue"}


def _territories(user: Any) -> list[Any]:
    """The units of the user's assignments that read aggregates, those inside another left out
    (an entry is counted once)."""
    units = []
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role and P.VIEW_AGGREGATES in role.permissions and assignment.unit is not None:
            units.append(assignment.unit)
    return [
        u
        for u in units
        if not any(
            other.pk != u.pk
            and Unit.objects.filter(pk=u.pk, id__in=covered_unit_ids(other)).exists()
            for other in units
        )
    ]
