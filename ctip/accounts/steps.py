"""Which roles may take a legal step: configuration in the rules mechanism, not code.

A rule `roles.step.<step>` (kind "list") names role codes; it is effective-dated and cites its
legal basis like every rule, so when a decree moves a step to another body only data changes.
A workflow names the step each transition needs (`ctip.core.workflow.Step.legal_step`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.rules.selectors import RuleMissing, rule_value


def roles_for_step(step: str, *, on: date) -> frozenset[str]:
    """Role codes allowed to take `step` for an event on `on`; none when no rule is in force."""
    try:
        value = rule_value(f"roles.step.{step}", on=on)
    except RuleMissing:
        return frozenset()
    unknown = set(value) - set(ROLES)
    if unknown:
        raise ValueError(f"rule roles.step.{step} names unknown roles: {sorted(unknown)}")
    return frozenset(value)


def may_take_step(user: Any, step: str, *, on: date) -> bool:
    allowed = roles_for_step(step, on=on)
    return any(a.role in allowed for a in active_assignments(user))
