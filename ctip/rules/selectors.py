from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.text import vn_date
from ctip.rules.calendar import Duration, add_duration
from ctip.rules.models import Rule, ValueKind


class RuleMissing(LookupError):
    """No version of the rule is in force on the date asked. Its text is the message a user
    reads: which rule, which date (pages show it through ctip.rules.middleware; the `ctip`
    command prints it)."""

    # Lets the console script recognise it without importing Django models before set-up.
    rule_missing = True

    def __init__(self, key: str, on: date):
        self.key, self.on = key, on
        super().__init__(key, on)

    def __str__(self) -> str:
        named = Rule.objects.filter(key=self.key).exclude(title="").values_list("title", flat=True)
        title = named.first() or self.key
        return _(
            "Chưa có quy định “%(title)s” (%(key)s) có hiệu lực vào ngày %(day)s: cần bổ sung "
            "văn bản áp dụng cho ngày này trước khi thực hiện."
        ) % {"title": title, "key": self.key, "day": vn_date(self.on)}


def rule_in_force(key: str, *, on: date) -> Rule:
    """The version of rule `key` that applies to an event on `on` (chosen by the event's date,
    not by today's)."""
    rule = Rule.objects.valid_on(on).filter(key=key).first()
    if rule is None:
        raise RuleMissing(key, on)
    return rule


def rule_value(key: str, *, on: date) -> Any:
    return rule_in_force(key, on=on).value


def rule_value_or(key: str, *, on: date, default: Any) -> Any:
    """The value in force, or `default` where the law sets none for that date (a step no text
    names, an optional limit)."""
    try:
        return rule_value(key, on=on)
    except RuleMissing:
        return default


def deadline(key: str, *, event_day: date) -> date:
    """The last day allowed by the duration rule `key` for an event on `event_day`."""
    rule = rule_in_force(key, on=event_day)
    if rule.kind != ValueKind.DURATION:
        raise TypeError(f"rule {key!r} is not a duration")
    return add_duration(event_day, Duration.from_value(rule.value))
