"""Who came to an ILT meeting, and the items members (or the principal) put on its agenda."""

from __future__ import annotations

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import Lead
from iltdesk.models.team import (
    IltMeeting,
    MeetingAgendaItem,
    MeetingAttendance,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import translate
from iltdesk.trash import trash_record


def check_lead(s: Session, lead_id: object) -> None:
    # A lead gone from the journal is told in words, not as a foreign-key failure.
    if isinstance(lead_id, int):
        fetch(s, Lead, lead_id, translate("meeting_members", "lead"))


# -- attendance ----------------------------------------------------------------------------------


def attendance(journal: Journal, meeting_id: int) -> list[tuple[Lead, bool]]:
    """The meeting's members and whether each was there, by name."""
    with journal.session() as s:
        rows = s.exec(
            select(Lead, MeetingAttendance)
            .join(MeetingAttendance, col(MeetingAttendance.lead_id) == col(Lead.id))
            .where(MeetingAttendance.meeting_id == meeting_id)
        )
        return sorted(((lead, row.present) for lead, row in rows), key=lambda r: r[0].name)


def set_present(journal: Journal, meeting_id: int, lead_id: int, present: bool) -> None:
    """Mark a member there or not (a member who joined since is added)."""
    with journal.write() as s:
        fetch(s, IltMeeting, meeting_id, translate("meeting_members", "ILT meeting"))
        check_lead(s, lead_id)
        row = s.get(MeetingAttendance, (meeting_id, lead_id))
        if row is None:
            row = MeetingAttendance(meeting_id=meeting_id, lead_id=lead_id)
        row.present = present
        s.add(row)


# -- members' agenda items -------------------------------------------------------------------------


def agenda_items(journal: Journal, meeting_id: int) -> list[MeetingAgendaItem]:
    with journal.session() as s:
        return list(
            s.exec(
                select(MeetingAgendaItem)
                .where(MeetingAgendaItem.meeting_id == meeting_id)
                .order_by(col(MeetingAgendaItem.position), col(MeetingAgendaItem.id))
            )
        )


def add_agenda_item(
    journal: Journal, meeting_id: int, text: str, *, added_by_lead_id: int | None = None
) -> MeetingAgendaItem:
    """Put an item on the agenda: a member's (``added_by_lead_id``) or the principal's."""
    if not text.strip():
        raise UsageError(translate("meeting_members", "Write the agenda item first."))
    with journal.write() as s:
        fetch(s, IltMeeting, meeting_id, translate("meeting_members", "ILT meeting"))
        check_lead(s, added_by_lead_id)
        count = len(
            list(
                s.exec(
                    select(MeetingAgendaItem.id).where(MeetingAgendaItem.meeting_id == meeting_id)
                )
            )
        )
        item = MeetingAgendaItem(
            meeting_id=meeting_id,
            position=count,
            added_by_lead_id=added_by_lead_id,
            text=text.strip(),
        )
        s.add(item)
        s.flush()
    return item


def update_agenda_item(journal: Journal, item_id: int, **changes: object) -> MeetingAgendaItem:
    """Edit an item's words, notes or who added it, or tick it off as discussed."""
    if unknown := set(changes) - {"text", "notes", "discussed", "added_by_lead_id"}:
        raise UsageError(
            translate("meeting_members", "Cannot change {fields} of an agenda item.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    if "text" in changes and not str(changes["text"]).strip():
        raise UsageError(
            translate("meeting_members", "An agenda item needs its words; delete it instead.")
        )
    with journal.write() as s:
        item = fetch(s, MeetingAgendaItem, item_id, translate("meeting_members", "agenda item"))
        check_lead(s, changes.get("added_by_lead_id"))
        for name, value in changes.items():
            setattr(item, name, value)
        s.add(item)
    return item


def delete_agenda_item(journal: Journal, item_id: int) -> None:
    """Move an agenda item to the Trash (nothing happens if it is gone already)."""
    with journal.write() as s:
        trash_record(s, MeetingAgendaItem, item_id)
