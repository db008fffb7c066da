"""Writing an import's new rows: each table's in one statement (SQLite hands back the new ids
in order), parents first, links re-pointed at the new ids, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert, update
from sqlalchemy.orm import Session

from iltdesk.interchange.document import Row
from iltdesk.interchange.fill import Fill
from iltdesk.interchange.prepare import Prepared, key_of
from iltdesk.interchange.tables import STAMPS, TableInfo, exported, sql_table
from iltdesk.models.base import utcnow
from iltdesk.store.journal import Journal

#: (the row's key in the document, its column, the document's id it should point at): a
#: link within one table (a cycle's previous cycle), set once the whole table is written.
Later = list[tuple[Any, str, Any]]


def write_rows(
    journal: Journal,
    prepared: Prepared,
    existing: dict[str, dict[bytes, Any]],
    blanks: list[Fill],
) -> None:
    """Insert what the journal lacks and fill in ``blanks``: all of it, or nothing."""
    new_ids: dict[str, dict[Any, Any]] = {}
    with journal.write() as s:
        leads = sql_table("lead")
        for fill in blanks:
            filled = update(leads).where(leads.c.id == fill.lead_id)
            s.execute(filled.values({fill.column: fill.value}))
        for info in exported():
            _write_table(s, info, prepared, existing.get(info.name, {}), new_ids)


def _write_table(
    s: Session,
    info: TableInfo,
    prepared: Prepared,
    there: dict[bytes, Any],
    new_ids: dict[str, dict[Any, Any]],
) -> None:
    table = sql_table(info.name)
    mapped = new_ids.setdefault(info.name, {})
    first: dict[bytes, Any] = {}  # identity -> the key of its first row in the document
    twins: list[tuple[Any, bytes]] = []
    pending: list[tuple[Any, dict[str, Any]]] = []
    later: Later = []
    for row in prepared.rows.get(info.name, []):
        key = key_of(info, row)
        ident = prepared.identity[info.name][key]
        if ident in there:
            mapped[key] = there[ident]
        elif ident in first:
            twins.append((key, ident))  # the same record twice in the file: written once
        else:
            first[ident] = key
            pending.append((key, _values(info, row, key, new_ids, later)))
    for (key, _), new_key in zip(pending, _insert(s, info, table, pending), strict=True):
        mapped[key] = new_key
    for key, ident in twins:
        mapped[key] = mapped[first[ident]]
    for key, column, old in later:
        s.execute(update(table).where(table.c.id == mapped[key]).values({column: mapped.get(old)}))


def _insert(
    s: Session, info: TableInfo, table: Table, pending: list[tuple[Any, dict[str, Any]]]
) -> list[Any]:
    """The new rows' keys, in ``pending``'s order."""
    if not pending:
        return []
    values = [v for _key, v in pending]
    if not info.has_id:
        s.execute(insert(table), values)
        return [key for key, _v in pending]
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(s.execute(statement, values).scalars())


def _values(
    info: TableInfo, row: Row, key: Any, new_ids: dict[str, dict[Any, Any]], later: Later
) -> dict[str, Any]:
    """The row as its table takes it: every column but the id (one shape for the table's one
    statement), stamps now where the file had none, links to the journal's new ids."""
    now = utcnow()
    values = {
        k: (now if k in STAMPS and v is None else v)
        for k, v in row.items()
        if not k.startswith("_") and k != "id"
    }
    for link in info.links:
        old = row[link.column]
        if old is None:
            continue
        if link.table == info.name:  # within the table: once all of it is written
            values[link.column] = None
            later.append((key, link.column, old))
        else:
            values[link.column] = new_ids.get(link.table, {}).get(old)
    return values
