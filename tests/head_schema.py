"""The head schema for a brand-new journal in tests, without replaying every migration.

Running the Alembic migrations 0001..HEAD on an empty file takes ~0.5 s, and the suite creates
well over a thousand journals. So each test process (xdist worker) runs the real migrations
once, on a scratch journal, records what they leave behind, and from then on gives a new, empty
journal that record in one script, in one transaction (a few ms).

What is recorded is everything a later read can see: every object in ``sqlite_master`` in
creation (rowid) order, with its SQL as SQLite stored it (a batch migration's rebuilt table keeps
its quoting); the rows of every ordinary table (``alembic_version``, and any a migration seeds);
the FTS5 index's settings (``secure-delete``), given the way migration 0006 gives them, through
the index itself, so that FTS5 writes its shadow tables as it would; and the pragmas a migration
could set in the file. ``tests/test_head_schema.py`` proves a replayed journal equals a migrated
one, shadow tables included.

The record is made from the migrations as they are when the session starts, never stored in a
file: a migration edited meanwhile is what every test gets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iltdesk.store import schema
from iltdesk.store.connection import Connection, create_connection

# FTS5 makes these tables itself for a virtual table ``name`` (``name_data`` ...).
_FTS5_SHADOWS = ("data", "idx", "content", "docsize", "config")
# Persistent pragmas a migration could set; recorded so that the replay sets them too.
_FILE_PRAGMAS = ("user_version", "application_id")
_SCRATCH_PASSPHRASE = "head schema scratch"


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _virtual_tables(conn: Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    return [str(row[0]) for row in rows]


def shadow_tables(conn: Connection) -> set[str]:
    """The FTS5 shadow tables in ``conn``'s database (made by FTS5, never by SQL of ours)."""
    return {f"{table}_{suffix}" for table in _virtual_tables(conn) for suffix in _FTS5_SHADOWS}


def master(conn: Connection) -> list[tuple[str, str, str, str | None]]:
    """``sqlite_master`` (type, name, table, SQL) in creation order, less SQLite's own."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
    ).fetchall()
    return [(str(t), str(n), str(tb), None if s is None else str(s)) for t, n, tb, s in rows]


def _fts5_settings(conn: Connection) -> list[str]:
    statements = []
    for table in _virtual_tables(conn):
        rows = conn.execute(f'SELECT k, v FROM "{table}_config" ORDER BY k').fetchall()
        for key, value in rows:
            if key != "version":  # FTS5 writes it itself, from the settings given
                statements.append(
                    f'INSERT INTO "{table}"("{table}", rank) '
                    f"VALUES ({_literal(key)}, {_literal(value)});"
                )
    return statements


def _rows(conn: Connection, skip: set[str]) -> list[str]:
    statements = []
    for kind, name, _table, sql in master(conn):
        if kind != "table" or name in skip or (sql or "").startswith("CREATE VIRTUAL TABLE"):
            continue
        for row in conn.execute(f'SELECT * FROM "{name}"').fetchall():
            values = ", ".join(_literal(value) for value in row)
            statements.append(f'INSERT INTO "{name}" VALUES ({values});')
    return statements


def record(conn: Connection) -> str:
    """One script that makes an empty database into what ``conn``'s database is now."""
    shadows = shadow_tables(conn)
    statements = [f"{sql};" for _kind, name, _t, sql in master(conn) if sql and name not in shadows]
    statements += _rows(conn, shadows)
    statements += _fts5_settings(conn)
    for pragma in _FILE_PRAGMAS:
        value = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        if value:
            statements.append(f"PRAGMA {pragma} = {int(value)};")
    return "\n".join(["BEGIN IMMEDIATE;", *statements, "COMMIT;"])


def migrated_script(scratch: Path) -> str:
    """Run the real migrations on a new journal at ``scratch`` and record the result."""
    from iltdesk.store.journal import Journal

    conn = create_connection(scratch, _SCRATCH_PASSPHRASE)
    journal = Journal(scratch, conn)
    try:
        REAL_UPGRADE(journal.engine)
        return record(conn)
    finally:
        journal.close()


REAL_UPGRADE = schema.upgrade
# Imported before any test replaces ``schema.upgrade`` (conftest imports it first).
assert REAL_UPGRADE.__module__ == "iltdesk.store.schema", "tests.head_schema imported too late"


def is_empty(conn: Connection) -> bool:
    """Whether ``conn``'s database is brand new: no table, index, view or trigger at all."""
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def apply(conn: Connection, script: str) -> None:
    """Replay ``script`` (from ``record``) on the empty database of ``conn``: all or nothing."""
    try:
        conn.executescript(script)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
