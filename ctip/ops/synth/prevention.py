"""Synthetic awareness activities with their target groups."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ctip.ops.synth.rows import Table, insert_all
from ctip.ops.synth.run import MARK, Run
from ctip.ops.synth.world import Place
from ctip.prevention.models import Activity

Through = Activity.target_groups.through

# Which agencies do awareness work, and how much (a repeated list: one randrange picks).
AGENCY_WEIGHTS = (
    ("police", 22),
    ("womens_union", 20),
    ("education", 14),
    ("youth_union", 12),
    ("social_protection", 10),
    ("border_guard", 8),
    ("people_committee", 6),
    ("procuracy", 4),
    ("court", 4),
)
COMMITTEE_SHARE = 0.25  # of activities in a commune that has a (synthetic) committee
KINDS = (
    ["session"] * 50
    + ["school"] * 12
    + ["training"] * 10
    + ["meeting"] * 8
    + ["banner"] * 7
    + ["media"] * 6
    + ["other"] * 5
    + ["sms"] * 2
)
SESSION_LIKE = {"session", "school", "meeting", "other"}
GROUPS = {
    "police": ("public", "pupils_students", "officers_soldiers", "workers_abroad"),
    "border_guard": ("border_coastal_residents", "fishermen", "ethnic_minority"),
    "education": ("pupils_students", "teachers"),
    "womens_union": ("rural_women", "ethnic_minority_women"),
    "youth_union": ("youth", "pupils_students"),
    "social_protection": ("volunteers", "public", "workers_abroad"),
    "people_committee": ("public", "ethnic_minority", "officials"),
    "procuracy": ("officials",),
    "court": ("officials",),
}
THEMES = (
    "Phòng, chống mua bán người qua mạng xã hội",
    "Cảnh giác với lời mời việc làm lương cao ở nước ngoài",
    "Luật Phòng, chống mua bán người năm 2024",
    "Di cư an toàn và kết hôn có yếu tố nước ngoài",
    "Nhận diện thủ đoạn lừa đảo, mua bán người",
)
NATIONAL_DAY = "Hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7"
SPAN = {  # days an activity may last beyond its start
    "training": [timedelta(days=d) for d in (0, 1, 2)],
    "banner": [timedelta(days=d) for d in range(0, 31, 5)],
    "media": [timedelta(days=d) for d in range(0, 31, 5)],
    "sms": [timedelta(days=d) for d in (0, 1, 7)],
}
NO_SPAN = [timedelta(0)]


# The columns each generated activity gives, in order (the others are fixed for the load).
FIELDS = (
    "agency_id",
    "kind",
    "start_date",
    "end_date",
    "unit_id",
    "campaign",
    "theme",
    "sessions",
    "participants",
    "participants_estimated",
    "media_items",
    "sms",
)


def load(run: Run) -> dict[str, int]:
    total = run.options.activities
    groups = [0]
    links = Table(Through, ("activity_id", "targetgroup_id"))

    def add_groups(chunk: list[tuple[int, list[str]]]) -> None:
        rows = [(pk, g) for pk, chosen in chunk for g in chosen]
        links.write(rows)
        groups[0] += len(rows)

    table = Table(Activity, FIELDS, {"notes": MARK, "batch_id": run.batch.pk})
    done = insert_all(table, _activities(run, total), run.report, "activities", total, add_groups)
    return {"activities": done, "activity_target_groups": groups[0]}


def _activities(run: Run, total: int) -> Iterator[tuple[tuple, list[str]]]:
    made = 0
    while made < total:
        for day, place in run.draws(min(5000, total - made)):
            yield _activity(run, day, place)
            made += 1


def _activity(run: Run, day: date, place: Place) -> tuple[tuple, list[str]]:
    """The activity's FIELDS and its target groups."""
    rng = run.rng
    seg = place.segment(day)
    commune = seg.communes[rng.randrange(len(seg.communes))]
    committee = seg.committees.get(commune)
    if committee is not None and rng.random() < COMMITTEE_SHARE:
        agency = committee
    else:
        pool = seg.pool(place.home[commune], AGENCY_WEIGHTS, "activity")
        agency = pool[rng.randrange(len(pool))]
    kind = KINDS[rng.randrange(len(KINDS))]
    national_day = day.month == 7 and rng.random() < 0.6
    spans = SPAN.get(kind, NO_SPAN)
    end = max(day, min(day + spans[rng.randrange(len(spans))], run.today))
    theme = NATIONAL_DAY if national_day else THEMES[rng.randrange(len(THEMES))]
    row = (
        agency,
        kind,
        day,
        end,
        commune,
        "national_day" if national_day else "",
        theme,
        *_counts(run, kind),
    )
    choices = GROUPS[run.agency_kind[agency]]
    return row, rng.sample(choices, 1 + (len(choices) > 1 and rng.random() < 0.4))


def _counts(run: Run, kind: str) -> tuple[int, int, bool, int, int]:
    """sessions, participants, participants_estimated, media_items, sms."""
    rng = run.rng
    if kind in SESSION_LIKE:
        participants = int(rng.triangular(15, 400, 60))
        sessions = 1 if rng.random() < 0.8 else rng.randint(2, 3)
    elif kind == "training":
        participants, sessions = rng.randint(20, 80), rng.randint(1, 3)
    else:
        participants, sessions = 0, 0
    return (
        sessions,
        participants,
        participants > 0 and rng.random() < 0.2,
        rng.randint(1, 6) if kind == "media" else 0,
        rng.randrange(500, 50_000) if kind == "sms" else 0,
    )
