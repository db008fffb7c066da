"""1:1 check-ins: the collaborative agenda, notes, feedback, and next steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.action_item import add_action_item
from iltdesk.errors import UsageError
from iltdesk.models import (
    ActionItem,
    ActionItemOwner,
    ActionSource,
    AgendaItem,
    AgendaSection,
    Author,
    IltMeeting,
    OneOnOne,
)
from iltdesk.one_on_one_summary import NO_NOTES as NO_NOTES
from iltdesk.one_on_one_summary import clip as clip
from iltdesk.one_on_one_summary import no_notes as no_notes
from iltdesk.one_on_one_summary import notes_summary as notes_summary
from iltdesk.one_on_one_summary import said_lines as said_lines
from iltdesk.one_on_one_summary import summary_line as summary_line
from iltdesk.quick_note import save_quick_note
from iltdesk.store.journal import Journal, fetch
from iltdesk.today import meeting_counts
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record


@dataclass(frozen=True)
class AgendaPart:
    """One recurring part of the collaborative agenda, with the question it asks."""

    section: AgendaSection
    title: str
    prompt: str

    def shown_title(self) -> str:
        """The part's title in the user's language."""
        return translate("one_on_one", self.title)

    def shown_prompt(self) -> str:
        """The part's question in the user's language."""
        return translate("one_on_one", self.prompt)


AGENDA: tuple[AgendaPart, ...] = (
    AgendaPart(
        AgendaSection.goals,
        QT_TRANSLATE_NOOP("one_on_one", "Goals revisited"),
        QT_TRANSLATE_NOOP("one_on_one", "Where do we stand on the school, ILT and team goals?"),
    ),
    AgendaPart(
        AgendaSection.coaching_calendar,
        QT_TRANSLATE_NOOP("one_on_one", "Coaching calendar"),
        QT_TRANSLATE_NOOP(
            "one_on_one", "What coaching is booked for the next two weeks, and what needs a slot?"
        ),
    ),
    AgendaPart(
        AgendaSection.deadlines,
        QT_TRANSLATE_NOOP("one_on_one", "Deadlines ahead"),
        QT_TRANSLATE_NOOP(
            "one_on_one", "Which SLO checkpoints and evaluation-cycle dates are coming up?"
        ),
    ),
    AgendaPart(
        AgendaSection.release_time,
        QT_TRANSLATE_NOOP("one_on_one", "Release time"),
        QT_TRANSLATE_NOOP("one_on_one", "How will the next block of release time be spent?"),
    ),
    AgendaPart(
        AgendaSection.lead_items,
        QT_TRANSLATE_NOOP("one_on_one", "The lead's items"),
        QT_TRANSLATE_NOOP("one_on_one", "What did the lead bring to the table?"),
    ),
    AgendaPart(
        AgendaSection.principal_items,
        QT_TRANSLATE_NOOP("one_on_one", "My items"),
        QT_TRANSLATE_NOOP("one_on_one", "What do I need to raise?"),
    ),
    AgendaPart(
        AgendaSection.feedback,
        QT_TRANSLATE_NOOP("one_on_one", "Feedback given"),
        QT_TRANSLATE_NOOP("one_on_one", "What feedback did I give, and how did it land?"),
    ),
    AgendaPart(
        AgendaSection.next_steps,
        # As the lead page's tab and the 1:1's own list call them.
        QT_TRANSLATE_NOOP("one_on_one", "Action items"),
        QT_TRANSLATE_NOOP("one_on_one", "Who does what, by when?"),
    ),
)
AGENDA_BY_SECTION = {part.section: part for part in AGENDA}
# The headed parts of the notes; items, feedback and next steps have their own fields.
NOTE_SECTIONS = (
    AgendaSection.goals,
    AgendaSection.coaching_calendar,
    AgendaSection.deadlines,
    AgendaSection.release_time,
)


def notes_template() -> str:
    """The Markdown a new 1:1's notes start from: one heading per recurring part."""
    return "".join(f"## {AGENDA_BY_SECTION[s].shown_title()}\n\n\n" for s in NOTE_SECTIONS)


def start_one_on_one(journal: Journal, lead_id: int, *, held_on: date | None = None) -> OneOnOne:
    """Open a new 1:1 from the agenda template.

    Agenda items left undiscussed last time come forward, so nothing the lead raised is lost.
    """
    with journal.write() as s:
        previous = s.exec(
            select(OneOnOne)
            .where(OneOnOne.lead_id == lead_id)
            .order_by(col(OneOnOne.held_on).desc(), col(OneOnOne.id).desc())
        ).first()
        meeting = OneOnOne(lead_id=lead_id, held_on=held_on or date.today(), notes=notes_template())
        s.add(meeting)
        s.flush()
        if previous is not None:
            _carry_agenda(s, previous.id or 0, meeting.id or 0)
    return meeting


