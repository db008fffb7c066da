"""What the journal keeps so that nothing written is lost by mistake: earlier versions of
long texts, and deleted records held in the Trash for a while.

Neither table has a foreign key: a version or a Trash entry names its record by table and id,
so it outlives the record (a deleted record's versions go to the Trash with it).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from iltdesk.models.base import Instant, utcnow


class RecordVersion(SQLModel, table=True):
    """One earlier text of one field of one record: the text as it stood before an editing
    session changed it."""

    __tablename__ = "record_version"
    # One index serves every lookup: a text's versions newest first, a record's for the Trash.
    __table_args__ = (Index("ix_record_version_text", "kind", "record_id", "field", "saved_at"),)

    id: int | None = Field(default=None, primary_key=True)
    # The record's table ("one_on_one", "observation"...) and its id, and the column.
    kind: str
    record_id: int
    field: str
    text: str = ""
    # When this text stopped being the record's (the editing session that replaced it began).
    saved_at: datetime = Field(default_factory=utcnow, sa_type=Instant)


class TrashEntry(SQLModel, table=True):
    """A deleted record and everything under it, kept for restoring until it is purged."""

    __tablename__ = "trash_entry"

    id: int | None = Field(default=None, primary_key=True)
    deleted_at: datetime = Field(default_factory=utcnow, sa_type=Instant, index=True)
    # The top record's table and id, what the Trash list calls it, and its lead if it had one.
    kind: str
    record_id: int
    title: str = ""
    lead_id: int | None = None
    # JSON: every row removed (the record first, then what was under it), and the references
    # that deleting it set to NULL, so restoring puts back exactly what was there.
    rows: str = ""
