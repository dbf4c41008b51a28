"""k-anonymity for record-level releases: full-domain generalisation over fixed ladders, then
suppression of the records that still sit in a class smaller than k (issue 26, the HTCDS export).

Pure functions over plain rows (dicts); nothing here reads the database.

- A `Ladder` names one quasi-identifier (a column a reader may know from elsewhere: year, sex,
  age band, nationality, country, home area, forms of exploitation) and its levels, finest
  first. Level 0 is the value as the row holds it; each further level maps that value to a
  coarser group ("0--8" -> "Minor").
- A ladder may have companions: columns that spell out the same value another way (the HTCDS
  `is...` flags beside typeOfExploitConcatenated). Each level then derives them from the released
  value alone, so that no released row says more in a companion than its quasi-identifier says
  at that level (a companion left as recorded would undo the generalisation).
- `caps` name, per quasi-identifier, the coarsest level a release may use: beyond it the column
  would no longer say what the release is for, and the release is refused instead.
- `anonymise` visits every combination of levels within the caps (a small lattice), by total
  height, and takes the first height where one combination suppresses at most
  `max_suppressed` of the rows (ties: fewer columns left blank, then fewer suppressed, then the
  lattice order: a column withheld from every row says nothing at all, where one step coarser
  on two columns still tells something of both). Full-domain:
  every row of the release is generalised to the same level of each ladder, so a reader can
  tell which level each column is at.
- Refusal (`KAnonymityRefused`) names counts only: how many rows, how many would have been
  suppressed at best, the smallest class; never a value of a row.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

MAX_SUPPRESSED = 0.05


@dataclass(frozen=True)
class Level:
    """One step of a ladder: its name ("majority"), how a row's own value maps to it, and (for a
    ladder with companions) the companions' values for a released value."""

    name: str
    group: Callable[[Any], Hashable] = lambda value: value
    derive: Callable[[Hashable], Mapping[str, Any]] | None = None
    # Every row gets the same value: the column says nothing at this level (withheld, or the
    # release's whole period). Among releases of one height, fewer blank columns win.
    blank: bool = False


@dataclass(frozen=True)
class Ladder:
    column: str
    levels: tuple[Level, ...]
    companions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.levels:
            raise ValueError(f"{self.column}: a ladder needs at least one level")
        if self.companions and any(level.derive is None for level in self.levels):
            raise ValueError(f"{self.column}: with companions, every level must derive them")

    def companion_values(self, level: Level, released: Hashable) -> dict[str, Any]:
        """The companions of a released value: a function of that value only, so they can say
        nothing finer than the level."""
        if level.derive is None:
            return {}
        out = dict(level.derive(released))
        if set(out) != set(self.companions):
            raise ValueError(f"{self.column}/{level.name}: derives {sorted(out)}")
        return out

    def index(self, name: str) -> int:
        for i, level in enumerate(self.levels):
            if level.name == name:
                return i
        raise ValueError(f"{self.column}: no level {name!r}")


@dataclass(frozen=True)
class Result:
    """What a release holds and what was done to reach k."""

    rows: list[dict[str, Any]]  # released, the quasi-identifiers at their levels
    k: int
    total: int  # rows offered
    suppressed: int  # rows left out because their class stayed below k
    levels: dict[str, str]  # quasi-identifier -> level used
    smallest_class: int  # among the released rows
    generalised: dict[str, str] = field(default_factory=dict)  # those above their first level

    @property
    def released(self) -> int:
        return len(self.rows)

    @property
    def suppressed_share(self) -> float:
        return self.suppressed / self.total if self.total else 0.0


class KAnonymityRefused(ValueError):
    """No release within the caps: the message (Vietnamese) names counts, never a record."""

    def __init__(self, message: str, *, total: int, suppressed: int, smallest_class: int) -> None:
        super().__init__(message)
        self.total = total
        self.suppressed = suppressed
        self.smallest_class = smallest_class


def _columns(
    rows: Sequence[Mapping[str, Any]], ladders: Sequence[Ladder], tops: Sequence[int]
) -> list[list[list[Hashable]]]:
    """values[q][level][i]: row i's quasi-identifier q at each level up to its cap, computed
    once, so that each node of the lattice only zips columns together."""
    out = []
    for ladder, top in zip(ladders, tops, strict=True):
        own = [row[ladder.column] for row in rows]
        out.append([[level.group(v) for v in own] for level in ladder.levels[: top + 1]])
    return out


