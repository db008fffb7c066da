"""The ILT charter in versions, the scope and sequence, and meeting feedback."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class CharterVersion(Stamped, table=True):
    """One version of the team's founding statement. Nothing is overwritten: a revision is a
    new row with its date and why; the newest is the charter in force."""

    __tablename__ = "charter_version"

    id: int | None = Field(default=None, primary_key=True)
    made_on: date = Field(default_factory=today, index=True)
    why: str = ""
    purpose: str = ""
    vision_link: str = ""
    goals: str = ""
    norms: str = ""
    # The team's own picture of strong leadership, co-built and revisited in 1:1s.
    lead_qualities: str = ""
    coach_qualities: str = ""
    team_qualities: str = ""
    commitments: str = ""
    # The teacher-rubric indicator the ILT takes as its year-long theme (as the list names it).
    theme: str = ""


class FocusKind(StrEnum):
    """The three strands a year's scope and sequence gives equal weight: each is also the name
    of a ScopeItem column holding what that strand does in the period."""

    data = "data"
    observation_feedback = "observation_feedback"
    professional_learning = "professional_learning"


class ScopeItem(Stamped, table=True):
    """One period (a month or a quarter) of the year-long scope and sequence: its overarching
    focus and what each of the three strands does in it."""

    __tablename__ = "scope_item"

    id: int | None = Field(default=None, primary_key=True)
    period: str
    starts_on: date | None = None
    position: int = 0
    focus: str = ""
    data: str = ""
    observation_feedback: str = ""
    professional_learning: str = ""


class MeetingFeedback(Stamped, table=True):
    """The plus/delta gathered at the end of an ILT meeting, and the response to it (given
    at the next one). Every row belongs to a meeting (``meeting_id``) from migration 0005 on;
    ``met_on`` is kept equal to the meeting's day."""

    __tablename__ = "meeting_feedback"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int | None = Field(
        default=None, foreign_key="ilt_meeting.id", ondelete="CASCADE", index=True
    )
    met_on: date = Field(default_factory=today, index=True)
    plus: str = ""
    delta: str = ""
    response: str = ""
