"""The encrypted file: settings, permissions, and each error a person can meet."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlmodel import select

from iltdesk.errors import (
    JournalDamaged,
    JournalInUse,
    JournalTooNew,
    NotAJournal,
    UsageError,
    WrongPassphrase,
)
from iltdesk.models import Lead, OneOnOne
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_closed_journal(path: Path, passphrase: str = PASSPHRASE) -> Path:
    with Journal.create(path, passphrase) as j, j.write() as s:
        lead = Lead(name="Dana Whitfield", role="Team Lead")
        s.add(lead)
        s.flush()
        s.add(OneOnOne(lead_id=lead.id or 0, notes="Planning release time for **SLO** data."))
    return path


def test_round_trip_across_close_and_reopen(journal_path: Path) -> None:
    make_closed_journal(journal_path)
    with Journal.open(journal_path, PASSPHRASE) as j, j.session() as s:
        lead = s.exec(select(Lead)).one()
        meeting = s.exec(select(OneOnOne)).one()
    assert lead.name == "Dana Whitfield"
    assert meeting.notes == "Planning release time for **SLO** data."
    assert meeting.lead_id == lead.id


def test_connection_settings(journal: Journal) -> None:
    def pragma(name: str) -> object:
        return journal.execute(f"PRAGMA {name}")[0][0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("temp_store") == 2  # MEMORY
    assert pragma("locking_mode") == "exclusive"


def test_sqlcipher_defaults_are_kept(journal: Journal) -> None:
    settings = {row[0] for row in journal.execute("PRAGMA cipher_settings")}
    assert "PRAGMA kdf_iter = 256000;" in settings
    assert "PRAGMA cipher_use_hmac = 1;" in settings
    assert "PRAGMA cipher_plaintext_header_size = 0;" in settings
    assert "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;" in settings
    assert journal.execute("PRAGMA cipher_version")[0][0].startswith("4.")


def test_nothing_readable_on_disk(journal_path: Path) -> None:
    make_closed_journal(journal_path)
    raw = journal_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Whitfield" not in raw and b"release time" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(journal_path).execute("SELECT * FROM sqlite_master").fetchall()


def test_files_0600_and_new_folders_0700(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "j.iltdesk"
    with Journal.create(path, PASSPHRASE) as j:
        j.set_settings({"school": "x"})
        wal = Path(f"{path}-wal")
        assert wal.exists()
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "secret",
    ['it\'s a "quoted" one', "  spaces  around  ", "ключ-пароль 鍵 🔑", "'; DROP TABLE lead; --"],
)
def test_awkward_passphrases_work(tmp_path: Path, secret: str) -> None:
    path = make_closed_journal(tmp_path / "j.iltdesk", secret)
    with Journal.open(path, secret) as j:
        assert j.settings()["format"] == "iltdesk-journal"


def test_passphrase_is_unicode_normalised(tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    path = make_closed_journal(tmp_path / "j.iltdesk", composed)
    Journal.open(path, decomposed).close()


@pytest.mark.parametrize("bad", ["wrong", "", PASSPHRASE + " ", PASSPHRASE.upper(), "x" * 5000])
def test_wrong_passphrase_changes_nothing(journal_path: Path, bad: str) -> None:
    make_closed_journal(journal_path)
    before = digest(journal_path)
    listing = sorted(os.listdir(journal_path.parent))
    with pytest.raises(WrongPassphrase, match="does not unlock"):
        Journal.open(journal_path, bad)
    assert digest(journal_path) == before
    assert sorted(os.listdir(journal_path.parent)) == listing


def test_create_refuses_empty_passphrase_and_existing_file(journal_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot be empty"):
        Journal.create(journal_path, "")
    assert not journal_path.exists()
    make_closed_journal(journal_path)
    before = digest(journal_path)
    with pytest.raises(UsageError, match="already exists"):
        Journal.create(journal_path, PASSPHRASE)
    assert digest(journal_path) == before


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="There is no journal"):
        Journal.open(tmp_path / "nope.iltdesk", PASSPHRASE)
    assert not (tmp_path / "nope.iltdesk").exists()


def test_plain_sqlite_and_empty_files_are_not_journals(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    before = digest(plain)
    with pytest.raises(NotAJournal, match="unencrypted SQLite"):
        Journal.open(plain, PASSPHRASE)
    assert digest(plain) == before
    empty = tmp_path / "empty.iltdesk"
    empty.touch()
    with pytest.raises(NotAJournal, match="empty file"):
        Journal.open(empty, PASSPHRASE)


def test_other_sqlcipher_database_is_not_a_journal(tmp_path: Path) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    other = tmp_path / "other.db"
    conn = sqlcipher.connect(str(other))
    conn.execute(f"PRAGMA key = '{PASSPHRASE.replace(chr(39), chr(39) * 2)}'")
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAJournal, match="not an iltdesk journal"):
        Journal.open(other, PASSPHRASE)


@pytest.mark.parametrize("cut", ["mid_page", "page_boundary"])
def test_truncated_journal_is_damaged(journal_path: Path, cut: str) -> None:
    make_closed_journal(journal_path)
    size = journal_path.stat().st_size
    new_size = size - PAGE_SIZE // 2 if cut == "mid_page" else size - 2 * PAGE_SIZE
    with journal_path.open("r+b") as fh:
        fh.truncate(new_size)
    before = digest(journal_path)
    with pytest.raises(JournalDamaged, match="damaged"):
        Journal.open(journal_path, PASSPHRASE)
    assert digest(journal_path) == before


@pytest.mark.parametrize("page", [5, -2])
def test_flipped_byte_is_always_detected(journal_path: Path, page: int) -> None:
    """A flipped byte is caught at open (if the page is read then) or by check; never silent."""
    from iltdesk.store.backups import check

    make_closed_journal(journal_path)
    pages = journal_path.stat().st_size // PAGE_SIZE
    offset = PAGE_SIZE * (page % pages) + 100
    with journal_path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0xFF]))
    try:
        j = Journal.open(journal_path, PASSPHRASE)
    except JournalDamaged:
        return
    with j:
        report = check(j)
    assert not report.ok
    assert any("cipher" in p or "unreadable" in p for p in report.problems)


def test_journal_from_newer_version_is_refused_unchanged(journal_path: Path) -> None:
    make_closed_journal(journal_path)
    with Journal.open(journal_path, PASSPHRASE) as j:
        j.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(journal_path)
    with pytest.raises(JournalTooNew, match="newer version of iltdesk"):
        Journal.open(journal_path, PASSPHRASE)
    assert digest(journal_path) == before


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from iltdesk.store.journal import Journal
    j = Journal.open(Path(sys.argv[1]), sys.argv[2])
    print("ready", flush=True)
    time.sleep(600)
    """
)


@contextmanager
def held_elsewhere(path: Path) -> Iterator[None]:
    """``path`` held open by another process (another iltdesk window) for the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_second_process_fails_fast_and_lock_dies_with_holder(journal_path: Path) -> None:
    make_closed_journal(journal_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        for secret in (PASSPHRASE, "wrong"):
            with pytest.raises(JournalInUse, match="open in another"):
                Journal.open(journal_path, secret)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # The OS released the lock with the process: no stale lock file to clean up.
    with Journal.open(journal_path, PASSPHRASE) as j, j.session() as s:
        assert len(s.exec(select(Lead)).all()) == 1


def test_write_failure_rolls_back_and_reports(journal: Journal) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), journal.write() as s:
        s.add(OneOnOne(lead_id=999, notes="orphan"))
    with journal.session() as s:
        assert len(s.exec(select(OneOnOne)).all()) == 0
