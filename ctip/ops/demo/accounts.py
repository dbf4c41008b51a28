"""The demo accounts `ctip demo` creates: one per role, in the merged Quảng Ngãi."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
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


ACCOUNTS = [
    Demo("admin", "system_admin"),
    Demo("thuongtruc", "standing_office", "qng-ca-2025", (Level.PROVINCE, 51)),
    Demo("congan", "agency_officer", "qng-ca-2025"),
    Demo("bienphong", "agency_officer", "qng-bdbp-2025"),
    Demo("phunu", "agency_officer", "qng-hlhpn-2025"),
    Demo("lanhdaoca", "agency_leader", "qng-ca-2025"),
    Demo("lanhdaobp", "agency_leader", "qng-bdbp-2025"),
    Demo("xahoi", "case_worker", "qng-syt-2025"),
    Demo("hosobp", "case_worker", "qng-bdbp-2025"),
    Demo("giamsat", "case_supervisor", "qng-syt-2025"),
    Demo("dieutra", "investigator", "qng-ca-2025"),
    Demo("kiemsat", "prosecutor", "qng-vks-2025"),
    Demo("toaan", "judge", "qng-ta-2025"),
    Demo("lanhdao", "leader", None, (Level.PROVINCE, 51)),
    Demo("xa", "commune_officer", "demo-ubnd-tay-tra-bong", (Level.COMMUNE, 21157)),
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
