"""The principal's own page: her energy over time and her leadership journal."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class PrincipalEnergy(Stamped, table=True):
    """How the principal's own energy looked on a day, 1 (depleted) to 5 (energised)."""

    __tablename__ = "principal_energy"

    id: int | None = Field(default=None, primary_key=True)
    checked_on: date = Field(default_factory=today, index=True)
    level: int = Field(ge=1, le=5)
    note: str = ""


class LeadershipNoteKind(StrEnum):
    """A question she is holding, or something she realised."""

    question = "question"
    realisation = "realisation"


class LeadershipNote(Stamped, table=True):
    """A question or realisation about her own leadership. Private: never in an export
    unless she chooses it."""

    __tablename__ = "leadership_note"

    id: int | None = Field(default=None, primary_key=True)
    noted_on: date = Field(default_factory=today, index=True)
    kind: LeadershipNoteKind = LeadershipNoteKind.question
    text: str
