"""Every state machine has the one shape (ctip.core.workflow), and each table is written out
here in full: a transition added, dropped or given another permission or legal step fails."""

from datetime import date

import pytest

from ctip.accounts.steps import roles_for_step
from ctip.core.permissions import P
from ctip.core.workflow import Step, TransitionRefused, Workflow
from ctip.directives.models import TASK_FLOW, TaskStatus
from ctip.enforcement.models import STAGE_FLOW, STAGE_OWNER_KIND, Stage
from ctip.reporting.contributions import EDITABLE, SIGNABLE
from ctip.reporting.states import CONTRIBUTION_FLOW, ContributionState
from ctip.victims.states import CASE_FLOW, REFERRAL_FLOW, ReferralStatus, State
from tests.helpers_workflow import assert_workflow_table

DAY = date(2025, 9, 10)


def _legal(prefix, rows):
    return [(a, b, Step(legal_step=f"{prefix}.{b}")) for a, b in rows]


VICTIM_ROWS = _legal(
    "victims",
    [
        ("received", "verifying"),
        ("verifying", "identified"),
        ("verifying", "not_victim"),
        ("identified", "support"),
        ("support", "repatriation"),
        ("support", "reintegration"),
        ("repatriation", "reintegration"),
        ("reintegration", "follow_up"),
        ("follow_up", "closed"),
        ("not_victim", "closed"),
    ],
)
STAGE_ROWS = _legal(
    "enforcement",
    [
        ("detected", "instituted"),
        ("detected", "dropped"),
        ("instituted", "indicted"),
        ("instituted", "dropped"),
        ("indicted", "tried"),
        ("tried", "judged"),
    ],
)
SAVE = Step(action="save", permission="reports.contribute")
SIGN = Step(action="sign_off", permission="reports.sign_contribution")
CONTRIBUTION_ROWS = [
    ("assigned", "draft", SAVE),
    ("draft", "draft", SAVE),
    ("returned", "draft", SAVE),
    ("assigned", "submitted", SIGN),
    ("draft", "submitted", SIGN),
    ("returned", "submitted", SIGN),
    ("submitted", "accepted", Step(action="accept", permission="reports.compile")),
    ("submitted", "returned", Step(action="return", permission="reports.compile")),
]
ANSWER = "victims.edit_cases"
REFERRAL_ROWS = [
    ("sent", "accepted", Step(action="accept", permission=ANSWER)),
    ("sent", "declined", Step(action="decline", permission=ANSWER)),
    ("sent", "revoked", Step(action="revoke", permission=ANSWER)),
    ("accepted", "revoked", Step(action="revoke", permission=ANSWER)),
]
TASK = Step(permission="agency.edit_own")
TASK_ROWS = [
    ("open", "done", TASK),
    ("open", "cancelled", TASK),
    ("done", "open", TASK),
    ("cancelled", "open", TASK),
]


@pytest.mark.parametrize(
    ("workflow", "rows", "initial", "terminal"),
    [
        (CASE_FLOW, VICTIM_ROWS, "received", {"closed"}),
        (STAGE_FLOW, STAGE_ROWS, "detected", {"judged", "dropped"}),
        (CONTRIBUTION_FLOW, CONTRIBUTION_ROWS, "assigned", {"accepted"}),
        (TASK_FLOW, TASK_ROWS, "open", set()),
        (REFERRAL_FLOW, REFERRAL_ROWS, "sent", {"declined", "revoked"}),
    ],
    ids=["victims", "enforcement", "contributions", "directives", "referrals"],
)
def test_each_table_exactly(workflow, rows, initial, terminal):
    assert_workflow_table(workflow, rows)
    assert workflow.initial == initial
    assert workflow.terminal == terminal


@pytest.mark.parametrize(
    ("workflow", "choices"),
    [
        (CASE_FLOW, State),
        (STAGE_FLOW, Stage),
        (CONTRIBUTION_FLOW, ContributionState),
        (TASK_FLOW, TaskStatus),
        (REFERRAL_FLOW, ReferralStatus),
    ],
)
def test_the_states_are_the_fields_choices(workflow, choices):
    """The states come from the model's choices: the table changes no column, no migration."""
    assert workflow.states == tuple(choices.values)


