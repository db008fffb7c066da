"""Difficult conversations: planned, rehearsed, held and debriefed."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class ConversationHolder(StrEnum):
    """Whose conversation it is to hold."""

    lead = "lead"  # a lead's, with one or more teachers; the principal helps
    principal = "principal"  # the principal's own


class DifficultConversation(Stamped, table=True):
    """A hard conversation from planning to follow-up. ``lead_id`` is the lead it concerns:
    the one who holds it, or (for the principal's own) the one it is with, if any."""

    __tablename__ = "difficult_conversation"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int | None = Field(default=None, foreign_key="lead.id", ondelete="CASCADE", index=True)
    holder: ConversationHolder = ConversationHolder.lead
    cycle_id: int | None = Field(
        default=None, foreign_key="learning_cycle.id", ondelete="SET NULL", index=True
    )
    planned_on: date = Field(default_factory=today, index=True)
    with_whom: str = ""
    goal: str = ""
    opening_words: str = ""
    # Likely reactions, and how to respond to each.
    reactions: str = ""
    rehearsed_on: date | None = None
    rehearsed_with: str = ""
    rehearsal_notes: str = ""
    held_on: date | None = Field(default=None, index=True)
    what_happened: str = ""
    debrief: str = ""
