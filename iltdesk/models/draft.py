"""What was typed in an open dialog and not saved yet, kept inside the encrypted journal.

A lock, a quit, a signal or a crash while a dialog is open would otherwise lose it.
Drafts are not records: nothing lists, searches or exports them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from iltdesk.models.base import Instant, utcnow


class Draft(SQLModel, table=True):
    """One dialog's unsaved fields: at most one per ``kind`` and ``place``."""

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("kind", "place", name="uq_draft_kind_place"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # the dialog: "observation", "tension_note"...
    place: str  # what it is about: "lead:12", "challenge:3", "" when nothing in particular
    fields: str = "{}"  # JSON: each text box's name -> its text
    saved_at: datetime = Field(default_factory=utcnow, sa_type=Instant)
