"""ILT meetings as records: made from the agenda template, with attendance, members' agenda
items carried forward like a 1:1's, the professional-learning segment, and the closing
plus/delta the next meeting opens with."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from iltdesk.charter import (
    add_meeting_feedback,
    current_charter,
    delete_meeting_feedback,
    meeting_feedback,
    update_meeting_feedback,
)
from iltdesk.charter_scope import scope_items
from iltdesk.errors import UsageError
from iltdesk.meeting_members import check_lead
from iltdesk.meeting_template import meeting_template
from iltdesk.models import ActionItem, Lead, MeetingFeedback
from iltdesk.models.team import (
    IltMeeting,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingSection,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import translate
from iltdesk.trash import trash_record

__all__ = [
    "MEETING_FIELDS",
    "add_plus_delta",
    "current_charter",
    "delete_meeting",
    "delete_plus_delta",
    "discard_if_untouched",
    "get_meeting",
    "is_untouched",
    "meetings",
    "new_meeting",
    "pl_topic_for",
    "plus_deltas",
    "previous_meeting",
    "respond",
    "save_meeting",
    "sections",
    "update_plus_delta",
]

# What the meeting's own record holds besides its parts (held_on moves its plus/delta too).
MEETING_FIELDS = frozenset(
    {
        "held_on",
        "title",
        "pl_topic",
        "pl_lead_id",
        "pl_led_by",
        "artifacts",
        "protocol",
        "guiding_questions",
        "private_notes",
    }
)
# Fields a person types; pl_topic is filled from the scope and sequence, so it alone does not
# make a meeting worth keeping.
_TYPED = ("title", "pl_led_by", "artifacts", "protocol", "guiding_questions", "private_notes")


def pl_topic_for(journal: Journal, day: date) -> str:
    """What the professional-learning segment is about on ``day``: the scope and sequence's
    period containing it (the dated one that started last, on or before ``day``): its
    professional-learning strand, else its overarching focus. "" when no period covers it."""
    started = [i for i in scope_items(journal) if i.starts_on is not None and i.starts_on <= day]
    if not started:
        return ""
    period = max(started, key=lambda i: i.starts_on or date.min)
    return period.professional_learning.strip() or period.focus.strip()


def new_meeting(journal: Journal, held_on: date | None = None) -> IltMeeting:
    """Make a meeting from the template: its parts, every active member marked present, the
    last meeting's undiscussed agenda items brought forward, and this period's learning topic."""
    held_on = held_on or date.today()
    template = meeting_template(journal)
    topic = pl_topic_for(journal, held_on)
    with journal.write() as s:
        previous = _latest(s, held_on)
        meeting = IltMeeting(held_on=held_on, pl_topic=topic)
        s.add(meeting)
        s.flush()
        meeting_id = meeting.id or 0
        for position, part in enumerate(template):
            s.add(
                MeetingSection(
                    meeting_id=meeting_id,
                    position=position,
                    part=part.part,
                    title=part.title,
                    prompt=part.prompt,
                )
            )
        for lead in s.exec(select(Lead).where(col(Lead.archived_on).is_(None))):
            s.add(MeetingAttendance(meeting_id=meeting_id, lead_id=lead.id or 0, present=True))
        if previous is not None:
            _carry_agenda(s, previous.id or 0, meeting_id)
    return meeting


def _latest(s: Session, day: date) -> IltMeeting | None:
    # The meeting before this one, as previous_meeting reads it: one planned for a later
    # day is not "last time", and its items would show up twice.
    return s.exec(
        select(IltMeeting)
        .where(col(IltMeeting.held_on) <= day)
        .order_by(col(IltMeeting.held_on).desc(), col(IltMeeting.id).desc())
    ).first()


def _carry_agenda(s: Session, from_id: int, to_id: int) -> None:
    """Items not reached last time come forward (the earlier meeting keeps its own)."""
    left_over = s.exec(
        select(MeetingAgendaItem)
        .where(MeetingAgendaItem.meeting_id == from_id, col(MeetingAgendaItem.discussed).is_(False))
        .order_by(col(MeetingAgendaItem.position), col(MeetingAgendaItem.id))
    )
    for position, item in enumerate(left_over):
        s.add(
            MeetingAgendaItem(
                meeting_id=to_id,
                position=position,
                added_by_lead_id=item.added_by_lead_id,
                text=item.text,
            )
        )


def meetings(journal: Journal) -> list[IltMeeting]:
    """Every ILT meeting, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(IltMeeting).order_by(
                    col(IltMeeting.held_on).desc(), col(IltMeeting.id).desc()
                )
            )
        )


def get_meeting(journal: Journal, meeting_id: int) -> IltMeeting:
    with journal.session() as s:
        return fetch(s, IltMeeting, meeting_id, translate("ilt_meeting", "ILT meeting"))


def previous_meeting(journal: Journal, meeting: IltMeeting) -> IltMeeting | None:
    """The meeting before ``meeting`` (by day, then by when it was made)."""
    with journal.session() as s:
        return s.exec(
            select(IltMeeting)
            .where(
                (col(IltMeeting.held_on) < meeting.held_on)
                | (
                    (col(IltMeeting.held_on) == meeting.held_on)
                    & (col(IltMeeting.id) < (meeting.id or 0))
                )
            )
            .order_by(col(IltMeeting.held_on).desc(), col(IltMeeting.id).desc())
        ).first()


