"""Demo prevention data reproducing the Quảng Ngãi 2023 review (shared/domain facts) as individual
activity records spread over 12/2020-10/2023 and over the units the facts imply, plus plausible
activity in the merged province since 7/2025. Deterministic (seeded) and idempotent."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.geo.models import Level, Unit
from ctip.prevention.import_batch import activities_import
from ctip.prevention.importer import Spec
from ctip.prevention.models import VolunteerCount, VolunteerTeam

ACTION = "prevention.demo_load"
START, END = date(2020, 12, 1), date(2023, 10, 16)
MOUNTAINOUS = (525, 529, 530, 531, 535)  # Trà Bồng, Sơn Hà, Sơn Tây, Minh Long, Ba Tơ
COASTAL = (522, 524, 533, 534, 536)  # TP Quảng Ngãi, Bình Sơn, Mộ Đức, Đức Phổ, Lý Sơn
LEGACY_END = date(2025, 6, 30)


def _months(start: date, end: date) -> list[date]:
    out, day = [], date(start.year, start.month, 1)
    while day <= end:
        out.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` as `parts` positive integers that add up exactly."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


class _Builder:
    def __init__(self) -> None:
        self.rng = random.Random(2023)  # noqa: S311 - reproducible demo data, not secrets
        self.specs: list[Spec] = []
        self.agency = {a.code: a.pk for a in Agency.objects.only("id", "code")}
        legacy = Unit.objects.filter(valid_to=LEGACY_END)
        self.communes_of: dict[int, list[int]] = {}
        for unit in legacy.filter(level=Level.COMMUNE, parent__code__range=(522, 536)):
            self.communes_of.setdefault(unit.parent.code, []).append(unit.pk)  # type: ignore[union-attr]
        self.district = {u.code: u.pk for u in legacy.filter(level=Level.DISTRICT)}
        self.province_old = legacy.get(level=Level.PROVINCE, code=51).pk

    def day_in(self, month: date, end: date = END) -> date:
        last = date(month.year + (month.month == 12), month.month % 12 + 1, 1) - timedelta(1)
        last = min(last, end)
        return month + timedelta(days=self.rng.randrange((last - month).days + 1))

    def commune(self, districts: tuple[int, ...]) -> int:
        """A commune of one of `districts`; the island district Lý Sơn has no commune in the
        package's snapshot, so its activities are recorded at district level."""
        district = self.rng.choice(districts)
        communes = self.communes_of.get(district)
        return self.rng.choice(communes) if communes else self.district[district]

    def add(self, agency: str, kind: str, day: date, unit: int, **values) -> None:
        self.specs.append(
            Spec(
                agency_id=self.agency[agency],
                kind=kind,
                start_date=day,
                end_date=day,
                unit_id=unit,
                **values,
            )
        )

    def series(self, agency, kind, records, totals, units, months, groups, **extra) -> None:
        """`records` activities whose fields add up to `totals`, one month each (cycled)."""
        split = {k: _split(v, records, self.rng) for k, v in totals.items()}
        for i in range(records):
            month = months[i % len(months)]
            self.add(
                agency,
                kind,
                self.day_in(month),
                units(i),
                target_groups=list(groups),
                **{k: v[i] for k, v in split.items()},
                **extra,
            )


