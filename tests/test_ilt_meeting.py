"""ILT meetings in the core: the template, a meeting made from it, carried items, plus/delta,
and an untouched meeting dropped; every round trip through a closed and reopened journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk import ilt_meeting as im
from iltdesk import meeting_members as members
from iltdesk import meeting_template as mt
from iltdesk.charter import add_meeting_feedback, meeting_feedback, revise_charter
from iltdesk.charter_scope import add_scope_item
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead, set_archived
from iltdesk.models import ActionItem, MeetingPart
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

DAY = date(2025, 10, 7)


def reopen(journal: Journal, path: Path) -> Journal:
    journal.close()
    return Journal.open(path, PASSPHRASE)


def test_default_template_covers_the_meeting_in_order() -> None:
    parts = [p.part for p in mt.DEFAULT_TEMPLATE]
    assert parts == [
        MeetingPart.vision,
        MeetingPart.last_plus_delta,
        MeetingPart.member_items,
        MeetingPart.professional_learning,
        MeetingPart.data,
        MeetingPart.decisions,
        MeetingPart.next_steps,
        MeetingPart.plus_delta,
    ]
    assert all(p.title and p.prompt for p in mt.DEFAULT_TEMPLATE)


def test_template_edits_are_kept_and_used_by_the_next_meeting(
    journal: Journal, journal_path: Path
) -> None:
    parts = mt.meeting_template(journal)
    parts = mt.rename(parts, 0, "  Our north star ")
    parts = mt.reword(parts, 0, "Which line of the vision did we live this week?")
    parts = mt.move(parts, 7, -10)  # plus/delta first: kept inside the list
    parts = mt.remove(parts, 5)
    parts = mt.add_part(parts, "Celebrations", "Who do we thank?")
    mt.save_template(journal, parts)
    journal = reopen(journal, journal_path)
    kept = mt.meeting_template(journal)
    assert kept[0].part is MeetingPart.plus_delta
    assert kept[1] == mt.TemplatePart(
        MeetingPart.vision, "Our north star", "Which line of the vision did we live this week?"
    )
    assert kept[-1] == mt.TemplatePart(MeetingPart.other, "Celebrations", "Who do we thank?")
    assert MeetingPart.data not in {p.part for p in kept}  # index 5 after the move
    assert [p.part for p in mt.missing_named(kept)] == [MeetingPart.data]

    meeting = im.new_meeting(journal, DAY)
    assert [(s.part, s.title) for s in im.sections(journal, meeting.id or 0)] == [
        (p.part, p.title) for p in kept
    ]
    # Changing the template later leaves a meeting already made as it was.
    mt.reset_template(journal)
    assert im.sections(journal, meeting.id or 0)[0].part is MeetingPart.plus_delta
    assert mt.meeting_template(journal) == list(mt.DEFAULT_TEMPLATE)
    journal.close()


def test_template_refuses_what_would_break_a_meeting(journal: Journal) -> None:
    parts = mt.meeting_template(journal)
    with pytest.raises(UsageError, match="at least one part"):
        mt.save_template(journal, [])
    with pytest.raises(UsageError, match="needs a title"):
        mt.save_template(journal, mt.rename(parts, 2, "  "))
    with pytest.raises(UsageError, match="already on the agenda"):
        mt.add_part(parts, "Vision again", part=MeetingPart.vision)
    journal.set_settings({mt.TEMPLATE_KEY: "not json"})
    assert mt.meeting_template(journal) == list(mt.DEFAULT_TEMPLATE)


def test_new_meeting_takes_attendance_topic_and_carried_items(
    journal: Journal, journal_path: Path
) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    add_lead(journal, "Ben Adler")
    gone = add_lead(journal, "Old Member")
    set_archived(journal, gone.id or 0, True)
    add_scope_item(journal, "September", starts_on=date(2025, 9, 1), focus="Routines")
    add_scope_item(
        journal,
        "October",
        starts_on=date(2025, 10, 1),
        focus="Checks for understanding",
        professional_learning="Cold calling with warmth",
    )
    assert im.pl_topic_for(journal, date(2025, 9, 20)) == "Routines"
    assert im.pl_topic_for(journal, date(2025, 8, 20)) == ""

    first = im.new_meeting(journal, date(2025, 9, 23))
    reached = members.add_agenda_item(journal, first.id or 0, "Bus duty rota")
    members.add_agenda_item(journal, first.id or 0, "Exit tickets", added_by_lead_id=maya.id)
    members.update_agenda_item(journal, reached.id or 0, discussed=True)
    second = im.new_meeting(journal, DAY)
    journal = reopen(journal, journal_path)

    assert second.pl_topic == "Cold calling with warmth"
    assert [
        (lead.name, present) for lead, present in members.attendance(journal, second.id or 0)
    ] == [
        ("Ben Adler", True),
        ("Maya Ortiz", True),
    ]
    carried = members.agenda_items(journal, second.id or 0)
    assert [(i.text, i.added_by_lead_id, i.discussed) for i in carried] == [
        ("Exit tickets", maya.id, False)
    ]
    assert len(members.agenda_items(journal, first.id or 0)) == 2  # the first keeps its own
    assert [m.id for m in im.meetings(journal)] == [second.id, first.id]
    assert im.previous_meeting(journal, second) == im.get_meeting(journal, first.id or 0)
    assert im.previous_meeting(journal, first) is None
    journal.close()


def test_saving_a_meeting_round_trips_and_moves_its_plus_delta(
    journal: Journal, journal_path: Path
) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    revise_charter(journal, purpose="Every student reads on grade level.")
    meeting = im.new_meeting(journal, DAY)
    mid = meeting.id or 0
    parts = {s.part: s.id or 0 for s in im.sections(journal, mid)}
    im.save_meeting(
        journal,
        mid,
        notes={parts[MeetingPart.decisions]: "Common exit ticket from November."},
        protocol="Notice and wonder",
        private_notes="Ben seemed tired.",
        pl_lead_id=maya.id,
    )
    members.set_present(journal, mid, maya.id or 0, False)
    row = im.add_plus_delta(journal, mid, "Clear agenda", "Ran long")
    im.save_meeting(journal, mid, held_on=date(2025, 10, 9))
    journal = reopen(journal, journal_path)

    kept = im.get_meeting(journal, mid)
    assert (kept.held_on, kept.protocol, kept.private_notes, kept.pl_lead_id) == (
        date(2025, 10, 9),
        "Notice and wonder",
        "Ben seemed tired.",
        maya.id,
    )
    notes = {s.part: s.notes for s in im.sections(journal, mid)}
    assert notes[MeetingPart.decisions] == "Common exit ticket from November."
    assert members.attendance(journal, mid)[0][1] is False
    [feedback] = im.plus_deltas(journal, mid)
    assert (feedback.id, feedback.met_on, feedback.meeting_id) == (row.id, date(2025, 10, 9), mid)
    charter = im.current_charter(journal)
    assert charter is not None and charter.purpose == "Every student reads on grade level."
    with pytest.raises(UsageError, match="Cannot change lead_id"):
        im.save_meeting(journal, mid, lead_id=3)
    journal.close()


def test_last_plus_delta_and_its_response(journal: Journal, journal_path: Path) -> None:
    first = im.new_meeting(journal, date(2025, 9, 23))
    row = im.add_plus_delta(journal, first.id or 0, "Student work first", "Too long")
    im.update_plus_delta(journal, row.id or 0, delta="Too long: forty minutes on one item")
    second = im.new_meeting(journal, DAY)
    previous = im.previous_meeting(journal, second)
    assert previous is not None
    [last] = im.plus_deltas(journal, previous.id or 0)
    im.respond(journal, last.id or 0, "A timekeeper for each item")
    journal = reopen(journal, journal_path)
    [kept] = im.plus_deltas(journal, first.id or 0)
    assert (kept.plus, kept.delta, kept.response) == (
        "Student work first",
        "Too long: forty minutes on one item",
        "A timekeeper for each item",
    )
    im.delete_plus_delta(journal, kept.id or 0)
    assert im.plus_deltas(journal, first.id or 0) == []
    journal.close()


def test_plus_delta_without_a_meeting_joins_that_days_meeting(journal: Journal) -> None:
    held = im.new_meeting(journal, DAY)
    same_day = add_meeting_feedback(journal, "Data talk", "", met_on=DAY)
    other_day = add_meeting_feedback(journal, "Short", "", met_on=date(2025, 10, 21))
    assert same_day.meeting_id == held.id
    assert other_day.meeting_id not in (None, held.id)
    assert [f.plus for f in meeting_feedback(journal, held.id)] == ["Data talk"]


def test_an_untouched_meeting_is_dropped_and_a_used_one_kept(journal: Journal) -> None:
    add_lead(journal, "Maya Ortiz")
    first = im.new_meeting(journal, date(2025, 9, 23))
    members.add_agenda_item(journal, first.id or 0, "Bus duty rota")
    accidental = im.new_meeting(journal, DAY)  # only the carried item and the template
    assert im.is_untouched(journal, accidental.id or 0)
    assert im.discard_if_untouched(journal, accidental.id or 0)
    assert [m.id for m in im.meetings(journal)] == [first.id]
    assert not im.discard_if_untouched(journal, first.id or 0)  # it has an item of its own

    for touch in (
        lambda mid: im.save_meeting(journal, mid, artifacts="Grade 7 essays"),
        lambda mid: im.save_meeting(
            journal, mid, notes={im.sections(journal, mid)[3].id or 0: "x"}
        ),
        lambda mid: members.set_present(
            journal, mid, members.attendance(journal, mid)[0][0].id or 0, False
        ),
        lambda mid: im.add_plus_delta(journal, mid, "", "Start on time"),
        lambda mid: members.update_agenda_item(
            journal, members.agenda_items(journal, mid)[0].id or 0, discussed=True
        ),
    ):
        meeting = im.new_meeting(journal, DAY)
        touch(meeting.id or 0)
        assert not im.is_untouched(journal, meeting.id or 0)
        im.delete_meeting(journal, meeting.id or 0)


def test_deleting_a_meeting_keeps_its_team_action_items(journal: Journal) -> None:
    meeting = im.new_meeting(journal, DAY)
    item = ActionItem(lead_id=None, text="Share the tracker", meeting_id=meeting.id)
    with journal.write() as s:
        s.add(item)
        s.flush()
        item_id = item.id
    assert not im.is_untouched(journal, meeting.id or 0)
    im.add_plus_delta(journal, meeting.id or 0, "Good", "")
    im.delete_meeting(journal, meeting.id or 0)
    with journal.session() as s:
        kept = s.get(ActionItem, item_id)
        assert kept is not None and kept.meeting_id is None
    assert meeting_feedback(journal) == []
    assert im.meetings(journal) == []


def test_agenda_items_edit_and_delete(journal: Journal) -> None:
    meeting = im.new_meeting(journal, DAY)
    with pytest.raises(UsageError, match="Write the agenda item"):
        members.add_agenda_item(journal, meeting.id or 0, "  ")
    item = members.add_agenda_item(journal, meeting.id or 0, " Lunch duty ")
    assert item.text == "Lunch duty"
    members.update_agenda_item(
        journal, item.id or 0, text="Lunch and bus duty", notes="Agreed a rota"
    )
    with pytest.raises(UsageError, match="needs its words"):
        members.update_agenda_item(journal, item.id or 0, text="")
    [kept] = members.agenda_items(journal, meeting.id or 0)
    assert (kept.text, kept.notes) == ("Lunch and bus duty", "Agreed a rota")
    members.delete_agenda_item(journal, item.id or 0)
    assert members.agenda_items(journal, meeting.id or 0) == []
