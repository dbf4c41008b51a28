"""Demo prevention data reproducing the Quảng Ngãi 2023 review (shared/domain facts) as individual
activity records spread over 12/2020-10/2023 and over the units the facts imply, plus plausible
activity in the merged province since 7/2025. Deterministic (seeded) and idempotent.

For 12/2020-10/2023 the records say what the review says and nothing more: a figure the review
does not give is left blank (None), never invented, so the compiled review names that work
without a number. The themes are our own words."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.prevention.import_batch import activities_import
from ctip.prevention.importer import Spec
from ctip.prevention.models import VolunteerCount, VolunteerTeam

ACTION = "prevention.demo_load"
START, END = date(2020, 12, 1), date(2023, 10, 16)
MOUNTAINOUS = (525, 529, 530, 531, 535)  # Trà Bồng, Sơn Hà, Sơn Tây, Minh Long, Ba Tơ
COASTAL = (522, 524, 533, 534, 536)  # TP Quảng Ngãi, Bình Sơn, Mộ Đức, Đức Phổ, Lý Sơn
LEGACY_END = date(2025, 6, 30)
REFORM = date(2025, 7, 1)
# Commune teams ceased with their communes: a team dissolved on a day no longer stands that day
# (prevention.indicators), so 1/7/2025 leaves them standing through 30/6/2025, their last day.
OLD_TEAMS_DISSOLVED = REFORM
TEAM_BASIS = "Thông tư liên tịch 24/2012/TTLT-BLĐTBXH-BNV-BTC"
NATIONAL_DAY = "national_day"


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

    def add(
        self, agency: str, kind: str, day: date, unit: int, end: date | None = None, **values: Any
    ) -> None:
        partners = [self.agency[code] for code in values.pop("partners", ())]
        self.specs.append(
            Spec(
                agency_id=self.agency[agency],
                kind=kind,
                start_date=day,
                end_date=end or day,
                unit_id=unit,
                partners=partners,
                **values,
            )
        )

    def series(
        self,
        agency: str,
        kind: str,
        records: int,
        totals: dict[str, int],
        units: Callable[[int], int],
        months: list[date],
        groups: Callable[[int], list[str]] | list[str],
        **extra: Any,
    ) -> None:
        """`records` activities whose fields add up to `totals`, one month each (cycled)."""
        split = {k: _split(v, records, self.rng) for k, v in totals.items()}
        for i in range(records):
            month = months[i % len(months)]
            values: dict[str, Any] = {k: v[i] for k, v in split.items()}
            self.add(
                agency,
                kind,
                self.day_in(month),
                units(i),
                target_groups=list(groups(i) if callable(groups) else groups),
                **values,
                **extra,
            )


# --- 12/2020-10/2023: what the review says, per agency ----------------------------------------


def _police(b: _Builder, months: list[date], everywhere: tuple[int, ...]) -> None:
    """98 sessions (80 by the provincial police, 18 by district police), 3,046 participants
    given as an estimate ("hơn 3.000"), for the public, teachers and pupils; banners every year
    for 30/7; an SMS campaign with the Department of Information and Communications."""
    b.series(
        "qng-ca",
        "session",
        40,
        {"participants": 2416},
        lambda i: b.commune(everywhere),
        months,
        lambda i: ["public"] if i % 2 == 0 else ["pupils_students", "teachers"],
        sessions=2,
        participants_estimated=True,
        theme="Thủ đoạn dụ dỗ, lừa bán người và cách tố giác tội phạm",
    )
    for i, code in enumerate((522, 524, 527, 528, 529, 532, 533, 534, 535)):
        b.add(
            f"qng-ca-{code}",
            "session",
            b.day_in(months[(i * 4 + 1) % len(months)]),
            b.commune((code,)),
            sessions=2,
            participants=70,
            participants_estimated=True,
            target_groups=["public"],
            theme="Thủ đoạn dụ dỗ, lừa bán người và cách tố giác tội phạm",
        )
    for year in (2021, 2022, 2023):  # figures not stated: none
        b.add(
            "qng-ca",
            "banner",
            date(year, 7, 20),
            b.province_old,
            end=date(year, 7, 31),
            campaign=NATIONAL_DAY,
            target_groups=["public"],
        )
    b.add(
        "qng-ca",
        "sms",
        date(2022, 7, 25),
        b.province_old,
        end=date(2022, 7, 31),
        campaign=NATIONAL_DAY,
        partners=["qng-stttt"],
        target_groups=["public"],
        # Sent by the mobile operators to their subscribers in the province; count not stated.
    )


def _border_guard(b: _Builder, months: list[date]) -> None:
    """155 sessions with 9,560 participants as an estimate ("hơn 9.500") on the sea border,
    55 news items, and legal education inside the force (no figures)."""
    b.series(
        "qng-bdbp",
        "session",
        31,
        {"participants": 9560},
        lambda i: b.commune(COASTAL),
        months,
        ["border_coastal_residents", "fishermen"],
        sessions=5,
        participants_estimated=True,
        theme="Phòng ngừa mua bán người và tội phạm khác trên vùng biển, đảo của tỉnh",
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
        theme="Phòng, chống tội phạm ở vùng biên giới biển, đảo của tỉnh",
    )
    for year in (2021, 2022, 2023):  # inside the force: a meeting of its own, no figures
        b.add(
            "qng-bdbp",
            "meeting",
            date(year, 3, 10),
            b.province_old,
            target_groups=["officers_soldiers"],
            theme="Các quy định pháp luật về phòng, chống mua bán người",
        )


def _procuracy_and_court(b: _Builder) -> None:
    for agency, day in (("qng-vks", date(2021, 3, 18)), ("qng-ta", date(2021, 3, 25))):
        b.add(
            agency,
            "session",
            day,
            b.province_old,
            target_groups=["officials"],
            theme="Nội dung Công ước ACTIP và pháp luật có liên quan",
            notes="Cán bộ, công chức ở cấp tỉnh và cấp huyện",
        )


def _labour(b: _Builder, months: list[date]) -> None:
    """Trainings for the volunteer teams of the mountainous districts, 3,150 participants as an
    estimate ("hơn 3.100"), sessions not stated; the 2021 national 30/7 theme, no figures."""
    b.series(
        "qng-sldtbxh",
        "training",
        24,
        {"participants": 3150},
        lambda i: b.district[MOUNTAINOUS[i % len(MOUNTAINOUS)]],
        months,
        ["volunteers"],
        participants_estimated=True,
        partners=["qng-ca", "qng-bdbp", "qng-sngv"],
        theme="Kỹ năng tiếp nhận, xác minh, xác định nạn nhân bị mua bán",
    )
    b.add(
        "qng-sldtbxh",
        "other",
        date(2021, 7, 30),
        b.province_old,
        campaign=NATIONAL_DAY,
        # The national message of the 2021 action month (a fact, quoted as such).
        theme="Lắng nghe nạn nhân - dẫn lối hành động",
    )


def _womens_union(b: _Builder, months: list[date]) -> None:
    """Rural and ethnic-minority women of the five mountainous districts, 3,540 participants
    as an estimate ("hơn 3.500"), sessions not stated."""
    b.series(
        "qng-hlhpn",
        "session",
        36,
        {"participants": 3540},
        lambda i: b.commune((MOUNTAINOUS[i % len(MOUNTAINOUS)],)),
        months,
        ["rural_women", "ethnic_minority_women"],
        participants_estimated=True,
        theme="Đi làm ăn xa an toàn, lấy chồng và cho con nuôi có yếu tố nước ngoài",
    )


def _education(b: _Builder) -> None:
    """Each school year: lessons, extracurricular activities and a seminar (no figures)."""
    for first in (2020, 2021, 2022):
        opens = max(date(first, 9, 5), START)
        closes = date(first + 1, 5, 31)
        for start, end, theme in (
            (opens, closes, "Phòng, chống mua bán người lồng ghép trong giờ học chính khóa"),
            (opens, closes, "Phòng, chống tệ nạn xã hội trong sinh hoạt ngoại khóa"),
            (
                date(first + 1, 3, 15),
                date(first + 1, 3, 15),
                "Tọa đàm: cảnh giác trước lời mời việc làm trên mạng",
            ),
        ):
            b.add(
                "qng-sgddt",
                "school",
                start,
                b.province_old,
                end=end,
                target_groups=["pupils_students"],
                theme=theme,
            )


# The review gives these five one sentence, without audiences, topics or figures: their records
# say the same (general outreach to the public, one shared topic), so the compiled review can
# name them together as the real one does.
MASS_ORGANISATIONS = ("qng-mttq", "qng-ldld", "qng-tdtn", "qng-hccb", "qng-hnd")
MASS_THEME = "Nhận diện thủ đoạn mua bán người và cách phòng tránh"


def _mass_organisations(b: _Builder) -> None:
    """The five organisations the review names: outreach in several forms, no figures."""
    for n, agency in enumerate(MASS_ORGANISATIONS):
        for year in (2021, 2022, 2023):
            b.add(
                agency,
                "session",
                date(year, 4 + n, 10 + n),
                b.province_old,
                target_groups=["public"],
                theme=MASS_THEME,
            )


def _review_period(b: _Builder) -> None:
    months = _months(START, END)
    _police(b, months, tuple(b.communes_of))
    _border_guard(b, months)
    _procuracy_and_court(b)
    _labour(b, months)
    _womens_union(b, months)
    _education(b)
    _mass_organisations(b)


# --- since 7/2025: the merged province ---------------------------------------------------------


def _today_communes() -> Any:
    return Unit.objects.valid_on(REFORM).filter(level__in=COMMUNE_LEVELS, parent__code=51)


def _merged_province(b: _Builder, today: date) -> None:
    """Plausible activity since 7/2025 in today's communes (old Kon Tum included); the Border
    Guard in the land-border and coastal communes."""
    months = _months(REFORM, min(today, date(2026, 11, 30)))
    communes = list(_today_communes().order_by("code").values_list("pk", flat=True))
    border = list(
        _today_communes()
        .filter(Q(land_border=True) | Q(coastal=True))
        .order_by("code")
        .values_list("pk", flat=True)
    )
    for agency, groups, per_month, places in (
        ("qng-ca-2025", ["public", "pupils_students"], 2, communes),
        ("qng-bdbp-2025", ["border_coastal_residents"], 2, border or communes),
        ("qng-hlhpn-2025", ["rural_women", "ethnic_minority_women"], 1, communes),
        ("qng-syt-2025", ["volunteers"], 1, communes),
    ):
        for month in months:
            for _ in range(per_month):
                b.add(
                    agency,
                    "session",
                    b.day_in(month, today),
                    b.rng.choice(places),
                    sessions=1,
                    participants=b.rng.randrange(30, 90),
                    target_groups=groups,
                )


# --- volunteer social-work teams (a stock) ------------------------------------------------------


def _old_teams(b: _Builder) -> None:
    """168 teams standing on 16/10/2023 with 1,222 volunteers (the review: more than 1,200),
    in old Quảng Ngãi's communes; they ceased with those communes on 1/7/2025."""
    communes = [pk for district in sorted(b.communes_of) for pk in b.communes_of[district]]
    names = dict(Unit.objects.filter(pk__in=communes).values_list("pk", "name"))
    teams = [
        VolunteerTeam(
            unit_id=pk,
            name=f"Đội công tác xã hội tình nguyện {names[pk]}",
            established=date(2013 + i % 9, 3, 1),
            dissolved=OLD_TEAMS_DISSOLVED,
            legal_basis=TEAM_BASIS,
        )
        for i, pk in enumerate(communes[:168])
    ]
    created = VolunteerTeam.objects.bulk_create(teams)
    VolunteerCount.objects.bulk_create(
        VolunteerCount(team=team, as_of=date(2023, 6, 30), volunteers=8 if i < 46 else 7)
        for i, team in enumerate(created)
    )


