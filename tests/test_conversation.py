"""Difficult conversations on real encrypted journals: planning to follow-up, closed and
reopened, their stages, their follow-up items and their rows on Today."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from iltdesk.action_item import set_done
from iltdesk.conversation import (
    Stage,
    add_conversation,
    add_follow_up,
    conversation_rows,
    conversation_title,
    conversations,
    conversations_in_cycle,
    delete_conversation,
    follow_ups,
    get_conversation,
    stage_of,
    update_conversation,
)
from iltdesk.cycle import start_cycle
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead, set_archived
from iltdesk.models import ActionItem, ActionSource, Author, ConversationHolder
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from iltdesk.today import Urgency, _leads, today_rows
from tests.conftest import PASSPHRASE, REPO

TODAY = date(2026, 11, 4)  # a Wednesday
LEAD = ConversationHolder.lead
OWN = ConversationHolder.principal


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    lead = add_lead(journal, name)
    assert lead.id is not None
    return lead.id


def test_a_conversation_round_trips_through_a_closed_file(
    journal: Journal, journal_path: Path
) -> None:
    lead_id = _lead(journal)
    cycle = start_cycle(journal, lead_id, goal="Data meetings end with a reteach plan")
    c = add_conversation(
        journal, LEAD, lead_id=lead_id, with_whom="  Mr Hale and\nMs Ortiz ", goal="Agree a date"
    )
    assert c.id is not None
    update_conversation(
        journal,
        c.id,
        cycle_id=cycle.id,
        opening_words="I want to talk about Tuesday's data meeting.",
        reactions="Defensive: *we had no time* — ask what would make time.",
        rehearsed_on=TODAY,
        rehearsed_with=" the principal ",
        rehearsal_notes="Shorter opening; name the impact first.",
        held_on=TODAY + timedelta(days=2),
        what_happened="They agreed; Ms Ortiz quiet.",
        debrief="Check in with Ms Ortiz alone.",
    )
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        stored = get_conversation(reopened, c.id)
        assert (stored.holder, stored.lead_id, stored.cycle_id) == (LEAD, lead_id, cycle.id)
        assert stored.with_whom == "Mr Hale and Ms Ortiz"
        assert stored.rehearsed_with == "the principal"
        assert stored.goal == "Agree a date"
        assert stored.reactions.startswith("Defensive: *we had no time*")
        assert (stored.rehearsed_on, stored.held_on) == (TODAY, TODAY + timedelta(days=2))
        assert stored.debrief == "Check in with Ms Ortiz alone."
        assert [x.id for x in conversations(reopened, lead_id=lead_id)] == [c.id]
        assert [x.id for x in conversations_in_cycle(reopened, cycle.id or 0)] == [c.id]
        assert conversation_title(stored) == "With Mr Hale and Ms Ortiz"
        assert any(h.kind == RecordKind.CONVERSATION for h in search(reopened, "Ortiz"))


def test_the_stage_follows_what_is_written(journal: Journal) -> None:
    lead_id = _lead(journal)
    c = add_conversation(journal, LEAD, lead_id=lead_id, with_whom="Mr Hale")
    cid = c.id or 0
    assert stage_of(c, TODAY) is Stage.planned
    c = update_conversation(journal, cid, rehearsed_on=TODAY + timedelta(days=1))
    assert stage_of(c, TODAY) is Stage.planned  # a rehearsal still ahead is a plan
    assert stage_of(c, TODAY + timedelta(days=1)) is Stage.rehearsed
    c = update_conversation(journal, cid, rehearsal_notes="Slower.", held_on=TODAY)
    assert stage_of(c, TODAY - timedelta(days=1)) is Stage.rehearsed
    assert stage_of(c, TODAY) is Stage.held
    c = update_conversation(journal, cid, debrief="It went well.")
    assert stage_of(c, TODAY) is Stage.debriefed


def test_whose_conversation_it_is_is_checked(journal: Journal) -> None:
    lead_id, other = _lead(journal), _lead(journal, "Dev Patel")
    their_cycle = start_cycle(journal, other)
    with pytest.raises(UsageError, match="lead whose conversation"):
        add_conversation(journal, LEAD, with_whom="Mr Hale")
    with pytest.raises(UsageError, match="who the conversation is with"):
        add_conversation(journal, LEAD, lead_id=lead_id, with_whom="  ")
    with pytest.raises(UsageError, match="same lead"):
        add_conversation(journal, LEAD, lead_id=lead_id, goal="x", cycle_id=their_cycle.id)
    own = add_conversation(journal, OWN, with_whom="The union rep")
    assert own.lead_id is None
    with pytest.raises(UsageError, match="Cannot change"):
        update_conversation(journal, own.id or 0, created_at=TODAY)


def test_follow_ups_belong_to_the_lead_or_to_the_team(journal: Journal, journal_path: Path) -> None:
    lead_id = _lead(journal)
    theirs = add_conversation(journal, LEAD, lead_id=lead_id, with_whom="Mr Hale")
    mine = add_conversation(journal, OWN, with_whom="The union rep")
    due = TODAY + timedelta(days=3)
    a = add_follow_up(journal, theirs.id or 0, "Send the notes", due_on=due)
    b = add_follow_up(journal, theirs.id or 0, "Sit in on the next one", owner=Author.principal)
    c = add_follow_up(journal, mine.id or 0, "Write to the rep", owner=Author.lead, due_on=due)
    with pytest.raises(UsageError, match="Describe"):
        add_follow_up(journal, mine.id or 0, " ")
    set_done(journal, b.id or 0, True, on=TODAY)
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        items = follow_ups(reopened, theirs.id or 0)
        assert [i.id for i in items] == [a.id, b.id]  # open first, then done
        assert [(i.lead_id, i.owner, i.source) for i in items] == [
            (lead_id, Author.lead, ActionSource.conversation),
            (lead_id, Author.principal, ActionSource.conversation),
        ]
        (team,) = follow_ups(reopened, mine.id or 0)
        assert (team.id, team.lead_id, team.owner, team.due_on) == (
            c.id,
            None,
            Author.principal,
            due,
        )
        # The principal's own conversation with a lead: its items become that lead's.
        update_conversation(reopened, mine.id or 0, lead_id=lead_id)
        assert follow_ups(reopened, mine.id or 0)[0].lead_id == lead_id
        update_conversation(reopened, mine.id or 0, lead_id=None)
        assert follow_ups(reopened, mine.id or 0)[0].lead_id is None


def test_deleting_a_conversation_keeps_its_follow_ups(journal: Journal) -> None:
    lead_id = _lead(journal)
    c = add_conversation(journal, LEAD, lead_id=lead_id, with_whom="Mr Hale")
    item = add_follow_up(journal, c.id or 0, "Send the notes")
    delete_conversation(journal, c.id or 0)
    assert conversations(journal) == []
    with journal.session() as s:
        kept = s.get(ActionItem, item.id)
        assert kept is not None and kept.conversation_id is None
    with pytest.raises(UsageError):
        get_conversation(journal, c.id or 0)


def test_today_shows_conversations_coming_up_and_to_debrief(journal: Journal) -> None:
    lead_id, gone = _lead(journal), _lead(journal, "Dev Patel")

    def planned(with_whom: str, held: int | None, **more: object) -> int:
        c = add_conversation(journal, LEAD, lead_id=lead_id, with_whom=with_whom)
        held_on = None if held is None else TODAY + timedelta(days=held)
        update_conversation(journal, c.id or 0, held_on=held_on, **more)
        return c.id or 0

    soon = planned("Mr Hale", 2, rehearsal_notes="Done with Dev.")
    today = planned("Ms Ortiz", 0)
    late = planned("Mr Kim", -3)
    planned("Ms Wu", -3, debrief="Done.")  # debriefed: nothing to do
    planned("Mr Ng", 9)  # beyond the week
    planned("Ms Lee", -40)  # long past
    planned("Mr Fox", None)  # no date yet
    own = add_conversation(journal, OWN, with_whom="The union rep")
    update_conversation(journal, own.id or 0, held_on=TODAY - timedelta(days=1))
    archived = add_conversation(journal, LEAD, lead_id=gone, with_whom="Mr Roe")
    update_conversation(journal, archived.id or 0, held_on=TODAY)
    set_archived(journal, gone, True)

    rows = conversation_rows(journal, TODAY, _leads(journal))

    by_id = {r.record_id: r for r in rows}
    assert set(by_id) == {soon, today, late, own.id}
    assert all(r.record_kind == RecordKind.CONVERSATION for r in rows)
    assert by_id[soon].urgency is Urgency.due_soon
    assert by_id[soon].detail.endswith("· rehearsed")
    assert by_id[today].detail == "today · not rehearsed yet"
    assert by_id[late].section == "Conversations to debrief"
    assert by_id[late].title == "Conversation with Mr Kim"
    assert (by_id[own.id].lead_id, by_id[own.id].lead_name) == (None, None)
    assert by_id[late].lead_name == "Maria Lopez"
    assert set(rows) <= set(today_rows(journal, TODAY))  # Today lists them


def test_importing_the_module_does_not_load_the_orm() -> None:
    # Today imports it while the ORM is still loading (tests/test_cold_start.py).
    code = "import sys, iltdesk.conversation; print('sqlmodel' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "False"
