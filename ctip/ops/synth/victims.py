"""Synthetic victim cases: the person's name encrypted (and its blind index), the statistical
fields in clear, forms of exploitation, and the workflow history the indicators count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ctip.core.personal import personal_fields
from ctip.ops.synth.rows import insert, insert_all, invented_name, name_index
from ctip.ops.synth.run import Run
from ctip.ops.synth.world import Place
from ctip.victims.models import Case, CaseEvent, CaseExploitation
from ctip.victims.states import State

# Who receives the person first (weights), and the reception source that goes with it.
OWNER_WEIGHTS = (("police", 35), ("social_protection", 35), ("border_guard", 20))
COMMITTEE_SHARE = 0.1
SOURCES = {
    "police": ("police",),
    "border_guard": ("border_guard",),
    "social_protection": ("hotline", "family", "self", "ngo", "mission_abroad"),
    "people_committee": ("commune",),
}
# forms of exploitation, destinations, recruitment channel
PATTERNS = (
    (("online_scam", "forced_labour"), ("KH", "MM", "LA"), "social_network"),
    (("forced_labour",), ("LA", "MY", "TH", "CN"), "broker"),
    (("forced_marriage",), ("CN",), "marriage_broker"),
    (("sexual",), ("MY", "CN", "KH", "TH"), "fake_job"),
    (("sexual",), ("",), "acquaintance"),
    (("child_sale",), ("CN",), "acquaintance"),
    (("surrogacy",), ("CN",), "broker"),
)
CONTROL = ("debt", "documents_withheld", "confinement", "violence", "isolation")
# Paths through the workflow (CASE_FLOW) and how often a case stops at each end.
V, ID, SUP = State.VERIFYING, State.IDENTIFIED, State.SUPPORT
PATHS = (
    ((), 5),
    ((V,), 10),
    ((V, ID), 5),
    ((V, ID, SUP), 15),
    ((V, ID, SUP, State.REPATRIATION, State.REINTEGRATION), 10),
    ((V, ID, SUP, State.REINTEGRATION), 15),
    ((V, ID, SUP, State.REINTEGRATION, State.FOLLOW_UP), 10),
    ((V, ID, SUP, State.REINTEGRATION, State.FOLLOW_UP, State.CLOSED), 15),
    ((V, State.NOT_VICTIM), 8),
    ((V, State.NOT_VICTIM, State.CLOSED), 7),
)
PATH_LIST = [path for path, weight in PATHS for _ in range(weight)]
# Days from the previous step to each state.
DELAY = {V: (0, 2), ID: (1, 12), State.NOT_VICTIM: (1, 12)}
DEFAULT_DELAY = (3, 60)


def load(run: Run) -> dict[str, int]:
    total = run.options.victims
    counts = {"case_exploitation": 0, "case_events": 0}

    def add_history(chunk: list[Case]) -> None:
        forms = [
            CaseExploitation(case_id=c.pk, form=f)
            for c in chunk
            for f in c.synth_forms  # type: ignore[attr-defined]
        ]
        events = [
            CaseEvent(
                case_id=c.pk,
                on=on,
                from_state=before,
                to_state=after,
                reason=run.blank.value(),
            )
            for c in chunk
            for before, after, on in c.synth_events  # type: ignore[attr-defined]
        ]
        insert(CaseExploitation, forms)
        insert(CaseEvent, events)
        counts["case_exploitation"] += len(forms)
        counts["case_events"] += len(events)

    done = insert_all(Case, _cases(run, total), run.report, "victim cases", total, add_history)
    return {"victim_cases": done, **counts}


def _cases(run: Run, total: int) -> Iterator[Case]:
    number = 0
    while number < total:
        for day, place in run.draws(min(5000, total - number)):
            number += 1
            yield _case(run, number, day, place)


def _owner(run: Run, day: date, place: Place, commune: int) -> int:
    seg = place.segment(day)
    committee = seg.committees.get(commune)
    if committee is not None and run.rng.random() < COMMITTEE_SHARE:
        return committee
    pool = seg.pool(place.home[commune], OWNER_WEIGHTS, "case")
    return pool[run.rng.randrange(len(pool))]


def _case(run: Run, number: int, day: date, place: Place) -> Case:
    rng = run.rng
    seg = place.segment(day)
    commune = seg.communes[rng.randrange(len(seg.communes))]
    owner = _owner(run, day, place, commune)
    source = rng.choice(SOURCES[run.agency_kind[owner]])
    forms, destinations, channel = PATTERNS[rng.randrange(len(PATTERNS))]
    female = "marriage" in forms[0] or rng.random() < 0.7
    name = invented_name(rng, female)
    history = _history(run, day)
    blank = run.blank.value
    case = Case(
        code=f"{run.prefix}-{number:06d}",
        owner_id=owner,
        state=history[-1][1],
        state_since=history[-1][2],
        received_on=day,
        notified_on=day,
        verification_due=run.verification_due(day),
        source=source,
        home_unit_id=commune,
        sex="female" if female else "male",
        age_at_reception=rng.randint(13, 17) if rng.random() < 0.2 else rng.randint(18, 45),
        destination_country=rng.choice(destinations),
        recruitment_channel=channel,
        means_of_control=rng.sample(CONTROL, rng.randint(0, 2)),
        abroad=source == "mission_abroad",
        full_name=name,
        name_index=name_index(name),
        **{f: blank() for f in BLANK_FIELDS},
    )
    case.synth_forms = forms[: rng.randint(1, len(forms))]  # type: ignore[attr-defined]
    case.synth_events = history  # type: ignore[attr-defined]
    return case


# Every personal field but the name (set above) holds the run's blank value.
BLANK_FIELDS = tuple(f for f in personal_fields(Case) if f != "full_name")


def _history(run: Run, received: date) -> list[tuple[str, str, date]]:
    """(from, to, day) steps from reception along one path, stopping at today."""
    rng = run.rng
    steps = [("", State.RECEIVED.value, received)]
    day = received
    for state in PATH_LIST[rng.randrange(len(PATH_LIST))]:
        low, high = DELAY.get(state, DEFAULT_DELAY)
        day = day + timedelta(days=rng.randint(low, high))
        if day > run.today:
            break
        steps.append((steps[-1][1], state.value, day))
    return steps
