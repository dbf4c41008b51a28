"""ctip.core.kanon: full-domain generalisation over ladders with caps, suppression below k, at
most 5 % suppressed or a refusal that names counts (issue 26). Pure: no database."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctip.core.kanon import KAnonymityRefused, Ladder, Level, anonymise, smallest_class

AGE = Ladder(
    "age",
    (
        Level("band"),
        Level("majority", lambda band: "Minor" if band in ("0--8", "9--17") else "Adult"),
        Level("any", lambda band: "*"),
    ),
)
SEX = Ladder("sex", (Level("sex"),))
YEAR = Ladder("year", (Level("year"), Level("period", lambda year: "2020--2026")))
LADDERS = [AGE, SEX, YEAR]
BANDS = ["0--8", "9--17", "18--20", "21--23", "30--38"]


def rows_of(*specs: tuple[tuple[str, str, int], int]) -> list[dict]:
    """Rows from (age band, sex, year) x how many, each with a value that is not a
    quasi-identifier (released as it is)."""
    out = []
    for (band, sex, year), n in specs:
        out += [{"age": band, "sex": sex, "year": year, "form": f"f{i % 3}"} for i in range(n)]
    return out


def test_nothing_is_generalised_when_every_class_already_has_k():
    rows = rows_of((("18--20", "F", 2024), 11), (("21--23", "M", 2025), 12))
    result = anonymise(rows, LADDERS, k=11)
    assert result.generalised == {} and result.suppressed == 0 and result.released == 23
    assert result.levels == {"age": "band", "sex": "sex", "year": "year"}
    assert result.smallest_class == 11
    assert [r["form"] for r in result.rows] == [r["form"] for r in rows]  # others unchanged


def test_the_least_generalisation_that_reaches_k_is_taken():
    # Two bands of adults, 6 each: together (majority) they make 12; the year stays.
    rows = rows_of((("18--20", "F", 2024), 6), (("21--23", "F", 2024), 6))
    result = anonymise(rows, LADDERS, k=11)
    assert result.generalised == {"age": "majority"}
    assert {r["age"] for r in result.rows} == {"Adult"} and result.suppressed == 0


def test_classes_below_k_are_suppressed_up_to_five_percent():
    rows = rows_of((("18--20", "F", 2024), 40), (("9--17", "M", 2024), 1))
    result = anonymise(rows, LADDERS, k=11)
    assert result.suppressed == 1 and result.released == 40
    assert result.generalised == {}  # suppressing one record is less than generalising
    assert smallest_class(result.rows, ["age", "sex", "year"]) >= 11


def test_a_class_one_short_of_k_is_suppressed_whole():
    rows = rows_of((("18--20", "F", 2024), 290), (("30--38", "M", 2024), 10))
    result = anonymise(rows, LADDERS, k=11, caps={"age": "band", "year": "year"})
    assert result.suppressed == 10 and result.released == 290
    assert {r["sex"] for r in result.rows} == {"F"}


def test_more_than_five_percent_is_refused_with_counts_only():
    rows = rows_of((("18--20", "F", 2024), 30), (("9--17", "M", 2024), 3))
    with pytest.raises(KAnonymityRefused) as refused:
        anonymise(rows, [AGE, SEX, YEAR], k=11, caps={"age": "majority"})
    assert refused.value.total == 33 and refused.value.suppressed == 3
    assert refused.value.smallest_class == 3
    message = str(refused.value)
    assert "3" in message and "33" in message and "11" in message
    assert "9--17" not in message and "2024" not in message  # no value of a record


def test_the_cap_bounds_the_generalisation():
    rows = rows_of((("18--20", "F", 2024), 30), (("9--17", "F", 2024), 3))
    # Without a cap the age column can go to "*" and everything is released.
    free = anonymise(rows, LADDERS, k=11)
    assert free.levels["age"] == "any" and free.suppressed == 0
    with pytest.raises(KAnonymityRefused):
        anonymise(rows, LADDERS, k=11, caps={"age": "majority", "year": "year"})


def test_fewer_rows_than_k_are_refused():
    with pytest.raises(KAnonymityRefused) as refused:
        anonymise(rows_of((("18--20", "F", 2024), 10)), LADDERS, k=11)
    assert refused.value.total == 10


def test_a_cap_for_no_ladder_or_an_unknown_level_is_a_programming_error():
    rows = rows_of((("18--20", "F", 2024), 11))
    with pytest.raises(ValueError):
        anonymise(rows, LADDERS, k=11, caps={"nationality": "country"})
    with pytest.raises(ValueError):
        anonymise(rows, LADDERS, k=11, caps={"age": "decade"})


# --- the invariant, for any rows -----------------------------------------------------------------

row = st.tuples(st.sampled_from(BANDS), st.sampled_from("FM"), st.integers(2023, 2026))
CAPS = st.fixed_dictionaries(
    {},
    optional={
        "age": st.sampled_from(["band", "majority", "any"]),
        "year": st.sampled_from(["year", "period"]),
    },
)


def _height(levels: dict[str, str]) -> int:
    return sum(ladder.index(levels[ladder.column]) for ladder in LADDERS)


def _feasible(rows: list[dict], k: int, caps: dict[str, str]) -> list[tuple[int, int]]:
    """Brute force: (height, suppressed) of every node within the caps that suppresses at most
    5 %."""
    tops = [ladder.index(caps.get(ladder.column, ladder.levels[-1].name)) for ladder in LADDERS]
    found = []
    for node in itertools.product(*(range(t + 1) for t in tops)):
        keys = Counter(
            tuple(
                LADDERS[q].levels[level].group(r[LADDERS[q].column]) for q, level in enumerate(node)
            )
            for r in rows
        )
        suppressed = sum(n for n in keys.values() if n < k)
        if suppressed <= int(0.05 * len(rows) + 1e-9):
            found.append((sum(node), suppressed))
    return found


# Rows come in clusters (a combination and how many share it), so that classes of every size,
# k - 1 included, and several nodes of one height with different suppression all occur.
CLUSTERS = st.dictionaries(row, st.integers(1, 40), max_size=10)


@settings(max_examples=300, deadline=None, database=None)
@given(clusters=CLUSTERS, k=st.integers(2, 12), caps=CAPS)
def test_every_release_is_k_anonymous_and_the_least_generalised(clusters, k, caps):
    values = [combination for combination, n in clusters.items() for _i in range(n)]
    rows = [{"age": a, "sex": s, "year": y, "n": i} for i, (a, s, y) in enumerate(values)]
    feasible = _feasible(rows, k, caps) if len(rows) >= k else []
    try:
        result = anonymise(rows, LADDERS, k=k, caps=caps)
    except KAnonymityRefused as refused:
        assert feasible == []
        assert refused.total == len(rows)
        return
    released = result.rows
    assert smallest_class(released, ["age", "sex", "year"]) >= k
    assert result.released + result.suppressed == len(rows)
    assert result.suppressed <= 0.05 * len(rows)
    # The least generalised node, and of those the one suppressing fewest.
    lowest = min(height for height, _n in feasible)
    assert _height(result.levels) == lowest
    assert result.suppressed == min(n for height, n in feasible if height == lowest)
    for ladder in LADDERS:
        top = caps.get(ladder.column)
        if top is not None:
            assert ladder.index(result.levels[ladder.column]) <= ladder.index(top)
    # Each released row is a row offered, its quasi-identifiers generalised, the rest as it was.
    offered = {r["n"]: r for r in rows}
    for r in released:
        source = offered[r["n"]]
        for ladder in LADDERS:
            level = ladder.levels[ladder.index(result.levels[ladder.column])]
            assert r[ladder.column] == level.group(source[ladder.column])


# --- companions: columns that spell out a quasi-identifier another way (issue 26) ----------------

NONE = -99


def _flags(value) -> dict:
    """The flags a recorded mix spells out ("S;L": sexual and labour)."""
    parts = set(str(value).split(";"))
    return {"isS": int("S" in parts), "isL": int("L" in parts)}


MIX = Ladder(
    "mix",
    (
        Level("forms", derive=_flags),
        Level("withheld", lambda _v: NONE, derive=lambda _v: {"isS": NONE, "isL": NONE}),
    ),
    companions=("isS", "isL"),
)


def test_a_unique_mix_in_a_class_of_k_is_not_released_with_that_mix():
    """41 records alike on age, sex and year; one of them alone has the mix "S;L". Its flags, as
    recorded, would find it even if the mix column were generalised: they follow the level."""
    rows = []
    for mix, n in (("S", 30), ("L", 10), ("S;L", 1)):
        rows += [{"age": "18--20", "sex": "F", "year": 2024, "mix": mix, **_flags(mix)}] * n
    result = anonymise(rows, [AGE, SEX, YEAR, MIX], k=11, caps={"age": "band", "year": "year"})
    assert result.levels["mix"] == "withheld" and result.suppressed == 0
    assert all(r["mix"] == NONE and r["isS"] == r["isL"] == NONE for r in result.rows)
    # Without the mix as a quasi-identifier the record would go out with its mix and flags.
    plain = anonymise(rows, [AGE, SEX, YEAR], k=11, caps={"age": "band", "year": "year"})
    assert any(r["mix"] == "S;L" and r["isS"] == r["isL"] == 1 for r in plain.rows)


def test_the_companions_are_derived_at_every_level_from_the_released_value():
    rows = [{"age": "18--20", "sex": "F", "year": 2024, "mix": "S", "isS": 1, "isL": 0}] * 11
    rows += [{"age": "18--20", "sex": "F", "year": 2024, "mix": "L", "isS": 0, "isL": 1}] * 11
    result = anonymise(rows, [AGE, SEX, YEAR, MIX], k=11)
    assert result.levels["mix"] == "forms"
    assert all(_flags(r["mix"]) == {"isS": r["isS"], "isL": r["isL"]} for r in result.rows)
    # A level that would leave the companions as recorded is refused, as is a derive that
    # forgets one of them.
    with pytest.raises(ValueError):
        Ladder("mix", (Level("forms", derive=_flags), Level("any")), companions=("isS", "isL"))
    wrong = Ladder(
        "mix", (Level("forms", derive=lambda _v: {"isS": 0}),), companions=("isS", "isL")
    )
    with pytest.raises(ValueError):
        anonymise(rows, [AGE, SEX, YEAR, wrong], k=11)


def test_a_column_left_blank_loses_to_a_coarser_one_of_the_same_height():
    """Withholding `a` from every record suppresses nothing; one step coarser on `b` suppresses
    11 (within 5 %). Both are one step up: the release that still tells `a` apart wins, since a
    column withheld from every record says nothing at all."""
    a = Ladder("a", (Level("a"), Level("withheld", lambda _v: -99, blank=True)))
    b = Ladder("b", (Level("b"), Level("coarse", lambda v: "P" if v in ("p", "q", "o") else v)))
    counts = {("x", "p"): 50, ("x", "q"): 50, ("y", "p"): 50, ("y", "q"): 40}
    counts |= {("x", "o"): 7, ("y", "o"): 6, ("x", "w"): 30, ("y", "w"): 20}
    counts |= {("x", "z"): 6, ("y", "z"): 5}
    rows = [{"a": va, "b": vb} for (va, vb), n in counts.items() for _ in range(n)]
    result = anonymise(rows, [a, b], k=11)
    assert result.levels == {"a": "a", "b": "coarse"}
    assert result.suppressed == 11 and {r["a"] for r in result.rows} == {"x", "y"}
    # Without the blank mark, the release that suppresses fewer wins (the lattice's rule).
    plain = Ladder("a", (Level("a"), Level("withheld", lambda _v: -99)))
    assert anonymise(rows, [plain, b], k=11).levels == {"a": "withheld", "b": "b"}
