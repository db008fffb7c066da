"""Putting a Trash entry's rows back: the record first, all of it or nothing.

SQLite hands a deleted table's highest id to the next new row, so while a record sits in the
Trash its id may have gone to another. Such a row comes back under a new id, and every
reference to it inside the entry (its children's keys, its versions, its drafts, the links
that deleting it cleared) follows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from iltdesk.errors import UsageError
from iltdesk.stamps import stored_row
from iltdesk.translation import translate
from iltdesk.trash_rows import (
    DRAFT_TABLE,
    VERSION_TABLE,
    Row,
    Schema,
    Snapshot,
    query,
    select_where,
)

Remap = dict[tuple[str, Any], Any]


Refusal = Callable[[str, Any], str | None]


def put_back(
    conn: Connection, schema: Schema, snapshot: Snapshot, parked: Refusal, gone: Refusal
) -> Remap:
    """Insert the snapshot's rows and re-point the references it cleared (inside the caller's
    transaction); the ids that changed.

    A record it lives in (a ``CASCADE`` parent outside the snapshot) must be there: while
    ``parked(table, id)`` (it sits in a Trash entry deleted later: its id may have gone to
    another since) or ``gone`` says why not, the restore is refused with that sentence."""
    if any(table not in schema.columns for table, _ in snapshot.rows):
        raise UsageError(
            translate(
                "trash_restore",
                "This was deleted by an older version of iltdesk and can't be restored by this "
                "one.",
            )
        )
    _check_parents(conn, schema, snapshot, parked, gone)
    remap = _new_ids(conn, schema, snapshot)
    # Rows come back in the order they were taken; a child may name a parent that follows it
    # (a lead's action item and its 1:1), so the keys are checked at commit instead.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table, row in snapshot.rows:
        values = _current_columns(schema, table, _remapped(schema, table, row, remap))
        _insert(conn, table, _unlinked(conn, schema, table, values, snapshot, parked))
    for table, key, column, target, value in snapshot.cleared:
        new_value = remap.get((target, value), value)
        where = " AND ".join(f'"{k}" = ?' for k in key)
        conn.exec_driver_sql(
            f'UPDATE "{table}" SET "{column}" = ? WHERE {where} AND "{column}" IS NULL',
            (new_value, *key.values()),
        )
    return remap


def _current_columns(schema: Schema, table: str, row: Row) -> Row:
    """The row as this version of the journal holds it: a column dropped by a later version
    goes (one it added takes its default)."""
    return {k: v for k, v in row.items() if k in schema.columns[table]}


def _inside(snapshot: Snapshot, table: str, column: str, value: Any) -> bool:
    return any(t == table and row.get(column) == value for t, row in snapshot.rows)


def _exists(conn: Connection, table: str, column: str, value: Any) -> bool:
    return bool(query(conn, f'SELECT 1 FROM "{table}" WHERE "{column}" = ? LIMIT 1', (value,)))


def _check_parents(
    conn: Connection, schema: Schema, snapshot: Snapshot, parked: Refusal, gone: Refusal
) -> None:
    """Refuse while a record the entry lives inside (its lead, its meeting) is gone."""
    for table, row in snapshot.rows:
        for ref in schema.from_table(table):
            value = row.get(ref.column)
            if ref.on_delete != "CASCADE" or value is None:
                continue
            if _inside(snapshot, ref.target, ref.target_column, value):
                continue
            why = parked(ref.target, value)
            if why is None and not _exists(conn, ref.target, ref.target_column, value):
                why = gone(ref.target, value)
            if why is not None:
                raise UsageError(why)


def _unlinked(
    conn: Connection, schema: Schema, table: str, row: Row, snapshot: Snapshot, parked: Refusal
) -> Row:
    """A link to a record deleted meanwhile (an observation's cycle) is cleared, as deleting
    that record would have cleared it."""
    for ref in schema.from_table(table):
        value = row.get(ref.column)
        if ref.on_delete != "SET NULL" or value is None:
            continue
        if _inside(snapshot, ref.target, ref.target_column, value):
            continue
        if parked(ref.target, value) is not None or not _exists(
            conn, ref.target, ref.target_column, value
        ):
            row = {**row, ref.column: None}
    return row


def _new_ids(conn: Connection, schema: Schema, snapshot: Snapshot) -> Remap:
    """A new id for each row whose id another row has taken meanwhile."""
    remap: Remap = {}
    tables = dict.fromkeys(t for t, _ in snapshot.rows)
    for table in tables:
        column = schema.id_column(table)
        if column is None:
            continue
        ours = [row[column] for t, row in snapshot.rows if t == table and row[column] is not None]
        taken = [v for v in ours if select_where(conn, table, column, v)]
        if not taken:
            continue
        highest = query(conn, f'SELECT max("{column}") AS top FROM "{table}"')[0]["top"] or 0
        following = max(int(highest), *(int(v) for v in ours)) + 1
        for offset, old in enumerate(taken):
            remap[(table, old)] = following + offset
    return remap


def _remapped(schema: Schema, table: str, row: Row, remap: Remap) -> Row:
    if not remap:
        return row
    row = dict(row)
    column = schema.id_column(table)
    if column is not None and (table, row[column]) in remap:
        row[column] = remap[(table, row[column])]
    return repointed(schema, table, row, remap)


def repointed(schema: Schema, table: str, row: Row, remap: Remap) -> Row:
    """``row`` with its references to the rows ``remap`` gave new ids following them."""
    row = dict(row)
    for ref in schema.from_table(table):
        if (ref.target, row.get(ref.column)) in remap:
            row[ref.column] = remap[(ref.target, row[ref.column])]
    if table == VERSION_TABLE and (row["kind"], row["record_id"]) in remap:
        row["record_id"] = remap[(row["kind"], row["record_id"])]
    if table == DRAFT_TABLE:
        named, _, number = str(row["place"]).partition(":")
        if number.isdigit() and (named, int(number)) in remap:
            row["place"] = f"{named}:{remap[(named, int(number))]}"
    return row


def _insert(conn: Connection, table: str, row: Row) -> None:
    row = stored_row(row)  # an entry deleted before migration 0008 holds its moments as text
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    # A draft is one per dialog and place: one typed there since wins over the one kept here.
    verb = "INSERT OR IGNORE" if table == DRAFT_TABLE else "INSERT"
    conn.exec_driver_sql(f'{verb} INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))