# Teams of today's communes: most re-established on the day of the merger, a few later; their
# volunteers counted when each team was set up (a 2025 date) and again at the end of 3/2026.
NEW_TEAMS_LATE = date(2025, 10, 15)
NEW_RECOUNT = date(2026, 3, 31)


def _new_teams(today: date) -> None:
    """A team in every commune of the merged province (old Kon Tum's territory included),
    set up after 1/7/2025; nothing dated after `today`."""
    rng = random.Random(2025)  # noqa: S311 - reproducible demo data, not secrets
    communes = list(_today_communes().order_by("code").values_list("pk", "name"))
    planned = [
        VolunteerTeam(
            unit_id=pk,
            name=f"Đội công tác xã hội tình nguyện {name}",
            established=NEW_TEAMS_LATE if i % 12 == 5 else REFORM,
            legal_basis=TEAM_BASIS,
        )
        for i, (pk, name) in enumerate(communes)
    ]
    created = VolunteerTeam.objects.bulk_create([t for t in planned if t.established <= today])
    counts = []
    for team in created:
        volunteers = rng.randrange(9, 16)
        for day in (team.established, NEW_RECOUNT):
            if day <= today:
                counts.append(VolunteerCount(team=team, as_of=day, volunteers=volunteers))
            volunteers += rng.randrange(0, 3)  # teams grow a little between counts
    VolunteerCount.objects.bulk_create(counts)


def demo_prevention_ensure(*, today: date | None = None) -> int:
    if AuditEntry.objects.filter(action=ACTION).exists():
        return 0
    today = today or date.today()
    builder = _Builder()
    _review_period(builder)
    _merged_province(builder, today)
    with transaction.atomic():
        _old_teams(builder)
        _new_teams(today)
        return activities_import(
            specs=builder.specs, data=b"ctip demo prevention", acting_user=None, action=ACTION
        )