def sections(journal: Journal, meeting_id: int) -> list[MeetingSection]:
    """The meeting's parts in its own order."""
    with journal.session() as s:
        return list(
            s.exec(
                select(MeetingSection)
                .where(MeetingSection.meeting_id == meeting_id)
                .order_by(col(MeetingSection.position), col(MeetingSection.id))
            )
        )


def save_meeting(
    journal: Journal,
    meeting_id: int,
    *,
    notes: dict[int, str] | None = None,
    **fields: object,
) -> IltMeeting:
    """Save what changed in a meeting in one small transaction (the autosave path): its own
    fields and, in ``notes``, its parts' notes by part id. A new day moves its plus/delta."""
    if unknown := set(fields) - MEETING_FIELDS:
        raise UsageError(
            translate("ilt_meeting", "Cannot change {fields} of an ILT meeting.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    with journal.write() as s:
        meeting = fetch(s, IltMeeting, meeting_id, translate("ilt_meeting", "ILT meeting"))
        check_lead(s, fields.get("pl_lead_id"))
        for name, value in fields.items():
            setattr(meeting, name, value)
        s.add(meeting)
        if "held_on" in fields:
            for row in s.exec(
                select(MeetingFeedback).where(MeetingFeedback.meeting_id == meeting_id)
            ):
                row.met_on = meeting.held_on
                s.add(row)
        for section_id, text in (notes or {}).items():
            section = fetch(s, MeetingSection, section_id, translate("ilt_meeting", "meeting part"))
            if section.meeting_id != meeting_id:
                raise UsageError(
                    translate("ilt_meeting", "Part #{id} belongs to another meeting.").format(
                        id=section_id
                    )
                )
            if section.notes != text:
                section.notes = text
                s.add(section)
    return meeting


# -- plus/delta ----------------------------------------------------------------------------------


def plus_deltas(journal: Journal, meeting_id: int) -> list[MeetingFeedback]:
    """The plus/delta gathered at the end of the meeting, in the order it was written."""
    return meeting_feedback(journal, meeting_id)


def add_plus_delta(journal: Journal, meeting_id: int, plus: str, delta: str) -> MeetingFeedback:
    return add_meeting_feedback(journal, plus, delta, meeting_id=meeting_id)


def update_plus_delta(
    journal: Journal, row_id: int, *, plus: str | None = None, delta: str | None = None
) -> MeetingFeedback:
    changes = {k: v for k, v in (("plus", plus), ("delta", delta)) if v is not None}
    return update_meeting_feedback(journal, row_id, **changes)


def delete_plus_delta(journal: Journal, row_id: int) -> None:
    delete_meeting_feedback(journal, row_id)


def respond(journal: Journal, row_id: int, response: str) -> MeetingFeedback:
    """Write how the team answered a plus/delta (at the next meeting)."""
    return update_meeting_feedback(journal, row_id, response=response)


# -- keeping and dropping ------------------------------------------------------------------------


def delete_meeting(journal: Journal, meeting_id: int) -> None:
    """Move a meeting with its parts, attendance, agenda and plus/delta to the Trash. Its
    team action items stay, no longer linked to it (a restore links them again)."""
    with journal.write() as s:
        trash_record(s, IltMeeting, meeting_id)


def is_untouched(journal: Journal, meeting_id: int) -> bool:
    """Nothing in the meeting was put there by hand: no typed field or part notes, everyone
    still marked present, no plus/delta or action item, and no agenda item but the
    undiscussed ones carried from an earlier meeting (which still has them)."""
    with journal.session() as s:
        meeting = fetch(s, IltMeeting, meeting_id, translate("ilt_meeting", "ILT meeting"))
        if any(str(getattr(meeting, f)).strip() for f in _TYPED) or meeting.pl_lead_id:
            return False
        notes = s.exec(select(MeetingSection.notes).where(MeetingSection.meeting_id == meeting_id))
        if any(n.strip() for n in notes):
            return False
        absent = select(MeetingAttendance.lead_id).where(
            MeetingAttendance.meeting_id == meeting_id, col(MeetingAttendance.present).is_(False)
        )
        feedback = select(MeetingFeedback.id).where(MeetingFeedback.meeting_id == meeting_id)
        items = select(ActionItem.id).where(ActionItem.meeting_id == meeting_id)
        if any(s.exec(query).first() is not None for query in (absent, feedback, items)):
            return False
        return _only_carried(s, meeting_id)


def _only_carried(s: Session, meeting_id: int) -> bool:
    earlier = select(IltMeeting.id).where(col(IltMeeting.id) < meeting_id)
    waiting = {
        (i.added_by_lead_id, i.text)
        for i in s.exec(
            select(MeetingAgendaItem).where(
                col(MeetingAgendaItem.meeting_id).in_(earlier),
                col(MeetingAgendaItem.discussed).is_(False),
            )
        )
    }
    own = s.exec(select(MeetingAgendaItem).where(MeetingAgendaItem.meeting_id == meeting_id))
    return all(
        (i.added_by_lead_id, i.text) in waiting and not i.discussed and not i.notes.strip()
        for i in own
    )


def discard_if_untouched(journal: Journal, meeting_id: int) -> bool:
    """Delete a meeting made and left untouched (an accidental Ctrl+Shift+M); True if it was."""
    if not is_untouched(journal, meeting_id):
        return False
    with journal.write() as s:  # it holds nothing to restore: gone, not to the Trash
        s.delete(fetch(s, IltMeeting, meeting_id, translate("ilt_meeting", "meeting")))
    return True
