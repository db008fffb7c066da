"""Migration 0004 on journals written before it: nothing lost, nothing re-dated.

The 0001 fixture is taken to 0003 (the last shipped revision), given the records 0004 reshapes
as the app of that time wrote them, then opened as a person would (which migrates it)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from iltdesk.search import search
from iltdesk.store import schema
from iltdesk.store.backups import check
from iltdesk.store.connection import open_connection
from iltdesk.store.journal import Journal
from tests.migrated import downgrade
from tests.test_migrations import FIXTURE_0001_PASSPHRASE, FIXTURES
from tests.test_search import assert_index_in_step

# These tests are about the migrations: their new journals run them too (tests/head_schema.py).
pytestmark = pytest.mark.real_migrations

STAMP = "2024-09-10 18:00:00.000000"
OLD_ROWS = [
    "INSERT INTO charter (created_at, updated_at, purpose, vision_link, goals, norms, "
    f"member_qualities) VALUES ('{STAMP}', '2024-10-02 18:00:00.000000', 'Grow readers', "
    "'Every child reads', 'Goals', 'Start on time', 'Curious, steady')",
    "INSERT INTO scope_item (created_at, updated_at, period, starts_on, position, kind, focus) "
    f"VALUES ('{STAMP}', '{STAMP}', 'October', '2024-10-01', 0, 'observation_feedback', "
    "'Walkthroughs in pairs')",
    "INSERT INTO scope_item (created_at, updated_at, period, starts_on, position, kind, focus) "
    f"VALUES ('{STAMP}', '{STAMP}', 'November', NULL, 1, 'professional_learning', 'Read-alouds')",
    "INSERT INTO self_check (created_at, updated_at, taken_on, taken_by, note) "
    f"VALUES ('{STAMP}', '{STAMP}', '2024-09-10', 'team', 'First check')",
    "INSERT INTO tension_note (created_at, updated_at, tension, noted_on, leaning, "
    "first_pole_serves, second_pole_serves, evidence, note) VALUES "
    f"('{STAMP}', '{STAMP}', 'tight_loose', '2024-09-12', -1, 'Safety', 'Voice', 'Walks', 'n')",
    "INSERT INTO challenge (created_at, updated_at, title, opened_on, status, systems, "
    "technical_needs, relationships, adaptive_needs, information_flow, equity, root_causes) "
    f"VALUES ('{STAMP}', '{STAMP}', 'Turnover', '2024-09-01', 'open', 'Onboarding', '', '', "
    "'', '', '', '')",
]


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    """The 0001 fixture at revision 0003, with records of the kinds 0004 reshapes."""
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    conn = open_connection(path, FIXTURE_0001_PASSPHRASE)
    journal = Journal(path, conn)
    try:
        schema.upgrade(journal.engine, "0003")
        for sql in OLD_ROWS:
            journal.execute(sql)
    finally:
        journal.close()
    return path


def test_0004_keeps_every_record_in_its_new_shape(old_journal: Path) -> None:
    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        revision = journal.execute("SELECT version_num FROM alembic_version")[0][0]
        assert revision == schema.HEAD_REVISION
        version = journal.execute(
            "SELECT made_on, why, purpose, vision_link, norms, lead_qualities FROM charter_version"
        )
        assert [tuple(r) for r in version] == [
            ("2024-10-02", "", "Grow readers", "Every child reads", "Start on time",
             "Curious, steady"),
        ]  # fmt: skip
        scope = journal.execute(
            "SELECT period, starts_on, focus, data, observation_feedback, professional_learning "
            "FROM scope_item ORDER BY position"
        )
        assert [tuple(r) for r in scope] == [
            ("October", "2024-10-01", "", "", "Walkthroughs in pairs", ""),
            ("November", None, "", "", "", "Read-alouds"),
        ]
        check_in = journal.execute("SELECT taken_on, taken_by, note, item_set FROM self_check")
        assert [tuple(r) for r in check_in] == [("2024-09-10", "team", "First check", 1)]
        note = journal.execute("SELECT noted_on, leaning, decision, note FROM tension_note")
        assert [tuple(r) for r in note] == [("2024-09-12", -1, "", "n")]
        challenge = journal.execute("SELECT title, statement, systems FROM challenge")
        assert [tuple(r) for r in challenge] == [("Turnover", "", "Onboarding")]
        assert {h.kind for h in search(journal, "walkthroughs")} == {"scope_item"}
        assert {h.kind for h in search(journal, "steady")} == {"charter"}
        assert {h.kind for h in search(journal, "norms")} == {"one_on_one"}
        assert check(journal).ok
        # Only the reshaped kinds were re-read, yet the index is the one a rebuild makes.
        assert_index_in_step(journal)


def test_0004_records_written_after_it_are_found(old_journal: Path) -> None:
    from iltdesk.models import LeadershipNote, TensionNote

    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        with journal.write() as s:
            s.add(LeadershipNote(text="How do I drive without taking over?"))
            s.add(TensionNote(tension="fast_slow", decision="Pilot the tracker in two grades"))
        assert {h.kind for h in search(journal, "taking over")} == {"leadership_note"}
        assert {h.kind for h in search(journal, "tracker grades")} == {"tension"}
        with journal.session() as s:
            from sqlmodel import select

            assert s.exec(select(TensionNote.leaning)).all()[-1] is None


def test_0004_downgrades_to_0003_and_back(old_journal: Path) -> None:
    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        downgrade(journal, "0003")
        charter = journal.execute("SELECT purpose, member_qualities FROM charter")
        assert [tuple(r) for r in charter] == [("Grow readers", "Curious, steady")]
        kinds = journal.execute("SELECT kind, focus FROM scope_item ORDER BY position")
        assert [tuple(r) for r in kinds] == [
            ("observation_feedback", "Walkthroughs in pairs"),
            ("professional_learning", "Read-alouds"),
        ]
        schema.upgrade(journal.engine)
        assert journal.execute("SELECT count(*) FROM charter_version")[0][0] == 1
        assert date.fromisoformat(journal.execute("SELECT taken_on FROM self_check")[0][0]) == date(
            2024, 9, 10
        )
        assert check(journal).ok