def _review_period(b: _Builder) -> None:
    months = _months(START, END)
    all_districts = tuple(b.communes_of)
    # Police: 98 sessions, more than 3,000 participants, in communes and schools.
    b.series(
        "qng-ca",
        "session",
        40,
        {"participants": 2480},
        lambda i: b.commune(all_districts),
        months,
        ["public", "pupils_students", "teachers"],
        sessions=2,
        participants_estimated=True,
    )
    for i, code in enumerate((522, 524, 527, 528, 529, 532, 533, 534, 535)):
        b.add(
            f"qng-ca-{code}",
            "session",
            b.day_in(months[(i * 4 + 1) % len(months)]),
            b.commune((code,)),
            sessions=2,
            participants=70,
            target_groups=["public"],
        )
    for year in (2021, 2022, 2023):
        b.add(
            "qng-ca",
            "banner",
            date(year, 7, 28),
            b.province_old,
            campaign="national_day",
            theme="Ngày toàn dân phòng, chống mua bán người 30/7",
        )
    # With the Department of Information and Communications, through the mobile operators.
    b.add(
        "qng-ca",
        "sms",
        date(2022, 7, 25),
        b.province_old,
        campaign="national_day",
        theme="Tin nhắn tuyên truyền tới thuê bao di động trên địa bàn tỉnh",
    )
    # Border Guard: 155 sessions, more than 9,500 participants, 55 media items; sea border.
    b.series(
        "qng-bdbp",
        "session",
        31,
        {"participants": 9610},
        lambda i: b.commune(COASTAL),
        months,
        ["border_coastal_residents", "fishermen"],
        sessions=5,
        participants_estimated=True,
    )
    b.series(
        "qng-bdbp",
        "media",
        11,
        {},
        lambda i: b.province_old,
        months[::3],
        ["public"],
        media_items=5,
    )
    # Women's Union: more than 3,500 rural and ethnic-minority women in the mountainous districts.
    b.series(
        "qng-hlhpn",
        "session",
        36,
        {"participants": 3540},
        lambda i: b.commune((MOUNTAINOUS[i % len(MOUNTAINOUS)],)),
        months,
        ["rural_women", "ethnic_minority_women"],
        sessions=1,
        theme="Di cư lao động; kết hôn, nuôi con nuôi có yếu tố nước ngoài",
    )
    # Labour department: trainings for more than 3,100 volunteers in the mountainous districts.
    b.series(
        "qng-sldtbxh",
        "training",
        24,
        {"participants": 3150},
        lambda i: b.district[MOUNTAINOUS[i % len(MOUNTAINOUS)]],
        months[::1],
        ["volunteers"],
        sessions=1,
        participants_estimated=True,
    )
    b.add(
        "qng-sldtbxh",
        "meeting",
        date(2023, 7, 28),
        b.province_old,
        campaign="national_day",
        sessions=1,
        participants=150,
        theme="Lắng nghe nạn nhân - dẫn lối hành động",
    )
    # Procuracy and court: ACTIP disseminated to their officials.
    for agency in ("qng-vks", "qng-ta"):
        b.add(
            agency,
            "meeting",
            date(2021, 6, 15),
            b.province_old,
            sessions=1,
            participants=60,
            target_groups=["officials"],
            theme="Phổ biến Công ước ACTIP",
        )
    # Education: integrated into school activities.
    b.series(
        "qng-sgddt",
        "school",
        12,
        {"participants": 2400},
        lambda i: b.commune(all_districts),
        months[::3],
        ["pupils_students"],
        sessions=1,
    )


def _merged_province(b: _Builder, today: date) -> None:
    """Plausible activity since 7/2025 in today's communes (old Kon Tum included)."""
    months = _months(date(2025, 7, 1), min(today, date(2026, 11, 30)))
    communes = list(
        Unit.objects.valid_on(date(2025, 7, 1))
        .filter(level=Level.COMMUNE, parent__code=51)
        .values_list("pk", flat=True)
    )
    for agency, groups, per_month in (
        ("qng-ca-2025", ["public", "pupils_students"], 2),
        ("qng-bdbp-2025", ["border_coastal_residents"], 2),
        ("qng-hlhpn-2025", ["rural_women", "ethnic_minority_women"], 1),
        ("qng-syt-2025", ["volunteers"], 1),
    ):
        for month in months:
            for _ in range(per_month):
                b.add(
                    agency,
                    "session",
                    b.day_in(month, today),
                    b.rng.choice(communes),
                    sessions=1,
                    participants=b.rng.randrange(30, 90),
                    target_groups=groups,
                )


def _volunteer_teams(b: _Builder) -> None:
    """168 teams standing on 16/10/2023 with 1,222 volunteers (the review: more than 1,200)."""
    communes = [pk for district in sorted(b.communes_of) for pk in b.communes_of[district]]
    names = dict(Unit.objects.filter(pk__in=communes).values_list("pk", "name"))
    teams = [
        VolunteerTeam(
            unit_id=pk,
            name=f"Đội công tác xã hội tình nguyện {names[pk]}",
            established=date(2013 + i % 9, 3, 1),
            legal_basis="Thông tư liên tịch 24/2012/TTLT-BLĐTBXH-BNV-BTC",
        )
        for i, pk in enumerate(communes[:168])
    ]
    created = VolunteerTeam.objects.bulk_create(teams)
    VolunteerCount.objects.bulk_create(
        VolunteerCount(team=team, as_of=date(2023, 6, 30), volunteers=8 if i < 46 else 7)
        for i, team in enumerate(created)
    )


def demo_prevention_ensure(*, today: date | None = None) -> int:
    if AuditEntry.objects.filter(action=ACTION).exists():
        return 0
    builder = _Builder()
    _review_period(builder)
    _merged_province(builder, today or date.today())
    with transaction.atomic():
        _volunteer_teams(builder)
        return activities_import(
            specs=builder.specs, data=b"ctip demo prevention", acting_user=None, action=ACTION
        )
