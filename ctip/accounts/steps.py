"""Who may take a legal step: configuration in the rules mechanism, not code.

Two effective-dated rules decide, each citing its legal basis:
- `roles.step.<step>` (a list of role codes): which officer of a body takes the step (the
  province's assignment of work, e.g. the case supervisor decides);
- `bodies.step.<step>` (a list of the bodies the law names, e.g. `provincial_police`,
  `border_guard`): which bodies may take it at all. A body the law names that does not exist
  (the district labour office after 2025) is performed by the agencies that the configuration
  rule `bodies.performer` names for that date (agency kind and level).
A step with no `bodies.step` rule is open to any body whose role is allowed. A workflow names
the step each transition needs (`ctip.core.workflow.Step.legal_step`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.agencies.models import Agency
from ctip.agencies.selectors import covered_agency_ids
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.rules.selectors import RuleMissing, rule_value, rule_value_or

PERFORMERS = "bodies.performer"
# Commune level in the two-level structure includes the special zones (đặc khu).
_LEVELS = {"commune": {"commune", "special_zone"}}


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


def bodies_for_step(step: str, *, on: date) -> list[str] | None:
    """The bodies the law in force on `on` names for `step`; None where no rule restricts it."""
    return rule_value_or(f"bodies.step.{step}", on=on, default=None)


def agency_performs(agency: Any, bodies: list[str], *, on: date) -> bool:
    """Whether `agency` is, on `on`, one of `bodies` or the agency configured to perform
    their work (by agency kind and the level of its territory)."""
    if agency is None:
        return False
    performers = rule_value_or(PERFORMERS, on=on, default={})
    level = agency.unit.level if agency.unit_id else ""
    for body in bodies:
        for match in performers.get(body, []):
            levels = _LEVELS.get(match.get("level", ""), {match.get("level", "")})
            if agency.kind == match["kind"] and (not match.get("level") or level in levels):
                return True
    return False


def may_take_step(user: Any, step: str, *, on: date, place: Any = None) -> bool:
    """Whether one of the user's active assignments allows the step on `on`."""
    return step_agency(user, step, on=on, place=place) is not None


def step_agency(user: Any, step: str, *, on: date, place: Any = None) -> Any:
    """The body that takes the step on `on` through one of the user's assignments (recorded on
    the event), or None. The role must be one the rule names; the body is the user's agency as
    it stood on `on`: itself, or, for a step dated before it existed (a file from the paper
    archive worked today), the predecessor whose records it carries and which existed then.
    That body must be one the law in force on `on` names. `place` (the case's home unit) picks,
    among several predecessors (two provinces' departments merged), the one whose territory
    held it."""
    allowed = roles_for_step(step, on=on)
    bodies = bodies_for_step(step, on=on)
    for assignment in active_assignments(user):
        if assignment.role not in allowed or assignment.agency is None:
            continue
        for body in agency_as_on(assignment.agency, on, place):
            if bodies is None or agency_performs(body, bodies, on=on):
                return body
    return None


def agency_as_on(agency: Any, on: date, place: Any = None) -> list[Any]:
    """The agency as it stood on `on`: itself while it existed, else the agencies it succeeded
    (carrying their records) that existed on that day, those whose territory held `place`
    first."""
    if (agency.valid_from is None or agency.valid_from <= on) and (
        agency.valid_to is None or on <= agency.valid_to
    ):
        return [agency]
    found = list(
        Agency.objects.valid_on(on)
        .filter(id__in=covered_agency_ids(agency))
        .select_related("unit")
        .order_by("pk")
    )
    if place is None or len(found) < 2:
        return found
    holding = {
        a.pk
        for a in found
        if Unit.objects.filter(pk=place.pk, id__in=covered_unit_ids(a.unit)).exists()
    }
    return sorted(found, key=lambda a: a.pk not in holding)
