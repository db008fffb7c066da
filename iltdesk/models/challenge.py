"""Complex-challenge reflections, their force cards and the log of what was decided and learned."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class ChallengeStatus(StrEnum):
    """How far the principal has got with a challenge."""

    open = "open"
    working = "working"
    resolved = "resolved"


class Challenge(Stamped, table=True):
    """A structured reflection on something hard and tangled."""

    __tablename__ = "challenge"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    opened_on: date = Field(default_factory=today)
    status: ChallengeStatus = ChallengeStatus.open
    # The problem in plain words and how it came to be, written before any area is explored.
    statement: str = ""
    systems: str = ""
    technical_needs: str = ""
    relationships: str = ""
    adaptive_needs: str = ""
    information_flow: str = ""
    equity: str = ""
    root_causes: str = ""


class ForceKind(StrEnum):
    """The four columns of the forces board."""

    hinders = "hinders"
    asset = "asset"
    move = "move"
    context = "context"


class ForceCard(Stamped, table=True):
    """A short card on a challenge's forces board."""

    __tablename__ = "force_card"

    id: int | None = Field(default=None, primary_key=True)
    challenge_id: int = Field(foreign_key="challenge.id", ondelete="CASCADE", index=True)
    kind: ForceKind
    position: int = 0
    text: str


class ForceCardLead(Stamped, table=True):
    """A lead that a force card concerns."""

    __tablename__ = "force_card_lead"

    card_id: int = Field(foreign_key="force_card.id", ondelete="CASCADE", primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", primary_key=True, index=True)


class LogKind(StrEnum):
    """What a challenge log entry records."""

    decision = "decision"
    change = "change"
    learning = "learning"


class ChallengeLogEntry(Stamped, table=True):
    """A dated decision, change seen, or lesson about the principal's own leadership."""

    __tablename__ = "challenge_log_entry"

    id: int | None = Field(default=None, primary_key=True)
    challenge_id: int = Field(foreign_key="challenge.id", ondelete="CASCADE", index=True)
    logged_on: date = Field(default_factory=today)
    kind: LogKind = LogKind.decision
    text: str
