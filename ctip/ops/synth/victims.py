"""Synthetic victim cases: the person's name encrypted (and its blind index), the statistical
fields in clear, forms of exploitation, and the workflow history the indicators count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ctip.core.personal import personal_fields
from ctip.ops.synth.rows import Table, insert_all, invented_name, name_index, sealed
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


# The columns each generated case gives, in order; every other personal field holds the
# load's blank value.
FIELDS = (
    "code",
    "owner_id",
    "state",
    "state_since",
    "received_on",
    "notified_on",
    "verification_due",
    "source",
    "home_unit_id",
    "sex",
    "age_at_reception",
    "destination_country",
    "recruitment_channel",
    "means_of_control",
    "abroad",
    "full_name",
    "name_index",
)


def load(run: Run) -> dict[str, int]:
    total = run.options.victims
    counts = {"case_exploitation": 0, "case_events": 0}
    exploitation = Table(CaseExploitation, ("case_id", "form"))
    history = Table(
        CaseEvent, ("case_id", "on", "from_state", "to_state"), {"reason": run.blank.token}
    )

    def add_history(chunk: list[tuple[int, tuple]]) -> None:
        forms = [(pk, f) for pk, (chosen, _events) in chunk for f in chosen]
        events = [
            (pk, on, before, after) for pk, (_forms, steps) in chunk for before, after, on in steps
        ]
        exploitation.write(forms)
        history.write(events)
        counts["case_exploitation"] += len(forms)
        counts["case_events"] += len(events)

    blanks = {f: run.blank.token for f in personal_fields(Case) if f != "full_name"}
    table = Table(Case, FIELDS, blanks)
    done = insert_all(table, _cases(run, total), run.report, "victim cases", total, add_history)
    return {"victim_cases": done, **counts}


def _cases(run: Run, total: int) -> Iterator[tuple[tuple, tuple]]:
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


def _case(run: Run, number: int, day: date, place: Place) -> tuple[tuple, tuple]:
    """The case's FIELDS, with its forms of exploitation and its workflow steps."""
    rng = run.rng
    seg = place.segment(day)
    commune = seg.communes[rng.randrange(len(seg.communes))]
    owner = _owner(run, day, place, commune)
    source = rng.choice(SOURCES[run.agency_kind[owner]])
    forms, destinations, channel = PATTERNS[rng.randrange(len(PATTERNS))]
    female = "marriage" in forms[0] or rng.random() < 0.7
    name = invented_name(rng, female)
    history = _history(run, day)
    age = rng.randint(13, 17) if rng.random() < 0.2 else rng.randint(18, 45)
    destination = rng.choice(destinations)
    control = rng.sample(CONTROL, rng.randint(0, 2))
    row = (
        f"{run.prefix}-{number:06d}",
        owner,
        history[-1][1],
        history[-1][2],
        day,
        day,
        run.verification_due(day),
        source,
        commune,
        "female" if female else "male",
        age,
        destination,
        channel,
        control,
        source == "mission_abroad",
        sealed(name),
        name_index(name),
    )
    return row, (forms[: rng.randint(1, len(forms))], history)


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
