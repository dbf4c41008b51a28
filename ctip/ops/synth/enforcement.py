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
from ctip.ops.synth.rows import insert, insert_all, invented_name
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


def load_cases(run: Run) -> dict[str, int]:
    total = run.options.cases
    counts = {"stage_events": 0, "suspects": 0}

    def add_stages(chunk: list[CriminalCase]) -> None:
        stages = [
            StageEvent(case_id=c.pk, stage=s, on=on, agency_id=agency)
            for c in chunk
            for s, on, agency in c.synth_stages  # type: ignore[attr-defined]
        ]
        suspects = [
            Suspect(
                case_id=c.pk,
                full_name=name,
                sex=sex,
                identity_document=run.blank.value(),
                address=run.blank.value(),
            )
            for c in chunk
            for name, sex in c.synth_suspects  # type: ignore[attr-defined]
        ]
        insert(StageEvent, stages)
        insert(Suspect, suspects)
        counts["stage_events"] += len(stages)
        counts["suspects"] += len(suspects)

    done = insert_all(
        CriminalCase, _criminal_cases(run, total), run.report, "criminal cases", total, add_stages
    )
    return {"criminal_cases": done, **counts}


def _criminal_cases(run: Run, total: int) -> Iterator[CriminalCase]:
    number = 0
    while number < total:
        for day, place in run.draws(min(5000, total - number)):
            number += 1
            yield _criminal_case(run, number, day, place)


def _criminal_case(run: Run, number: int, day: date, place: Place) -> CriminalCase:
    rng = run.rng
    seg = place.segment(day)
    commune = seg.communes[rng.randrange(len(seg.communes))]
    owner_kind = "border_guard" if place.border and rng.random() < 0.2 else "police"
    owner = place.agency(owner_kind, day, commune)
    channel, platforms, form, destinations = MODUS[rng.randrange(len(MODUS))]
    stages = _stages(run, place, day, commune, owner)
    suspects = rng.randint(1, 4)
    named = rng.randint(1, suspects) if rng.random() < SUSPECT_SHARE else 0
    case = CriminalCase(
        number=f"{run.prefix}-VA-{number:06d}",
        owner_id=owner,
        stage=stages[-1][0],
        detected_on=day,
        source=rng.choice(SOURCES[run.agency_kind[owner]]),
        unit_id=commune,
        recruitment_channel=channel,
        platform=rng.choice(platforms),
        exploitation_form=form,
        destination_country=rng.choice(destinations),
        suspects_count=suspects,
        unregistered_victims=rng.randint(0, 4),
        route=run.blank.value(),
        outcome=run.blank.value(),
    )
    case.synth_stages = stages  # type: ignore[attr-defined]
    case.synth_suspects = [  # type: ignore[attr-defined]
        (invented_name(rng, female), "female" if female else "male")
        for female in (rng.random() < 0.4 for _ in range(named))
    ]
    return case


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


def load_watchlist(run: Run) -> dict[str, int]:
    total = run.options.watchlist
    checks = [0]

    def add_checks(chunk: list[WatchEntry]) -> None:
        rows = [
            WatchCheck(
                entry_id=e.pk,
                on=on,
                found=found,
                result=run.blank.value(),
                actor_id=run.officer.pk,
            )
            for e in chunk
            for on, found in e.synth_checks  # type: ignore[attr-defined]
        ]
        insert(WatchCheck, rows)
        checks[0] += len(rows)

    done = insert_all(
        WatchEntry, _entries(run, total), run.report, "watch entries", total, add_checks
    )
    return {"watch_entries": done, "watch_checks": checks[0]}


def _entries(run: Run, total: int) -> Iterator[WatchEntry]:
    made = 0
    while made < total:
        for day, place in run.draws(min(5000, total - made)):
            made += 1
            yield _entry(run, day, place)


def _entry(run: Run, day: date, place: Place) -> WatchEntry:
    rng = run.rng
    seg = place.segment(day)
    every = CHECK_EVERY[rng.randrange(len(CHECK_EVERY))]
    # Checks done so far: some on time, some entries left overdue.
    due = [day + timedelta(days=every * k) for k in range(1, 5)]
    checks = [(on, rng.random() < 0.7) for on in due[: rng.randint(0, 4)] if on <= run.today]
    entry = WatchEntry(
        category=WATCH_CATEGORIES[rng.randrange(len(WATCH_CATEGORIES))],
        unit_id=seg.communes[rng.randrange(len(seg.communes))],
        officer_id=run.officer.pk,
        lawful_basis=LAWFUL_BASIS,
        purpose=PURPOSE,
        opened_on=day,
        review_on=day + timedelta(days=365),
        check_every_days=every,
        next_check_on=(checks[-1][0] if checks else day) + timedelta(days=every),
        full_name=invented_name(rng, rng.random() < 0.7),
        address=run.blank.value(),
        note=run.blank.value(),
    )
    entry.synth_checks = checks  # type: ignore[attr-defined]
    return entry
