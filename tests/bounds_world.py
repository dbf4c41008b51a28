"""One of everything a form can change, and the people who may change it (issue 19, finding 5).

`world()` makes, in the test's database, a user per role (logged in on a client of their own,
with a second factor where the role needs one) and one record of each kind the forms edit: an
activity, a victim case, a criminal case, a watch entry, a directive with a task, a report
request with its report, a compiled report and an agency's part of the answer. The bounds tests
and the property-based test post to the forms through these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.test import Client

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.directives.services import document_create, task_assign
from ctip.enforcement.services import criminal_case_create
from ctip.enforcement.watchlist import watch_open
from ctip.geo.models import Level
from ctip.prevention.import_checks import check_rows
from ctip.prevention.services import activity_create
from ctip.reporting.contributions import contributions_assign
from ctip.reporting.models import ReportTemplate
from ctip.reporting.services import compilation_start, report_create, report_request_register
from ctip.victims.services import Person, case_create
from tests.conftest import unit
from tests.helpers import activity_row, add_totp, log_in, make_user, written_out

DAY = date(2026, 9, 10)
NEW = date(2026, 1, 1)
# The apps whose forms are under test: rows of every model of these are counted before and
# after a refused post.
APPS = (
    "prevention",
    "victims",
    "enforcement",
    "cooperation",
    "directives",
    "reporting",
    "geo",
    "agencies",
    "core",
)
ROLES = {
    # name: (role, agency, unit code or None, second factor)
    "officer": ("agency_officer", "qng-ca-2025", None, False),
    "worker": ("case_worker", "qng-syt-2025", None, True),
    "supervisor": ("case_supervisor", "qng-syt-2025", None, True),
    "investigator": ("investigator", "qng-ca-2025", None, True),
    "commune": ("commune_officer", None, 21157, True),
    "office": ("standing_office", None, 51, False),
    "admin": ("system_admin", None, None, False),
}


@dataclass
class World:
    users: dict[str, Any] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)


def _user(name: str) -> Any:
    role, agency, code, _factor = ROLES[name]
    level = Level.COMMUNE if code and code > 100 else Level.PROVINCE
    return make_user(name, role, agency=agency, unit=unit(code, level, NEW) if code else None)


def world(names: tuple[str, ...] = tuple(ROLES)) -> World:
    w = World()
    for name in names:
        user = w.users[name] = _user(name)
        w.clients[name] = client = Client(raise_request_exception=False)
        log_in(client, user, add_totp(user) if ROLES[name][3] else None)
    commune = unit(21157, Level.COMMUNE, NEW)
    police = Agency.objects.get(code="qng-ca-2025")
    officer = w.users.get("officer")
    spec = check_rows(
        [
            activity_row(
                agency="qng-ca-2025", unit=51, start_date=DAY.isoformat(), end_date=DAY.isoformat()
            )
        ],
        allowed_agencies={police.pk},
    )[0]
    w.ids["activity"] = activity_create(spec=spec, acting_user=officer).pk
    person = Person(
        full_name="Lò Thị Xuân Mai", sex="female", age_at_reception=17, home_unit=commune
    )
    w.ids["case"] = case_create(
        owner=Agency.objects.get(code="qng-syt-2025"),
        received_on=DAY,
        source="border_guard",
        person=person,
        acting_user=None,
        notified_on=DAY,
    ).pk
    w.ids["criminal_case"] = criminal_case_create(
        owner=police, detected_on=DAY, source="border_check", unit=commune, acting_user=None
    ).pk
    if "commune" in w.users:
        w.ids["watch"] = watch_open(
            category="long_absent",
            unit=commune,
            officer=w.users["commune"],
            lawful_basis="Luật 53/2024/QH15, Điều 7",
            purpose="Phòng ngừa mua bán người",
            opened_on=DAY,
            review_on=date(2027, 8, 1),
            full_name="Y Blăng Niê",
            acting_user=None,
        ).pk
    document = document_create(
        number_symbol="34/KH-UBND",
        date_issued=DAY,
        subject="Kế hoạch phòng, chống mua bán người năm 2026",
        issuer_name="Ủy ban nhân dân tỉnh Quảng Ngãi",
        recorded_by=police,
        acting_user=None,
    )
    w.ids["document"] = document.pk
    w.ids["task"] = task_assign(
        document=document,
        agency=police,
        description="Tuyên truyền",
        deadline=None,
        acting_user=None,
    ).pk
    province = unit(51, Level.PROVINCE, NEW)
    template = ReportTemplate.objects.get(code="six-month")
    request = report_request_register(
        number_symbol="15/BCĐ-VP",
        date_issued=DAY,
        issuer="Ban Chỉ đạo 138 Bộ Công an",
        template=template,
        unit=province,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        deadline=date(2026, 12, 31),
        acting_user=None,
    )
    w.ids["request"] = request.pk
    report = report_create(
        template=template,
        unit=province,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        request=request,
        acting_user=None,
    )
    w.ids["report"] = report.pk
    # Written out, as a report is before issuing (issue 21's gate refuses holes).
    compiled = written_out(compilation_start(report=report, acting_user=None, run_now=True))
    w.ids["compilation"] = compiled.pk
    if "office" in w.users:
        w.ids["contribution"] = contributions_assign(
            request=request,
            agencies=[police],
            deadline=date(2026, 12, 1),
            acting_user=w.users["office"],
        )[0].pk
    w.ids["agency"] = police.pk
    return w


# Reads are logged (who opened which record) even when the post is refused: not a write.
READ_LOGS = {"victims.AccessLog"}


def row_counts() -> dict[str, int]:
    """Rows of every model of the apps under test, and audit rows other than logged reads."""
    counts = {
        model._meta.label: model.objects.count()
        for name in APPS
        for model in apps.get_app_config(name).get_models()
        if model._meta.label not in READ_LOGS
    }
    counts["core.AuditEntry"] = AuditEntry.objects.exclude(action="read").count()
    return counts