@pytest.mark.django_db
@pytest.mark.parametrize("workflow", [CASE_FLOW, STAGE_FLOW], ids=["victims", "enforcement"])
def test_every_legal_step_has_its_rule_in_force(workflow):
    """A legal step with no rule in force would refuse everyone: each names some roles."""
    for _old, _new, step in workflow.rows():
        assert roles_for_step(step.legal_step, on=DAY), step.legal_step


def test_every_stage_moved_to_has_an_owning_agency_kind():
    assert {new for _old, new, _step in STAGE_FLOW.rows()} == set(STAGE_OWNER_KIND)


def test_contribution_actions_and_where_they_may_be_taken():
    assert EDITABLE == SIGNABLE == {"assigned", "draft", "returned"}
    assert CONTRIBUTION_FLOW.sources("accept") == {"submitted"}
    assert CONTRIBUTION_FLOW.by_action("returned", "save") == ("draft", SAVE)
    with pytest.raises(TransitionRefused, match="“Đã tiếp nhận”"):
        CONTRIBUTION_FLOW.by_action("accepted", "save")
    with pytest.raises(TransitionRefused):
        CONTRIBUTION_FLOW.by_action("submitted", "no_such_action")


# The Workflow class itself, on a small machine of its own.
class Refused(ValueError):
    pass


LIGHT = Workflow(
    states=[("red", "Đỏ"), ("green", "Xanh"), ("off", "Tắt")],
    transitions={
        ("red", "green"): Step(permission=P.EDIT_OWN_AGENCY),
        ("green", "red"): Step(legal_step="light.red"),
        ("green", "off"): Step(action="stop"),
    },
    initial="red",
    refused="Không chuyển từ “%(old)s” sang “%(new)s”.",
)


def test_a_transition_not_in_the_table_is_refused_with_the_labels():
    assert LIGHT.step("green", "red") == Step(legal_step="light.red")
    with pytest.raises(TransitionRefused, match="^Không chuyển từ “Đỏ” sang “Tắt”.$"):
        LIGHT.step("red", "off")
    with pytest.raises(Refused, match="“Xanh” sang “Xanh”"):
        LIGHT.step("green", "green", error=Refused)
    # A state the machine does not know is refused too, never a KeyError.
    with pytest.raises(Refused, match="“Tắt” sang “blue”"):
        LIGHT.step("off", "blue", error=Refused)


def test_terminal_states_allow_nothing():
    assert LIGHT.terminal == {"off"}
    assert LIGHT.allowed("off") == ()
    assert LIGHT.allowed("green") == ("red", "off")
    for state in LIGHT.states:
        assert not LIGHT.allows("off", state)


def test_actions_lead_from_their_sources_only():
    assert LIGHT.sources("stop") == {"green"}
    assert LIGHT.by_action("green", "stop") == ("off", Step(action="stop"))
    with pytest.raises(Refused, match="“Đỏ”"):
        LIGHT.by_action("red", "stop", error=Refused)


def test_a_table_naming_unknown_states_is_refused_when_built():
    with pytest.raises(ValueError, match="blue"):
        Workflow(
            states=[("red", "Đỏ")],
            transitions={("red", "blue"): Step()},
            initial="red",
            refused="x",
        )
    with pytest.raises(ValueError, match="amber"):
        Workflow(states=[("red", "Đỏ")], transitions={}, initial="amber", refused="x")


def test_the_table_helper_notices_a_missing_or_extra_transition():
    rows = [
        ("red", "green", Step(permission=P.EDIT_OWN_AGENCY)),
        ("green", "red", Step(legal_step="light.red")),
        ("green", "off", Step(action="stop")),
    ]
    assert_workflow_table(LIGHT, rows)
    for wrong in (rows[:2], [*rows, ("off", "red", Step())], [rows[0], rows[2], rows[1]]):
        with pytest.raises(AssertionError):
            assert_workflow_table(LIGHT, wrong)
    with pytest.raises(AssertionError):
        assert_workflow_table(LIGHT, [rows[0], rows[1], ("green", "off", Step(action="halt"))])


def test_a_referral_answer_refused_names_both_states():
    """The message a refused answer shows, with the statuses' labels (as before the table)."""
    with pytest.raises(TransitionRefused, match="^Không thể chuyển yêu cầu từ “Đã thu hồi” sang"):
        REFERRAL_FLOW.step("revoked", "accepted")
    assert REFERRAL_FLOW.sources("revoke") == {"sent", "accepted"}
