"""Users with roles, and logging in through the real forms (password, then second factor)."""

from __future__ import annotations

from typing import Any

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import User
from ctip.geo.models import Unit
from ctip.reporting.gate import HEADINGS, is_hole
from tests.factories import PASSWORD, UserFactory


def make_user(
    username: str,
    role: str | None = None,
    *,
    agency: str | None = None,
    unit: Unit | None = None,
    email: str = "",
) -> User:
    """A user with PASSWORD and, given a role, one assignment (tests.factories.UserFactory)."""
    return UserFactory(username=username, role=role, agency=agency, unit=unit, email=email)


def add_totp(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def log_in(client: Any, user: User, device: TOTPDevice | None = None) -> None:
    response = client.post("/dang-nhap/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    if device is not None:
        response = client.post("/tai-khoan/xac-thuc/", {"token": current_code(device)})
        assert response.status_code == 302, response.content.decode()[:500]


def activity_row(**changes: Any) -> dict[str, Any]:
    """One row of the activity import (JSON), a police session in old Quảng Ngãi by default."""
    return {
        "agency": "qng-ca",
        "kind": "session",
        "start_date": "2022-05-10",
        "end_date": "2022-05-10",
        "unit": 51,
        "sessions": 1,
        "participants": 40,
        "participants_estimated": False,
        "media_items": 0,
        "sms": 0,
        "target_groups": ["public"],
        "theme": "",
        "notes": "",
        **changes,
    }


WRITTEN = "Nội dung do cán bộ hoàn thiện trước khi ban hành."


def written_out(compilation: Any) -> Any:
    """The compilation as a writer leaves it before issuing (issue 21's gate): each hole filled
    and each empty section given a sentence, for tests about numbering and freezing that compile
    from sparse data. The sentence is WRITTEN."""
    body: list[dict[str, Any]] = []
    source = [p for p in compilation.result["body"] if not is_hole(p) and p["kind"] != "hint"]
    for i, paragraph in enumerate(source):
        body.append(paragraph)
        level = HEADINGS.get(paragraph["kind"])
        after = HEADINGS.get(source[i + 1]["kind"], 99) if i + 1 < len(source) else 0
        if level is not None and after <= level:
            body.append({"kind": "p", "segments": [[WRITTEN, None]]})
    compilation.result = {**compilation.result, "body": body}
    compilation.save(update_fields=["result"])
    return compilation