def _carry_agenda(s: Session, from_id: int, to_id: int) -> None:
    left_over = s.exec(
        select(AgendaItem).where(
            AgendaItem.one_on_one_id == from_id, col(AgendaItem.discussed).is_(False)
        )
    )
    for position, item in enumerate(left_over):
        s.add(
            AgendaItem(
                one_on_one_id=to_id,
                position=position,
                section=item.section,
                added_by=item.added_by,
                text=item.text,
            )
        )


def add_quick_note(
    journal: Journal, lead_name: str, text: str, *, held_on: date | None = None
) -> OneOnOne:
    """Record a 1:1 with the named lead holding ``text`` as its notes (Markdown): the
    command line's quick note (``quick_note.save_quick_note``), read back as the record."""
    saved = save_quick_note(journal, lead_name, text, held_on=held_on)
    return get_one_on_one(journal, saved.id)


def one_on_ones_for(journal: Journal, lead_id: int) -> list[OneOnOne]:
    """A lead's 1:1s, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(OneOnOne)
                .where(OneOnOne.lead_id == lead_id)
                .order_by(col(OneOnOne.held_on).desc(), col(OneOnOne.id).desc())
            )
        )


def one_on_one_days(journal: Journal, lead_id: int) -> list[tuple[int, date]]:
    """A lead's 1:1s as (id, day held), newest first: all a list of them needs to lay itself
    out; the notes of the rows in view are read with ``notes_of`` (a lead kept for years has
    thousands of 1:1s, and reading them whole took most of showing the list)."""
    rows = journal.execute(
        "SELECT id, held_on FROM one_on_one WHERE lead_id = ? ORDER BY held_on DESC, id DESC",
        (lead_id,),
    )
    return [
        (int(meeting_id), date.fromisoformat(str(held_on)[:10])) for meeting_id, held_on in rows
    ]


def notes_of(journal: Journal, meeting_ids: Sequence[int]) -> dict[int, str]:
    """The notes of these 1:1s, by id (ids of no 1:1 left out)."""
    if not meeting_ids:
        return {}
    marks = ", ".join("?" * len(meeting_ids))
    rows = journal.execute(
        f"SELECT id, notes FROM one_on_one WHERE id IN ({marks})", tuple(meeting_ids)
    )
    return {int(meeting_id): str(notes or "") for meeting_id, notes in rows}


def get_one_on_one(journal: Journal, meeting_id: int) -> OneOnOne:
    """One 1:1 by id."""
    with journal.session() as s:
        meeting = fetch(s, OneOnOne, meeting_id, translate("one_on_one", "1:1"))
    return meeting


def save_one_on_one(
    journal: Journal,
    meeting_id: int,
    *,
    notes: str | None = None,
    feedback_given: str | None = None,
    held_on: date | None = None,
) -> OneOnOne:
    """Save what changed in a 1:1 (the autosave path: one small transaction)."""
    with journal.write() as s:
        meeting = fetch(s, OneOnOne, meeting_id, translate("one_on_one", "1:1"))
        if notes is not None:
            meeting.notes = notes
        if feedback_given is not None:
            meeting.feedback_given = feedback_given
        if held_on is not None:
            meeting.held_on = held_on
        s.add(meeting)
    return meeting


def delete_one_on_one(journal: Journal, meeting_id: int) -> None:
    """Move a 1:1 and its agenda items to the Trash (its action items stay, unlinked, until
    a restore links them again)."""
    with journal.write() as s:
        trash_record(s, OneOnOne, meeting_id)


def holds_something(journal: Journal, meeting_id: int) -> bool:
    """The 1:1 counts as having met (``iltdesk.today.meeting_counts``): notes, feedback, an
    agenda item discussed or a next step agreed."""
    with journal.session() as s:
        meeting = fetch(s, OneOnOne, meeting_id, translate("one_on_one", "1:1"))
        agreed = s.exec(select(ActionItem.id).where(ActionItem.one_on_one_id == meeting_id)).first()
        discussed = s.exec(
            select(AgendaItem.id).where(
                AgendaItem.one_on_one_id == meeting_id, col(AgendaItem.discussed).is_(True)
            )
        ).first()
    return meeting_counts(
        meeting.notes, meeting.feedback_given, discussed_or_agreed=bool(agreed or discussed)
    )


def is_untouched(journal: Journal, meeting_id: int) -> bool:
    """Nothing in the 1:1 was put there by hand: no notes beyond the template's headings, no
    feedback, no next step, and no agenda item but the undiscussed ones carried forward from
    an earlier 1:1 (which still has them). Dropping it loses nothing."""
    if holds_something(journal, meeting_id):
        return False
    with journal.session() as s:
        meeting = fetch(s, OneOnOne, meeting_id, translate("one_on_one", "1:1"))
        earlier = select(OneOnOne.id).where(
            OneOnOne.lead_id == meeting.lead_id, col(OneOnOne.id) < meeting_id
        )
        waiting = {
            (i.section, i.added_by, i.text)
            for i in s.exec(
                select(AgendaItem).where(
                    col(AgendaItem.one_on_one_id).in_(earlier), col(AgendaItem.discussed).is_(False)
                )
            )
        }
        own = s.exec(select(AgendaItem).where(AgendaItem.one_on_one_id == meeting_id))
        return all((i.section, i.added_by, i.text) in waiting for i in own)


def discard_if_untouched(journal: Journal, meeting_id: int) -> bool:
    """Delete a 1:1 that was started and left untouched (an accidental Ctrl+N); True if it
    was. One holding anything (``is_untouched``) is kept."""
    if not is_untouched(journal, meeting_id):
        return False
    with journal.write() as s:  # it holds nothing to restore: gone, not to the Trash
        s.delete(fetch(s, OneOnOne, meeting_id, translate("one_on_one", "meeting")))
    return True


def agenda_items(journal: Journal, meeting_id: int) -> list[AgendaItem]:
    """A 1:1's agenda items in agenda order."""
    order = {part.section: i for i, part in enumerate(AGENDA)}
    with journal.session() as s:
        items = list(s.exec(select(AgendaItem).where(AgendaItem.one_on_one_id == meeting_id)))
    return sorted(items, key=lambda i: (order.get(i.section, 99), i.position, i.id or 0))


