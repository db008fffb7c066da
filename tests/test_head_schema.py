"""A new journal in tests gets its schema from a record of the migrations (tests/head_schema.py,
conftest's ``head_schema_without_migrations``): it must be the journal the migrations make."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from iltdesk.search_index import INDEX_TABLE
from iltdesk.store import schema
from iltdesk.store.connection import Connection, create_connection
from iltdesk.store.journal import Journal
from tests.head_schema import REAL_UPGRADE, apply, master

PASSPHRASE = "head schema check"
_PRAGMAS = ("user_version", "application_id", "auto_vacuum", "encoding", "page_size")


_CONSTRAINTS = ("CONSTRAINT ", "FOREIGN KEY", "PRIMARY KEY", "UNIQUE", "CHECK")


def _schema(conn: Connection) -> dict[str, Any]:
    """The schema, less what the migrations themselves leave to chance.

    Alembic's batch rebuild of a table (0004, 0005) writes its foreign keys, and then its
    indexes, in an order that differs from run to run (it keeps them in sets), so two real
    migrations of the same file differ there too; SQLite gives both the same meaning. Columns
    keep their order, and tables, views and triggers their creation order (triggers on one
    event fire in it).
    """
    ordered, constraints, indexes = [], set(), set()
    for kind, name, table, sql in master(conn):
        if kind == "index":
            indexes.add((name, table, sql))
            continue
        lines = (sql or "").splitlines()
        if kind == "table":
            kept = [line.strip().rstrip(",") for line in lines]
            constraints |= {(name, line) for line in kept if line.startswith(_CONSTRAINTS)}
            lines = [line for line in kept if not line.startswith(_CONSTRAINTS)]
        ordered.append((kind, name, table, lines))
    return {"ordered": ordered, "constraints": constraints, "indexes": indexes}


def _state(conn: Connection) -> dict[str, Any]:
    """All that a reader can see: the schema, every table's rows, the file pragmas."""
    tables = [
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    ]
    rows = {
        name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        for name in tables
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ? AND sql LIKE 'CREATE VIRTUAL%'", (name,)
        ).fetchone()
    }
    pragmas = {p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in _PRAGMAS}
    return {"schema": _schema(conn), "rows": rows, "pragmas": pragmas}


def _index_churn(conn: Connection) -> None:
    """Write to and delete from the search index: secure-delete shows in what it leaves."""
    columns = [str(row[1]) for row in conn.execute(f"PRAGMA table_info({INDEX_TABLE})")]
    names = ", ".join(["rowid", *columns])
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    for rowid in (7, 8):
        values = [rowid, *(f"norms agenda {rowid}" for _ in columns)]
        conn.execute(f"INSERT INTO {INDEX_TABLE}({names}) VALUES ({marks})", values)
    # The index keeps no text (0007): a row leaves it by the words it was added with.
    deleted = ", ".join("?" for _ in range(len(columns) + 2))
    conn.execute(
        f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, {names}) VALUES ({deleted})",
        ["delete", 7, *("norms agenda 7" for _ in columns)],
    )


def _journal(path: Path, make_schema: Callable[[Journal], None]) -> Journal:
    journal = Journal(path, create_connection(path, PASSPHRASE))
    make_schema(journal)
    return journal


def test_a_replayed_journal_is_the_migrated_one(
    tmp_path: Path, head_schema_script: Callable[[], str]
) -> None:
    migrated = _journal(tmp_path / "migrated.j", lambda j: REAL_UPGRADE(j.engine))
    replayed = _journal(
        tmp_path / "replayed.j", lambda j: apply(j.connection, head_schema_script())
    )
    with migrated, replayed:
        assert schema.stored_revision(replayed.connection) == schema.HEAD_REVISION
        assert _state(replayed.connection) == _state(migrated.connection)
        for journal in (migrated, replayed):
            _index_churn(journal.connection)
        assert _state(replayed.connection) == _state(migrated.connection)


def test_new_journals_in_tests_take_the_record(journal_path: Path) -> None:
    assert schema.upgrade is not REAL_UPGRADE
    with Journal.create(journal_path, PASSPHRASE) as journal:
        assert schema.stored_revision(journal.connection) == schema.HEAD_REVISION


@pytest.mark.real_migrations
def test_a_marked_test_runs_the_migrations() -> None:
    assert schema.upgrade is REAL_UPGRADE
