"""Synthetic victim cases (none in Quảng Ngãi for 12/2020-10/2023: the reference report states
none were received). Since 7/2025 in the merged province: land-border routes to Laos and
Cambodia, online scam compounds, marriage and labour. Invented names; nothing printed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.victims.services import Person, case_create
from ctip.victims.states import State
from ctip.victims.transitions import _move

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Đinh", "Y", "A", "Hồ", "Võ", "Huỳnh"]
MIDDLE_F, MIDDLE_M = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Mỹ"], ["Văn", "Minh", "Đức"]
GIVEN_F = ["Hoa", "Lan", "Mai", "Hằng", "Nhung", "H'Nơ", "Y Blăng", "Thảo", "Vy", "Trang"]
GIVEN_M = ["Nam", "Hùng", "Tuấn", "Khang", "A Dũng", "Pó", "Thành", "Long"]
PATTERNS = [  # (forms, destination, channel, source, sex weight female)
    (["online_scam", "forced_labour"], "KH", "social_network", "border_guard", 0.4),
    (["forced_labour"], "LA", "broker", "border_guard", 0.3),
    (["forced_marriage"], "CN", "marriage_broker", "police", 1.0),
    (["sexual"], "MY", "fake_job", "mission_abroad", 1.0),
]
ACTION = "victims.demo_load"
PATHS = [
    [],
    [State.VERIFYING],
    [State.VERIFYING, State.IDENTIFIED, State.SUPPORT],
    [State.VERIFYING, State.IDENTIFIED, State.SUPPORT, State.REINTEGRATION],
    [State.VERIFYING, State.NOT_VICTIM],
]


def demo_cases_ensure(*, today: date | None = None) -> int:
    if AuditEntry.objects.filter(action=ACTION).exists():
        return 0
    today = today or date.today()
    rng = random.Random(2025)  # noqa: S311 - reproducible demo data
    communes = list(
        Unit.objects.valid_on(date(2025, 7, 1)).filter(level__in=COMMUNE_LEVELS, parent__code=51)
    )
    owners = [Agency.objects.get(code="qng-syt-2025"), Agency.objects.get(code="qng-bdbp-2025")]
    # The law names who decides (issue 22): the police or border guard identify, the health
    # department verifies and supports; each demo event records the body that took the step.
    police = Agency.objects.get(code="qng-ca-2025")
    span = max((today - date(2025, 7, 1)).days, 1)
    count = 0
    for i in range(24):
        forms, dest, channel, source, female = PATTERNS[i % len(PATTERNS)]
        is_f = rng.random() < female
        name = " ".join(
            [
                rng.choice(FAMILY),
                rng.choice(MIDDLE_F if is_f else MIDDLE_M),
                rng.choice(GIVEN_F if is_f else GIVEN_M),
            ]
        )
        received = date(2025, 7, 1) + timedelta(days=rng.randrange(span))
        age = rng.randrange(15, 36)
        person = Person(
            full_name=name,
            sex="female" if is_f else "male",
            age_at_reception=age,
            home_unit=rng.choice(communes),
            date_of_birth=f"{received.year - age}",
            identity_document=f"0{rng.randrange(10**10, 10**11)}",
            address=f"Thôn {rng.randrange(1, 12)}",
            destination_country=dest,
            recruitment_channel=channel,
            exploitation_forms=forms,
            narrative="Dữ liệu minh họa (không có thật).",
        )
        case = case_create(
            owner=owners[i % 2],
            received_on=received,
            source=source,
            person=person,
            acting_user=None,
            notified_on=received,
            allow_duplicate=True,  # synthetic names may repeat; they are not real people
        )
        day = received
        for state in PATHS[i % len(PATHS)]:
            day = min(day + timedelta(days=rng.randrange(1, 4)), today)
            reason = "minh họa" if state == State.NOT_VICTIM else ""
            case = _move(case, state, day, reason, None, _body(state, case.owner, police))
        count += 1
    from django.db import transaction

    with transaction.atomic():
        audit_write(action=ACTION, acting_user=None, count=count)
    return count


def _body(state: str, owner: Agency, police: Agency) -> Agency:
    """The body that takes a demo step: the border guard identifies its own cases, the police
    those the health department holds; the owner takes every other step."""
    if state in (State.IDENTIFIED, State.NOT_VICTIM) and owner.kind != "border_guard":
        return police
    return owner
