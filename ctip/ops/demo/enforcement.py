"""Synthetic criminal cases since 7/2025 in the merged province, and after 7/2025 inspections,
campaigns, cooperation with Laos and Cambodia and a watchlist kept by the demo commune officer.
Invented; nothing printed.

Nothing for old Quảng Ngãi in 12/2020-10/2023: the reference review detected no case and gives
no inspection, no campaign dates (only that peaks were run each year) and no exchange with a
named foreign force. Cooperation across a land border starts with the merger: old Quảng Ngãi had
only a sea border; the merged province borders Laos (Attapeu, Sekong) and Cambodia (Ratanakiri)
through old Kon Tum's territory."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from ctip.accounts.models import User
from ctip.agencies.models import Agency
from ctip.cooperation.services import campaign_record, cooperation_record, inspection_record
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.enforcement.models import CriminalCase, Stage, StageEvent, WatchCategory
from ctip.enforcement.services import criminal_case_create
from ctip.enforcement.watchlist import watch_check, watch_escalate, watch_open
from ctip.geo.models import COMMUNE_LEVELS, Unit

ACTION = "enforcement.demo_load"
# A second marker, so that a database seeded before the watchlist demo existed gets it once.
WATCH_ACTION = "enforcement.demo_watch_load"
REFORM = date(2025, 7, 1)
WATCH_OFFICER = "xa"  # the demo commune officer (ctip.ops.demo.accounts)
WATCH_ENTRIES = 12
PATTERNS = [  # (destination, platform, channel, exploitation, source)
    ("KH", "telegram", "social_network", "online_scam", "border_check"),
    ("LA", "facebook", "fake_job", "forced_labour", "denunciation"),
    ("CN", "zalo", "marriage_broker", "forced_marriage", "foreign_partner"),
    ("KH", "tiktok", "social_network", "online_scam", "victim"),
]


def demo_enforcement_ensure(*, today: date | None = None) -> int:
    """Add the demo data once (audit markers); returns the number of criminal cases added."""
    today = today or date.today()
    added = 0
    if not AuditEntry.objects.filter(action=ACTION).exists():
        added = _cases(today)
    if not AuditEntry.objects.filter(action=WATCH_ACTION).exists():
        with transaction.atomic():
            entries = _after_reform_monitoring(min(today, date.today()))
            audit_write(action=WATCH_ACTION, acting_user=None, count=entries)
    return added


def _cases(today: date) -> int:
    rng = random.Random(7)  # noqa: S311 - reproducible demo data
    police = Agency.objects.get(code="qng-ca-2025")
    procuracy = Agency.objects.get(code="qng-vks-2025")
    communes = list(
        Unit.objects.valid_on(date(2025, 7, 1)).filter(level__in=COMMUNE_LEVELS, parent__code=51)
    )
    span = max((today - date(2025, 7, 1)).days, 1)
    for i in range(8):
        dest, platform, channel, form, source = PATTERNS[i % len(PATTERNS)]
        detected = date(2025, 7, 1) + timedelta(days=rng.randrange(span))
        suspects = [
            {"full_name": f"Đối tượng minh họa {i}-{n}", "sex": rng.choice(["male", "female"])}
            for n in range(rng.randrange(1, 4))
        ]
        case = criminal_case_create(
            owner=police,
            detected_on=detected,
            source=source,
            unit=rng.choice(communes),
            acting_user=None,
            suspects=suspects,
            destination_country=dest,
            platform=platform,
            recruitment_channel=channel,
            exploitation_form=form,
            unregistered_victims=rng.randrange(0, 4),
        )
        stages = [(Stage.INSTITUTED, police), (Stage.INDICTED, procuracy)][: i % 3]
        day = detected
        for stage, agency in stages:
            day = min(day + timedelta(days=rng.randrange(10, 40)), today)
            StageEvent.objects.create(case=case, stage=stage, on=day, agency=agency)
            CriminalCase.objects.filter(pk=case.pk).update(stage=stage)
    with transaction.atomic():
        audit_write(action=ACTION, acting_user=None, count=8)
    return 8


def _after_reform_monitoring(day: date) -> int:
    """After 7/2025 in the merged province: inspections, a crackdown linking demo cases,
    repatriation and a joint investigation with Laos and Cambodia, and the watchlist. Nothing
    dated after `day`. Returns the number of watchlist entries opened."""

    police = Agency.objects.get(code="qng-ca-2025")
    border = Agency.objects.get(code="qng-bdbp-2025")
    communes = list(
        Unit.objects.valid_on(REFORM)
        .filter(level__in=COMMUNE_LEVELS, parent__code=51)
        .order_by("code")
    )
    cases = list(
        CriminalCase.objects.filter(owner=police, detected_on__gte=REFORM).order_by(
            "detected_on", "pk"
        )
    )
    rng = random.Random(11)  # noqa: S311 - reproducible demo data
    inspections = [  # (days after the reform, establishment, violations, fine)
        (45, "Cơ sở karaoke", 1, 7_500_000),
        (120, "Cơ sở lưu trú, massage", 0, 0),
        (210, "Doanh nghiệp đưa người lao động đi làm việc ở nước ngoài", 2, 40_000_000),
        (300, "Cơ sở môi giới kết hôn có yếu tố nước ngoài", 0, 0),
    ]
    for offset, kind, violations, fine in inspections:
        on = REFORM + timedelta(days=offset)
        if on <= day:
            inspection_record(
                agency=police,
                unit=rng.choice(communes),
                on=on,
                establishment_kind=kind,
                findings="Kiểm tra theo kế hoạch",
                violations=violations,
                sanctions_vnd=fine,
                acting_user=None,
            )
    start, end = date(2025, 9, 1), date(2026, 2, 28)
    if start <= day:
        linked = [c for c in cases if start <= c.detected_on <= end] or cases[:2]
        campaign_record(
            name="Cao điểm tấn công trấn áp tội phạm mua bán người cuối năm 2025, Tết 2026",
            kind="crackdown",
            start=start,
            end=min(end, day),
            lead=police,
            acting_user=None,
            cases=linked[:4],
        )
    if date(2026, 7, 31) <= day:
        campaign_record(
            name="Tháng hành động phòng, chống mua bán người năm 2026",
            kind="awareness",
            start=date(2026, 7, 1),
            end=date(2026, 7, 31),
            lead=police,
            acting_user=None,
        )
    _cooperation(day, police, border, cases)
    return _watchlist(day, communes, cases)


def _cooperation(day: date, police: Agency, border: Agency, cases: list[CriminalCase]) -> None:
    activities: list[dict[str, Any]] = [
        {
            "agency": border,
            "kind": "information",
            "counterpart_country": "LA",
            "counterpart": "Lực lượng bảo vệ biên giới tỉnh Attapeu",
            "start": date(2025, 8, 21),
            "end": date(2025, 8, 21),
            "summary": "Trao đổi tình hình xuất nhập cảnh trái phép trên tuyến biên giới chung",
        },
        {
            "agency": border,
            "kind": "repatriation",
            "counterpart_country": "LA",
            "counterpart": "Lực lượng bảo vệ biên giới tỉnh Attapeu",
            "start": date(2025, 10, 14),
            "end": date(2025, 10, 15),
            "summary": "Tiếp nhận công dân bị mua bán trở về qua cửa khẩu quốc tế Bờ Y",
        },
        {
            "agency": police,
            "kind": "joint_investigation",
            "counterpart_country": "KH",
            "counterpart": "Cảnh sát tỉnh Ratanakiri",
            "start": date(2025, 11, 20),
            "end": date(2025, 12, 5),
            "summary": "Phối hợp xác minh đường dây lừa đảo trực tuyến",
            "criminal_cases": [c for c in cases if c.destination_country == "KH"][:2],
        },
        {
            "agency": police,
            "kind": "repatriation",
            "counterpart_country": "KH",
            "counterpart": "Cảnh sát tỉnh Ratanakiri",
            "start": date(2026, 1, 8),
            "end": date(2026, 1, 9),
            "summary": "Tiếp nhận công dân được giải cứu khỏi cơ sở lừa đảo trực tuyến",
        },
        {
            "agency": border,
            "kind": "information",
            "counterpart_country": "LA",
            "counterpart": "Công an tỉnh Sekong",
            "start": date(2026, 3, 18),
            "end": date(2026, 3, 18),
            "summary": "Trao đổi thông tin về các đối tượng môi giới lao động qua biên giới",
        },
        {
            "agency": border,
            "kind": "information",
            "counterpart_country": "KH",
            "counterpart": "Cảnh sát biên giới tỉnh Ratanakiri",
            "start": date(2026, 5, 12),
            "end": date(2026, 5, 12),
            "summary": "Thống nhất cách báo tin khi phát hiện người bị đưa qua biên giới trái phép",
        },
    ]
    for activity in activities:
        if activity["end"] <= day:
            cooperation_record(acting_user=None, **activity)


def _watchlist(day: date, communes: list[Unit], cases: list[CriminalCase]) -> int:
    """Persons at risk kept by the demo commune officer in their own commune (issue 23: an
    officer records only within their area; the officer is the acting user, so the service
    checks it): some checks overdue, one escalated to a demo criminal case. Skipped when the
    officer's account does not exist."""

    officer = User.objects.filter(username=WATCH_OFFICER).first()
    home = next((c for c in communes if c.code == 21157), None)
    if officer is None or home is None:
        return 0
    rng = random.Random(13)  # noqa: S311 - reproducible demo data
    categories = list(WatchCategory.values)
    for i in range(WATCH_ENTRIES):
        opened = max(REFORM, day - timedelta(days=rng.randrange(45, 240)))
        entry = watch_open(
            category=categories[i % len(categories)],
            unit=home,
            officer=officer,
            lawful_basis="Luật Phòng, chống mua bán người số 53/2024/QH15",
            purpose="Phòng ngừa mua bán người, hỗ trợ kịp thời khi có dấu hiệu bị mua bán",
            opened_on=opened,
            review_on=day + timedelta(days=rng.randrange(60, 240)),
            full_name=f"Người theo dõi minh họa {i + 1}",
            address=f"Thôn minh họa {i + 1}",
            check_every_days=30,
            acting_user=officer,
        )
        overdue = i % 3 == 0  # a third of the entries: the last check is more than 30 days old
        on, last = opened + timedelta(days=30), day - timedelta(days=31 if overdue else 0)
        while on <= last:
            found = rng.random() < 0.7  # noqa: S311
            watch_check(
                entry=entry,
                on=on,
                found=found,
                result="Đã gặp, đang ở địa phương" if found else "Chưa liên lạc được",
                acting_user=None,
            )
            on += timedelta(days=30)
        if i == 1 and cases:
            watch_escalate(entry=entry, criminal_case=cases[0], acting_user=None)
    return WATCH_ENTRIES
