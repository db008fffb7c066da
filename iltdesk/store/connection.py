"""Open a SQLCipher connection safely, and turn its failures into errors a person can act on.

This layer knows nothing of SQLAlchemy so that quick commands can stay light. It keeps
SQLCipher's defaults (PBKDF2-HMAC-SHA512, 256,000 iterations, per-page HMAC, no plaintext
header) and never changes them.
"""

from __future__ import annotations

import os
import re
import struct
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
# The WAL format (sqlite.org/fileformat.html#walformat): magic -> byte order of its checksums.
WAL_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
# SQLCipher takes a key of this form as raw key bytes and skips key stretching entirely.
RAW_KEY_FORM = re.compile(r"[xX]'[0-9A-Fa-f]*'")

Connection = Any  # sqlcipher3 ships no type information


def normalise_passphrase(passphrase: str) -> str:
    """The form a passphrase is keyed in: NFC, so the same words typed on any OS match."""
    return unicodedata.normalize("NFC", passphrase)


def is_encodable(passphrase: str) -> bool:
    """Whether ``passphrase`` can be keyed at all (a lone surrogate has no UTF-8 form)."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that cannot protect a journal."""
    if not passphrase:
        raise UsageError("The passphrase cannot be empty.")
    if "\x00" in passphrase:
        raise UsageError("The passphrase cannot contain a NUL character.")
    if not is_encodable(passphrase):
        raise UsageError("The passphrase contains a character that cannot be stored; retype it.")
    if RAW_KEY_FORM.fullmatch(passphrase):
        raise UsageError("The passphrase cannot have the form x'…' (a raw key); choose words.")


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


def _refuse_unknown(conn: Connection) -> None:
    """Refuse a file that is not a journal this build can open, before anything is written."""
    from iltdesk.store import schema  # schema imports this module

    schema.needs_upgrade(schema.stored_revision(conn))


def _configure(conn: Connection, path: Path) -> None:
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    # Switching to WAL rewrites the header, so another app's file or a newer journal is
    # refused first and stays byte-identical.
    _refuse_unknown(conn)
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


def _wal_checksum(data: bytes, seed: tuple[int, int], order: str) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    s0, s1 = seed
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_damage(path: Path) -> str | None:
    """Why the WAL beside ``path`` would silently drop committed changes, or None.

    SQLite replays a WAL up to its first frame that fails the checksum and ignores the rest,
    because after a power cut that is a torn, unacknowledged write. But a genuine commit frame
    *after* a bad one (or frames behind a corrupt header) can only mean the log was damaged
    later: replaying would quietly roll back acknowledged work, so the journal is refused.
    A bad frame with nothing genuine after it cannot be told apart from a torn last write.
    """
    try:
        data = Path(f"{path}-wal").read_bytes()
    except FileNotFoundError:
        return None
    frame_size = WAL_FRAME_HEADER + PAGE_SIZE
    frames = max(0, (len(data) - WAL_HEADER) // frame_size)
    if not frames:
        return None
    magic, _, page_size, _, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:WAL_HEADER])
    order = WAL_MAGIC.get(magic, ">")
    if (
        magic not in WAL_MAGIC
        or page_size != PAGE_SIZE
        or (_wal_checksum(data[:24], (0, 0), order) != (c1, c2))
    ):
        return "the header of its write-ahead log is corrupt"
    stored = computed = (c1, c2)  # the last frame's stored checksum, and its recomputed one
    replayed = True  # still inside the run of frames SQLite would replay
    for k in range(frames):
        head = data[WAL_HEADER + k * frame_size :][:WAL_FRAME_HEADER]
        _, commit, s1, s2, f1, f2 = struct.unpack(">6I", head)
        mine = stored  # stale frames of an older log are not checked: no commit of ours there
        if (s1, s2) == (salt1, salt2):
            body = head[:8] + data[WAL_HEADER + k * frame_size + WAL_FRAME_HEADER :][:PAGE_SIZE]
            mine = _wal_checksum(body, stored, order)
            chained = (f1, f2) == mine
            if (
                not replayed
                and commit
                and (chained or (f1, f2) == _wal_checksum(body, computed, order))
            ):
                return "its write-ahead log is corrupt before its last saved change"
            replayed = replayed and chained
        else:
            replayed = False
        stored, computed = (f1, f2), mine
    return None


