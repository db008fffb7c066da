"""Team action items on real encrypted journals: owners, carrying over, each owner's list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk.action_item import add_action_item, set_done, update_action_item
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.models import ActionSource, Author, IltMeeting
from iltdesk.record_kinds import RecordKind
from iltdesk.records import meeting_showing
from iltdesk.self_check import check_ins, record_check
from iltdesk.self_check_actions import add_team_action
from iltdesk.self_check_compare import weak_items
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from iltdesk.team_action import (
    add_team_item,
    carried_into,
    items_owned_by,
    meeting_days,
    owner_phrases,
    owner_words,
    owners_of,
    set_owners,
    team_items,
    update_team_item,
)
from iltdesk.today import today_rows
from tests.conftest import PASSPHRASE

DAY = date(2025, 3, 12)


def _lead(journal: Journal, name: str) -> int:
    lead = add_lead(journal, name)
    assert lead.id is not None
    return lead.id


def _meeting(journal: Journal, held_on: date) -> int:
    with journal.write() as s:
        meeting = IltMeeting(held_on=held_on, title="ILT")
        s.add(meeting)
        s.flush()
        assert meeting.id is not None
        return meeting.id


def test_owner_words_reads_as_a_short_phrase() -> None:
    assert owner_words(True, ["Ana Ruiz", "Ben Lee"]) == "You, Ana Ruiz and Ben Lee"
    assert owner_words(False, ["Ana Ruiz", "Ben Lee"]) == "Ana Ruiz and Ben Lee"
    assert owner_words(True, []) == "You"
    assert owner_words(False, ["Ana Ruiz"]) == "Ana Ruiz"


def test_a_team_item_keeps_its_owners_through_a_reopen(
    journal: Journal, journal_path: Path
) -> None:
    ana, ben = _lead(journal, "Ana Ruiz"), _lead(journal, "Ben Lee")
    meeting = _meeting(journal, DAY)
    item = add_team_item(
        journal,
        "  Bring the reteach tracker  ",
        owners=[ana, ben, ana],
        principal=True,
        due_on=DAY,
        meeting_id=meeting,
    )
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        [stored] = team_items(reopened)
        assert (stored.text, stored.lead_id, stored.owner) == (
            "Bring the reteach tracker",
            None,
            Author.both,
        )
        assert (stored.meeting_id, stored.due_on, stored.source) == (
            meeting,
            DAY,
            ActionSource.meeting,
        )
        assert owners_of(reopened, [item.id or 0]) == {item.id: [ana, ben]}
        assert owner_phrases(reopened, [stored]) == {item.id: "You, Ana Ruiz and Ben Lee"}
        assert meeting_days(reopened, [stored]) == {item.id: DAY}
        set_owners(reopened, item.id or 0, [ben], principal=False)
    with Journal.open(journal_path, PASSPHRASE) as again:
        [stored] = team_items(again)
        assert stored.owner == Author.lead
        assert owners_of(again, [item.id or 0]) == {item.id: [ben]}
        set_owners(again, item.id or 0, [], principal=True)
        assert team_items(again)[0].owner == Author.principal
        assert owners_of(again, [item.id or 0]) == {item.id: []}


def test_refuses_an_item_without_words_or_without_owner(journal: Journal) -> None:
    ana = _lead(journal, "Ana Ruiz")
    with pytest.raises(UsageError, match="Describe"):
        add_team_item(journal, "  ", owners=[ana])
    with pytest.raises(UsageError, match="Choose who owns"):
        add_team_item(journal, "Share the norms")
    with pytest.raises(UsageError):
        add_team_item(journal, "Share the norms", owners=[999])
    item = add_team_item(journal, "Share the norms", principal=True)
    with pytest.raises(UsageError, match="Choose who owns"):
        set_owners(journal, item.id or 0, [], principal=False)
    own = add_action_item(journal, ana, "Her own step")
    with pytest.raises(UsageError, match="one lead"):
        set_owners(journal, own.id or 0, [ana], principal=False)
    assert len(team_items(journal)) == 1


def test_open_items_are_carried_into_later_meetings_until_done(
    journal: Journal, journal_path: Path
) -> None:
    ana = _lead(journal, "Ana Ruiz")
    first, second = _meeting(journal, DAY), _meeting(journal, date(2025, 3, 26))
    older = add_team_item(journal, "Draft the norms", owners=[ana], meeting_id=first)
    loose = add_team_item(journal, "Book the library", principal=True)
    done = add_team_item(journal, "Send the minutes", principal=True, meeting_id=first)
    set_done(journal, done.id or 0, True, on=DAY)
    own = add_team_item(journal, "Try the protocol", owners=[ana], meeting_id=second)
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        assert [i.id for i in carried_into(reopened, second)] == [older.id, loose.id]
        assert [i.id for i in carried_into(reopened, first)] == [loose.id]
        assert [i.id for i in team_items(reopened, meeting_id=second)] == [own.id]
        assert len(team_items(reopened, open_only=True)) == 3
        set_done(reopened, older.id or 0, True)
        assert [i.id for i in carried_into(reopened, second)] == [loose.id]


def test_a_lead_sees_their_own_items_and_the_team_items_they_own(journal: Journal) -> None:
    ana, ben = _lead(journal, "Ana Ruiz"), _lead(journal, "Ben Lee")
    hers = add_action_item(journal, ana, "Observe period 3", due_on=date(2025, 3, 20))
    shared = add_team_item(journal, "Bring student work", owners=[ana, ben], due_on=DAY)
    add_team_item(journal, "Principal only", principal=True)
    bens = add_action_item(journal, ben, "Ben's own")
    assert [i.id for i in items_owned_by(journal, ana)] == [shared.id, hers.id]
    set_done(journal, shared.id or 0, True)
    assert [i.id for i in items_owned_by(journal, ana, open_only=True)] == [hers.id]
    assert [i.id for i in items_owned_by(journal, ben)] == [bens.id, shared.id]


def test_today_lists_open_team_items_due_soon_with_their_owners(
    journal: Journal, journal_path: Path
) -> None:
    ana, ben = _lead(journal, "Ana Ruiz"), _lead(journal, "Ben Lee")
    late = add_team_item(journal, "Bring student work", owners=[ana, ben], principal=True,
                         due_on=date(2025, 3, 10))  # fmt: skip
    soon = add_team_item(journal, "Share the norms", owners=[ben], due_on=date(2025, 3, 13))
    add_team_item(journal, "Later", owners=[ana], due_on=date(2025, 4, 30))
    add_team_item(journal, "Undated", owners=[ana])
    done = add_team_item(journal, "Done", principal=True, due_on=date(2025, 3, 11))
    set_done(journal, done.id or 0, True)
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        rows = [r for r in today_rows(reopened, DAY) if r.record_kind is RecordKind.ACTION_ITEM]
    assert [(r.section, r.title, r.detail, r.record_id, r.lead_id, r.lead_name) for r in rows] == [
        ("Overdue action items", "Bring student work", "2 days overdue · You, Ana Ruiz and Ben Lee",
         late.id, None, "ILT"),
        ("Due this week", "Share the norms", "due tomorrow · Ben Lee", soon.id, None, "ILT"),
    ]  # fmt: skip


def test_open_item_counts_include_the_team_items_a_lead_owns(journal: Journal) -> None:
    ana, ben = _lead(journal, "Ana Ruiz"), _lead(journal, "Ben Lee")
    add_action_item(journal, ana, "Her own step")
    add_team_item(journal, "Bring student work", owners=[ana, ben])
    done = add_team_item(journal, "Done already", owners=[ana])
    set_done(journal, done.id or 0, True)
    add_team_item(journal, "Principal only", principal=True)
    counts = {s.name: s.open_action_items for s in lead_summaries(journal)}
    assert counts == {"Ana Ruiz": 2, "Ben Lee": 1}


def test_a_weak_self_check_action_becomes_an_ilt_item_kept_through_a_reopen(
    journal: Journal, journal_path: Path
) -> None:
    ana = _lead(journal, "Ana Ruiz")
    answers = dict.fromkeys(CURRENT_SET.item_keys, 3) | {"data_into_goals": 0}
    record_check(journal, answers, taken_on=DAY, taken_by="team")
    [weak] = weak_items(check_ins(journal)[0])
    with pytest.raises(UsageError, match="Choose who owns"):
        add_team_action(journal, weak)
    item = add_team_action(journal, weak, owners=[ana], principal=True, due_on=DAY)
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        [stored] = team_items(reopened)
        assert (stored.id, stored.source, stored.owner) == (item.id, ActionSource.self_check,
                                                            Author.both)  # fmt: skip
        assert stored.text.startswith("Draw actionable information")
        assert (stored.meeting_id, stored.due_on) == (None, DAY)
        assert owners_of(reopened, [item.id or 0]) == {item.id: [ana]}
        meeting = _meeting(reopened, DAY)
        assert [i.id for i in carried_into(reopened, meeting)] == [item.id]


def test_a_team_items_owner_is_not_changed_apart_from_its_members(journal: Journal) -> None:
    ana = _lead(journal, "Ana Ruiz")
    item = add_team_item(journal, "Bring student work", owners=[ana])
    with pytest.raises(UsageError, match="team action item"):
        update_action_item(journal, item.id or 0, owner=Author.principal)
    update_action_item(journal, item.id or 0, text="Bring two pieces", due_on=DAY)
    [stored] = team_items(journal)
    assert (stored.text, stored.due_on, stored.owner) == ("Bring two pieces", DAY, Author.lead)
    update_team_item(journal, item.id or 0, text="Bring three", owners=[], principal=True,
                     due_on=None)  # fmt: skip
    [stored] = team_items(journal)
    assert (stored.text, stored.due_on, stored.owner) == ("Bring three", None, Author.principal)
    with pytest.raises(UsageError, match="Describe"):
        update_team_item(journal, item.id or 0, text=" ", owners=[ana], principal=False,
                         due_on=None)  # fmt: skip


def test_the_meeting_showing_a_team_item(journal: Journal) -> None:
    ana = _lead(journal, "Ana Ruiz")
    loose = add_team_item(journal, "From a self-check", principal=True)
    assert meeting_showing(journal, loose.id or 0) is None  # no meeting yet
    first, latest = _meeting(journal, DAY), _meeting(journal, date(2025, 3, 26))
    own = add_team_item(journal, "Agreed at the first", owners=[ana], meeting_id=first)
    assert meeting_showing(journal, own.id or 0) == first
    assert meeting_showing(journal, loose.id or 0) == latest  # carried into the latest
    set_done(journal, loose.id or 0, True)
    assert meeting_showing(journal, loose.id or 0) is None
    assert meeting_showing(journal, add_action_item(journal, ana, "Hers").id or 0) is None
