"""Synthetic criminal cases (stages, a few named suspects) and watchlist entries (checks)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ctip.enforcement.models import (
    STAGE_OWNER_KIND,
    CriminalCase,
    Stage,
    StageEvent,
    Suspect,
    WatchCategory,
    WatchCheck,
    WatchEntry,
)
from ctip.ops.synth.rows import Table, insert_all, invented_name, sealed
from ctip.ops.synth.run import MARK, Run
from ctip.ops.synth.world import Place

SOURCES = {
    "police": ("denunciation", "hotline", "victim", "patrol", "foreign_partner"),
    "border_guard": ("border_check", "patrol", "denunciation"),
}
# recruitment channel, platforms, exploitation form, destinations
MODUS = (
    ("social_network", ("facebook", "zalo", "telegram", "tiktok"), "online_scam", ("KH", "MM")),
    ("fake_job", ("facebook", "zalo"), "forced_labour", ("LA", "KH", "MY")),
    ("marriage_broker", ("zalo", "none"), "forced_marriage", ("CN",)),
    ("acquaintance", ("none",), "sexual", ("CN", "MY", "")),
    ("broker", ("none", "other"), "child_sale", ("CN",)),
)
# (stage, chance to reach it from the previous one, days after the previous one)
LADDER = (
    (Stage.INSTITUTED, 0.75, (5, 60)),
    (Stage.INDICTED, 0.75, (60, 180)),
    (Stage.TRIED, 0.85, (30, 120)),
    (Stage.JUDGED, 0.9, (0, 30)),
)
DROP_CHANCE = 0.4  # of a case that does not reach the next of the first two stages
SUSPECT_SHARE = 0.3
WATCH_CATEGORIES = (
    [WatchCategory.LONG_ABSENT.value] * 5
    + [WatchCategory.OVERSTAYING.value] * 3
    + [WatchCategory.FOREIGN_ELEMENT.value] * 2
)
LAWFUL_BASIS = "Luật Phòng, chống mua bán người số 53/2024/QH15"
PURPOSE = f"Phòng ngừa nguy cơ bị mua bán người {MARK}"
CHECK_EVERY = (30, 60, 90)


CASE_FIELDS = (
    "number",
    "owner_id",
    "stage",
    "detected_on",
    "source",
    "unit_id",
    "recruitment_channel",
    "platform",
    "exploitation_form",
    "destination_country",
    "suspects_count",
    "unregistered_victims",
)


def load_cases(run: Run) -> dict[str, int]:
    total = run.options.cases
    counts = {"stage_events": 0, "suspects": 0}
    stage_table = Table(StageEvent, ("case_id", "stage", "on", "agency_id"))
    blanks = {"identity_document": run.blank.token, "address": run.blank.token}
    suspect_table = Table(Suspect, ("case_id", "full_name", "sex"), blanks)

    def add_stages(chunk: list[tuple[int, tuple]]) -> None:
        stages = [(pk, s, on, agency) for pk, (steps, _named) in chunk for s, on, agency in steps]
        suspects = [(pk, sealed(name), sex) for pk, (_steps, named) in chunk for name, sex in named]
        stage_table.write(stages)
        suspect_table.write(suspects)
        counts["stage_events"] += len(stages)
        counts["suspects"] += len(suspects)

    table = Table(CriminalCase, CASE_FIELDS, {"route": run.blank.token, "outcome": run.blank.token})
    done = insert_all(
        table, _criminal_cases(run, total), run.report, "criminal cases", total, add_stages
    )
    return {"criminal_cases": done, **counts}


def _criminal_cases(run: Run, total: int) -> Iterator[tuple[tuple, tuple]]:
    number = 0
    while number < total:
        for day, place in run.draws(min(5000, total - number)):
            number += 1
            yield _criminal_case(run, number, day, place)


def _criminal_case(run: Run, number: int, day: date, place: Place) -> tuple[tuple, tuple]:
    """The case's CASE_FIELDS, with its stages and its named suspects."""
    rng = run.rng
    seg = place.segment(day)
    commune = seg.communes[rng.randrange(len(seg.communes))]
    owner_kind = "border_guard" if place.border and rng.random() < 0.2 else "police"
    owner = place.agency(owner_kind, day, commune)
    channel, platforms, form, destinations = MODUS[rng.randrange(len(MODUS))]
    stages = _stages(run, place, day, commune, owner)
    suspects = rng.randint(1, 4)
    named = rng.randint(1, suspects) if rng.random() < SUSPECT_SHARE else 0
    source = rng.choice(SOURCES[run.agency_kind[owner]])
    platform = rng.choice(platforms)
    destination = rng.choice(destinations)
    row = (
        f"{run.prefix}-VA-{number:06d}",
        owner,
        stages[-1][0],
        day,
        source,
        commune,
        channel,
        platform,
        form,
        destination,
        suspects,
        rng.randint(0, 4),
    )
    people = [
        (invented_name(rng, female), "female" if female else "male")
        for female in (rng.random() < 0.4 for _ in range(named))
    ]
    return row, (stages, people)