def _confirm_wal_damage(path: Path, passphrase: str) -> str | None:
    """Re-read the WAL while holding a read lock, through a connection that cannot write."""
    shm = Path(f"{path}-shm")
    had_shm = shm.exists()
    conn = sqlcipher.connect(_uri(path, "mode=ro"), uri=True, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {sql_string(normalise_passphrase(passphrase))}")
        conn.execute("BEGIN")  # a writer elsewhere holds the file: "locked", i.e. in use
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return wal_damage(path)
    except sqlcipher.Error as exc:
        raise classify(exc, path) from None
    finally:
        conn.close()  # read-only: closing never checkpoints, so the file stays as it was
        if not had_shm:
            shm.unlink(missing_ok=True)


def _uri(path: Path, query: str) -> str:
    return path.resolve().as_uri() + "?" + query


def _refuse_if_held(path: Path) -> None:
    """Raise ``JournalInUse`` if another process holds the journal (keyless, read-only probe).

    Without a key the read fails either way; only "locked" tells that someone holds it.
    """
    shm = Path(f"{path}-shm")
    had_shm = shm.exists()
    probe = sqlcipher.connect(_uri(path, "mode=ro"), uri=True, isolation_level=None, timeout=0)
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
        probe.execute("PRAGMA locking_mode = EXCLUSIVE")
        probe.execute("PRAGMA user_version").fetchone()
    except sqlcipher.Error as exc:
        error = classify(exc, path)
        if isinstance(error, JournalInUse):
            raise error from None
    finally:
        probe.close()
        if not had_shm:
            shm.unlink(missing_ok=True)


def _prove_key(path: Path, passphrase: str) -> None:
    """Raise ``WrongPassphrase`` unless ``passphrase`` decrypts the main file.

    The probe is immutable: it takes no lock and never looks at or folds in the WAL, so a
    wrong passphrase cannot checkpoint a crash-left WAL into the journal (and delete it).
    """
    probe = sqlcipher.connect(_uri(path, "immutable=1"), uri=True, isolation_level=None)
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
        probe.execute(f"PRAGMA key = {sql_string(normalise_passphrase(passphrase))}")
        probe.execute("PRAGMA user_version").fetchone()
    except sqlcipher.Error as exc:
        error = classify(exc, path)
        if isinstance(error, WrongPassphrase):
            raise error from None
    finally:
        probe.close()


def open_connection(path: Path, passphrase: str) -> Connection:
    """Open an existing journal file, verify the passphrase, and lock it for this process."""
    _precheck_existing(path)
    if not passphrase or "\x00" in passphrase or not is_encodable(passphrase):
        raise WrongPassphrase(f"The passphrase does not unlock {path}.")
    if Path(f"{path}-wal").exists():
        # A crash left committed changes in the WAL: prove the key before a connection that
        # could fold them in exists (costs one extra key derivation, only in this case).
        _refuse_if_held(path)
        _prove_key(path, passphrase)
    # The quick scan reads without a lock; a hit is confirmed under one before refusing.
    if wal_damage(path) is not None:
        reason = _confirm_wal_damage(path, passphrase)
        if reason is not None:
            raise JournalDamaged(
                f"The journal {path} is damaged: {reason}. The file has not been changed; "
                "restore your latest backup."
            )
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


def keyed_connection(path: Path, passphrase: str) -> Connection:
    """A locked connection keyed with ``passphrase`` on an existing, empty 0600 file: the
    target of an online copy. The key is derived now (the file gets its own salt), so the
    passphrase is not needed, or kept, afterwards."""
    if not passphrase or "\x00" in passphrase or not is_encodable(passphrase):
        raise WrongPassphrase(f"The passphrase cannot key {path}.")
    conn = _connect(path, passphrase)
    try:
        # The copy's last step commits with the journal held: no fsync there (and no rollback
        # journal for a file nobody else sees). The caller syncs the file before naming it.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        # Writing the first page derives the key (reading an empty file does not); the copy
        # overwrites it.
        conn.execute("PRAGMA user_version = 1")
    except sqlcipher.Error as exc:
        conn.close()
        raise classify(exc, path) from None
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
