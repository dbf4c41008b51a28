"""The demo accounts `ctip demo` creates: one per role, in the merged Quảng Ngãi."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.permissions import ROLES
from ctip.accounts.services import assignment_grant, user_ensure_demo
from ctip.agencies.models import Agency
from ctip.agencies.services import agencies_load_fixture
from ctip.geo.models import Level, Unit

DEMO_AGENCIES = Path(__file__).resolve().parent / "agencies.yaml"


@dataclass(frozen=True)
class Demo:
    username: str
    role: str
    agency: str | None = None
    unit: tuple[str, int] | None = None  # (level, code) in force today
    purpose: str = ""  # what a tester logs in as this account for (README, in English)


ACCOUNTS = [
    Demo(
        "admin",
        "system_admin",
        purpose="Every user account (Người dùng), the admin site, the audit log, break-glass "
        "reads of a case",
    ),
    Demo(
        "thuongtruc",
        "standing_office",
        "qng-ca-2025",
        (Level.PROVINCE, 51),
        purpose="Registers report requests, assigns and accepts agencies' parts, compiles and "
        "issues reports, decides possible duplicates; manages the province's user accounts "
        "(sets up a second factor the first time it opens Người dùng)",
    ),
    Demo(
        "congan",
        "agency_officer",
        "qng-ca-2025",
        purpose="Police officer: activities, directives, writes the police part of a report",
    ),
    Demo(
        "bienphong",
        "agency_officer",
        "qng-bdbp-2025",
        purpose="Border Guard officer: activities, writes the Border Guard part of a report",
    ),
    Demo(
        "phunu",
        "agency_officer",
        "qng-hlhpn-2025",
        purpose="Women's Union officer: activities, writes the Women's Union part of a report",
    ),
    Demo(
        "lanhdaoca",
        "agency_leader",
        "qng-ca-2025",
        purpose="Police leader: signs the police part of a report off",
    ),
    Demo(
        "lanhdaobp",
        "agency_leader",
        "qng-bdbp-2025",
        purpose="Border Guard leader: signs the Border Guard part of a report off",
    ),
    Demo(
        "lanhdaopn",
        "agency_leader",
        "qng-hlhpn-2025",
        purpose="Women's Union leader: signs the Women's Union part of a report off",
    ),
    Demo(
        "lanhdaoyt",
        "agency_leader",
        "qng-syt-2025",
        purpose="Health department leader: signs the health department's part of a report off",
    ),
    Demo(
        "xahoi",
        "case_worker",
        "qng-syt-2025",
        purpose="Case worker of the health department (social protection): victim cases, "
        "support, referrals, papers; writes the health department's part of a report",
    ),
    Demo(
        "hosobp",
        "case_worker",
        "qng-bdbp-2025",
        purpose="Case worker of the Border Guard: another agency's cases, for need-to-know demos",
    ),
    Demo(
        "giamsat",
        "case_supervisor",
        "qng-syt-2025",
        purpose=(
            "Case supervisor of the health department: the case steps the rules give it "
            "(verification, closure), possible duplicates, who read a case"
        ),
    ),
    Demo(
        "dieutra",
        "investigator",
        "qng-ca-2025",
        purpose="Police investigator: criminal cases and suspects, the watchlist",
    ),
    Demo(
        "kiemsat",
        "prosecutor",
        "qng-vks-2025",
        purpose="Prosecutor: criminal cases from indictment",
    ),
    Demo(
        "toaan",
        "judge",
        "qng-ta-2025",
        purpose="Court: trials, verdicts and sentences of criminal cases",
    ),
    Demo(
        "lanhdao",
        "leader",
        None,
        (Level.PROVINCE, 51),
        purpose="Provincial leader: dashboards and reports, figures only (no personal data)",
    ),
    Demo(
        "trunguong",
        "leader",
        None,
        (Level.COUNTRY, 0),
        purpose="National leader (the ministry, ADR 0016): national dashboards and review, the "
        "provinces' pushes (Số liệu các tỉnh gửi lên), figures only",
    ),
    Demo(
        "xa",
        "commune_officer",
        "demo-ubnd-tay-tra-bong",
        (Level.COMMUNE, 21157),
        purpose="Commune officer of Tây Trà Bồng: the commune's activities and its watchlist of "
        "persons at risk",
    ),
]


def demo_accounts_ensure(*, password: str) -> list[dict[str, Any]]:
    """Create or refresh every demo account; returns what to print (with TOTP secrets)."""
    agencies_load_fixture(path=DEMO_AGENCIES)
    today = date.today()
    printed = []
    for demo in ACCOUNTS:
        with transaction.atomic():
            user = user_ensure_demo(
                username=demo.username, password=password, superuser=demo.role == "system_admin"
            )
            agency = Agency.objects.get(code=demo.agency) if demo.agency else None
            unit = (
                Unit.objects.valid_on(today).get(level=demo.unit[0], code=demo.unit[1])
                if demo.unit
                else None
            )
            assignment_grant(user=user, role=demo.role, agency=agency, unit=unit, acting_user=None)
            secret = _demo_totp(user) if _needs_totp(demo) else None
        printed.append(
            {"username": demo.username, "role": ROLES[demo.role].label, "totp_secret": secret}
        )
    return printed


def _needs_totp(demo: Demo) -> bool:
    return demo.role == "system_admin" or ROLES[demo.role].sees_personal_data


def _demo_totp(user: Any) -> str:
    """A confirmed authenticator whose secret is printed, so a tester can add it to an app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
    return base64.b32encode(device.bin_key).decode()


TABLE_START = "<!-- demo-accounts:start (ctip demo --accounts-table) -->"
TABLE_END = "<!-- demo-accounts:end -->"


def demo_accounts_table() -> str:
    """The README's table of demo accounts, from ACCOUNTS (after the reference data and the
    demo agencies are loaded: names are read from them). `ctip demo --accounts-table` prints
    it; tests/test_demo_accounts.py checks that the README holds this very table."""
    today = date.today()
    lines = [
        TABLE_START,
        "| Account | Role | Agency or area | Second factor | What it is for |",
        "|---|---|---|---|---|",
    ]
    for demo in ACCOUNTS:
        where = []
        if demo.agency:
            where.append(Agency.objects.get(code=demo.agency).name)
        if demo.unit:
            unit = Unit.objects.valid_on(today).get(level=demo.unit[0], code=demo.unit[1])
            where.append(unit.name)
        with translation.override("vi"):
            role = str(ROLES[demo.role].label)
        factor = "yes" if _needs_totp(demo) else "no"
        lines.append(
            f"| `{demo.username}` | {role} | {' · '.join(where) or '—'} | {factor} "
            f"| {demo.purpose} |"
        )
    lines.append(TABLE_END)
    return "\n".join(lines)