def _stages(run: Run, place: Place, day: date, commune: int, owner: int) -> list:
    """(stage, day, agency) from detection: each stage by an agency of the kind that owns it,
    in force on that day (a case detected before the reform is tried by the merged court)."""
    rng = run.rng
    stages = [(Stage.DETECTED.value, day, owner)]
    for position, (stage, chance, (low, high)) in enumerate(LADDER):
        on = stages[-1][1] + timedelta(days=rng.randint(low, high))
        if on > run.today:
            break
        if rng.random() >= chance:
            if position < 2 and rng.random() < DROP_CHANCE:
                agency = place.agency(STAGE_OWNER_KIND[Stage.DROPPED], on, commune)
                stages.append((Stage.DROPPED.value, on, agency))
            break
        agency = place.agency(STAGE_OWNER_KIND[stage], on, commune)
        stages.append((stage.value, on, agency))
    return stages


ENTRY_FIELDS = (
    "category",
    "unit_id",
    "opened_on",
    "review_on",
    "check_every_days",
    "next_check_on",
    "full_name",
)


def load_watchlist(run: Run) -> dict[str, int]:
    total = run.options.watchlist
    checks = [0]
    check_table = Table(
        WatchCheck,
        ("entry_id", "on", "found"),
        {"result": run.blank.token, "actor_id": run.officer.pk},
    )

    def add_checks(chunk: list[tuple[int, list]]) -> None:
        rows = [(pk, on, found) for pk, done in chunk for on, found in done]
        check_table.write(rows)
        checks[0] += len(rows)

    fixed = {
        "officer_id": run.officer.pk,
        "lawful_basis": LAWFUL_BASIS,
        "purpose": PURPOSE,
        "address": run.blank.token,
        "note": run.blank.token,
    }
    table = Table(WatchEntry, ENTRY_FIELDS, fixed)
    done = insert_all(table, _entries(run, total), run.report, "watch entries", total, add_checks)
    return {"watch_entries": done, "watch_checks": checks[0]}


def _entries(run: Run, total: int) -> Iterator[tuple[tuple, list]]:
    made = 0
    while made < total:
        for day, place in run.draws(min(5000, total - made)):
            made += 1
            yield _entry(run, day, place)


def _entry(run: Run, day: date, place: Place) -> tuple[tuple, list]:
    """The entry's ENTRY_FIELDS, with the checks done so far."""
    rng = run.rng
    seg = place.segment(day)
    every = CHECK_EVERY[rng.randrange(len(CHECK_EVERY))]
    # Checks done so far: some on time, some entries left overdue.
    due = [day + timedelta(days=every * k) for k in range(1, 5)]
    checks = [(on, rng.random() < 0.7) for on in due[: rng.randint(0, 4)] if on <= run.today]
    category = WATCH_CATEGORIES[rng.randrange(len(WATCH_CATEGORIES))]
    unit = seg.communes[rng.randrange(len(seg.communes))]
    row = (
        category,
        unit,
        day,
        day + timedelta(days=365),
        every,
        (checks[-1][0] if checks else day) + timedelta(days=every),
        sealed(invented_name(rng, rng.random() < 0.7)),
    )
    return row, checks
