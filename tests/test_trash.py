"""The Trash on real encrypted journals: "Delete…" moves a record and all under it there;
restoring puts every row, link, earlier version and search entry back; purging removes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from iltdesk import ilt_meeting, meeting_members, search_days, trash
from iltdesk.action_item import action_items_for
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import ActionItem, Author, Observation, RecordVersion, TrashEntry
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import (
    add_agenda_item,
    add_next_step,
    agenda_items,
    delete_one_on_one,
    get_one_on_one,
    save_one_on_one,
    start_one_on_one,
)
from iltdesk.search import search
from iltdesk.search_index import CURRENT_SOURCES
from iltdesk.store.journal import Journal
from iltdesk.teacher_team import add_team, delete_team, get_team
from iltdesk.teacher_team_data import add_data_point, add_value, delete_data_point, values_of
from iltdesk.team_action import add_team_item
from tests.conftest import PASSPHRASE

DAY = date(2025, 3, 12)


def _one_on_one(journal: Journal, lead_id: int, notes: str) -> int:
    meeting = start_one_on_one(journal, lead_id, held_on=DAY)
    assert meeting.id is not None
    save_one_on_one(journal, meeting.id, notes=notes)
    add_agenda_item(journal, meeting.id, "Timetable for the spring")
    add_next_step(journal, meeting, "Draft the rota", owner=Author.lead, due_on=DAY)
    with journal.write() as s:  # an earlier text, as the history keeps it
        s.add(RecordVersion(kind="one_on_one", record_id=meeting.id, field="notes", text="old"))
    return meeting.id


def _count(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


def _days_in_step(journal: Journal) -> None:
    """Every record restored has its day beside the search index again (its parent's too)."""
    with journal.raw() as conn:
        assert search_days.out_of_step(conn, CURRENT_SOURCES) == []


def test_a_one_on_one_goes_to_the_trash_and_comes_back_whole(journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    meeting_id = _one_on_one(journal, lead, "We spoke of quokkaplans for the term")
    before = get_one_on_one(journal, meeting_id)

    delete_one_on_one(journal, meeting_id)

    assert search(journal, "quokkaplans") == []
    assert _count(journal, "agenda_item") == 0 and _count(journal, "record_version") == 0
    (item,) = action_items_for(journal, lead)
    assert item.one_on_one_id is None  # unlinked while its 1:1 is in the Trash
    (listed,) = trash.trash_items(journal)
    assert (listed.kind, listed.label, listed.lead_name) == ("one_on_one", "1:1", "Maria Lopez")
    assert listed.title == "12 Mar 2025 · We spoke of quokkaplans for the term"
    assert listed.days_left == 30

    back = trash.restore(journal, listed.id)

    assert back.record_id == meeting_id
    assert get_one_on_one(journal, meeting_id) == before  # dates, enums, times exactly
    assert [a.text for a in agenda_items(journal, meeting_id)] == ["Timetable for the spring"]
    assert action_items_for(journal, lead)[0].one_on_one_id == meeting_id
    assert [h.record_id for h in search(journal, "quokkaplans")] == [meeting_id]
    assert _count(journal, "record_version") == 1
    assert trash.trash_items(journal) == []
    _days_in_step(journal)


def test_a_taken_id_gives_the_restored_record_a_new_one(journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    meeting_id = _one_on_one(journal, lead, "Talked about wombatfield")
    delete_one_on_one(journal, meeting_id)
    taken = start_one_on_one(journal, lead, held_on=DAY + timedelta(days=7))
    assert taken.id == meeting_id  # SQLite gave the deleted id to the next 1:1

    back = trash.restore(journal, trash.trash_items(journal)[0].id)

    assert back.record_id != meeting_id
    assert get_one_on_one(journal, back.record_id).notes == "Talked about wombatfield"
    assert [a.text for a in agenda_items(journal, back.record_id)] == ["Timetable for the spring"]
    assert agenda_items(journal, meeting_id) == []
    assert action_items_for(journal, lead)[0].one_on_one_id == back.record_id
    assert [h.record_id for h in search(journal, "wombatfield")] == [back.record_id]
    versions = journal.execute("SELECT record_id FROM record_version")
    assert versions == [(back.record_id,)]
    _days_in_step(journal)


def test_a_meeting_takes_its_parts_and_gives_back_its_links(journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    meeting = ilt_meeting.new_meeting(journal, DAY)
    meeting_id = meeting.id or 0
    meeting_members.add_agenda_item(journal, meeting_id, "Bus duty", added_by_lead_id=lead)
    add_team_item(journal, "Order the books", principal=True, meeting_id=meeting_id)
    parts = _count(journal, "ilt_meeting_section")

    ilt_meeting.delete_meeting(journal, meeting_id)
    assert _count(journal, "ilt_meeting_section") == 0
    with journal.session() as s:
        assert s.get(ActionItem, 1) is not None and s.get(ActionItem, 1).meeting_id is None  # type: ignore[union-attr]

    trash.restore(journal, trash.trash_items(journal)[0].id)

    assert _count(journal, "ilt_meeting_section") == parts
    assert [i.text for i in meeting_members.agenda_items(journal, meeting_id)] == ["Bus duty"]
    with journal.session() as s:
        assert s.get(ActionItem, 1).meeting_id == meeting_id  # type: ignore[union-attr]
    _days_in_step(journal)


def test_a_link_set_since_is_kept_and_a_team_comes_back_to_its_observations(
    journal: Journal,
) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    team = add_team(journal, "Grade 6", lead_ids=[lead]).id or 0
    notes = ObservationNotes(evidence="Ran the data meeting", team_id=team)
    observation = add_observation(journal, lead, notes, cycle_id=None).id
    delete_team(journal, team)
    trash.restore(journal, trash.trash_items(journal)[0].id)
    assert get_team(journal, team).name == "Grade 6"
    with journal.session() as s:
        assert s.get(Observation, observation).team_id == team  # type: ignore[union-attr]


def test_a_record_whose_parent_is_gone_waits_for_it(journal: Journal) -> None:
    meeting_id = ilt_meeting.new_meeting(journal, DAY).id or 0
    item = meeting_members.add_agenda_item(journal, meeting_id, "Lunch rota")
    meeting_members.delete_agenda_item(journal, item.id or 0)
    ilt_meeting.delete_meeting(journal, meeting_id)
    item_entry, meeting_entry = sorted(e.id for e in trash.trash_items(journal))

    with pytest.raises(UsageError, match=r"restore .* from the Trash first"):
        trash.restore(journal, item_entry)
    assert len(trash.trash_items(journal)) == 2  # nothing changed

    trash.restore(journal, meeting_entry)
    trash.restore(journal, item_entry)
    assert [i.text for i in meeting_members.agenda_items(journal, meeting_id)] == ["Lunch rota"]


def test_thirty_days_on_it_is_purged_and_empty_trash_removes_the_rest(journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    first = _one_on_one(journal, lead, "first")
    second = _one_on_one(journal, lead, "second")
    third = _one_on_one(journal, lead, "third")
    for meeting_id in (first, second, third):
        delete_one_on_one(journal, meeting_id)
    with journal.write() as s:  # the first went a month ago
        entry = s.get(TrashEntry, 1)
        assert entry is not None
        entry.deleted_at = datetime.now(UTC) - timedelta(days=30, minutes=1)
    now = datetime.now(UTC)

    assert trash.purge_expired(journal, now) == 1
    assert trash.purge_expired(journal, now) == 0
    assert [e.days_left for e in trash.trash_items(journal, now + timedelta(days=29))] == [1, 1]
    trash.delete_forever(journal, trash.trash_items(journal)[0].id)
    assert trash.empty_trash(journal) == 1
    assert trash.trash_items(journal) == []
    with pytest.raises(UsageError):
        trash.restore(journal, 3)


def test_a_journal_opened_to_read_only_purges_nothing(journal_path: Path) -> None:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        delete_one_on_one(journal, _one_on_one(journal, add_lead(journal, "A").id or 0, "x"))
    with Journal.open(journal_path, PASSPHRASE, read_only=True) as journal:
        later = datetime.now(UTC) + timedelta(days=31)
        assert trash.purge_expired(journal, later) == 0
        assert len(trash.trash_items(journal)) == 1


def test_the_purge_at_opening_loads_no_orm() -> None:
    """It runs at every opening for writing, quick commands included."""
    import subprocess
    import sys

    code = "import sys, iltdesk.trash_purge; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_item_waits_for_its_meeting_even_when_its_id_went_to_another(journal: Journal) -> None:
    meeting_id = ilt_meeting.new_meeting(journal, DAY).id or 0
    item = meeting_members.add_agenda_item(journal, meeting_id, "Lunch rota")
    meeting_members.delete_agenda_item(journal, item.id or 0)
    ilt_meeting.delete_meeting(journal, meeting_id)
    item_entry, meeting_entry = sorted(e.id for e in trash.trash_items(journal))
    newer = ilt_meeting.new_meeting(journal, DAY + timedelta(days=14)).id
    assert newer == meeting_id  # the old meeting's id now names another

    with pytest.raises(UsageError, match=r"restore .* from the Trash first"):
        trash.restore(journal, item_entry)
    back = trash.restore(journal, meeting_entry).record_id
    trash.restore(journal, item_entry)

    assert back != meeting_id
    assert [i.text for i in meeting_members.agenda_items(journal, back)] == ["Lunch rota"]
    assert meeting_members.agenda_items(journal, meeting_id) == []


def test_a_data_point_goes_with_its_readings_and_real_numbers_come_back_exactly(
    journal: Journal,
) -> None:
    team = add_team(journal, "Grade 6").id or 0
    point = add_data_point(journal, team, "Reading fluency", "wpm").id or 0
    add_value(journal, point, 0.1 + 0.2, DAY, note="Spring check")
    delete_data_point(journal, point)
    (listed,) = trash.trash_items(journal)
    assert (listed.label, listed.title) == ("Data point", "Reading fluency")
    trash.restore(journal, listed.id)
    assert [v.value for v in values_of(journal, point)] == [0.1 + 0.2]
