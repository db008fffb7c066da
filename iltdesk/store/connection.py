"""Open a SQLCipher connection safely, and turn its failures into errors a person can act on.

This layer knows nothing of SQLAlchemy so that quick commands can stay light. It keeps
SQLCipher's defaults (PBKDF2-HMAC-SHA512, 256,000 iterations, per-page HMAC, no plaintext
header) and never changes them.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import (
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    NotAJournal,
    UsageError,
    WrongPassphrase,
)
from iltdesk.paths import create_private_file, ensure_private_dir

PAGE_SIZE = 4096  # SQLCipher 4's default page size
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"

Connection = Any  # sqlcipher3 ships no type information


def normalise_passphrase(passphrase: str) -> str:
    """The form a passphrase is keyed in: NFC, so the same words typed on any OS match."""
    return unicodedata.normalize("NFC", passphrase)


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that cannot protect a journal."""
    if not passphrase:
        raise UsageError("The passphrase cannot be empty.")
    if "\x00" in passphrase:
        raise UsageError("The passphrase cannot contain a NUL character.")


def sql_string(text: str) -> str:
    """Quote ``text`` as an SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def _precheck_existing(path: Path) -> None:
    if not path.exists():
        raise UsageError(f"There is no journal at {path}.")
    if not path.is_file():
        raise UsageError(f"{path} is a folder, not a journal.")
    size = path.stat().st_size
    if size == 0:
        raise NotAJournal(f"{path} is an empty file, not an iltdesk journal.")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_PLAIN_HEADER))
    if head == SQLITE_PLAIN_HEADER:
        raise NotAJournal(f"{path} is an unencrypted SQLite database, not an iltdesk journal.")
    if size % PAGE_SIZE:
        raise JournalDamaged(f"The journal {path} is damaged: it has been cut short.")


def is_storage_error(exc: BaseException) -> bool:
    """Whether ``exc`` is about the file or disk (not a constraint or SQL mistake in our code)."""
    return isinstance(exc, sqlcipher.OperationalError) or type(exc) is sqlcipher.DatabaseError


def classify(exc: BaseException, path: Path) -> JournalError:
    """Map a SQLite/SQLCipher storage exception to the error a person should see."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return JournalInUse(f"The journal {path} is open in another iltdesk window or command.")
    if "full" in message:
        return DiskFull("The disk is full, so the last change was not saved.")
    if "not a database" in message:
        return WrongPassphrase(f"The passphrase does not unlock {path}.")
    if "malformed" in message or "corrupt" in message:
        return JournalDamaged(f"The journal {path} is damaged: parts of it are missing or corrupt.")
    return JournalDamaged(f"The journal {path} is damaged ({exc}).")


def _connect(path: Path, passphrase: str) -> Connection:
    # isolation_level=None: SQLAlchemy emits BEGIN itself, so DDL is transactional too.
    # timeout=0: a journal held by another process fails at once instead of waiting.
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {sql_string(normalise_passphrase(passphrase))}")
    # Exclusive before the first read: WAL then needs no shared-memory file, and the lock
    # taken below is held for the life of the connection (the OS drops it if we die).
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    return conn


def _configure(conn: Connection, path: Path) -> None:
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise JournalInUse(f"The journal {path} is open in another iltdesk window or command.")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # Decrypted pages stay cached (32 MB), so typing a search does not decrypt them again.
    conn.execute("PRAGMA cache_size = -32768")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("COMMIT")


def open_connection(path: Path, passphrase: str) -> Connection:
    """Open an existing journal file, verify the passphrase, and lock it for this process."""
    _precheck_existing(path)
    if not passphrase or "\x00" in passphrase:
        raise WrongPassphrase(f"The passphrase does not unlock {path}.")
    conn = _connect(path, passphrase)
    try:
        # SQLite itself refuses a file shorter than its header says ("malformed").
        _configure(conn, path)
    except sqlcipher.Error as exc:
        conn.close()
        raise classify(exc, path) from None
    except JournalError:
        conn.close()
        raise
    return conn


def create_connection(path: Path, passphrase: str) -> Connection:
    """Create a new, empty encrypted journal file (0600) and return its locked connection."""
    check_new_passphrase(passphrase)
    if path.exists():
        raise UsageError(f"{path} already exists; choose another name.")
    ensure_private_dir(path.parent)
    create_private_file(path)
    try:
        conn = _connect(path, passphrase)
        _configure(conn, path)
    except sqlcipher.Error as exc:
        _remove_quietly(path)
        raise classify(exc, path) from None
    return conn


def _remove_quietly(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if leftover.exists():
            os.unlink(leftover)
