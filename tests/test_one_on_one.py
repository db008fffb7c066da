"""1:1 check-ins on real encrypted journals: template, agenda, carry-over, next steps, notes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from iltdesk.action_item import add_action_item, set_done
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import ActionItem, ActionSource, AgendaSection, Author, OneOnOne
from iltdesk.one_on_one import (
    add_agenda_item,
    add_next_step,
    add_quick_note,
    agenda_items,
    delete_one_on_one,
    get_one_on_one,
    items_to_follow_up,
    next_steps,
    notes_template,
    one_on_ones_for,
    save_one_on_one,
    start_one_on_one,
    summary_line,
    update_agenda_item,
)
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

DAY = date(2025, 3, 12)


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    lead = add_lead(journal, name, role="Team Lead", team="Grade 6")
    assert lead.id is not None
    return lead.id


def _agenda(journal: Journal, meeting_id: int) -> list[tuple[str, AgendaSection, Author, bool]]:
    return [(i.text, i.section, i.added_by, i.discussed) for i in agenda_items(journal, meeting_id)]


def _count(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


# -- starting a 1:1 ---------------------------------------------------------------------------


def test_notes_template_has_one_heading_per_recurring_part() -> None:
    assert notes_template() == (
        "## Goals revisited\n\n\n"
        "## Coaching calendar\n\n\n"
        "## Deadlines ahead\n\n\n"
        "## Release time\n\n\n"
    )


def test_start_one_on_one_fills_notes_from_the_template(journal: Journal) -> None:
    lead_id = _lead(journal)

    meeting = start_one_on_one(journal, lead_id, held_on=DAY)

    stored = get_one_on_one(journal, meeting.id or 0)
    assert stored.notes == notes_template()
    assert stored.lead_id == lead_id
    assert stored.held_on == DAY
    assert stored.feedback_given == ""
    assert agenda_items(journal, meeting.id or 0) == []
    undated = start_one_on_one(journal, lead_id)
    assert get_one_on_one(journal, undated.id or 0).held_on == date.today()
    assert get_one_on_one(journal, undated.id or 0).notes == notes_template()


def test_undiscussed_agenda_items_are_carried_into_the_next_one_on_one(journal: Journal) -> None:
    lead_id = _lead(journal)
    first = start_one_on_one(journal, lead_id, held_on=DAY)
    mid = first.id or 0
    add_agenda_item(journal, mid, "Release time for SLO data", added_by=Author.lead)
    talked = add_agenda_item(journal, mid, "Norms reset", added_by=Author.lead)
    add_agenda_item(journal, mid, "Evaluation timeline", added_by=Author.principal)
    update_agenda_item(journal, talked.id or 0, discussed=True)

    second = start_one_on_one(journal, lead_id, held_on=DAY + timedelta(days=7))

    assert _agenda(journal, second.id or 0) == [
        ("Release time for SLO data", AgendaSection.lead_items, Author.lead, False),
        ("Evaluation timeline", AgendaSection.principal_items, Author.principal, False),
    ]
    # The earlier 1:1 keeps its own agenda untouched.
    assert _agenda(journal, mid) == [
        ("Release time for SLO data", AgendaSection.lead_items, Author.lead, False),
        ("Norms reset", AgendaSection.lead_items, Author.lead, True),
        ("Evaluation timeline", AgendaSection.principal_items, Author.principal, False),
    ]


def test_carry_over_comes_from_the_latest_one_on_one_of_the_same_lead(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    other_id = _lead(journal, "Dev Patel")
    older = start_one_on_one(journal, lead_id, held_on=DAY - timedelta(days=14))
    add_agenda_item(journal, older.id or 0, "Old topic", added_by=Author.lead)
    latest = start_one_on_one(journal, lead_id, held_on=DAY)
    # "Old topic" was carried into `latest`; tick it off there.
    (carried,) = agenda_items(journal, latest.id or 0)
    update_agenda_item(journal, carried.id or 0, discussed=True)
    add_agenda_item(journal, latest.id or 0, "New topic", added_by=Author.principal)
    theirs = start_one_on_one(journal, other_id, held_on=DAY)
    add_agenda_item(journal, theirs.id or 0, "Someone else's topic", added_by=Author.lead)

    after = start_one_on_one(journal, lead_id, held_on=DAY + timedelta(days=7))

    assert _agenda(journal, after.id or 0) == [
        ("New topic", AgendaSection.principal_items, Author.principal, False)
    ]


def test_first_one_on_one_of_a_lead_starts_with_an_empty_agenda(journal: Journal) -> None:
    other = start_one_on_one(journal, _lead(journal, "Dev Patel"), held_on=DAY)
    add_agenda_item(journal, other.id or 0, "Dev's topic", added_by=Author.lead)

    first = start_one_on_one(journal, _lead(journal, "Maria Lopez"), held_on=DAY)

    assert agenda_items(journal, first.id or 0) == []


# -- the agenda -------------------------------------------------------------------------------


def test_add_agenda_item_files_items_by_author_in_order(journal: Journal) -> None:
    meeting = start_one_on_one(journal, _lead(journal), held_on=DAY)
    mid = meeting.id or 0

    add_agenda_item(journal, mid, "  Mine first  ")
    add_agenda_item(journal, mid, "Lead one", added_by=Author.lead)
    add_agenda_item(journal, mid, "Mine second", added_by=Author.principal)
    item = add_agenda_item(journal, mid, "Lead two", added_by=Author.lead)

    assert item.id is not None
    assert item.one_on_one_id == mid
    assert item.section is AgendaSection.lead_items
    assert _agenda(journal, mid) == [
        ("Lead one", AgendaSection.lead_items, Author.lead, False),
        ("Lead two", AgendaSection.lead_items, Author.lead, False),
        ("Mine first", AgendaSection.principal_items, Author.principal, False),
        ("Mine second", AgendaSection.principal_items, Author.principal, False),
    ]


def test_add_agenda_item_rejects_empty_text(journal: Journal) -> None:
    meeting = start_one_on_one(journal, _lead(journal), held_on=DAY)

    for text in ("", "   ", "\n\t"):
        with pytest.raises(UsageError, match="Write the agenda item first"):
            add_agenda_item(journal, meeting.id or 0, text, added_by=Author.lead)

    assert _count(journal, "agenda_item") == 0


def test_update_agenda_item_ticks_discussed_and_edits_text(journal: Journal) -> None:
    meeting = start_one_on_one(journal, _lead(journal), held_on=DAY)
    item = add_agenda_item(journal, meeting.id or 0, "Coverage plan", added_by=Author.lead)

    update_agenda_item(journal, item.id or 0, discussed=True)
    assert _agenda(journal, meeting.id or 0) == [
        ("Coverage plan", AgendaSection.lead_items, Author.lead, True)
    ]

    update_agenda_item(journal, item.id or 0, text="Coverage plan for May")
    assert _agenda(journal, meeting.id or 0) == [
        ("Coverage plan for May", AgendaSection.lead_items, Author.lead, True)
    ]

    update_agenda_item(journal, item.id or 0, discussed=False)
    assert _agenda(journal, meeting.id or 0) == [
        ("Coverage plan for May", AgendaSection.lead_items, Author.lead, False)
    ]

    with pytest.raises(UsageError, match=r"There is no agenda item #99\."):
        update_agenda_item(journal, 99, discussed=True)


# -- action items and next steps --------------------------------------------------------------


def test_items_to_follow_up_lists_the_leads_open_items_from_before(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    other_id = _lead(journal, "Dev Patel")
    earlier = start_one_on_one(journal, lead_id, held_on=DAY - timedelta(days=14))
    from_earlier = add_next_step(
        journal, earlier, "Draft SLO", owner=Author.lead, due_on=DAY + timedelta(days=5)
    )
    finished = add_next_step(
        journal, earlier, "Book sub", owner=Author.principal, due_on=DAY - timedelta(days=3)
    )
    set_done(journal, finished.id or 0, True, on=DAY - timedelta(days=4))
    undated = add_action_item(journal, lead_id, "Read chapter 3")
    manual = add_action_item(journal, lead_id, "Observe PLC", due_on=DAY + timedelta(days=2))
    add_action_item(journal, other_id, "Dev's item", due_on=DAY)
    meeting = start_one_on_one(journal, lead_id, held_on=DAY)
    add_next_step(journal, meeting, "This meeting's step", owner=Author.lead, due_on=DAY)

    follow_up = items_to_follow_up(journal, meeting)

    assert [i.id for i in follow_up] == [manual.id, from_earlier.id, undated.id]
    assert [i.text for i in follow_up] == ["Observe PLC", "Draft SLO", "Read chapter 3"]


def test_items_to_follow_up_leaves_out_steps_agreed_at_later_one_on_ones(journal: Journal) -> None:
    lead_id = _lead(journal)
    earlier = start_one_on_one(journal, lead_id, held_on=DAY - timedelta(days=14))
    before = add_action_item(journal, lead_id, "Agreed before", due_on=DAY - timedelta(days=20))
    later = start_one_on_one(journal, lead_id, held_on=DAY)
    add_next_step(journal, later, "Agreed later", owner=Author.lead, due_on=DAY)

    assert [i.id for i in items_to_follow_up(journal, earlier)] == [before.id]


def test_a_1_1_follows_up_the_ilt_items_the_lead_helps_own(journal: Journal) -> None:
    from iltdesk.ilt_meeting import new_meeting
    from iltdesk.team_action import add_team_item

    lead_id, other_id = _lead(journal, "Maria Lopez"), _lead(journal, "Dev Patel")
    before = new_meeting(journal, DAY - timedelta(days=7)).id or 0
    after = new_meeting(journal, DAY + timedelta(days=7)).id or 0
    hers = add_team_item(
        journal, "Bring the tracker", owners=[lead_id, other_id], meeting_id=before
    )
    loose = add_team_item(
        journal, "Pulse survey", owners=[lead_id], principal=True, meeting_id=None
    )
    add_team_item(journal, "Agreed after", owners=[lead_id], meeting_id=after)
    add_team_item(journal, "Dev's alone", owners=[other_id], meeting_id=before)
    done = add_team_item(journal, "Done already", owners=[lead_id], meeting_id=before)
    set_done(journal, done.id or 0, True)
    meeting = start_one_on_one(journal, lead_id, held_on=DAY)
    path = journal.path
    journal.close()
    with Journal.open(path, PASSPHRASE) as reopened:
        follow_up = items_to_follow_up(reopened, meeting)
    assert sorted(i.id for i in follow_up) == sorted([hers.id, loose.id])


def test_add_next_step_creates_a_linked_action_item(journal: Journal) -> None:
    lead_id = _lead(journal)
    meeting = start_one_on_one(journal, lead_id, held_on=DAY)
    due = DAY + timedelta(days=10)

    step = add_next_step(
        journal, meeting, "  Co-plan the data meeting ", owner=Author.both, due_on=due
    )

    with journal.session() as s:
        stored = s.get(ActionItem, step.id)
    assert stored is not None
    assert stored.lead_id == lead_id
    assert stored.text == "Co-plan the data meeting"
    assert stored.owner is Author.both
    assert stored.due_on == due
    assert stored.done_on is None
    assert stored.source is ActionSource.one_on_one
    assert stored.one_on_one_id == meeting.id
    assert [i.id for i in next_steps(journal, meeting.id or 0)] == [step.id]

    undated = add_next_step(journal, meeting, "Think it over", owner=Author.principal, due_on=None)
    with journal.session() as s:
        stored_undated = s.get(ActionItem, undated.id)
    assert stored_undated is not None
    assert (stored_undated.due_on, stored_undated.owner) == (None, Author.principal)
    assert {i.id for i in next_steps(journal, meeting.id or 0)} == {step.id, undated.id}


# -- saving, listing, deleting ----------------------------------------------------------------


def test_save_one_on_one_changes_only_given_fields_and_survives_reopen(
    journal: Journal, journal_path: Path
) -> None:
    lead_id = _lead(journal)
    meeting = start_one_on_one(journal, lead_id, held_on=DAY)
    mid = meeting.id or 0

    save_one_on_one(journal, mid, notes="## Goals revisited\n\nOn track.\n")
    save_one_on_one(journal, mid, feedback_given="Named the strong data protocol.")
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        stored = get_one_on_one(reopened, mid)
        assert stored.notes == "## Goals revisited\n\nOn track.\n"
        assert stored.feedback_given == "Named the strong data protocol."
        assert stored.held_on == DAY
        assert stored.lead_id == lead_id

        save_one_on_one(reopened, mid, held_on=DAY + timedelta(days=1))
        moved = get_one_on_one(reopened, mid)
        assert moved.held_on == DAY + timedelta(days=1)
        assert moved.notes == "## Goals revisited\n\nOn track.\n"
        assert moved.feedback_given == "Named the strong data protocol."


def test_save_one_on_one_can_clear_a_field_with_empty_string(journal: Journal) -> None:
    meeting = start_one_on_one(journal, _lead(journal), held_on=DAY)

    save_one_on_one(journal, meeting.id or 0, notes="")

    assert get_one_on_one(journal, meeting.id or 0).notes == ""


def test_save_and_get_unknown_one_on_one_raise(journal: Journal) -> None:
    with pytest.raises(UsageError, match=r"There is no 1:1 #42\."):
        save_one_on_one(journal, 42, notes="x")
    with pytest.raises(UsageError, match=r"There is no 1:1 #42\."):
        get_one_on_one(journal, 42)


def test_one_on_ones_for_is_newest_first_and_only_that_lead(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    other_id = _lead(journal, "Dev Patel")
    middle = start_one_on_one(journal, lead_id, held_on=DAY)
    oldest = start_one_on_one(journal, lead_id, held_on=DAY - timedelta(days=20))
    newest = start_one_on_one(journal, lead_id, held_on=DAY + timedelta(days=5))
    same_day_later = start_one_on_one(journal, lead_id, held_on=DAY)
    start_one_on_one(journal, other_id, held_on=DAY + timedelta(days=30))

    meetings = one_on_ones_for(journal, lead_id)

    assert [m.id for m in meetings] == [newest.id, same_day_later.id, middle.id, oldest.id]
    assert one_on_ones_for(journal, 999) == []


def test_delete_one_on_one_removes_agenda_but_keeps_action_items(journal: Journal) -> None:
    lead_id = _lead(journal)
    meeting = start_one_on_one(journal, lead_id, held_on=DAY)
    mid = meeting.id or 0
    add_agenda_item(journal, mid, "Topic A", added_by=Author.lead)
    add_agenda_item(journal, mid, "Topic B")
    step = add_next_step(journal, meeting, "Send the calendar", owner=Author.principal, due_on=DAY)
    keep = start_one_on_one(journal, lead_id, held_on=DAY + timedelta(days=7))
    # Both agenda items were carried into `keep`; they must survive the delete.
    assert len(agenda_items(journal, keep.id or 0)) == 2

    delete_one_on_one(journal, mid)

    with pytest.raises(UsageError):
        get_one_on_one(journal, mid)
    assert agenda_items(journal, mid) == []
    assert journal.execute("SELECT count(*) FROM agenda_item WHERE one_on_one_id = ?", (mid,)) == [
        (0,)
    ]
    assert len(agenda_items(journal, keep.id or 0)) == 2
    with journal.session() as s:
        kept = s.get(ActionItem, step.id)
    assert kept is not None
    assert kept.one_on_one_id is None
    assert kept.text == "Send the calendar"
    assert kept.lead_id == lead_id
    assert kept.source is ActionSource.one_on_one
    assert [m.id for m in one_on_ones_for(journal, lead_id)] == [keep.id]

    delete_one_on_one(journal, mid)  # already gone: nothing happens
    assert _count(journal, "one_on_one") == 1


# -- quick notes ------------------------------------------------------------------------------


def test_add_quick_note_records_a_one_on_one_for_the_named_lead(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    _lead(journal, "Dev Patel")

    meeting = add_quick_note(journal, "lopez", "Talked about release time.", held_on=DAY)

    stored = get_one_on_one(journal, meeting.id or 0)
    assert (stored.lead_id, stored.held_on, stored.notes) == (
        lead_id,
        DAY,
        "Talked about release time.",
    )


def test_add_quick_note_with_ambiguous_name_raises_and_saves_nothing(journal: Journal) -> None:
    _lead(journal, "Maria Lopez")
    _lead(journal, "Maria Chen")

    with pytest.raises(UsageError) as err:
        add_quick_note(journal, "maria", "Note", held_on=DAY)

    assert str(err.value) == "'maria' matches more than one lead: Maria Chen, Maria Lopez."
    assert _count(journal, "one_on_one") == 0


def test_add_quick_note_with_unknown_name_raises_and_saves_nothing(journal: Journal) -> None:
    _lead(journal, "Maria Lopez")

    with pytest.raises(UsageError) as err:
        add_quick_note(journal, "Zed", "Note", held_on=DAY)

    assert str(err.value) == "No lead is called 'Zed'."
    assert _count(journal, "one_on_one") == 0


def test_add_quick_note_rejects_an_empty_note(journal: Journal) -> None:
    _lead(journal, "Maria Lopez")

    with pytest.raises(UsageError, match="The note is empty"):
        add_quick_note(journal, "Maria Lopez", "  \n ")

    assert _count(journal, "one_on_one") == 0


def test_a_1_1_is_summed_up_by_its_first_line_that_says_something() -> None:
    def line(notes: str, width: int = 90) -> str:
        return summary_line(OneOnOne(lead_id=1, held_on=date(2027, 3, 12), notes=notes), width)

    assert line("## Check-in\n\n- **Energy** is good\n- Exit tickets") == "Energy is good"
    assert line("## Only a heading\n\n") == "No notes yet"
    assert line("1. " + "word " * 30, width=20) == "word word word word…"
