"""Synthetic criminal cases since 7/2025 in the merged province (none in Quảng Ngãi for
12/2020-10/2023: the reference report states none was detected). Invented; nothing printed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.enforcement.models import CriminalCase, Stage, StageEvent
from ctip.enforcement.services import criminal_case_create
from ctip.geo.models import COMMUNE_LEVELS, Unit

ACTION = "enforcement.demo_load"
PATTERNS = [  # (destination, platform, channel, exploitation, source)
    ("KH", "telegram", "social_network", "online_scam", "border_check"),
    ("LA", "facebook", "fake_job", "forced_labour", "denunciation"),
    ("CN", "zalo", "marriage_broker", "forced_marriage", "foreign_partner"),
    ("KH", "tiktok", "social_network", "online_scam", "victim"),
]


def _review_period_monitoring() -> None:
    """12/2020-10/2023: no trafficking case, but inspections, campaigns, information exchanges
    (the reference report's section II.4-II.5)."""
    from ctip.cooperation.services import campaign_record, cooperation_record, inspection_record

    police = Agency.objects.get(code="qng-ca")
    border = Agency.objects.get(code="qng-bdbp")
    province = Unit.objects.get(level="province", code=51, valid_to=date(2025, 6, 30))
    for year in (2021, 2022, 2023):
        campaign_record(
            name=f"Cao điểm tấn công trấn áp tội phạm mua bán người năm {year}",
            kind="crackdown",
            start=date(year, 4, 1),
            end=date(year, 6, 30),
            lead=police,
            acting_user=None,
        )
        campaign_record(
            name=f"Tháng hành động phòng, chống mua bán người năm {year}",
            kind="awareness",
            start=date(year, 7, 1),
            end=date(year, 7, 31),
            lead=police,
            acting_user=None,
        )
        for month, kind in ((3, "Cơ sở karaoke"), (9, "Cơ sở lưu trú, massage")):
            inspection_record(
                agency=police,
                unit=province,
                on=date(year, month, 15),
                establishment_kind=kind,
                findings="Kiểm tra định kỳ",
                violations=1 if month == 9 else 0,
                acting_user=None,
            )
        cooperation_record(
            agency=border,
            kind="information",
            counterpart_country="LA",
            counterpart="Lực lượng bảo vệ biên giới nước bạn",
            start=date(year, 10, 5),
            end=date(year, 10, 5),
            summary="Trao đổi thông tin tình hình tội phạm qua biên giới",
            acting_user=None,
        )


def demo_enforcement_ensure(*, today: date | None = None) -> int:
    if AuditEntry.objects.filter(action=ACTION).exists():
        return 0
    today = today or date.today()
    _review_period_monitoring()
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
    from django.db import transaction

    with transaction.atomic():
        audit_write(action=ACTION, acting_user=None, count=8)
    return 8
