"""Disclosure control: the one rule every channel applies before it shows a count to a reader
who cannot open the records behind it (dashboards and their downloads, the outreach-versus-risk
table, the watchlist counts per commune, figure drill-downs, `ctip indicators --public`, reports for
publication). Reports compiled for the state chain and readers who open the records keep exact
figures. The reasoning is in docs/security.md ("Aggregates that identify", issue 19).

Which figures: counts of persons (`Indicator.persons`, except attendances at sessions) and
counts of records in the registers that describe persons (victim cases and their events,
support and referrals; criminal cases and their stage events; watched persons and their
checks). Sums of money and averages over those registers are not shown to such readers.

The rule, for such a reader and such a figure (k = the threshold, rule
`reporting.disclosure_threshold`, 5 unless changed):

1. Fixed grid: a period is widened to whole calendar quarters (`snap`); the territory is an
   administrative unit as it stood, never an arbitrary set. Breakdowns by month become
   quarters. Free dates therefore cannot slide a window over one record.
2. A value below k, zero included, is shown as "<k": zero and small look alike, so a commune's
   "<5" never stands beside a "0". A group withheld so is not listed at all.
3. Every other value is rounded to the nearest multiple of k. Any two values shown then
   differ by 0 or by k or more, so no subtraction (headline minus rows, one period minus an
   overlapping one, a province minus its communes) yields a count from 1 to k - 1; this is
   complementary suppression done once for every table at the same time.
4. Changes from the previous period are computed from the values shown, never from exact
   ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from ctip.accounts.scope import user_permissions
from ctip.core.permissions import P
from ctip.indicators.registry import Indicator
from ctip.rules.selectors import RuleMissing, rule_value

RULE = "reporting.disclosure_threshold"
DEFAULT = 5

# Registers whose records describe a person (model labels), by the permission that opens them.
VICTIM_REGISTERS = frozenset(
    {"victims.case", "victims.caseevent", "victims.supportgiven", "victims.referral"}
)
# A defendant's sentence is read with the case it was passed in (issue 24's verdicts).
CRIMINAL_REGISTERS = frozenset(
    {
        "enforcement.criminalcase",
        "enforcement.stageevent",
        "enforcement.suspect",
        "enforcement.sentence",
    }
)
WATCH_REGISTERS = frozenset({"enforcement.watchentry", "enforcement.watchcheck"})
PERSON_REGISTERS = VICTIM_REGISTERS | CRIMINAL_REGISTERS | WATCH_REGISTERS


def threshold(*, on: date) -> int:
    """k in force on `on`: the dated rule (ctip/reporting/fixtures/rules.yaml), cited under each
    regime (Statistics Law 89/2015/QH13 from 1/7/2016, Decree 13/2023/NĐ-CP from 1/7/2023, Law
    91/2025/QH15 from 1/1/2026). No text sets the number: 5 is ctip's choice. Before the first
    version, or where none is loaded, DEFAULT: the control never lapses for want of a rule."""

    try:
        return max(1, int(rule_value(RULE, on=on)))
    except RuleMissing:
        return DEFAULT


def current_threshold() -> int:
    """The threshold in force today, for every figure shown now whatever its period: one k for
    all values on screen, so a change of the rule cannot put two of them 1 apart."""
    from django.utils import timezone

    return threshold(on=timezone.localdate())


# --- which figures ----------------------------------------------------------------------------


def register_of(indicator: Indicator) -> str:
    """The model label of the records an indicator counts ("victims.case")."""
    return str(indicator.records().model._meta.label_lower)


def describes_persons(indicator: Indicator) -> bool:
    return register_of(indicator) in PERSON_REGISTERS


def applies(indicator: Indicator) -> bool:
    """A figure that can point at a person: a count of persons (not attendances, which count
    people at sessions) or any figure over a register of persons."""
    if indicator.persons:
        return not indicator.attendance
    return describes_persons(indicator)


def is_count(indicator: Indicator) -> bool:
    """Counts can be rounded; a sum of money or an average over persons cannot be made safe by
    rounding, and is withheld instead."""
    return indicator.persons or isinstance(indicator.value(), Count)


def readable(user: Any) -> frozenset[str]:
    """The registers of persons whose records the user opens one by one. Dashboards narrow such
    a user's figures to the same agency or commune, so those figures stay exact for them."""

    return registers_for(user_permissions(user))


