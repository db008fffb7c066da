"""An empty 1:1 never counts as having met, and an untouched new one can be dropped without
losing anything (the core's rules; no screen)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.lead import add_lead, lead_summaries
from iltdesk.models import Author
from iltdesk.one_on_one import (
    add_agenda_item,
    add_next_step,
    discard_if_untouched,
    holds_something,
    is_untouched,
    notes_template,
    one_on_ones_for,
    save_one_on_one,
    start_one_on_one,
    update_agenda_item,
)
from iltdesk.store.journal import Journal
from iltdesk.today import meeting_counts, notes_written, today_rows

TODAY = date.today()
MEET = "Leads to meet"


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    """A lead who should have been met by now (joined 30 days ago, meets every 14)."""
    return add_lead(journal, name, on_ilt_since=TODAY - timedelta(days=30)).id or 0


def _to_meet(journal: Journal) -> list[str]:
    return [row.title for row in today_rows(journal, TODAY) if row.section == MEET]


def test_notes_count_only_when_they_say_something() -> None:
    assert not notes_written("")
    assert not notes_written(notes_template())
    assert not notes_written("## Goals revisited\n\n   \n## Deadlines ahead\n")
    assert notes_written(notes_template() + "Talked about the SLO draft.\n")
    assert not meeting_counts(notes_template(), "  ", discussed_or_agreed=False)
    assert meeting_counts("", "Praised the agenda", discussed_or_agreed=False)
    assert meeting_counts("", "", discussed_or_agreed=True)


def test_an_empty_one_on_one_is_not_a_meeting(journal: Journal) -> None:
    lead = _lead(journal)
    meeting = start_one_on_one(journal, lead).id or 0  # an accidental Ctrl+N
    assert not holds_something(journal, meeting)
    assert _to_meet(journal) == ["Maria Lopez"]
    assert lead_summaries(journal)[0].last_one_on_one is None


@pytest.mark.parametrize("what", ["notes", "feedback", "discussed", "next step"])
def test_a_one_on_one_holding_something_is_a_meeting(journal: Journal, what: str) -> None:
    lead = _lead(journal)
    meeting = start_one_on_one(journal, lead)
    meeting_id = meeting.id or 0
    if what == "notes":
        save_one_on_one(journal, meeting_id, notes=notes_template() + "Budget first.\n")
    elif what == "feedback":
        save_one_on_one(journal, meeting_id, feedback_given="The data wall landed well.")
    elif what == "discussed":
        item = add_agenda_item(journal, meeting_id, "Coverage for Friday")
        update_agenda_item(journal, item.id or 0, discussed=True)
    else:
        add_next_step(journal, meeting, "Send the draft", owner=Author.lead, due_on=None)
    assert holds_something(journal, meeting_id)
    assert _to_meet(journal) == []
    assert lead_summaries(journal)[0].last_one_on_one == TODAY


def test_the_last_meeting_that_counts_is_the_one_remembered(journal: Journal) -> None:
    lead = _lead(journal)
    met_on = TODAY - timedelta(days=5)
    held = start_one_on_one(journal, lead, held_on=met_on).id or 0
    save_one_on_one(journal, held, notes="Walked the building together.")
    for _ in range(6):  # more empty ones than one batch of reading
        start_one_on_one(journal, lead)
    assert lead_summaries(journal)[0].last_one_on_one == met_on
    assert _to_meet(journal) == []


def test_an_untouched_new_one_on_one_is_discarded(journal: Journal) -> None:
    lead = _lead(journal)
    before = start_one_on_one(journal, lead, held_on=TODAY - timedelta(days=3))
    left = add_agenda_item(journal, before.id or 0, "Bus duty rota", added_by=Author.lead)
    save_one_on_one(journal, before.id or 0, notes="Met about the rota.")
    new = start_one_on_one(journal, lead).id or 0  # carries "Bus duty rota" forward
    assert is_untouched(journal, new)
    assert discard_if_untouched(journal, new)
    assert [m.id for m in one_on_ones_for(journal, lead)] == [before.id]
    # The carried item is still on the 1:1 it came from.
    update_agenda_item(journal, left.id or 0, text="Bus duty rota")


@pytest.mark.parametrize("what", ["agenda", "notes", "feedback", "next step"])
def test_a_touched_new_one_on_one_is_kept(journal: Journal, what: str) -> None:
    lead = _lead(journal)
    meeting = start_one_on_one(journal, lead)
    meeting_id = meeting.id or 0
    if what == "agenda":  # gathered for later: not a meeting yet, but never dropped
        add_agenda_item(journal, meeting_id, "Timetable draft", added_by=Author.lead)
    elif what == "notes":
        save_one_on_one(journal, meeting_id, notes="A word")
    elif what == "feedback":
        save_one_on_one(journal, meeting_id, feedback_given="Thanks for covering")
    else:
        add_next_step(journal, meeting, "Call the union rep", owner=Author.both, due_on=None)
    assert not is_untouched(journal, meeting_id)
    assert not discard_if_untouched(journal, meeting_id)
    assert [m.id for m in one_on_ones_for(journal, lead)] == [meeting_id]
