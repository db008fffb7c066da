"""Difficult conversations: planned, rehearsed, held and debriefed, with their follow-up.

A conversation is a lead's (with one or more teachers; the principal helps plan and rehearse
it) or the principal's own. Its stage is read from what has been written, never stored.

This module is imported by Today, which runs before the ORM is loaded (the cold-start goal):
the stage rules and ``conversation_rows`` use plain values and SQL, and the functions that
read or write records import the ORM when they are first called.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from iltdesk import dates
from iltdesk.due import DUE_SOON_DAYS
from iltdesk.errors import UsageError
from iltdesk.record_kinds import RecordKind
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from sqlmodel import Session

    from iltdesk.models import ActionItem, Author, ConversationHolder, DifficultConversation
    from iltdesk.store.journal import Journal
    from iltdesk.today import TodayRow

# A conversation held this long ago without a debrief has had its moment on Today.
DEBRIEF_MEMORY_DAYS = 30


class Stage(StrEnum):
    """How far a conversation has come, in the order it goes."""

    planned = "planned"
    rehearsed = "rehearsed"
    held = "held"
    debriefed = "debriefed"


STAGE_TITLES = {
    Stage.planned: QT_TRANSLATE_NOOP("conversation", "Planned"),
    Stage.rehearsed: QT_TRANSLATE_NOOP("conversation", "Rehearsed"),
    Stage.held: QT_TRANSLATE_NOOP("conversation", "Held"),
    Stage.debriefed: QT_TRANSLATE_NOOP("conversation", "Debriefed"),
}


def stage_title(stage: Stage) -> str:
    """A stage's title (``STAGE_TITLES``) in the user's language."""
    return translate("conversation", STAGE_TITLES[stage])


class _Arc(Protocol):
    """What the stage is read from: a record, or a row read with plain SQL."""

    @property
    def rehearsed_on(self) -> date | None: ...
    @property
    def rehearsal_notes(self) -> str: ...
    @property
    def held_on(self) -> date | None: ...
    @property
    def what_happened(self) -> str: ...
    @property
    def debrief(self) -> str: ...


def stage_of(conversation: _Arc, today: date) -> Stage:
    """The furthest step written down. A date still ahead is a plan, not a step taken: a
    conversation set for Friday is not held until Friday (or until what happened is told)."""
    if conversation.debrief.strip():
        return Stage.debriefed
    held = conversation.held_on
    if conversation.what_happened.strip() or (held is not None and held <= today):
        return Stage.held
    rehearsed = conversation.rehearsed_on
    if conversation.rehearsal_notes.strip() or (rehearsed is not None and rehearsed <= today):
        return Stage.rehearsed
    return Stage.planned


def conversation_title(conversation: DifficultConversation) -> str:
    """A conversation in a few words: with whom, else its goal."""
    with_whom = " ".join(conversation.with_whom.split())
    if with_whom:
        return translate("conversation", "With {name}").format(name=with_whom)
    goal = " ".join(conversation.goal.split())
    return goal or translate("conversation", "A conversation not described yet")


# -- the record ----------------------------------------------------------------------------------

_EDITABLE = frozenset(
    {
        "lead_id",
        "holder",
        "cycle_id",
        "planned_on",
        "with_whom",
        "goal",
        "opening_words",
        "reactions",
        "rehearsed_on",
        "rehearsed_with",
        "rehearsal_notes",
        "held_on",
        "what_happened",
        "debrief",
    }
)
_ONE_LINE = ("with_whom", "rehearsed_with")  # names: kept on one line, trimmed


def add_conversation(
    journal: Journal,
    holder: ConversationHolder,
    *,
    lead_id: int | None = None,
    with_whom: str = "",
    goal: str = "",
    planned_on: date | None = None,
    cycle_id: int | None = None,
) -> DifficultConversation:
    """Start planning a conversation: whose it is, with whom and what it is for."""
    from iltdesk.models import DifficultConversation

    if not with_whom.strip() and not goal.strip():
        raise UsageError(
            translate("conversation", "Say who the conversation is with, or what it is for.")
        )
    conversation = DifficultConversation(
        holder=holder,
        lead_id=lead_id,
        with_whom=" ".join(with_whom.split()),
        goal=goal.strip(),
        planned_on=planned_on or date.today(),
        cycle_id=cycle_id,
    )
    with journal.write() as s:
        _check_whose(s, conversation)
        s.add(conversation)
        s.flush()
    return conversation


def _check_whose(s: Session, conversation: DifficultConversation) -> None:
    """A lead's conversation names the lead; a linked cycle is one of that lead's."""
    from iltdesk.models import ConversationHolder, Lead, LearningCycle

    if conversation.holder == ConversationHolder.lead and conversation.lead_id is None:
        raise UsageError(translate("conversation", "Choose the lead whose conversation this is."))
    # Looking up must not first write the changed row: a missing lead or cycle would fail
    # there as a foreign key, not be told in words below.
    with s.no_autoflush:
        if conversation.lead_id is not None and s.get(Lead, conversation.lead_id) is None:
            raise UsageError(
                translate("conversation", "There is no lead #{id}.").format(id=conversation.lead_id)
            )
        if conversation.cycle_id is None:
            return
        cycle = s.get(LearningCycle, conversation.cycle_id)
    if cycle is None or cycle.lead_id != conversation.lead_id:
        raise UsageError(
            translate("conversation", "Link the conversation to a learning cycle of the same lead.")
        )


def update_conversation(
    journal: Journal, conversation_id: int, **changes: object
) -> DifficultConversation:
    """Change any part of a conversation. Its follow-up items move with it when it changes
    lead: they stay the lead's items, or become the principal's team items."""
    from iltdesk.models import Author

    if unknown := set(changes) - _EDITABLE:
        raise UsageError(
            translate("conversation", "Cannot change {fields} of a conversation.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    for name in _ONE_LINE:
        if isinstance(changes.get(name), str):
            changes[name] = " ".join(str(changes[name]).split())
    with journal.write() as s:
        conversation = _fetch(s, conversation_id)
        before = conversation.lead_id
        for name, value in changes.items():
            setattr(conversation, name, value)
        _check_whose(s, conversation)
        s.add(conversation)
        if conversation.lead_id != before:
            for item in _items(s, conversation_id):
                item.lead_id = conversation.lead_id
                if item.lead_id is None:
                    item.owner = Author.principal
                s.add(item)
        s.flush()
        s.refresh(conversation)
    return conversation


def _fetch(s: Session, conversation_id: int) -> DifficultConversation:
    from iltdesk.models import DifficultConversation
    from iltdesk.store.journal import fetch

    noun = translate("conversation", "conversation")
    return fetch(s, DifficultConversation, conversation_id, noun)


def delete_conversation(journal: Journal, conversation_id: int) -> None:
    """Move a conversation to the Trash. Its follow-up items stay as action items: the work
    they name goes on without the notes that led to it (a restore links them again)."""
    from iltdesk.models import DifficultConversation
    from iltdesk.trash import trash_record

    with journal.write() as s:
        _fetch(s, conversation_id)
        trash_record(s, DifficultConversation, conversation_id)


def get_conversation(journal: Journal, conversation_id: int) -> DifficultConversation:
    """One conversation, by its id."""
    with journal.session() as s:
        return _fetch(s, conversation_id)


def conversations(journal: Journal, *, lead_id: int | None = None) -> list[DifficultConversation]:
    """Every conversation (or those concerning one lead), the latest planned first."""
    from sqlmodel import col, select

    from iltdesk.models import DifficultConversation

    query = select(DifficultConversation)
    if lead_id is not None:
        query = query.where(DifficultConversation.lead_id == lead_id)
    order = (col(DifficultConversation.planned_on).desc(), col(DifficultConversation.id).desc())
    with journal.session() as s:
        return list(s.exec(query.order_by(*order)))


def conversations_in_cycle(journal: Journal, cycle_id: int) -> list[DifficultConversation]:
    """The conversations linked to a learning cycle, in the order they were (to be) held."""
    from sqlmodel import select

    from iltdesk.models import DifficultConversation

    with journal.session() as s:
        found = list(
            s.exec(select(DifficultConversation).where(DifficultConversation.cycle_id == cycle_id))
        )
    return sorted(found, key=lambda c: (c.held_on or c.planned_on, c.id or 0))


# -- the follow-up -------------------------------------------------------------------------------


def add_follow_up(
    journal: Journal,
    conversation_id: int,
    text: str,
    *,
    owner: Author | None = None,
    due_on: date | None = None,
) -> ActionItem:
    """A next step the conversation leads to. With a lead it is that lead's action item
    (owned by the lead unless said otherwise); without one it is a team item the principal
    owns."""
    from iltdesk.models import ActionItem, ActionSource, Author

    if not text.strip():
        raise UsageError(translate("conversation", "Describe the follow-up."))
    with journal.write() as s:
        conversation = _fetch(s, conversation_id)
        lead_id = conversation.lead_id
        item = ActionItem(
            lead_id=lead_id,
            text=text.strip(),
            owner=(owner or Author.lead) if lead_id is not None else Author.principal,
            due_on=due_on,
            source=ActionSource.conversation,
            conversation_id=conversation_id,
        )
        s.add(item)
        s.flush()
    return item


def _items(s: Session, conversation_id: int) -> list[ActionItem]:
    from sqlmodel import select

    from iltdesk.models import ActionItem

    return list(s.exec(select(ActionItem).where(ActionItem.conversation_id == conversation_id)))


def follow_ups(journal: Journal, conversation_id: int) -> list[ActionItem]:
    """A conversation's follow-up items: open ones by due date (undated last), then done."""
    with journal.session() as s:
        items = _items(s, conversation_id)
    return sorted(
        items,
        key=lambda i: (i.done_on is not None, i.due_on is None, i.due_on or date.max, i.id or 0),
    )