def registers_for(perms: Iterable[str]) -> frozenset[str]:
    """The registers of persons a set of permissions opens one by one (`readable` of a user;
    the dashboards ask it of the one assignment their scope comes from)."""
    perms = set(perms)
    if P.VIEW_PERSONAL_DATA not in perms:
        return frozenset()
    found: set[str] = set()
    if P.VIEW_VICTIM_CASES in perms:
        found |= VICTIM_REGISTERS
    if P.VIEW_CRIMINAL_CASES in perms:
        found |= CRIMINAL_REGISTERS
    if P.VIEW_WATCHLIST in perms:
        found |= WATCH_REGISTERS
    return frozenset(found)


def controlled(indicator: Indicator, registers: frozenset[str]) -> bool:
    """Whether a reader who opens `registers` gets this figure under the rule."""
    return applies(indicator) and register_of(indicator) not in registers


# --- how values are shown ---------------------------------------------------------------------


def release(value: int | None, limit: int) -> int | None:
    """A count as a reader without the records sees it: None ("<k") below k, zero included;
    otherwise the nearest multiple of k (halves up)."""
    value = int(value or 0)
    if value < limit:
        return None
    return limit * ((value + limit // 2) // limit)


def release_figure(indicator: Indicator, value: int | None, limit: int) -> int | None:
    """`release` for a count; None (withheld) for a sum of money or an average over persons."""
    return release(value, limit) if is_count(indicator) else None


def release_table(
    rows: list[dict[str, Any]], keys: tuple[str, ...], limit: int
) -> list[dict[str, Any]]:
    """Rows of counts, one per group, as a reader without the records sees them: each count in
    `keys` released; a row whose counts are all withheld is left out (its presence would say
    that the group has records). Sort the result on the values shown, never on exact ones."""
    out = []
    for row in rows:
        shown = {key: release(row[key], limit) for key in keys}
        if any(value is not None for value in shown.values()):
            out.append({**row, **shown})
    return out


def change(value: int | None, previous: int | None) -> int | None:
    """The change in percent, from the values shown (None when either is withheld or zero)."""
    if value is None or not previous:
        return None
    return round(100 * (value - previous) / previous)


def mark(limit: int) -> str:
    """A withheld value in a table or a download."""
    return f"<{limit}"


def words(limit: int) -> str:
    """A withheld value in a sentence."""
    return _("dưới %(n)s") % {"n": limit}


def withheld_words(indicator: Indicator, limit: int) -> str:
    """A withheld figure in a sentence: "dưới 5" for a count, "không công bố" otherwise."""
    return words(limit) if is_count(indicator) else _("không công bố")


def withheld_mark(indicator: Indicator, limit: int) -> str:
    """A withheld figure in a table."""
    return mark(limit) if is_count(indicator) else _("không công bố")


def about(text: str) -> str:
    """A rounded value in a sentence."""
    return _("khoảng %(value)s") % {"value": text}


# --- the fixed grid of periods ----------------------------------------------------------------


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_end(day: date) -> date:
    month = 3 * ((day.month - 1) // 3) + 3
    following = date(day.year + 1, 1, 1) if month == 12 else date(day.year, month + 1, 1)
    return following - timedelta(days=1)


def snap(start: date, end: date) -> tuple[date, date]:
    """The whole calendar quarters covering [start, end]."""
    return quarter_start(start), quarter_end(end)


def snapped(start: date, end: date) -> bool:
    return (start, end) == snap(start, end)


def quarters_before(start: date, end: date) -> tuple[date, date]:
    """As many whole quarters as [start, end] spans (itself snapped), just before it."""
    count = _quarter_index(end) - _quarter_index(start) + 1
    first = _quarter_index(start) - count
    return _quarter_from_index(first), quarter_end(_quarter_from_index(first + count - 1))


def quarters(start: date, end: date) -> list[date]:
    """The first day of each quarter from `start`'s to `end`'s."""
    return [_quarter_from_index(i) for i in range(_quarter_index(start), _quarter_index(end) + 1)]


def quarter_key(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_name(day: date) -> str:
    return _("Quý %(q)s/%(year)s") % {"q": (day.month - 1) // 3 + 1, "year": day.year}


def _quarter_index(day: date) -> int:
    return day.year * 4 + (day.month - 1) // 3


def _quarter_from_index(index: int) -> date:
    return date(index // 4, 3 * (index % 4) + 1, 1)
