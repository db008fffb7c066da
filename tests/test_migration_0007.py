"""Migration 0007: the search index keeps word lists only; a 0006 journal keeps its records,
finds what it found, takes a checked copy first, and loses the index's copy of the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iltdesk.search import search
from iltdesk.search_text import words
from iltdesk.store import schema
from iltdesk.store.backups.integrity import check
from iltdesk.store.journal import Journal
from tests.migrated import assert_at_head_after_a_kept_copy, downgrade, migrated_copy
from tests.search_oracle import expected

FIXTURE = Path(__file__).with_name("fixtures") / "journal-0006.iltdesk"
PASSPHRASE = "fixture-0006 passphrase"
TYPED = ("data", "da", "walkt", "naiv", "ελλη", '"next steps"', "team no", "cafe")


@pytest.fixture(scope="module")
def indexed_before(tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many records with words the 0006 journal's index held (read from a copy: never
    the fixture)."""
    import sqlcipher3.dbapi2 as sqlcipher

    from iltdesk.store.connection import set_key

    copy = tmp_path_factory.mktemp("m7") / "copy.iltdesk"
    shutil.copyfile(FIXTURE, copy)
    conn = sqlcipher.connect(str(copy), isolation_level=None)
    try:
        set_key(conn, PASSPHRASE)
        # A record without a word (an empty note) had an entry then, and has none now.
        rows = conn.execute("SELECT title, body FROM search_index").fetchall()
        return sum(1 for title, body in rows if words(f"{title}\n{body}"))
    finally:
        conn.close()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_copy(tmp_path_factory, FIXTURE, PASSPHRASE)


def test_the_journal_reaches_head_after_a_kept_copy(migrated: Path) -> None:
    assert_at_head_after_a_kept_copy(migrated, PASSPHRASE, "0006")


def test_no_copy_of_the_text_is_left_in_the_index(migrated: Path, indexed_before: int) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        tables = {r[0] for r in journal.execute("SELECT name FROM sqlite_master")}
        assert "search_index_content" not in tables
        assert "search_title_content" not in tables
        # Every record is still indexed, one entry each, as before.
        journal.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search_index, instance)")
        assert journal.execute("SELECT count(DISTINCT doc) FROM temp.v") == [(indexed_before,)]
        assert journal.execute("SELECT count(*) FROM search_pending") == [(0,)]
        (words,) = journal.execute("SELECT count(*) FROM search_term")[0]
        assert words > 1000


@pytest.mark.parametrize("text", TYPED)
def test_search_finds_what_reading_every_record_finds(migrated: Path, text: str) -> None:
    with Journal.open(migrated, PASSPHRASE) as journal:
        hits = search(journal, text, limit=200)
        assert [(h.kind, h.record_id, h.happened_on) for h in hits] == expected(
            journal, text, limit=200
        )
        assert hits or text == "walkt"


def test_down_to_0006_and_up_again_keeps_every_hit(migrated: Path, tmp_path: Path) -> None:
    path = tmp_path / "round.iltdesk"
    shutil.copyfile(migrated, path)
    with Journal.open(path, PASSPHRASE) as journal:
        first = [search(journal, t, limit=200) for t in TYPED]
        downgrade(journal, "0006")
        # 0006's index holds the text again: the old search reads it.
        (copied,) = journal.execute("SELECT count(*) FROM search_index_content")[0]
        assert copied > 1000
        schema.upgrade(journal.engine)
        assert [search(journal, t, limit=200) for t in TYPED] == first
        assert check(journal).ok
