"""A journal migrated through a migration that rewrote most of it (0008, 0009) is compacted:
written afresh into a checked, encrypted copy that replaces it (iltdesk/store/rewrite.py). A
compaction that cannot run now leaves the journal as the migration left it, marked, and the
next writable open compacts it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from iltdesk.store import rewrite
from iltdesk.store.backups.integrity import check
from iltdesk.store.journal import Journal

FIXTURE = Path(__file__).with_name("fixtures") / "journal-0007.iltdesk"
PASSPHRASE = "fixture-0007 passphrase"
WORDS_IN_IT = "quixotic zephyrs"  # in one observation of the fixture


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    path = tmp_path / "journals" / "old.iltdesk"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    return path


def rows(journal: Journal) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, in rowid order (the search index's own tables left out)."""
    names = [
        str(name)
        for (name,) in journal.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%' "
            "AND name NOT LIKE 'sqlite%'"
        )
    ]
    return {name: list(journal.execute(f'SELECT * FROM "{name}"')) for name in sorted(names)}


class Opened(NamedTuple):
    size: int
    free_pages: int
    marked: str | None
    rows: dict[str, list[tuple[object, ...]]]


def opened(path: Path) -> Opened:
    with Journal.open(path, PASSPHRASE) as journal:
        free = int(journal.connection.execute("PRAGMA freelist_count").fetchone()[0])
        marked = journal.settings().get(rewrite.PENDING)
        content = rows(journal)
        assert check(journal).ok
    return Opened(path.stat().st_size, free, marked, content)


@pytest.fixture
def uncompacted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Opened:
    """The fixture migrated as the last build did, without compacting."""
    path = tmp_path / "plain" / "old.iltdesk"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    with monkeypatch.context() as patch:
        patch.setattr(rewrite, "REWRITING", frozenset())
        return opened(path)


def test_migrating_compacts_the_journal(old_journal: Path, uncompacted: Opened) -> None:
    after = opened(old_journal)
    assert after.free_pages == 0 and uncompacted.free_pages > 0
    assert after.size < 0.9 * uncompacted.size  # 991 KB against 1.2 MB when measured
    assert after.marked is None
    assert after.rows == uncompacted.rows  # every record, setting and version, as they were
    assert oct(old_journal.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in old_journal.parent.iterdir()) == ["old.backups", "old.iltdesk"]


def test_the_compacted_file_is_encrypted_from_its_first_byte(old_journal: Path) -> None:
    after = opened(old_journal)
    assert any(WORDS_IN_IT in str(row) for row in after.rows["observation"])
    data = old_journal.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert WORDS_IN_IT.encode() not in data and b"quixotic" not in data


def test_no_room_on_the_disk_leaves_it_marked_until_there_is(
    old_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Full(NamedTuple):
        total: int
        used: int
        free: int

    with monkeypatch.context() as patch:
        patch.setattr(shutil, "disk_usage", lambda _: Full(10**9, 10**9, 1024))
        first = opened(old_journal)
    assert first.marked == "0007" and first.free_pages > 0
    second = opened(old_journal)  # room again: the next open compacts it
    assert second.marked is None and second.free_pages == 0
    assert second.size < first.size
    assert second.rows == {
        name: [row for row in table if rewrite.PENDING not in row]
        for name, table in first.rows.items()
    }


def test_a_copy_that_fails_its_check_is_never_put_in_place(
    old_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iltdesk.errors import JournalDamaged

    def damaged(path: Path, passphrase: str) -> None:
        raise JournalDamaged(f"{path} is damaged: a page is missing")

    with monkeypatch.context() as patch:
        patch.setattr(rewrite, "verify_file", damaged)
        first = opened(old_journal)
    assert first.marked == "0007" and first.free_pages > 0
    assert sorted(p.name for p in old_journal.parent.iterdir()) == ["old.backups", "old.iltdesk"]
    assert opened(old_journal).marked is None


def test_a_swap_that_fails_reopens_the_journal_as_it_was(
    old_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swaps: list[str] = []
    replace = os.replace

    def refused(source: Path, target: Path) -> None:
        if Path(target) != old_journal:  # the backup kept before migrating is put in place
            replace(source, target)
            return
        swaps.append(str(target))
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refused)
        first = opened(old_journal)  # one try, then the journal as the migration left it
    assert swaps == [str(old_journal)]
    assert first.marked == "0007" and first.free_pages > 0
    assert opened(old_journal).marked is None


def test_a_journal_only_read_is_compacted_when_next_opened_to_write(old_journal: Path) -> None:
    with Journal.open(old_journal, PASSPHRASE, read_only=True) as journal:
        assert journal.settings().get(rewrite.PENDING) == "0007"
    size = old_journal.stat().st_size
    after = opened(old_journal)
    assert after.marked is None and after.size < size


def test_a_journal_at_head_is_never_rewritten(journal_path: Path) -> None:
    Journal.create(journal_path, PASSPHRASE).close()
    inode = journal_path.stat().st_ino
    with Journal.open(journal_path, PASSPHRASE) as journal:
        assert rewrite.PENDING not in journal.settings()
    assert journal_path.stat().st_ino == inode


def test_only_migrations_that_rewrote_much_mark_it() -> None:
    assert {"0008", "0009"} == rewrite.REWRITING

    class Noted:
        def __init__(self) -> None:
            self.noted: dict[str, str] = {}

        def set_settings(self, values: dict[str, str]) -> None:
            self.noted.update(values)

    for revision, marked in (("0007", True), ("0008", True), ("0009", False), (None, False)):
        journal = Noted()
        rewrite.mark_if_rewritten(journal, revision)  # type: ignore[arg-type]
        assert (rewrite.PENDING in journal.noted) == marked, revision
