from __future__ import annotations

from datetime import date
from typing import Any

from ctip.rules.calendar import Duration, add_duration
from ctip.rules.models import Rule, ValueKind


class RuleMissing(LookupError):
    """No version of the rule is in force on the date asked."""


def rule_in_force(key: str, *, on: date) -> Rule:
    """The version of rule `key` that applies to an event on `on` (chosen by the event's date,
    not by today's)."""
    rule = Rule.objects.valid_on(on).filter(key=key).first()
    if rule is None:
        raise RuleMissing(f"no rule {key!r} in force on {on.isoformat()}")
    return rule


def rule_value(key: str, *, on: date) -> Any:
    return rule_in_force(key, on=on).value


def deadline(key: str, *, event_day: date) -> date:
    """The last day allowed by the duration rule `key` for an event on `event_day`."""
    rule = rule_in_force(key, on=event_day)
    if rule.kind != ValueKind.DURATION:
        raise TypeError(f"rule {key!r} is not a duration")
    return add_duration(event_day, Duration.from_value(rule.value))
