"""Shared pieces of the journal's tables."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import types
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import TypeCompiler
from sqlmodel import Field, SQLModel

from iltdesk import stamps


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware, to the millisecond: as a moment is stored (``Instant``),
    so that a record in hand equals the one read back."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def today() -> date:
    """Today's local date: what the principal means by 'today'."""
    return date.today()


class Instant(types.TypeDecorator[datetime]):
    """A moment in time, stored as integer milliseconds since 1970-01-01 UTC (``stamps``).

    Binds an aware datetime (a naive one is refused, as SQLModel's ``UTCDateTime`` refuses it)
    and reads back an aware UTC datetime. Values travel as integers (``impl``), but the column
    is declared ``DATETIME`` (``_declared_as_datetime``): every journal's columns were made so
    by the migrations, DATETIME has NUMERIC affinity (an integer is stored as an integer), and
    Alembic compares the declared types, so models and migrations agree without migration
    0008 rebuilding every table.
    """

    impl = types.BigInteger
    cache_ok = True

    def coerce_compared_value(self, op: Any, value: Any) -> types.TypeEngine[Any]:
        # A column compared with a datetime binds it as a moment (ms), never as text.
        return self

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        return None if value is None else stamps.to_stored(value)

    def process_result_value(self, value: object, dialect: Dialect) -> datetime | None:
        return None if value is None else stamps.read(value)


@compiles(Instant)
def _declared_as_datetime(type_: Instant, compiler: TypeCompiler, **kw: Any) -> str:
    return "DATETIME"


class Stamped(SQLModel):
    """Created/updated timestamps for records a principal writes."""

    created_at: datetime = Field(default_factory=utcnow, sa_type=Instant)
    updated_at: datetime = Field(
        default_factory=utcnow, sa_type=Instant, sa_column_kwargs={"onupdate": utcnow}
    )
