"""Migration 0005 (the ILT as a team) on journals written before it, and the rule every
migration keeps: rebuilding a table never cascades to its children.

The 0001 fixture is taken to 0004 and given records of every kind that has children or that
0005 reshapes, as the app of that time wrote them; the 0002 fixture is opened as it shipped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from iltdesk import stamps
from iltdesk.models import ActionItem
from iltdesk.search import search
from iltdesk.store import schema
from iltdesk.store.backups import check
from iltdesk.store.connection import open_connection
from iltdesk.store.journal import Journal
from tests.migrated import downgrade
from tests.test_migrations import FIXTURE_0001_PASSPHRASE, FIXTURE_0002_PASSPHRASE, FIXTURES
from tests.test_search import assert_index_in_step

# These tests are about the migrations: their new journals run them too (tests/head_schema.py).
pytestmark = pytest.mark.real_migrations

MADE = "2024-09-10 18:00:00.000000"
CHANGED = "2024-10-02 18:00:00.000000"
STAMPS = f"'{MADE}', '{CHANGED}'"
# Rows the app wrote before 0005 (the fixture's lead is id 1), parents before children.
OLD_ROWS = [
    "INSERT INTO self_check (created_at, updated_at, taken_on, taken_by, note, item_set) "
    f"VALUES ({STAMPS}, '2024-09-10', 'team', 'First', 2)",
    "INSERT INTO self_check_answer (created_at, updated_at, self_check_id, area, item, "
    f"frequency) VALUES ({STAMPS}, 1, 'vision', 'vision_1', 3)",
    "INSERT INTO self_check_area_note (created_at, updated_at, self_check_id, area, note) "
    f"VALUES ({STAMPS}, 1, 'vision', 'We drift in spring')",
    "INSERT INTO challenge (created_at, updated_at, title, statement, opened_on, status, "
    "systems, technical_needs, relationships, adaptive_needs, information_flow, equity, "
    f"root_causes) VALUES ({STAMPS}, 'Turnover', '', '2024-09-01', 'open', '', '', '', '', "
    "'', '', '')",
    "INSERT INTO force_card (created_at, updated_at, challenge_id, kind, text, position) "
    f"VALUES ({STAMPS}, 1, 'hinders', 'New hires', 0)",
    "INSERT INTO challenge_log_entry (created_at, updated_at, challenge_id, logged_on, kind, "
    f"text) VALUES ({STAMPS}, 1, '2024-09-20', 'note', 'Met the union rep')",
    "INSERT INTO observation (created_at, updated_at, lead_id, observed_on, setting, evidence, "
    f"feedback, action_step) VALUES ({STAMPS}, 1, '2024-09-12', 'team_meeting', "
    "'Opened with norms', '', '')",
    "INSERT INTO action_item (created_at, updated_at, lead_id, text, owner, due_on, done_on, "
    f"source, observation_id) VALUES ({STAMPS}, 1, 'Script the opening', 'lead', "
    "'2024-09-19', '2024-09-18', 'observation', 1)",
    "INSERT INTO meeting_feedback (created_at, updated_at, met_on, plus, delta, response) "
    f"VALUES ({STAMPS}, '2024-09-17', 'Data talk', 'Ran long', 'Timer from now on')",
    "INSERT INTO meeting_feedback (created_at, updated_at, met_on, plus, delta, response) "
    f"VALUES ({STAMPS}, '2024-09-17', 'Norms held', '', '')",
    "INSERT INTO meeting_feedback (created_at, updated_at, met_on, plus, delta, response) "
    f"VALUES ({STAMPS}, '2024-10-01', 'Shorter', 'Agenda late', '')",
]


def _at(path: Path, revision: str, passphrase: str, rows: list[str]) -> None:
    journal = Journal(path, open_connection(path, passphrase))
    try:
        schema.upgrade(journal.engine, revision)
        for sql in rows:
            journal.execute(sql)
    finally:
        journal.close()


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    """The 0001 fixture at revision 0004, holding records of the kinds 0005 touches."""
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    _at(path, "0004", FIXTURE_0001_PASSPHRASE, OLD_ROWS)
    return path


def _counts(journal: Journal) -> dict[str, int]:
    tables = [
        r[0]
        for r in journal.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'search\\_%' ESCAPE '\\' AND name != 'alembic_version'"
        )
    ]
    return {t: journal.execute(f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_0005_keeps_every_child_row_and_every_date(old_journal: Path) -> None:
    journal = Journal(old_journal, open_connection(old_journal, FIXTURE_0001_PASSPHRASE))
    try:
        before = _counts(journal)
        items_before = journal.execute("SELECT * FROM action_item ORDER BY id")
    finally:
        journal.close()
    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        revision = journal.execute("SELECT version_num FROM alembic_version")[0][0]
        assert revision == schema.HEAD_REVISION
        after = _counts(journal)
        del before["journal_setting"]  # opening notes when; nothing else may change
        assert {t: after[t] for t in before} == before
        # Every column an item had is as it was; the new ones are empty.
        items = journal.execute(
            "SELECT created_at, updated_at, id, lead_id, text, owner, due_on, done_on, source, "
            "one_on_one_id, observation_id, cycle_id FROM action_item ORDER BY id"
        )
        # The moments are numbers since 0008 (to the millisecond).
        was = [(*(stamps.text_to_stored(t) for t in r[:2]), *r[2:12]) for r in items_before]
        assert [tuple(r) for r in items] == was
        assert journal.execute(
            "SELECT count(*) FROM action_item WHERE meeting_id IS NOT NULL "
            "OR conversation_id IS NOT NULL"
        ) == [(0,)]
        assert check(journal).ok
        assert not journal.execute("PRAGMA foreign_key_check")
        assert journal.execute("PRAGMA foreign_keys")[0][0] == 1


def test_0004_no_longer_cascades_through_the_tables_it_rebuilds(tmp_path: Path) -> None:
    """Opening a 0003 journal rebuilt self_check and challenge with foreign keys on, which
    deleted every answer, area note, force card and log entry; it must keep them."""
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    at_0003 = [
        sql.replace(", item_set)", ")").replace(", 2)", ")").replace("title, statement,", "title,")
        .replace("'Turnover', '',", "'Turnover',")
        for sql in OLD_ROWS[:6]
    ]  # fmt: skip
    _at(path, "0003", FIXTURE_0001_PASSPHRASE, at_0003)
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        counts = _counts(journal)
        assert [counts[t] for t in ("self_check_answer", "self_check_area_note")] == [1, 1]
        assert [counts[t] for t in ("force_card", "challenge_log_entry")] == [1, 1]
        assert {h.kind for h in search(journal, "spring")} == {"self_check_note"}


def test_each_plus_delta_becomes_the_close_of_a_meeting_on_its_day(old_journal: Path) -> None:
    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        meetings = journal.execute(
            "SELECT id, held_on, created_at FROM ilt_meeting ORDER BY held_on"
        )
        assert [(r[1], r[2]) for r in meetings] == [
            ("2024-09-17", stamps.text_to_stored(MADE)),  # a number since 0008
            ("2024-10-01", stamps.text_to_stored(MADE)),
        ]
        linked = journal.execute(
            "SELECT f.plus, m.held_on, f.met_on, f.created_at, f.updated_at FROM "
            "meeting_feedback f JOIN ilt_meeting m ON m.id = f.meeting_id ORDER BY f.id"
        )
        made, changed = stamps.text_to_stored(MADE), stamps.text_to_stored(CHANGED)
        assert [tuple(r) for r in linked] == [
            ("Data talk", "2024-09-17", "2024-09-17", made, changed),
            ("Norms held", "2024-09-17", "2024-09-17", made, changed),
            ("Shorter", "2024-10-01", "2024-10-01", made, changed),
        ]
        parts = journal.execute("SELECT meeting_id, part, title FROM ilt_meeting_section")
        assert sorted(r[0] for r in parts) == [r[0] for r in meetings]
        assert {r[1] for r in parts} == {"plus_delta"}
        assert {h.kind for h in search(journal, "timer")} == {"meeting_feedback"}
        assert {h.kind for h in search(journal, "plus delta")} >= {"meeting_section"}
        assert_index_in_step(journal)


def test_a_team_item_has_no_lead_and_several_owners(old_journal: Path) -> None:
    from iltdesk.models import ActionItemOwner, IltMeeting

    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        with journal.write() as s:
            meeting = IltMeeting(title="October ILT")
            s.add(meeting)
            s.flush()
            item = ActionItem(text="Bring the tracker", meeting_id=meeting.id, source="meeting")
            s.add(item)
            s.flush()
            s.add(ActionItemOwner(action_item_id=item.id or 0, lead_id=1))
        assert {h.kind for h in search(journal, "tracker")} == {"action_item"}
        assert_index_in_step(journal)
    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal, journal.session() as s:
        team = s.exec(select(ActionItem).where(ActionItem.text == "Bring the tracker")).one()
        assert team.lead_id is None and team.meeting_id is not None
        assert s.exec(select(ActionItemOwner)).one().lead_id == 1


def test_0005_downgrades_to_0004_and_back(old_journal: Path) -> None:
    with Journal.open(old_journal, FIXTURE_0001_PASSPHRASE) as journal:
        before = _counts(journal)
        raw = journal.engine.raw_connection()
        raw.execute("PRAGMA foreign_keys = OFF")
        downgrade(journal, "0004")
        raw.execute("PRAGMA foreign_keys = ON")
        assert "ilt_meeting" not in _counts(journal)
        assert journal.execute("SELECT count(*) FROM meeting_feedback")[0][0] == 3
        schema.upgrade(journal.engine)
        assert _counts(journal) == before
        assert check(journal).ok


def test_a_0002_journal_reaches_0005_with_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0002.iltdesk", path)
    with Journal.open(path, FIXTURE_0002_PASSPHRASE) as journal, journal.session() as s:
        item = s.exec(select(ActionItem)).one()
        assert (item.text, item.lead_id, str(item.due_on)) == ("Share the tracker", 1, "2025-02-12")
        assert item.meeting_id is None
    with Journal.open(path, FIXTURE_0002_PASSPHRASE) as journal:
        assert check(journal).ok
        assert_index_in_step(journal)
