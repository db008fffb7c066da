"""A lead on the ILT, and what the principal tracks about them over time."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.due import DEFAULT_CADENCE_DAYS
from iltdesk.models.base import Stamped, today


class Lead(Stamped, table=True):
    """A teacher leader on the Instructional Leadership Team."""

    __tablename__ = "lead"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    role: str = ""
    team: str = ""
    on_ilt_since: date | None = None
    archived_on: date | None = None
    cadence_days: int = DEFAULT_CADENCE_DAYS
    notes: str = ""

    @property
    def active(self) -> bool:
        """Whether the lead is still on the team (not archived)."""
        return self.archived_on is None


class TraitKind(StrEnum):
    """A strength to build on, or an area to grow."""

    strength = "strength"
    growth = "growth"


class LeadTrait(Stamped, table=True):
    """A strength or growth area, with the evidence for it; resolved when no longer current."""

    __tablename__ = "lead_trait"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", index=True)
    kind: TraitKind
    title: str
    evidence: str = ""
    noted_on: date = Field(default_factory=today)
    resolved_on: date | None = None


class EnergyCheck(Stamped, table=True):
    """How a lead's energy and load looked on a day, 1 (depleted) to 5 (energised)."""

    __tablename__ = "energy_check"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", index=True)
    checked_on: date = Field(default_factory=today)
    level: int = Field(ge=1, le=5)
    note: str = ""
