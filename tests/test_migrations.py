"""Schema migrations: models and migrations agree; old journals open; newer ones are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel, select

from iltdesk.models import ActionItem, Lead, OneOnOne
from iltdesk.search import search
from iltdesk.store import schema
from iltdesk.store.backups import check
from iltdesk.store.journal import Journal
from tests.migrated import downgrade

# These tests are about the migrations: their new journals run them too (tests/head_schema.py).
pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).with_name("fixtures")
FIXTURE_0001_PASSPHRASE = "fixture-0001 passphrase"
FIXTURE_0002_PASSPHRASE = "fixture-0002 passphrase"


def test_head_constant_matches_alembic() -> None:
    from alembic.config import Config

    config = schema.alembic_config()
    assert isinstance(config, Config)
    assert ScriptDirectory.from_config(config).get_current_head() == schema.HEAD_REVISION


def test_models_and_migrations_agree(journal: Journal) -> None:
    with journal.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": lambda o, n, t, r, c: not str(n).startswith("search_")},
        )
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_every_table_is_in_the_journal(journal: Journal) -> None:
    tables = {
        row[0] for row in journal.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert set(SQLModel.metadata.tables) <= tables
    assert "search_index" in tables


def test_journal_from_first_revision_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        assert (
            journal.execute("SELECT version_num FROM alembic_version")[0][0] == schema.HEAD_REVISION
        )
        with journal.session() as s:
            lead = s.exec(select(Lead)).one()
            assert lead.name == "Rosa Delgado"
            assert s.exec(select(OneOnOne)).one().notes == "Norms *revisited*."
            assert s.exec(select(ActionItem)).one().text == "Draft the SLO"
        assert [h.kind for h in search(journal, "norms")] == ["one_on_one"]
        assert check(journal).ok


def test_downgrade_and_upgrade_round_trip(journal: Journal) -> None:
    downgrade(journal, "base")
    tables = {
        row[0] for row in journal.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert tables <= {"alembic_version"}
    schema.upgrade(journal.engine)
    assert journal.execute("SELECT version_num FROM alembic_version")[0][0] == schema.HEAD_REVISION


NEW_IN_0002 = {
    "ix_action_item_one_on_one_id",
    "ix_action_item_observation_id",
    "ix_action_item_cycle_id",
    "ix_action_item_open_due_on",
    "ix_learning_cycle_previous_cycle_id",
    "ix_observation_follow_up_on",
    "ix_one_on_one_lead_id_held_on",
}


def _indexes(journal: Journal) -> set[str]:
    rows = journal.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    return {str(row[0]) for row in rows}


def test_a_0001_journal_gains_the_0002_indexes_after_a_kept_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        assert _indexes(journal) >= NEW_IN_0002
        assert check(journal).ok
    kept = list((tmp_path / "old.backups").glob("before-migration-from-0001-*.iltdesk"))
    assert len(kept) == 1
    with Journal.open(kept[0], FIXTURE_0001_PASSPHRASE) as before:  # migrated on opening...
        assert _indexes(before) >= NEW_IN_0002
    assert kept[0].stat().st_size > 0


def test_today_reads_no_table_from_end_to_end(journal: Journal) -> None:
    """Today is read at every unlock: it must use indexes, not read every row ever kept."""
    from iltdesk.demo import build_demo
    from iltdesk.today import today_rows

    build_demo(journal, entries=30)
    statements: list[str] = []
    with journal.raw() as conn:
        conn.set_trace_callback(statements.append)
    try:
        assert today_rows(journal)
    finally:
        with journal.raw() as conn:
            conn.set_trace_callback(None)
    big = ("action_item", "one_on_one", "observation", "agenda_item")
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            plans += [str(r[3]) for r in journal.execute("EXPLAIN QUERY PLAN " + sql)]
    scans = [p for p in plans if p.startswith("SCAN") and p.split()[1] in big]
    assert plans and scans == []


def test_whether_opening_will_migrate_is_known_before_opening(tmp_path: Path) -> None:
    from iltdesk.store.connection import open_connection

    old = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", old)
    conn = open_connection(old, FIXTURE_0001_PASSPHRASE)
    try:
        assert schema.opening_migrates(conn)
        conn.execute("UPDATE alembic_version SET version_num = '0901'")  # from a newer iltdesk
        assert not schema.opening_migrates(conn)  # refused on opening, never migrated
        conn.execute(f"UPDATE alembic_version SET version_num = '{schema.HEAD_REVISION}'")
        assert not schema.opening_migrates(conn)
    finally:
        conn.close()


def test_a_0002_journal_gains_drafts_and_keeps_its_records(tmp_path: Path) -> None:
    from iltdesk.drafts import draft_for, keep_draft
    from iltdesk.models import Observation

    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0002.iltdesk", path)
    with Journal.open(path, FIXTURE_0002_PASSPHRASE) as journal:
        assert (
            journal.execute("SELECT version_num FROM alembic_version")[0][0] == schema.HEAD_REVISION
        )
        with journal.session() as s:
            assert s.exec(select(Lead)).one().name == "Ahmed Okafor"
            assert s.exec(select(Observation)).one().evidence == "Opened with the norms."
            assert s.exec(select(ActionItem)).one().text == "Share the tracker"
        assert _indexes(journal) >= NEW_IN_0002
        assert [h.kind for h in search(journal, "protocol")] == ["one_on_one"]
        keep_draft(journal, "observation", "lead:1", {"a": "kept"})
        assert draft_for(journal, "observation", "lead:1") == {"a": "kept"}
        assert check(journal).ok
    kept = list((tmp_path / "old.backups").glob("before-migration-from-0002-*.iltdesk"))
    assert len(kept) == 1
