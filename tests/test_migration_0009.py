"""Migration 0009: the search index loses its three-letter prefix lists, keeps every word's newest
record and writes leaves that fit a page; links most rows leave empty are indexed only where
set, two unread indexes go. A 0007 journal keeps its records, finds what it found (the records
still waiting to be listed too), and takes a checked copy first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iltdesk.search import search
from iltdesk.search_lists import LEAF_BYTES
from iltdesk.store import schema
from iltdesk.store.backups.integrity import check
from iltdesk.store.journal import Journal
from tests.migrated import assert_at_head_after_a_kept_copy, downgrade, migrated_copy
from tests.search_oracle import expected

FIXTURE = Path(__file__).with_name("fixtures") / "journal-0007.iltdesk"
PASSPHRASE = "fixture-0007 passphrase"
TYPED = ("da", "dat", "walkt", "quix", "zephyrs", "naiv", "ελλη", '"next steps"', "team no", "st")
PARTIAL = ("observation_id", "cycle_id", "meeting_id", "conversation_id")


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_copy(tmp_path_factory, FIXTURE, PASSPHRASE)


def test_the_journal_reaches_head_after_a_kept_copy(migrated: Path) -> None:
    assert_at_head_after_a_kept_copy(migrated, PASSPHRASE, "0007")


def test_the_index_keeps_two_letter_lists_in_leaves_that_fit_a_page(migrated: Path) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        for table in ("search_index", "search_title"):
            (sql,) = journal.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,))[0]
            assert "prefix = '2'," in str(sql)
            config = dict(journal.execute(f"SELECT k, v FROM {table}_config"))
            assert config["pgsz"] == LEAF_BYTES
            # An encrypted page holds 4,016 bytes; a row of more spills onto another page.
            (longest,) = journal.execute(f"SELECT max(length(block)) FROM {table}_data")[0]
            assert longest < 3980


def test_the_index_knows_each_words_newest_record(migrated: Path) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        assert journal.execute("SELECT count(*) FROM search_pending") == [(0,)]
        terms = dict(journal.execute("SELECT term, newest FROM search_term"))
        assert len(terms) > 1000 and {"quixotic", "zephyrs"} <= set(terms)
        for word in ("quixotic", "data", "walkthrough"):
            (newest,) = journal.execute(
                "SELECT max(rowid) FROM search_index WHERE search_index MATCH ?", (f'"{word}"',)
            )[0]
            assert terms[word] == newest


def test_links_most_rows_leave_empty_are_indexed_where_set(migrated: Path) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        indexes = dict(journal.execute("SELECT name, sql FROM sqlite_master WHERE type='index'"))
        for column in PARTIAL:
            assert str(indexes[f"ix_action_item_{column}"]).endswith(f"WHERE {column} IS NOT NULL")
        assert str(indexes["ix_observation_team_id"]).endswith("WHERE team_id IS NOT NULL")
        assert "ix_one_on_one_lead_id" not in indexes and "ix_action_item_due_on" not in indexes
        plan = journal.execute("EXPLAIN QUERY PLAN SELECT id FROM action_item WHERE cycle_id = 3")
        assert "ix_action_item_cycle_id" in str(plan)
        for sql in (  # Today's reads of open items by due day
            "SELECT id FROM action_item WHERE done_on IS NULL AND due_on < '2026-12-01'",
            "SELECT id FROM one_on_one WHERE lead_id = 3",
        ):
            assert "INDEX ix_" in str(journal.execute(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.parametrize("text", TYPED)
def test_search_finds_what_reading_every_record_finds(migrated: Path, text: str) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        hits = search(journal, text, limit=200)
        assert [(h.kind, h.record_id, h.happened_on) for h in hits] == expected(
            journal, text, limit=200
        )
        assert hits or text == "walkt"


def test_down_to_0007_and_up_again_keeps_every_hit(migrated: Path, tmp_path: Path) -> None:
    path = tmp_path / "round.iltdesk"
    shutil.copyfile(migrated, path)
    with Journal.open(path, PASSPHRASE) as journal:
        first = [search(journal, t, limit=200) for t in TYPED]
        downgrade(journal, "0007")
        assert "prefix = '2 3'" in str(
            journal.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'")
        )
        schema.upgrade(journal.engine)
        assert [search(journal, t, limit=200) for t in TYPED] == first
        assert check(journal).ok
