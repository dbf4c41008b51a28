"""One shape for every state machine: its states, the transitions allowed between them, and what
each transition needs.

A transition needs a permission (a code of ctip.core.permissions.P, checked by the service or its
view) or a legal step: the rule `roles.step.<legal_step>` names the roles that may take it, and
being effective-dated, a decree moving a step to another body changes data, not code
(ctip.accounts.steps). Services ask the workflow; anything not in its table is refused.

Kernel: imports nothing else of ctip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    """What one transition needs. `action` names it when one service takes several transitions
    (a contribution's "save" leads to a draft from three states)."""

    action: str = ""
    permission: str = ""
    legal_step: str = ""


class TransitionRefused(ValueError):
    """A transition outside the table (services pass their own error class instead)."""


class Workflow:
    """`states`: (value, label) pairs, as a TextChoices' `.choices`. `transitions`: (from, to) ->
    Step, in the order pages offer them. `refused`: the message of a refused transition, with
    the placeholders %(old)s (or %(state)s) and %(new)s, filled with the states' labels."""

    def __init__(
        self,
        *,
        states: Iterable[tuple[str, Any]],
        transitions: Mapping[tuple[str, str], Step],
        initial: str,
        refused: Any,
    ) -> None:
        self.labels: dict[str, Any] = {str(value): label for value, label in states}
        self.states = tuple(self.labels)
        unknown = {s for pair in transitions for s in pair} - set(self.states)
        if unknown or initial not in self.labels:
            raise ValueError(f"workflow names unknown states: {sorted(unknown | {initial})}")
        self.transitions = {(str(a), str(b)): step for (a, b), step in transitions.items()}
        self.initial = str(initial)
        self.refused = refused

    def allowed(self, state: str) -> tuple[str, ...]:
        """The states `state` may move to, in table order; none from a terminal state."""
        return tuple(b for (a, b) in self.transitions if a == state)

    def allows(self, old: str, new: str) -> bool:
        return (old, new) in self.transitions

    def step(self, old: str, new: str, *, error: type[Exception] = TransitionRefused) -> Step:
        """What the move from `old` to `new` needs; `error` with the refusal message when the
        table has no such move."""
        found = self.transitions.get((old, new))
        if found is None:
            raise error(self._refusal(old, new))
        return found

    def by_action(
        self, state: str, action: str, *, error: type[Exception] = TransitionRefused
    ) -> tuple[str, Step]:
        """Where `action` leads from `state`, and what it needs; `error` when it leads nowhere."""
        for (a, b), found in self.transitions.items():
            if a == state and found.action == action:
                return b, found
        raise error(self._refusal(state, ""))

    def sources(self, action: str) -> frozenset[str]:
        """The states from which `action` may be taken."""
        return frozenset(a for (a, _b), found in self.transitions.items() if found.action == action)

    @property
    def terminal(self) -> frozenset[str]:
        """States nothing leaves."""
        return frozenset(s for s in self.states if not self.allowed(s))

    def rows(self) -> list[tuple[str, str, Step]]:
        """The table, one (from, to, step) per allowed transition."""
        return [(a, b, found) for (a, b), found in self.transitions.items()]

    def _refusal(self, old: str, new: str) -> str:
        old_label = str(self.labels.get(old, old))
        new_label = str(self.labels.get(new, new))
        return str(self.refused) % {"old": old_label, "state": old_label, "new": new_label}