def _evaluate(
    values: list[list[list[Hashable]]], node: tuple[int, ...], k: int
) -> tuple[list[tuple[Hashable, ...]], Counter[tuple[Hashable, ...]], int]:
    keys = list(zip(*(values[q][level] for q, level in enumerate(node)), strict=True))
    counts = Counter(keys)
    suppressed = sum(n for n in counts.values() if n < k)
    return keys, counts, suppressed


def anonymise(
    rows: Sequence[Mapping[str, Any]],
    ladders: Sequence[Ladder],
    *,
    k: int,
    caps: Mapping[str, str] | None = None,
    max_suppressed: float = MAX_SUPPRESSED,
) -> Result:
    """The least generalised release of `rows` in which every combination of quasi-identifier
    values is shared by at least `k` rows, after suppressing at most `max_suppressed` of them.
    KAnonymityRefused when there are fewer than k rows or no node within `caps` gets there."""
    if k < 1:
        raise ValueError("k must be at least 1")
    caps = caps or {}
    unknown = set(caps) - {ladder.column for ladder in ladders}
    if unknown:
        raise ValueError(f"caps for no ladder: {sorted(unknown)}")
    total = len(rows)
    if total < k:
        raise KAnonymityRefused(
            _(
                "Chỉ có %(total)s hồ sơ, ít hơn k = %(k)s: không thể xuất mà mỗi tổ hợp đặc "
                "điểm nhận dạng gián tiếp có ít nhất %(k)s hồ sơ."
            )
            % {"total": total, "k": k},
            total=total,
            suppressed=total,
            smallest_class=total,
        )
    tops = [
        ladder.index(caps[ladder.column]) if ladder.column in caps else len(ladder.levels) - 1
        for ladder in ladders
    ]
    values = _columns(rows, ladders, tops)
    allowed = int(max_suppressed * total + 1e-9)
    nodes = sorted(itertools.product(*(range(top + 1) for top in tops)), key=lambda n: sum(n))
    best: tuple[int, int, tuple[int, ...]] | None = None  # (suppressed, smallest, node)
    Chosen = tuple[tuple[int, int], tuple[int, ...], list[tuple[Hashable, ...]], Counter]
    chosen: Chosen | None = None  # ((blank columns, suppressed), node, keys, counts)
    for height, group in itertools.groupby(nodes, key=lambda n: sum(n)):
        del height
        for node in group:
            keys, counts, suppressed = _evaluate(values, node, k)
            smallest = min(counts.values())
            if best is None or (suppressed, -smallest) < (best[0], -best[1]):
                best = (suppressed, smallest, node)
            blanks = sum(ladder.levels[node[q]].blank for q, ladder in enumerate(ladders))
            if suppressed <= allowed and (chosen is None or (blanks, suppressed) < chosen[0]):
                chosen = ((blanks, suppressed), node, keys, counts)
        if chosen is not None:
            break
    if chosen is None:
        assert best is not None
        raise KAnonymityRefused(
            _(
                "Không đạt k = %(k)s: với mức khái quát hóa cao nhất được phép, tốt nhất vẫn phải "
                "loại %(suppressed)s trong %(total)s hồ sơ (quá %(limit)s%%, tối đa "
                "%(allowed)s hồ sơ); nhóm nhỏ nhất có %(smallest)s hồ sơ."
            )
            % {
                "k": k,
                "suppressed": best[0],
                "total": total,
                "limit": _percent(max_suppressed),
                "allowed": allowed,
                "smallest": best[1],
            },
            total=total,
            suppressed=best[0],
            smallest_class=best[1],
        )
    (_blanks, suppressed), node, keys, counts = chosen
    released = []
    chosen_levels = [ladder.levels[node[q]] for q, ladder in enumerate(ladders)]
    for row, key in zip(rows, keys, strict=True):
        if counts[key] >= k:
            out = dict(row)
            for q, ladder in enumerate(ladders):
                out[ladder.column] = key[q]
                out.update(ladder.companion_values(chosen_levels[q], key[q]))
            released.append(out)
    levels = {ladder.column: ladder.levels[node[q]].name for q, ladder in enumerate(ladders)}
    return Result(
        rows=released,
        k=k,
        total=total,
        suppressed=suppressed,
        levels=levels,
        smallest_class=min((n for n in counts.values() if n >= k), default=0),
        generalised={
            ladder.column: levels[ladder.column] for q, ladder in enumerate(ladders) if node[q]
        },
    )


def smallest_class(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> int:
    """The size of the smallest group of rows sharing their values of `columns` (0 if none):
    the invariant a release keeps, checked again on what was released."""
    counts = Counter(tuple(row[c] for c in columns) for row in rows)
    return min(counts.values(), default=0)


def _percent(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