def add_agenda_item(
    journal: Journal, meeting_id: int, text: str, *, added_by: Author = Author.principal
) -> AgendaItem:
    """Add an item to a 1:1's agenda, in the lead's or the principal's part."""
    if not text.strip():
        raise UsageError(translate("one_on_one", "Write the agenda item first."))
    section = AgendaSection.lead_items if added_by is Author.lead else AgendaSection.principal_items
    with journal.write() as s:
        count = len(
            list(s.exec(select(AgendaItem.id).where(AgendaItem.one_on_one_id == meeting_id)))
        )
        item = AgendaItem(
            one_on_one_id=meeting_id,
            section=section,
            added_by=added_by,
            text=text.strip(),
            position=count,
        )
        s.add(item)
        s.flush()
    return item


def update_agenda_item(
    journal: Journal, item_id: int, *, text: str | None = None, discussed: bool | None = None
) -> AgendaItem:
    """Edit an agenda item or tick it off as discussed."""
    with journal.write() as s:
        item = fetch(s, AgendaItem, item_id, translate("one_on_one", "agenda item"))
        if text is not None:
            item.text = text
        if discussed is not None:
            item.discussed = discussed
        s.add(item)
    return item


def items_to_follow_up(journal: Journal, meeting: OneOnOne) -> list[ActionItem]:
    """The lead's open action items from before this 1:1, to discuss rather than forget.

    Steps agreed at this 1:1 or at a later one are left out; items added by hand or from
    observations are always followed up while they are open.
    """
    with journal.session() as s:
        later = select(OneOnOne.id).where(
            OneOnOne.lead_id == meeting.lead_id,
            (col(OneOnOne.held_on) > meeting.held_on)
            | (
                (col(OneOnOne.held_on) == meeting.held_on) & (col(OneOnOne.id) >= (meeting.id or 0))
            ),
        )
        items = list(
            s.exec(
                select(ActionItem).where(
                    ActionItem.lead_id == meeting.lead_id,
                    col(ActionItem.done_on).is_(None),
                    col(ActionItem.one_on_one_id).is_(None)
                    | col(ActionItem.one_on_one_id).not_in(later),
                )
            )
        )
        items += _team_items_owned(s, meeting)
        return sorted(items, key=lambda i: (i.due_on is None, i.due_on or date.max, i.id or 0))


def _team_items_owned(s: Session, meeting: OneOnOne) -> list[ActionItem]:
    """The ILT's open items this lead helps own, agreed at a meeting held by the 1:1's day
    (or at none): a 1:1 is where a member's share of a team decision is followed up."""
    owned = select(ActionItemOwner.action_item_id).where(ActionItemOwner.lead_id == meeting.lead_id)
    held_since = select(IltMeeting.id).where(col(IltMeeting.held_on) > meeting.held_on)
    return list(
        s.exec(
            select(ActionItem).where(
                col(ActionItem.lead_id).is_(None),
                col(ActionItem.done_on).is_(None),
                col(ActionItem.id).in_(owned),
                col(ActionItem.meeting_id).is_(None)
                | col(ActionItem.meeting_id).not_in(held_since),
            )
        )
    )


def add_next_step(
    journal: Journal, meeting: OneOnOne, text: str, *, owner: Author, due_on: date | None
) -> ActionItem:
    """Turn a next step agreed in a 1:1 into an action item with an owner and a due date."""
    return add_action_item(
        journal,
        meeting.lead_id,
        text,
        owner=owner,
        due_on=due_on,
        source=ActionSource.one_on_one,
        one_on_one_id=meeting.id,
    )


def next_steps(journal: Journal, meeting_id: int) -> list[ActionItem]:
    """Action items that came out of this 1:1."""
    with journal.session() as s:
        return list(s.exec(select(ActionItem).where(ActionItem.one_on_one_id == meeting_id)))
