"""Migration 0010: every indexed record's day is kept beside the search index, and the index of
a 1:1's day alone goes. A 0009 journal keeps its records, finds what it found in the same
order, and takes a checked copy first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iltdesk import search_days
from iltdesk.search import search
from iltdesk.search_index import CURRENT_SOURCES
from iltdesk.store import schema
from iltdesk.store.backups.integrity import check
from iltdesk.store.journal import Journal
from tests.migrated import assert_at_head_after_a_kept_copy, downgrade, migrated_copy
from tests.search_oracle import expected

FIXTURE = Path(__file__).with_name("fixtures") / "journal-0009.iltdesk"
PASSPHRASE = "fixture-0009 passphrase"
TYPED = ("da", "dat", "walkt", "quix", "coach", '"next steps"', "team no", "st", "rubric")


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_copy(tmp_path_factory, FIXTURE, PASSPHRASE)


def test_the_journal_reaches_head_after_a_kept_copy(migrated: Path) -> None:
    assert_at_head_after_a_kept_copy(migrated, PASSPHRASE, "0009")


def test_every_indexed_record_has_its_day(migrated: Path) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        records = sum(
            journal.execute(f"SELECT count(*) FROM {s.table}")[0][0] for s in CURRENT_SOURCES
        )
        assert records > 1000
        assert journal.execute("SELECT count(*) FROM search_day") == [(records,)]
        # The fixture's lead without a day and the teacher teams, which have none.
        (undated,) = journal.execute("SELECT count(*) FROM search_day WHERE day IS NULL")[0]
        (teams,) = journal.execute("SELECT count(*) FROM teacher_team")[0]
        assert undated == teams + 1
        with journal.raw() as conn:
            assert search_days.out_of_step(conn, CURRENT_SOURCES) == []


def test_1_1s_are_read_by_lead_and_day(migrated: Path) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        indexes = {str(r[0]) for r in journal.execute("SELECT name FROM sqlite_master")}
        assert "ix_one_on_one_held_on" not in indexes
        plan = journal.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM one_on_one WHERE lead_id = 3 "
            "ORDER BY held_on DESC, id DESC"
        )
        assert "ix_one_on_one_lead_id_held_on" in str(plan)


@pytest.mark.parametrize("text", TYPED)
def test_search_finds_what_reading_every_record_finds(migrated: Path, text: str) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        hits = search(journal, text, limit=200)
        assert [(h.kind, h.record_id, h.happened_on) for h in hits] == expected(
            journal, text, limit=200
        )
        assert hits or text in ("walkt", "rubric")


def test_down_to_0009_and_up_again_keeps_every_hit(migrated: Path, tmp_path: Path) -> None:
    path = tmp_path / "round.iltdesk"
    shutil.copyfile(migrated, path)
    with Journal.open(path, PASSPHRASE) as journal:
        first = [search(journal, t, limit=200) for t in TYPED]
        downgrade(journal, "0009")
        tables = {str(r[0]) for r in journal.execute("SELECT name FROM sqlite_master")}
        assert "search_day" not in tables and "ix_one_on_one_held_on" in tables
        assert not any(name.startswith("search_day") for name in tables)
        schema.upgrade(journal.engine)
        assert [search(journal, t, limit=200) for t in TYPED] == first
        assert check(journal).ok
