"""Disclosure control: exports for publication or for partners outside government suppress
counts of persons (victims, suspects, watched persons) below a threshold; attendances at
sessions are not persons and are never suppressed. Reports inside the state chain keep exact
figures, zeros included."""

from __future__ import annotations

from datetime import date

from ctip.core.indicators import Indicator

RULE = "reporting.disclosure_threshold"
DEFAULT = 5


def threshold(*, on: date) -> int:
    """The effective-dated rule (ctip/reporting/fixtures/rules.yaml); 5 where none is loaded."""
    from ctip.rules.selectors import RuleMissing, rule_value

    try:
        return int(rule_value(RULE, on=on))
    except RuleMissing:
        return DEFAULT


def applies(indicator: Indicator) -> bool:
    return indicator.persons and not indicator.attendance


def shown(indicator: Indicator, value: int, *, public: bool, limit: int) -> int | str:
    """A value as an export for this audience shows it."""
    if public and applies(indicator) and 0 < value < limit:
        return f"<{limit}"
    return value
