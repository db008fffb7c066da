"""Observations on real encrypted journals: cycle linking, the action step, follow-up, search."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from iltdesk.action_item import set_done
from iltdesk.cycle import close_cycle, start_cycle, update_cycle
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import (
    ActionItem,
    ActionSource,
    Author,
    Observation,
    ObservationSetting,
    Outcome,
)
from iltdesk.observation import (
    ObservationNotes,
    add_observation,
    follow_up_open,
    observations_for,
    update_observation,
)
from iltdesk.search import search
from iltdesk.store.journal import Journal

DAY = date(2025, 3, 12)


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    lead = add_lead(journal, name)
    assert lead.id is not None
    return lead.id


def _cycle(journal: Journal, lead_id: int, started_on: date = DAY) -> int:
    cycle = start_cycle(journal, lead_id, goal="Norms", started_on=started_on)
    assert cycle.id is not None
    return cycle.id


def _items(journal: Journal) -> list[ActionItem]:
    with journal.session() as s:
        return list(s.exec(select(ActionItem)))


def _stored(journal: Journal, observation_id: int | None) -> Observation:
    with journal.session() as s:
        found = s.get(Observation, observation_id)
    assert found is not None
    return found


def _count(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


# -- which cycle ------------------------------------------------------------------------------


def test_observation_goes_into_the_leads_open_cycle_by_default(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    other = _lead(journal, "Dev Patel")
    closed = _cycle(journal, lead_id, DAY - timedelta(days=60))
    update_cycle(journal, closed, outcome=Outcome.met, outcome_evidence="e", lead_reflection="r")
    close_cycle(journal, closed, on=DAY - timedelta(days=30))
    open_id = _cycle(journal, lead_id, DAY - timedelta(days=7))
    _cycle(journal, other, DAY)  # another lead's newer cycle is never picked

    observation = add_observation(
        journal, lead_id, ObservationNotes(evidence="Opened with norms", observed_on=DAY)
    )

    stored = _stored(journal, observation.id)
    assert (stored.lead_id, stored.cycle_id, stored.observed_on) == (lead_id, open_id, DAY)


def test_observation_without_an_open_cycle_and_explicit_choices(journal: Journal) -> None:
    lead_id = _lead(journal)
    alone = add_observation(journal, lead_id, ObservationNotes(feedback="Nice pacing"))
    assert _stored(journal, alone.id).cycle_id is None
    assert _stored(journal, alone.id).observed_on == date.today()

    _cycle(journal, lead_id, DAY)
    older = _cycle(journal, lead_id, DAY - timedelta(days=40))

    outside = add_observation(
        journal, lead_id, ObservationNotes(evidence="Hallway chat"), cycle_id=None
    )
    chosen = add_observation(
        journal, lead_id, ObservationNotes(evidence="Back-dated"), cycle_id=older
    )

    assert _stored(journal, outside.id).cycle_id is None
    assert _stored(journal, chosen.id).cycle_id == older


# -- the action step --------------------------------------------------------------------------


def test_an_action_step_becomes_exactly_one_action_item(journal: Journal) -> None:
    lead_id = _lead(journal)
    cycle_id = _cycle(journal, lead_id)
    follow_up = DAY + timedelta(days=9)

    observation = add_observation(
        journal,
        lead_id,
        ObservationNotes(
            setting=ObservationSetting.data_meeting,
            evidence="T1: 'What do we notice?'\nT2: silence",
            feedback="Strong opening question",
            action_step="  Use wait time after the opening question  ",
            follow_up_on=follow_up,
            observed_on=DAY,
        ),
    )

    stored = _stored(journal, observation.id)
    assert (
        stored.setting,
        stored.evidence,
        stored.feedback,
        stored.action_step,
        stored.follow_up_on,
        stored.cycle_id,
    ) == (
        ObservationSetting.data_meeting,
        "T1: 'What do we notice?'\nT2: silence",
        "Strong opening question",
        "Use wait time after the opening question",
        follow_up,
        cycle_id,
    )
    (item,) = _items(journal)
    assert (
        item.lead_id,
        item.text,
        item.owner,
        item.due_on,
        item.done_on,
        item.source,
        item.observation_id,
        item.cycle_id,
        item.one_on_one_id,
    ) == (
        lead_id,
        "Use wait time after the opening question",
        Author.lead,
        follow_up,
        None,
        ActionSource.observation,
        observation.id,
        cycle_id,
        None,
    )


def test_an_action_step_outside_a_cycle_has_no_cycle_and_may_have_no_date(
    journal: Journal,
) -> None:
    lead_id = _lead(journal)

    observation = add_observation(
        journal, lead_id, ObservationNotes(action_step="Send the notes"), cycle_id=None
    )

    (item,) = _items(journal)
    assert (item.text, item.due_on, item.cycle_id, item.observation_id) == (
        "Send the notes",
        None,
        None,
        observation.id,
    )


def test_no_action_step_means_no_action_item(journal: Journal) -> None:
    lead_id = _lead(journal)
    _cycle(journal, lead_id)

    add_observation(
        journal,
        lead_id,
        ObservationNotes(
            evidence="Scripted notes", feedback="Good", action_step="   ", follow_up_on=DAY
        ),
    )

    assert _count(journal, "observation") == 1
    assert _items(journal) == []


@pytest.mark.parametrize(
    "notes",
    [
        ObservationNotes(),
        ObservationNotes(evidence="  \n", feedback="\t", action_step=" ", follow_up_on=DAY),
    ],
    ids=["nothing", "only-blanks"],
)
def test_an_empty_observation_is_refused_and_writes_nothing(
    journal: Journal, notes: ObservationNotes
) -> None:
    lead_id = _lead(journal)
    _cycle(journal, lead_id)

    with pytest.raises(UsageError, match="Write what you saw, the feedback, or the next step"):
        add_observation(journal, lead_id, notes)

    assert _count(journal, "observation") == 0
    assert _count(journal, "action_item") == 0


# -- editing and listing ----------------------------------------------------------------------


def test_update_observation_changes_allowed_fields_and_refuses_others(journal: Journal) -> None:
    lead_id = _lead(journal)
    cycle_id = _cycle(journal, lead_id)
    observation = add_observation(
        journal, lead_id, ObservationNotes(evidence="Draft", action_step="Step"), cycle_id=None
    )
    oid = observation.id or 0

    update_observation(
        journal,
        oid,
        setting=ObservationSetting.feedback_conversation,
        evidence="Full scripted notes",
        feedback="Named the data",
        observed_on=DAY - timedelta(days=1),
        follow_up_on=DAY + timedelta(days=3),
        cycle_id=cycle_id,
    )
    with pytest.raises(UsageError, match=r"Cannot change action_step, lead_id of an observation"):
        update_observation(journal, oid, action_step="Other step", lead_id=99, evidence="x")
    with pytest.raises(UsageError, match=r"There is no observation #999\."):
        update_observation(journal, 999, evidence="x")

    stored = _stored(journal, oid)
    assert (
        stored.setting,
        stored.evidence,
        stored.feedback,
        stored.observed_on,
        stored.follow_up_on,
        stored.cycle_id,
        stored.action_step,
        stored.lead_id,
    ) == (
        ObservationSetting.feedback_conversation,
        "Full scripted notes",
        "Named the data",
        DAY - timedelta(days=1),
        DAY + timedelta(days=3),
        cycle_id,
        "Step",
        lead_id,
    )


def test_observations_for_is_newest_first_and_only_that_lead(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    other = _lead(journal, "Dev Patel")

    def add(who: int, on: date) -> int | None:
        notes = ObservationNotes(evidence="e", observed_on=on)
        return add_observation(journal, who, notes, cycle_id=None).id

    middle = add(lead_id, DAY)
    oldest = add(lead_id, DAY - timedelta(days=20))
    newest = add(lead_id, DAY + timedelta(days=5))
    same_day = add(lead_id, DAY)
    add(other, DAY + timedelta(days=30))

    assert [o.id for o in observations_for(journal, lead_id)] == [
        newest,
        same_day,
        middle,
        oldest,
    ]
    assert observations_for(journal, 999) == []


def test_follow_up_open_until_its_action_item_is_done(journal: Journal) -> None:
    lead_id = _lead(journal)
    with_step = add_observation(
        journal, lead_id, ObservationNotes(action_step="Wait time", follow_up_on=DAY)
    )
    without_step = add_observation(journal, lead_id, ObservationNotes(evidence="Just notes"))
    (item,) = _items(journal)

    assert follow_up_open(journal, with_step) is True
    assert follow_up_open(journal, without_step) is True

    set_done(journal, item.id or 0, True, on=DAY)
    assert follow_up_open(journal, with_step) is False
    assert follow_up_open(journal, without_step) is True

    set_done(journal, item.id or 0, False)
    assert follow_up_open(journal, with_step) is True


# -- search -----------------------------------------------------------------------------------


def test_search_finds_observation_evidence(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    observation = add_observation(
        journal,
        lead_id,
        ObservationNotes(
            evidence="Students annotated the exemplar before the protocol",
            feedback="Tight timing",
            observed_on=DAY,
        ),
        cycle_id=None,
    )

    hits = search(journal, "exemplar")

    assert [(h.kind, h.record_id, h.lead_id, h.lead_name, h.happened_on) for h in hits] == [
        ("observation", observation.id, lead_id, "Maria Lopez", DAY)
    ]
    assert hits[0].kind_label == "Observation"
    # Edited evidence is found by its new words, not its old ones.
    update_observation(journal, observation.id or 0, evidence="Turn and talk with sentence stems")
    assert search(journal, "exemplar") == []
    assert [h.record_id for h in search(journal, "sentence stems")] == [observation.id]
