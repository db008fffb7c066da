"""The ILT charter: purpose, norms, member qualities, scope and sequence, meeting feedback."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class Charter(Stamped, table=True):
    """The team's founding statement. A journal has at most one."""

    __tablename__ = "charter"

    id: int | None = Field(default=None, primary_key=True)
    purpose: str = ""
    vision_link: str = ""
    goals: str = ""
    norms: str = ""
    member_qualities: str = ""


class FocusKind(StrEnum):
    """The three strands a year's scope and sequence should balance."""

    data = "data"
    observation_feedback = "observation_feedback"
    professional_learning = "professional_learning"


class ScopeItem(Stamped, table=True):
    """One period's focus in the year-long scope and sequence."""

    __tablename__ = "scope_item"

    id: int | None = Field(default=None, primary_key=True)
    period: str
    starts_on: date | None = None
    position: int = 0
    kind: FocusKind = FocusKind.data
    focus: str = ""


class MeetingFeedback(Stamped, table=True):
    """The plus/delta gathered at the end of an ILT meeting."""

    __tablename__ = "meeting_feedback"

    id: int | None = Field(default=None, primary_key=True)
    met_on: date = Field(default_factory=today, index=True)
    plus: str = ""
    delta: str = ""
    response: str = ""
