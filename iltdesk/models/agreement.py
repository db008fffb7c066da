"""Coaching agreements: how the principal will coach a lead, kept as readable versions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class CoachingAgreement(Stamped, table=True):
    """One version of a lead's coaching agreement. Revising adds a version; none is rewritten."""

    __tablename__ = "coaching_agreement"
    __table_args__ = (UniqueConstraint("lead_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", index=True)
    version: int = 1
    agreed_on: date = Field(default_factory=today)
    revisit_on: date | None = None
    meeting_cadence: str = ""
    feedback_approach: str = ""
    coaching_approach: str = ""
    revision_note: str = ""


class ExpectationKind(StrEnum):
    """Whether an expectation holds for everyone or bends to this person."""

    non_negotiable = "non_negotiable"
    adjustable = "adjustable"


class AgreementExpectation(Stamped, table=True):
    """An expectation written into one version of an agreement."""

    __tablename__ = "agreement_expectation"

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="coaching_agreement.id", ondelete="CASCADE", index=True)
    position: int = 0
    kind: ExpectationKind = ExpectationKind.adjustable
    text: str
