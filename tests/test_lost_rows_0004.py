"""The 0004 build's migration deleted the children of the tables it rebuilt; opening such a
journal now brings them back from the copy that build kept before migrating."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from iltdesk import stamps
from iltdesk.search import search
from iltdesk.store import schema
from iltdesk.store.backups import check
from iltdesk.store.backups.copy import backup_before_migration
from iltdesk.store.connection import open_connection
from iltdesk.store.journal import Journal
from iltdesk.store.lost_rows import DONE_SETTING
from tests.test_migrations import FIXTURE_0001_PASSPHRASE, FIXTURES
from tests.test_search import assert_index_in_step

# These tests are about the migrations: their new journals run them too (tests/head_schema.py).
pytestmark = pytest.mark.real_migrations

STAMPS = "'2024-09-10 18:00:00.000000', '2024-09-10 18:00:00.000000'"
AT_0003 = [
    "INSERT INTO self_check (created_at, updated_at, taken_on, taken_by, note) "
    f"VALUES ({STAMPS}, '2024-09-10', 'team', 'First')",
    "INSERT INTO self_check_answer (created_at, updated_at, self_check_id, area, item, "
    f"frequency) VALUES ({STAMPS}, 1, 'vision', 'vision_1', 3)",
    "INSERT INTO self_check_area_note (created_at, updated_at, self_check_id, area, note) "
    f"VALUES ({STAMPS}, 1, 'vision', 'We drift in spring')",
    "INSERT INTO challenge (created_at, updated_at, title, opened_on, status, systems, "
    "technical_needs, relationships, adaptive_needs, information_flow, equity, root_causes) "
    f"VALUES ({STAMPS}, 'Turnover', '2024-09-01', 'open', '', '', '', '', '', '', '')",
    "INSERT INTO force_card (created_at, updated_at, challenge_id, kind, text, position) "
    f"VALUES ({STAMPS}, 1, 'hinders', 'Mentors stretched thin', 0)",
    "INSERT INTO force_card_lead (created_at, updated_at, card_id, lead_id) "
    f"VALUES ({STAMPS}, 1, 1)",
    "INSERT INTO challenge_log_entry (created_at, updated_at, challenge_id, logged_on, kind, "
    f"text) VALUES ({STAMPS}, 1, '2024-09-20', 'decision', 'Pair every new hire')",
]
CHILDREN = (
    "self_check_answer",
    "self_check_area_note",
    "force_card",
    "force_card_lead",
    "challenge_log_entry",
)


def _counts(journal: Journal) -> list[int]:
    return [journal.execute(f"SELECT count(*) FROM {t}")[0][0] for t in CHILDREN]


def _as_the_0004_build_left_it(tmp_path: Path) -> Path:
    """A 0003 journal migrated the way the 0004 build did: a kept copy, then the migration
    with foreign keys on."""
    path = tmp_path / "journal.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    conn = open_connection(path, FIXTURE_0001_PASSPHRASE)
    journal = Journal(path, conn)
    try:
        schema.upgrade(journal.engine, "0003")
        for sql in AT_0003:
            journal.execute(sql)
        backup_before_migration(conn, path, "0003")
        config = schema.alembic_config()
        assert isinstance(config, Config)
        with journal.engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0004")  # foreign keys on, as that build ran it
            connection.commit()
        assert _counts(journal) == [0, 0, 0, 0, 0]
    finally:
        journal.close()
    return path


def test_opening_brings_back_what_0004_deleted(tmp_path: Path) -> None:
    path = _as_the_0004_build_left_it(tmp_path)
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        assert _counts(journal) == [1, 1, 1, 1, 1]
        assert journal.settings()[DONE_SETTING] == "1"
        assert {h.kind for h in search(journal, "spring")} == {"self_check_note"}
        assert {h.kind for h in search(journal, "mentors")} == {"force_card"}
        assert {h.kind for h in search(journal, "new hire")} == {"challenge_log"}
        assert_index_in_step(journal)
        assert check(journal).ok
        created = journal.execute("SELECT created_at FROM challenge_log_entry")[0][0]
        assert stamps.as_text(created).startswith("2024-09-10 18:00:00")  # not re-dated


def test_nothing_comes_back_twice_or_over_a_later_deletion(tmp_path: Path) -> None:
    path = _as_the_0004_build_left_it(tmp_path)
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        journal.execute("DELETE FROM challenge_log_entry")
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        assert _counts(journal) == [1, 1, 1, 1, 0]


def test_a_copy_under_another_passphrase_is_passed_over(tmp_path: Path) -> None:
    path = _as_the_0004_build_left_it(tmp_path)
    for copy in (tmp_path / "journal.backups").glob("before-migration-from-0003-*"):
        copy.write_bytes(b"\0" * 4096)  # unreadable: opening must still succeed
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        assert _counts(journal) == [0, 0, 0, 0, 0]
        assert check(journal).ok  # and search no longer finds what is gone
        assert search(journal, "mentors") == []
