"""What every generator of one load shares: options, random source, places, batch row."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ctip.core.models import AuditEntry
from ctip.ops.synth.rows import Blank
from ctip.ops.synth.world import Calendar, Place, pick_places
from ctip.rules.selectors import RuleMissing, deadline

MARK = "[dữ liệu mô phỏng]"


@dataclass(frozen=True)
class Options:
    provinces: int = 3
    years: int = 3
    activities: int = 10_000
    victims: int = 500
    cases: int = 200
    watchlist: int = 2_000
    seed: int = 1


@dataclass
class Run:
    options: Options
    rng: random.Random
    today: date
    places: list[Place]
    calendar: Calendar
    batch: AuditEntry
    report: Callable[[str], None]
    officer: Any = None
    agency_kind: dict[int, str] = field(default_factory=dict)
    created_agencies: int = 0
    blank: Blank = field(default_factory=Blank)
    _due: dict[date, date | None] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """Codes of this load's records: SYN1-000001 for seed 1."""
        return f"SYN{self.options.seed}"

    def draws(self, k: int) -> list[tuple[date, Place]]:
        """`k` (day, province) pairs: seasonal days, larger provinces more often."""
        days = self.calendar.draw(self.rng, k)
        return list(zip(days, pick_places(self.rng, self.places, k), strict=True))

    def verification_due(self, day: date) -> date | None:
        """The verification time limit of the rule in force on `day`: one query per day, not
        per case."""
        if day not in self._due:
            try:
                self._due[day] = deadline("victims.deadline.verifying", event_day=day)
            except RuleMissing:
                self._due[day] = None
        return self._due[day]
