"""The rows a deletion takes away, read from the journal's own foreign keys.

Deleting a record lets SQLite's ``ON DELETE CASCADE`` remove what lives under it and
``ON DELETE SET NULL`` unlink what merely pointed at it. To put all of it back later, the
Trash copies exactly those rows (and the references it clears) before the delete runs. The
keys are read from the file (``PRAGMA foreign_key_list``), not from the models, so the copy
follows what the database will really do, whatever version of the app made it.

Values are copied as SQLite stores them (text, integers, reals, NULL, rarely bytes): written
back unchanged, dates, times and choices come back exactly as they were.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

#: Rows that are not records but belong to one: a record's earlier texts, and what was typed
#: in a dialog about it and not saved yet. They name their record instead of keying to it.
VERSION_TABLE = "record_version"
DRAFT_TABLE = "draft"

Row = dict[str, Any]


@dataclass(frozen=True)
class Reference:
    """One foreign key: ``table.column`` points at ``target.target_column``."""

    table: str
    column: str
    target: str
    target_column: str
    on_delete: str  # "CASCADE", "SET NULL", "NO ACTION"...


@dataclass(frozen=True)
class Schema:
    """The journal's tables as far as deleting and restoring need them."""

    keys: dict[str, tuple[str, ...]]  # each table's primary key columns
    references: tuple[Reference, ...]
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # each table's columns

    def pointing_at(self, table: str) -> list[Reference]:
        return [r for r in self.references if r.target == table]

    def from_table(self, table: str) -> list[Reference]:
        return [r for r in self.references if r.table == table]

    def id_column(self, table: str) -> str | None:
        """The table's one-column primary key (``id``), or None for a link table."""
        key = self.keys.get(table, ())
        return key[0] if len(key) == 1 else None


@dataclass
class Snapshot:
    """What a deletion removes: every row (the record first) and every cleared reference."""

    rows: list[tuple[str, Row]] = field(default_factory=list)
    # (table, primary key values, column, target table, the value it held)
    cleared: list[tuple[str, Row, str, str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "rows": [{"table": t, "values": _encode(v)} for t, v in self.rows],
            "cleared": [
                {"table": t, "key": _encode(k), "column": c, "target": g, "value": v}
                for t, k, c, g, v in self.cleared
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        rows = [(str(r["table"]), _decode(r["values"])) for r in data["rows"]]
        cleared = [
            (str(c["table"]), _decode(c["key"]), str(c["column"]), str(c["target"]), c["value"])
            for c in data["cleared"]
        ]
        return cls(rows, cleared)


def _encode(values: Row) -> Row:
    return {
        k: {"bytes": base64.b64encode(v).decode()} if isinstance(v, bytes) else v
        for k, v in values.items()
    }


def _decode(values: Row) -> Row:
    return {
        k: base64.b64decode(v["bytes"]) if isinstance(v, dict) else v for k, v in values.items()
    }


def query(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
    """Rows of raw SQL as dicts of the values SQLite holds."""
    return [dict(r) for r in conn.exec_driver_sql(sql, params).mappings()]


def read_schema(conn: Connection) -> Schema:
    """Primary keys and foreign keys of every ordinary table in the file."""
    names = [
        str(r["name"])
        for r in query(
            conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    keys: dict[str, tuple[str, ...]] = {}
    every: dict[str, tuple[str, ...]] = {}
    references: list[Reference] = []
    for name in names:
        if "'" in name:  # no table of ours has one; a PRAGMA takes no bound parameters
            continue
        columns = query(conn, f"PRAGMA table_info('{name}')")
        ordered = sorted((c for c in columns if c["pk"]), key=lambda c: int(c["pk"]))
        keys[name] = tuple(str(c["name"]) for c in ordered)
        every[name] = tuple(str(c["name"]) for c in columns)
        for fk in query(conn, f"PRAGMA foreign_key_list('{name}')"):
            references.append(
                Reference(
                    name, str(fk["from"]), str(fk["table"]), str(fk["to"] or "id"), fk["on_delete"]
                )
            )
    return Schema(keys, tuple(references), every)


def select_where(conn: Connection, table: str, column: str, value: Any) -> list[Row]:
    return query(conn, f'SELECT * FROM "{table}" WHERE "{column}" = ?', (value,))


def collect(conn: Connection, schema: Schema, table: str, record_id: int) -> Snapshot:
    """The record ``table``/``record_id`` and all that deleting it would remove or unlink."""
    snapshot = Snapshot()
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    pending = [(table, row) for row in select_where(conn, table, "id", record_id)]
    while pending:
        name, row = pending.pop(0)
        marker = (name, tuple(row[k] for k in schema.keys[name]) or tuple(row.values()))
        if marker in seen:
            continue
        seen.add(marker)
        snapshot.rows.append((name, row))
        for ref in schema.pointing_at(name):
            if ref.on_delete == "CASCADE" and row.get(ref.target_column) is not None:
                children = select_where(conn, ref.table, ref.column, row[ref.target_column])
                pending += [(ref.table, child) for child in children]
    snapshot.cleared = _cleared(conn, schema, snapshot.rows, seen)
    snapshot.rows += _belongings(conn, schema, snapshot.rows)
    return snapshot


def _cleared(
    conn: Connection,
    schema: Schema,
    rows: list[tuple[str, Row]],
    seen: set[tuple[str, tuple[Any, ...]]],
) -> list[tuple[str, Row, str, str, Any]]:
    """References from rows that stay, which the delete sets to NULL."""
    cleared = []
    for name, row in rows:
        for ref in schema.pointing_at(name):
            value = row.get(ref.target_column)
            if ref.on_delete != "SET NULL" or value is None:
                continue
            for other in select_where(conn, ref.table, ref.column, value):
                key = {k: other[k] for k in schema.keys[ref.table]}
                if (ref.table, tuple(key.values())) not in seen:
                    cleared.append((ref.table, key, ref.column, name, value))
    return cleared


def _belongings(conn: Connection, schema: Schema, rows: list[tuple[str, Row]]) -> list[Any]:
    """The earlier versions and unsaved drafts of the rows, which name them by table and id."""
    found: list[tuple[str, Row]] = []
    for name, row in rows:
        if schema.id_column(name) != "id" or row.get("id") is None:
            continue
        if VERSION_TABLE in schema.keys:
            versions = query(
                conn,
                f"SELECT * FROM {VERSION_TABLE} WHERE kind = ? AND record_id = ?",
                (name, row["id"]),
            )
            found += [(VERSION_TABLE, v) for v in versions]
        if DRAFT_TABLE in schema.keys:
            drafts = select_where(conn, DRAFT_TABLE, "place", f"{name}:{row['id']}")
            found += [(DRAFT_TABLE, d) for d in drafts]
    return found
