"""1:1 check-ins on a collaborative agenda, and the action items that come out of them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Index, text
from sqlmodel import Field

from iltdesk.models.base import Stamped, today
from iltdesk.models.links import set_links_indexed


class OneOnOne(Stamped, table=True):
    """One 1:1 meeting between the principal and a lead."""

    __tablename__ = "one_on_one"
    # Each lead's latest 1:1 (Today's "leads to meet") without reading every 1:1.
    # It serves reads by lead alone too (migration 0009 dropped the index on lead_id).
    __table_args__ = (Index("ix_one_on_one_lead_id_held_on", "lead_id", "held_on"),)

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE")
    held_on: date = Field(default_factory=today)  # indexed with lead_id (above)
    notes: str = ""
    feedback_given: str = ""


class AgendaSection(StrEnum):
    """The recurring parts of a collaborative 1:1 agenda."""

    goals = "goals"
    coaching_calendar = "coaching_calendar"
    deadlines = "deadlines"
    release_time = "release_time"
    lead_items = "lead_items"
    principal_items = "principal_items"
    feedback = "feedback"
    next_steps = "next_steps"


class Author(StrEnum):
    """Who added an agenda item or owns an action item."""

    principal = "principal"
    lead = "lead"
    both = "both"


class AgendaItem(Stamped, table=True):
    """An item on a 1:1's agenda, and who put it there."""

    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    one_on_one_id: int = Field(foreign_key="one_on_one.id", ondelete="CASCADE", index=True)
    position: int = 0
    section: AgendaSection = AgendaSection.principal_items
    added_by: Author = Author.principal
    text: str = ""
    notes: str = ""
    discussed: bool = False


class ActionSource(StrEnum):
    """Where an action item came from."""

    one_on_one = "one_on_one"
    observation = "observation"
    cycle = "cycle"
    manual = "manual"
    meeting = "meeting"  # an ILT meeting's next step
    conversation = "conversation"  # the follow-up of a difficult conversation
    self_check = "self_check"  # an action the team chose from a weak self-check area


class ActionItem(Stamped, table=True):
    """A next step with an owner and a due date.

    A lead's item has ``lead_id`` and ``owner`` says whether the lead, the principal or both
    carry it. A team item (``lead_id`` None, usually from an ILT meeting) is owned by the
    members listed in ``ActionItemOwner`` and, when ``owner`` is principal or both, by the
    principal too."""

    __tablename__ = "action_item"
    # Today reads the open items due soon; done ones are most of a long-kept journal.
    # Links that most items leave empty are indexed only where set (migration 0009).
    __table_args__ = (
        Index("ix_action_item_open_due_on", "due_on", sqlite_where=text("done_on IS NULL")),
        *set_links_indexed(
            "action_item", ("observation_id", "cycle_id", "meeting_id", "conversation_id")
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int | None = Field(default=None, foreign_key="lead.id", ondelete="CASCADE", index=True)
    text: str
    owner: Author = Author.lead
    due_on: date | None = None  # open items by due day: ix_action_item_open_due_on
    done_on: date | None = None
    source: ActionSource = ActionSource.manual
    one_on_one_id: int | None = Field(
        default=None, foreign_key="one_on_one.id", ondelete="SET NULL", index=True
    )
    observation_id: int | None = Field(
        default=None, foreign_key="observation.id", ondelete="SET NULL"
    )
    cycle_id: int | None = Field(default=None, foreign_key="learning_cycle.id", ondelete="SET NULL")
    meeting_id: int | None = Field(default=None, foreign_key="ilt_meeting.id", ondelete="SET NULL")
    conversation_id: int | None = Field(
        default=None, foreign_key="difficult_conversation.id", ondelete="SET NULL"
    )
