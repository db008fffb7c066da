"""Migration 0008: every moment becomes integer milliseconds (UTC); a 0007 journal keeps its
records and their order, still keeps a version per editing session, exports as before, and
goes down to 0007 and up again unchanged."""

from __future__ import annotations

import importlib
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from iltdesk import stamps
from iltdesk.history import versions
from iltdesk.interchange.dump import dump
from iltdesk.migrations import history_0006, history_0008
from iltdesk.one_on_one import save_one_on_one
from iltdesk.store import schema
from iltdesk.store.backups.integrity import check
from iltdesk.store.connection import Connection, open_connection
from iltdesk.store.journal import Journal
from tests.migrated import downgrade, migrated_copy

FIXTURE = Path(__file__).with_name("fixtures") / "journal-0007.iltdesk"
PASSPHRASE = "fixture-0007 passphrase"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Tables = dict[str, list[tuple[Any, ...]]]


def _moment_columns(conn: Connection) -> dict[str, list[str]]:
    """Each table's moment columns (declared DATETIME), as the file says."""
    names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    found = {}
    for (name,) in names:
        columns = conn.execute(f"PRAGMA table_info('{name}')").fetchall()
        moments = [str(c[1]) for c in columns if str(c[2]).upper() == "DATETIME"]
        if moments:
            found[str(name)] = moments
    return found


def _rows(conn: Connection) -> tuple[Tables, Tables]:
    """Every moment table's rows in rowid order: the moments, and the other columns."""
    moments: Tables = {}
    others: Tables = {}
    for table, columns in _moment_columns(conn).items():
        every = [str(c[1]) for c in conn.execute(f"PRAGMA table_info('{table}')").fetchall()]
        rest = [c for c in every if c not in columns]
        picked = ", ".join([*columns, *rest])
        rows = conn.execute(f"SELECT {picked} FROM {table} ORDER BY rowid").fetchall()
        moments[table] = [tuple(r[: len(columns)]) for r in rows]
        others[table] = [tuple(r[len(columns) :]) for r in rows]
    return moments, others


def _orders(conn: Connection) -> dict[tuple[str, str], list[int]]:
    """Each moment column's order of the rows (newest first, as the app lists them)."""
    return {
        (table, column): [
            int(r[0])
            for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY {column} DESC, rowid")
        ]
        for table, columns in _moment_columns(conn).items()
        for column in columns
    }


