"""Reminders about agencies' parts of requested reports, sent by `ctip remind`: each agency's
officers and leaders hear of parts due within two days or overdue; the standing office of the
request's territory hears who is missing. Request numbers and agency names only."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.mail import send_mail

from ctip.accounts.models import Assignment
from ctip.accounts.permissions import ROLES
from ctip.core.permissions import P
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.reporting.contributions import EDITABLE
from ctip.reporting.models import Contribution

SOON = timedelta(days=2)


def _line(c: Contribution, today: date) -> str:
    state = "QUÁ HẠN" if c.deadline < today else "sắp đến hạn"
    return f"- {c.request.number_symbol}: hạn {c.deadline:%d/%m/%Y} ({state})"


def send_contribution_reminders(*, today: date) -> int:
    owed = list(
        Contribution.objects.filter(state__in=EDITABLE, deadline__lte=today + SOON)
        .select_related("request__unit", "agency")
        .order_by("deadline")
    )
    if not owed:
        return 0
    holders = (
        Assignment.objects.valid_on(today)  # type: ignore[attr-defined]
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "agency", "unit")
    )
    writers: dict[int, set[str]] = {}
    offices = []
    for a in holders:
        perms = ROLES[a.role].permissions if a.role in ROLES else frozenset()
        if P.CONTRIBUTE_REPORTS in perms and a.agency_id:
            writers.setdefault(a.agency_id, set()).add(a.user.email)
        if P.COMPILE_REPORTS in perms and a.unit_id:
            offices.append(a)
    sent = 0
    by_agency: dict[int, list[Contribution]] = {}
    for c in owed:
        by_agency.setdefault(c.agency_id, []).append(c)
    for agency_id, parts in by_agency.items():
        if writers.get(agency_id):
            body = "Phần báo cáo của cơ quan cần gửi:\n" + "\n".join(_line(c, today) for c in parts)
            send_mail("[ctip] Nhắc gửi báo cáo", body, None, sorted(writers[agency_id]))
            sent += 1
    late = [c for c in owed if c.deadline < today]
    for office in offices:
        mine = [c for c in late if _covers(office.unit, c.request.unit_id)]
        if mine:
            body = "Cơ quan chưa gửi phần báo cáo quá hạn:\n" + "\n".join(
                f"- {c.request.number_symbol}: {c.agency.name}, hạn {c.deadline:%d/%m/%Y}"
                for c in mine
            )
            send_mail("[ctip] Phần báo cáo quá hạn", body, None, [office.user.email])
            sent += 1
    return sent


def _covers(unit, unit_id: int) -> bool:  # type: ignore[no-untyped-def]

    return Unit.objects.filter(pk=unit_id, id__in=covered_unit_ids(unit)).exists()
