"""How the journal stores a moment (``created_at``, ``updated_at``, ``saved_at``,
``deleted_at``): an integer count of milliseconds since 1970-01-01 UTC (migration 0008).

Six bytes in SQLite against the 26 characters of the text form used before ("YYYY-MM-DD
HH:MM:SS.ffffff", UTC): a 100k-entry journal is about 24 MB smaller. Pure Python and SQL, so
the raw-SQL paths (the quick note, the Trash's purge) need not load the ORM; the ORM's column
type (``iltdesk.models.base.Instant``) converts with these same functions.

In SQL a stored moment sorts and compares as a number; where a day or text is needed it is
``date(x / 1000, 'unixepoch')`` or ``datetime(x / 1000, 'unixepoch')``, never ``date(x)``,
which would read the number as a Julian day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
_US_PER_MS = 1000
# The columns holding a moment, in every table that has them.
COLUMNS = frozenset({"created_at", "updated_at", "saved_at", "deleted_at"})
# The text form kept before 0008, and still the one of exports (JSON, CSV, Markdown).
TEXT_FORM = "%Y-%m-%d %H:%M:%S.%f"
# Now, as SQLite writes a moment (``subsec``: to the millisecond; round, as the product of a
# float may fall a hair under the whole number).
NOW_SQL = "CAST(round(unixepoch('now', 'subsec') * 1000) AS INTEGER)"


def to_stored(moment: datetime) -> int:
    """``moment`` (timezone-aware) as stored: whole milliseconds since the epoch, the
    microseconds past them dropped (a moment is never stored later than it was: the end of a
    day stays in that day)."""
    if moment.utcoffset() is None:
        raise ValueError("A moment must have timezone information (use datetime.now(UTC)).")
    return (moment - EPOCH) // _MS


def from_stored(value: int) -> datetime:
    """A stored moment as an aware UTC datetime."""
    return EPOCH + int(value) * _MS


def now_stored() -> int:
    """Now, as stored."""
    return to_stored(datetime.now(UTC))


def text_to_stored(text: str) -> int:
    """A moment in the text form kept before 0008 (UTC when it names no zone) as stored: to
    the nearest millisecond, as migration 0008 converts it (SQLite reads a text so)."""
    moment = datetime.fromisoformat(text)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    micros = (aware - EPOCH) // timedelta(microseconds=1)
    return (micros + _US_PER_MS // 2) // _US_PER_MS


def as_text(value: int) -> str:
    """A stored moment in the text form kept before 0008 (UTC, "YYYY-MM-DD HH:MM:SS.ffffff")."""
    return from_stored(value).strftime(TEXT_FORM)


def read(value: object) -> datetime:
    """A moment as read by raw SQL: the stored integer, or (a row copied from a journal older
    than 0008) its text form."""
    if isinstance(value, str):
        return from_stored(text_to_stored(value))
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        return from_stored(int(value))
    raise TypeError(f"Not a stored moment: {value!r}")


def stored_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row copied from a journal older than 0008 (a Trash entry, a kept backup) with its
    moments as this journal stores them; a row already stored so is returned as it was."""
    return {
        k: text_to_stored(v) if k in COLUMNS and isinstance(v, str) and v else v
        for k, v in row.items()
    }
