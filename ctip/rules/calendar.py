"""Durations in calendar or working days. Working days are Monday to Friday, less the holidays
and days off in the calendar, plus weekend days declared working days (make-up days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ctip.rules.models import DayKind, Holiday

CALENDAR_DAYS = "calendar_days"
WORKING_DAYS = "working_days"
UNITS = (CALENDAR_DAYS, WORKING_DAYS)


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str

    @classmethod
    def from_value(cls, value: dict) -> Duration:
        amount, unit = value.get("amount"), value.get("unit")
        if not isinstance(amount, int) or amount < 0 or unit not in UNITS:
            raise ValueError(f"not a duration: {value!r}")
        return cls(amount, unit)


class WorkCalendar:
    """Holidays and make-up days between two dates, read in one query."""

    def __init__(self, start: date, end: date):
        days = Holiday.objects.filter(date__range=(start, end)).values_list("date", "kind")
        self.off = {d for d, k in days if k in (DayKind.HOLIDAY, DayKind.DAY_OFF)}
        self.on = {d for d, k in days if k == DayKind.WORKING_DAY}

    def is_working_day(self, day: date) -> bool:
        if day in self.on:
            return True
        return day.weekday() < 5 and day not in self.off


def add_duration(start: date, duration: Duration) -> date:
    """The last day of a time limit of `duration` counted from `start`: the day of the event is
    not counted (Civil Code 2015 Art. 147(2)), and a limit in days whose last day is a weekend
    or public holiday ends at the end of the next working day (Art. 148(5))."""
    if duration.unit == CALENDAR_DAYS:
        last = start + timedelta(days=duration.amount)
        calendar = WorkCalendar(last, last + timedelta(days=30))
        while not calendar.is_working_day(last):
            last += timedelta(days=1)
        return last
    # Generous window: a year of Tết and make-up days never shifts more than this.
    calendar = WorkCalendar(start, start + timedelta(days=duration.amount * 2 + 30))
    day, left = start, duration.amount
    while left > 0:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]: how much of a working-day limit has been used."""
    if end <= start:
        return 0
    calendar = WorkCalendar(start, end)
    return sum(
        calendar.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )


def default_years() -> range:
    this = date.today().year
    return range(2012, this + 3)  # from Law 66/2011 (in force 1/1/2012): its limits too
