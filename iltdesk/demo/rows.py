"""Collecting demo rows with their ids up front, and writing them with Core bulk inserts."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlmodel import SQLModel

import iltdesk.models  # noqa: F401  (registers every table on SQLModel.metadata)

BATCH_ROWS = 5000  # rows per executemany
FLUSH_AT = 20000  # queued rows (all tables) that trigger a flush; fewer, larger batches are faster
# Records are stamped as if written in the evening after the event (UTC), never in the future.
WRITTEN_AT = time(21, 15)


def _defaults(table: Table) -> dict[str, Any]:
    """Scalar column defaults, used to give every row of a batch the same keys."""
    found: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        arg = getattr(default, "arg", None) if default is not None else None
        found[column.name] = None if callable(arg) else arg
    return found


class Rows:
    """Rows waiting to be inserted, keyed by table name, each given its id when added.

    Ids are assigned here rather than by the database so that children can point at their
    parents without a flush; everything then goes in through a few ``executemany`` calls in
    one transaction, which is what makes a 100,000-entry demo take seconds rather than hours.
    """

    def __init__(self, conn: Connection, now: datetime) -> None:
        self._conn = conn
        self._now = now
        self._tables = SQLModel.metadata.tables
        self._pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._next_id: dict[str, int] = {}
        self._size = 0
        self.added: Counter[str] = Counter()  # rows queued per table, flushed or not

    def stamp(self, when: date | None) -> datetime:
        """When a record about ``when`` would have been written: that evening, or now."""
        if when is None:
            return self._now
        return min(datetime.combine(when, WRITTEN_AT, UTC), self._now)

    def add(self, table: str, when: date | None = None, **values: Any) -> int:
        """Queue one row of ``table`` (written on ``when``); return its id (0 if it has none)."""
        if "id" in self._tables[table].c and "id" not in values:
            values["id"] = self._allocate(table)
        written = self.stamp(when)
        values.setdefault("created_at", written)
        values.setdefault("updated_at", written)
        self._pending[table].append(values)
        self.added[table] += 1
        self._size += 1
        if self._size >= FLUSH_AT:
            self.flush()
        return int(values.get("id", 0))

    def _allocate(self, table: str) -> int:
        if table not in self._next_id:
            column = self._tables[table].c.id
            highest = self._conn.execute(select(func.max(column))).scalar()
            self._next_id[table] = int(highest or 0) + 1
        allocated = self._next_id[table]
        self._next_id[table] = allocated + 1
        return allocated

    def flush(self) -> None:
        """Insert everything queued, parents before children (the tables' foreign-key order)."""
        for table in SQLModel.metadata.sorted_tables:
            batch = self._pending.pop(table.name, None)
            if not batch:
                continue
            _uniform(table, batch)
            for first in range(0, len(batch), BATCH_ROWS):
                self._conn.execute(insert(table), batch[first : first + BATCH_ROWS])
        self._size = 0


def _uniform(table: Table, batch: list[dict[str, Any]]) -> None:
    """Give every row the same keys: an executemany compiles its statement from one row."""
    keys: set[str] = set()
    for row in batch:
        keys.update(row)
    missing_somewhere = [k for k in keys if any(k not in row for row in batch)]
    if not missing_somewhere:
        return
    defaults = _defaults(table)
    for row in batch:
        for key in missing_somewhere:
            row.setdefault(key, defaults.get(key))