def _plain(journal: Journal) -> Any:
    """The journal as an export holds it (what every export format is written from)."""
    return {k: v for k, v in dump(journal).tables.items()}


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The 0007 journal as it was (read from a copy: never the fixture), and its export as
    read with the columns' text."""
    copy = tmp_path_factory.mktemp("m8") / "copy.iltdesk"
    shutil.copyfile(FIXTURE, copy)
    conn = open_connection(copy, PASSPHRASE, read_only=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0007"
        moments, others = _rows(conn)
        orders = _orders(conn)
    finally:
        conn.close()
    journal = Journal(copy, open_connection(copy, PASSPHRASE))
    try:  # not migrated: the moments are read as the text they still are
        plain = _plain(journal)
    finally:
        journal.close()
    return {"moments": moments, "others": others, "orders": orders, "plain": plain}


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_copy(tmp_path_factory, FIXTURE, PASSPHRASE)


def _micros(text: str) -> int:
    return (datetime.fromisoformat(text).replace(tzinfo=UTC) - EPOCH) // timedelta(microseconds=1)


def test_the_journal_reaches_head_after_a_kept_copy(migrated: Path) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        assert journal.execute("SELECT version_num FROM alembic_version") == [
            (schema.HEAD_REVISION,)
        ]
        assert check(journal).ok
    assert len(list(migrated.parent.glob("old.backups/before-migration-from-0007-*"))) == 1


def test_every_moment_is_the_old_text_to_the_millisecond(
    migrated: Path, before: dict[str, Any]
) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        moments, _ = _rows(journal.connection)
    old: Tables = before["moments"]
    assert set(moments) == set(old) == _frozen_tables()
    counted = 0
    for table, rows in old.items():
        assert len(moments[table]) == len(rows), table
        for was_row, now_row in zip(rows, moments[table], strict=True):
            for was, now in zip(was_row, now_row, strict=True):
                assert isinstance(was, str) and type(now) is int, (table, was, now)
                assert abs(now * 1000 - _micros(was)) <= 500, (table, was, now)
                counted += 1
    assert counted > 2500


def _frozen_tables() -> set[str]:
    """The tables migration 0008 converts: its own frozen list."""
    module = importlib.import_module("iltdesk.migrations.versions.0008_times_as_numbers")
    return set(module.MOMENTS)


def test_records_and_their_order_are_unchanged(migrated: Path, before: dict[str, Any]) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        _, others = _rows(journal.connection)
        orders = _orders(journal.connection)
        plain = _plain(journal)
    assert others == before["others"]
    # Settings are not records: a journal's are written at once, within one millisecond, so
    # only their microseconds ordered them.
    assert {k: v for k, v in orders.items() if k[0] != "journal_setting"} == {
        k: v for k, v in before["orders"].items() if k[0] != "journal_setting"
    }
    # An export after is the export before: the same text for every moment (the fixture's
    # moments are whole milliseconds but for a few the app wrote to the microsecond).
    cut = {k: _to_the_millisecond(v) for k, v in before["plain"].items()}
    assert plain == cut


def _to_the_millisecond(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def cut(key: str, value: Any) -> Any:
        if key not in stamps.COLUMNS or value is None:
            return value
        moment = datetime.fromisoformat(value)
        return moment.replace(microsecond=round(moment.microsecond, -3)).isoformat()

    return [{k: cut(k, v) for k, v in row.items()} for row in rows]


def _kept(journal: Journal, meeting: int) -> list[str]:
    return [v.text for v in versions(journal, "one_on_one", meeting, "notes")]


def test_a_version_is_kept_per_editing_session_after_it(migrated: Path, tmp_path: Path) -> None:
    path = tmp_path / "sessions.iltdesk"
    shutil.copyfile(migrated, path)
    with Journal.open(path, PASSPHRASE) as journal:
        (meeting, notes, saved), *_ = journal.execute(
            "SELECT id, notes, updated_at FROM one_on_one WHERE notes <> '' ORDER BY id"
        )
        assert stamps.from_stored(saved) < datetime.now(UTC) - timedelta(minutes=10)
        kept_before = _kept(journal, meeting)
        save_one_on_one(journal, meeting, notes="A new session's first words")
        assert _kept(journal, meeting) == [notes, *kept_before]  # the old text is kept
        ((at, kind),) = journal.execute(
            "SELECT saved_at, typeof(saved_at) FROM record_version WHERE record_id = ? "
            "AND kind = 'one_on_one' ORDER BY saved_at DESC, id DESC LIMIT 1",
            (meeting,),
        )
        assert kind == "integer"
        assert abs(stamps.from_stored(at) - datetime.now(UTC)) < timedelta(minutes=1)
        save_one_on_one(journal, meeting, notes="The same session, a second later")
        assert len(_kept(journal, meeting)) == len(kept_before) + 1  # within 10 minutes
        nine = stamps.to_stored(datetime.now(UTC) - timedelta(minutes=9))
        journal.execute("UPDATE one_on_one SET updated_at = ? WHERE id = ?", (nine, meeting))
        journal.execute("UPDATE one_on_one SET notes = 'still nine' WHERE id = ?", (meeting,))
        assert len(_kept(journal, meeting)) == len(kept_before) + 1
        eleven = stamps.to_stored(datetime.now(UTC) - timedelta(minutes=11))
        journal.execute("UPDATE one_on_one SET updated_at = ? WHERE id = ?", (eleven, meeting))
        journal.execute("UPDATE one_on_one SET notes = 'eleven' WHERE id = ?", (meeting,))
        assert _kept(journal, meeting)[0] == "still nine"


def _triggers(journal: Journal) -> set[str]:
    rows = journal.execute(
        "SELECT sql FROM sqlite_master WHERE name LIKE 'history\\_%' ESCAPE '\\'"
    )
    return {str(r[0]) for r in rows}


def _index_pages(journal: Journal) -> list[Any]:
    return journal.execute("SELECT id, block FROM search_index_data ORDER BY id")


def test_down_to_0007_and_up_again(migrated: Path, tmp_path: Path, before: dict[str, Any]) -> None:
    path = tmp_path / "round.iltdesk"
    shutil.copyfile(migrated, path)
    with Journal.open(path, PASSPHRASE) as journal:
        moments, others = _rows(journal.connection)
        pages = _index_pages(journal)
        assert _triggers(journal) == set(history_0008.create_triggers_sql())
        downgrade(journal, "0007")
        down, down_others = _rows(journal.connection)
        assert down_others == others
        assert _triggers(journal) == set(history_0006.create_triggers_sql())
        for table, rows in down.items():  # the text SQLAlchemy wrote, to the millisecond
            for was_row, text_row in zip(before["moments"][table], rows, strict=True):
                for was, text in zip(was_row, text_row, strict=True):
                    assert text == stamps.as_text(stamps.text_to_stored(was)), (table, was)
        schema.upgrade(journal.engine)
        assert _rows(journal.connection) == (moments, others)
        assert _triggers(journal) == set(history_0008.create_triggers_sql())
        # Rewriting the moments twice re-indexed nothing: the index's triggers watch texts.
        assert _index_pages(journal) == pages
        assert check(journal).ok
