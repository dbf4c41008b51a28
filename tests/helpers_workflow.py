"""Checking a workflow's transition table exactly: every allowed transition listed, with what it
needs, in the order pages offer them, and nothing else allowed."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from ctip.core.workflow import Step, TransitionRefused, Workflow


def assert_workflow_table(
    workflow: Workflow, expected_rows: Iterable[tuple[str, str, Step]]
) -> None:
    expected = [(str(a), str(b), step) for a, b, step in expected_rows]
    pairs = [(a, b) for a, b, _step in expected]
    assert len(set(pairs)) == len(pairs), f"a transition is listed twice: {pairs}"
    assert workflow.rows() == expected
    for old in workflow.states:
        assert workflow.allowed(old) == tuple(b for a, b in pairs if a == old), old
        for new in workflow.states:
            if (old, new) in pairs:
                assert workflow.allows(old, new)
                assert workflow.step(old, new) == expected[pairs.index((old, new))][2]
            else:
                assert not workflow.allows(old, new), (old, new)
                with pytest.raises(TransitionRefused):
                    workflow.step(old, new)