# -- Today -------------------------------------------------------------------------------------


class _LeadRow(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def active(self) -> bool: ...


class _Row:
    """A conversation as Today reads it with plain SQL (``stage_of`` takes it as it is)."""

    def __init__(self, row: tuple[object, ...]) -> None:
        self.id = int(str(row[0]))
        self.lead_id = None if row[1] is None else int(str(row[1]))
        self.with_whom, self.goal = str(row[2] or ""), str(row[3] or "")
        self.rehearsed_on = _day(row[4])
        self.rehearsal_notes = str(row[5] or "")
        self.held_on = _day(row[6])
        self.what_happened, self.debrief = str(row[7] or ""), str(row[8] or "")


def _day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def conversation_rows(
    journal: Journal, today: date, leads: Mapping[int, _LeadRow]
) -> list[TodayRow]:
    """Conversations set for the coming week and not yet held, and those held in the past
    month that have no debrief yet. A lead's archived conversations stay off Today."""
    from iltdesk.today import TodayRow, Urgency  # Today imports this module: not at the top

    found = journal.execute(
        "SELECT id, lead_id, with_whom, goal, rehearsed_on, rehearsal_notes, held_on, "
        "what_happened, debrief FROM difficult_conversation "
        "WHERE held_on IS NOT NULL AND held_on < ? AND held_on >= ? AND trim(debrief) = ''",
        (
            (today + timedelta(days=DUE_SOON_DAYS)).isoformat(),
            (today - timedelta(days=DEBRIEF_MEMORY_DAYS)).isoformat(),
        ),
    )
    rows = []
    for raw in found:
        c = _Row(tuple(raw))
        lead = leads.get(c.lead_id) if c.lead_id is not None else None
        if (c.lead_id is not None and lead is None) or (lead is not None and not lead.active):
            continue
        held = c.held_on or today
        title = (
            translate("conversation", "Conversation with {name}").format(name=c.with_whom)
            if c.with_whom.strip()
            else c.goal
        )
        # A conversation set for today is still ahead until what happened is written.
        if held < today or c.what_happened.strip():
            section = translate("conversation", "Conversations to debrief")
            urgency = Urgency.reminder
            detail = translate(
                "conversation", "held {day}; what happened, and what follows?"
            ).format(day=dates.list_date(held, today))
        else:
            section, urgency = (
                translate("conversation", "Conversations coming up"),
                Urgency.due_soon,
            )
            ready = (
                translate("conversation", "rehearsed")
                if stage_of(c, today) is Stage.rehearsed
                else translate("conversation", "not rehearsed yet")
            )
            detail = f"{_when(held, today)} · {ready}"
        rows.append(
            TodayRow(
                section, urgency, title or translate("conversation", "A difficult conversation"),
                detail,
                RecordKind.CONVERSATION, c.id, c.lead_id, lead.name if lead else None, held,
            )
        )  # fmt: skip
    return rows


def _when(day: date, today: date) -> str:
    if day == today:
        return translate("conversation", "today")
    if day == today + timedelta(days=1):
        return translate("conversation", "tomorrow")
    return dates.list_date(day, today)
