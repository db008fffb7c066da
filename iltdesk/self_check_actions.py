"""From a weak self-check action to something the ILT does about it: a period of the scope and
sequence (in the strand that fits the action), a lead's learning-cycle goal, an action item for
one lead (the principal follows it up), or an ILT action item the team owns (the principal
and/or the members she names), carried into each ILT meeting until it is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from iltdesk.action_item import add_action_item, next_step_due
from iltdesk.charter import add_scope_item
from iltdesk.cycle import current_cycle, start_cycle
from iltdesk.errors import UsageError
from iltdesk.lead import get_lead
from iltdesk.models import (
    ActionItem,
    ActionSource,
    Author,
    FocusKind,
    LearningCycle,
    ScopeItem,
)
from iltdesk.self_check_compare import WeakItem
from iltdesk.store.journal import Journal
from iltdesk.team_action import add_team_item
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

DATA, OBSERVATION, LEARNING = (
    FocusKind.data,
    FocusKind.observation_feedback,
    FocusKind.professional_learning,
)
# The strand of the scope and sequence where work on an action belongs. Actions about data go
# to data; about seeing practice and giving feedback to observation and feedback; the rest is
# something the team learns together.
STRAND_OF: dict[str, FocusKind] = {
    # set 2
    "coach_data_steps": DATA,
    "data_into_goals": DATA,
    "share_resources_fairly": DATA,
    "support_newcomers": OBSERVATION,
    "run_meetings_well": OBSERVATION,
    "watch_floor_time": OBSERVATION,
    # set 1
    "data_analysis": DATA,
    "measurable_goals": DATA,
    "equitable_resources": DATA,
    "new_staff": OBSERVATION,
    "consistent_process": OBSERVATION,
    "equity_of_voice": OBSERVATION,
}


class Outcome(StrEnum):
    """What a weak action can become."""

    scope_period = "scope_period"
    cycle_goal = "cycle_goal"
    action_item = "action_item"
    team_item = "team_item"


# In English: ``outcome_label`` says one in the user's language.
OUTCOME_LABELS = {
    Outcome.scope_period: QT_TRANSLATE_NOOP("self_check_actions", "A scope-and-sequence period"),
    Outcome.cycle_goal: QT_TRANSLATE_NOOP("self_check_actions", "A learning-cycle goal for a lead"),
    Outcome.action_item: QT_TRANSLATE_NOOP("self_check_actions", "An action item for a lead"),
    Outcome.team_item: QT_TRANSLATE_NOOP("self_check_actions", "An ILT action item the team owns"),
}


def outcome_label(outcome: Outcome) -> str:
    """What ``outcome`` makes, in the user's language ("An action item for a lead")."""
    return translate("self_check_actions", OUTCOME_LABELS[outcome])


def strand_for(item_key: str) -> FocusKind:
    """The scope-and-sequence strand where work on this action belongs."""
    return STRAND_OF.get(item_key, LEARNING)


def suggested_text(weak: WeakItem) -> str:
    """The action as a thing to work on: 'Delegate responsibilities across …'."""
    text = weak.item.text.strip().rstrip(".")
    return text[:1].upper() + text[1:]


def _text(weak: WeakItem, text: str | None) -> str:
    chosen = (text if text is not None else suggested_text(weak)).strip()
    if not chosen:
        raise UsageError(translate("self_check_actions", "Say what the work is before making it."))
    return chosen


def plan_scope_period(
    journal: Journal,
    weak: WeakItem,
    *,
    period: str,
    starts_on: date | None = None,
    text: str | None = None,
) -> ScopeItem:
    """A new period of the scope and sequence with this work in the strand that fits it."""
    work, strand = _text(weak, text), strand_for(weak.item.key)
    return add_scope_item(
        journal,
        period,
        starts_on=starts_on,
        data=work if strand is DATA else "",
        observation_feedback=work if strand is OBSERVATION else "",
        professional_learning=work if strand is LEARNING else "",
    )


def start_cycle_goal(
    journal: Journal,
    lead_id: int,
    weak: WeakItem,
    *,
    text: str | None = None,
    started_on: date | None = None,
) -> LearningCycle:
    """A new learning cycle for the lead with this work as its goal.

    A lead works on one cycle at a time: with one still open, the principal closes it first
    (or writes the work in as its next goal) rather than running two.
    """
    goal = _text(weak, text)
    lead = get_lead(journal, lead_id)
    if current_cycle(journal, lead_id) is not None:
        raise UsageError(
            translate(
                "self_check_actions",
                "{lead} already has an open learning cycle: close it first, or write this "
                "in as its next goal.",
            ).format(lead=lead.name)
        )
    return start_cycle(journal, lead_id, goal=goal, started_on=started_on)


def add_lead_action(
    journal: Journal,
    lead_id: int,
    weak: WeakItem,
    *,
    text: str | None = None,
    due_on: date | None = None,
) -> ActionItem:
    """An action item for the lead that the principal owns, due as a next step is."""
    work = _text(weak, text)
    get_lead(journal, lead_id)  # a missing lead is said in words, not as a foreign key
    due = due_on or next_step_due(date.today())
    return add_action_item(journal, lead_id, work, owner=Author.principal, due_on=due)


def add_team_action(
    journal: Journal,
    weak: WeakItem,
    *,
    owners: Sequence[int] = (),
    principal: bool = False,
    text: str | None = None,
    due_on: date | None = None,
) -> ActionItem:
    """An ILT action item on this work, owned by the members named and/or the principal, due
    as a next step is; it belongs to no meeting, so the next ILT meeting takes it up."""
    work = _text(weak, text)
    due = due_on or next_step_due(date.today())
    return add_team_item(
        journal, work, owners=owners, principal=principal, due_on=due,
        source=ActionSource.self_check,
    )  # fmt: skip
