"""Shared pieces of the journal's tables."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware."""
    return datetime.now(UTC)


def today() -> date:
    """Today's local date: what the principal means by 'today'."""
    return date.today()


class Stamped(SQLModel):
    """Created/updated timestamps for records a principal writes."""

    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})
