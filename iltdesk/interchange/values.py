"""A column's value as JSON and back: the one translation every format shares."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, TypeDecorator
from sqlalchemy import Enum as SqlEnum

from iltdesk.errors import UsageError
from iltdesk.models.base import Instant
from iltdesk.translation import translate


class BadValue(UsageError):
    """A value that does not fit its column; the message says which and why."""


def to_json(value: Any) -> Any:
    """A value read from the journal as JSON: dates as text, moments in UTC with the offset."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(column: Column[Any], value: Any) -> Any:
    """``value`` as ``column`` keeps it, or ``BadValue`` naming what was expected."""
    if value is None:
        if not column.nullable and column.name != "id":
            raise BadValue(
                translate("interchange.values", "{column} may not be empty").format(
                    column=column.name
                )
            )
        return None
    kind = column.type
    if isinstance(kind, Instant):  # a moment, stored as a number but written as ISO 8601
        return _moment(column.name, value)
    if isinstance(kind, TypeDecorator):  # sqlmodel's UTC moments
        kind = kind.impl_instance
    if isinstance(kind, SqlEnum) and kind.enum_class is not None:
        try:
            return kind.enum_class(value)
        except (ValueError, TypeError):
            allowed = ", ".join(str(m.value) for m in kind.enum_class)
            raise BadValue(
                translate("interchange.values", "{column} must be one of {allowed}").format(
                    column=column.name, allowed=allowed
                )
            ) from None
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise BadValue(
                translate("interchange.values", "{column} must be true or false").format(
                    column=column.name
                )
            )
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**62:
            raise BadValue(
                translate("interchange.values", "{column} must be a whole number").format(
                    column=column.name
                )
            )
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadValue(
                translate("interchange.values", "{column} must be a number").format(
                    column=column.name
                )
            )
        if not math.isfinite(value) or abs(value) > 1e300:
            raise BadValue(
                translate("interchange.values", "{column} must be a finite number").format(
                    column=column.name
                )
            )
        return float(value)
    if isinstance(kind, DateTime):
        return _moment(column.name, value)
    if isinstance(kind, Date):
        return _day(column.name, value)
    if not isinstance(value, str):
        raise BadValue(
            translate("interchange.values", "{column} must be text").format(column=column.name)
        )
    if "\x00" in value or _lone_surrogate(value):
        raise BadValue(
            translate("interchange.values", "{column} holds characters that are not text").format(
                column=column.name
            )
        )
    return value


def _day(name: str, value: Any) -> date:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else _no()
    except ValueError:
        raise BadValue(
            translate("interchange.values", "{column} must be a date (YYYY-MM-DD)").format(
                column=name
            )
        ) from None


def _moment(name: str, value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else _no()
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: year 1 or 9999 moved to UTC
        raise BadValue(
            translate(
                "interchange.values",
                "{column} must be a moment (ISO 8601) between the years 1 and 9999",
            ).format(column=name)
        ) from None


def _no() -> Any:
    raise ValueError


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
