"""The ILT as a team: its meetings, their agendas and attendance, and team action items."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class MeetingPart(StrEnum):
    """A part of an ILT meeting's agenda. The named parts bring their own helpers on screen
    (the charter's wording, last meeting's plus/delta, members' items...); ``other`` is a part
    the principal added to her template."""

    vision = "vision"
    last_plus_delta = "last_plus_delta"
    member_items = "member_items"
    professional_learning = "professional_learning"
    data = "data"
    decisions = "decisions"
    next_steps = "next_steps"
    plus_delta = "plus_delta"
    other = "other"


class IltMeeting(Stamped, table=True):
    """One meeting of the Instructional Leadership Team."""

    __tablename__ = "ilt_meeting"

    id: int | None = Field(default=None, primary_key=True)
    held_on: date = Field(default_factory=today, index=True)
    title: str = ""
    # The professional-learning segment: its topic (from the scope and sequence's focus), and
    # who led it: a member, or someone else named in words (a coach, the principal).
    pl_topic: str = ""
    pl_lead_id: int | None = Field(
        default=None, foreign_key="lead.id", ondelete="SET NULL", index=True
    )
    pl_led_by: str = ""
    # The data or artifacts the team looked at, and how.
    artifacts: str = ""
    protocol: str = ""
    guiding_questions: str = ""
    # The principal's own notes: never in the shared summary.
    private_notes: str = ""


class MeetingSection(Stamped, table=True):
    """One part of a meeting's agenda, copied from the template when the meeting was made
    (so a later edit of the template leaves old meetings as they were), with its notes."""

    __tablename__ = "ilt_meeting_section"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ilt_meeting.id", ondelete="CASCADE", index=True)
    position: int = 0
    part: MeetingPart = MeetingPart.other
    title: str = ""
    prompt: str = ""
    notes: str = ""


class MeetingAttendance(Stamped, table=True):
    """Whether a member was at a meeting: one row per lead active when it was made."""

    __tablename__ = "ilt_meeting_attendance"

    meeting_id: int = Field(foreign_key="ilt_meeting.id", ondelete="CASCADE", primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", primary_key=True, index=True)
    present: bool = True


class MeetingAgendaItem(Stamped, table=True):
    """An item a member (or the principal) put on a meeting's agenda, ahead or on the day.
    Items not reached are carried into the next meeting, like a 1:1's."""

    __tablename__ = "ilt_agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ilt_meeting.id", ondelete="CASCADE", index=True)
    position: int = 0
    # Who added it: a member, or the principal (None).
    added_by_lead_id: int | None = Field(
        default=None, foreign_key="lead.id", ondelete="SET NULL", index=True
    )
    text: str = ""
    notes: str = ""
    discussed: bool = False


class ActionItemOwner(Stamped, table=True):
    """A member who owns a team action item (one of several, perhaps, and perhaps with the
    principal: see ``ActionItem.owner``)."""

    __tablename__ = "action_item_owner"

    action_item_id: int = Field(foreign_key="action_item.id", ondelete="CASCADE", primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", primary_key=True, index=True)
