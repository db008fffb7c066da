"""Open a SQLCipher connection safely, and turn its failures into errors a person can act on.

This layer knows nothing of SQLAlchemy so that quick commands can stay light. It keeps
SQLCipher's defaults (PBKDF2-HMAC-SHA512, 256,000 iterations, per-page HMAC, no plaintext
header) and never changes them.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import (
    JournalError,
    JournalInUse,
    JournalReadOnly,
    UsageError,
    WrongPassphrase,
)
from iltdesk.paths import create_private_file, ensure_private_dir, resolve_journal
from iltdesk.store.precheck import check_existing, refuse_cut_short
from iltdesk.store.precheck import write_problem as write_problem
from iltdesk.store.refusals import RAW_KEY_FORM as RAW_KEY_FORM
from iltdesk.store.refusals import check_new_passphrase as check_new_passphrase
from iltdesk.store.refusals import classify as classify
from iltdesk.store.refusals import in_use as in_use
from iltdesk.store.refusals import is_encodable as is_encodable
from iltdesk.store.refusals import restore_advice
from iltdesk.store.wal import PAGE_SIZE as PAGE_SIZE
from iltdesk.store.wal import wal_damage, wal_path
from iltdesk.translation import translate

Connection = Any  # sqlcipher3 ships no type information


def normalise_passphrase(passphrase: str) -> str:
    """The form a passphrase is keyed in: NFC, so the same words typed on any OS match."""
    return unicodedata.normalize("NFC", passphrase)


def sql_string(text: str) -> str:
    """Quote ``text`` as an SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def set_key(conn: Connection, passphrase: str) -> None:
    """Key ``conn`` with ``passphrase`` (NFC): what ``PRAGMA key = '…'`` does, without an SQL text.

    Both reach ``sqlite3_key`` with the same UTF-8 bytes (the same KDF, the raw ``x'…'`` form
    handled the same), but the pragma left whole copies of the passphrase behind: the quoted
    literal, the statement string kept as a key of the connection's statement cache, and
    SQLite's copy of the SQL in the cached statement, for as long as the connection lived.
    ``set_key`` reads the str's own UTF-8 bytes in place (an ASCII str is its UTF-8).
    """
    conn.set_key(normalise_passphrase(passphrase))


def keyed_secret(passphrase: str) -> bytes:
    """The bytes SQLCipher derives the key from: the passphrase as keyed, in UTF-8."""
    return normalise_passphrase(passphrase).encode("utf-8")


def is_storage_error(exc: BaseException) -> bool:
    """Whether ``exc`` is about the file or disk (not a constraint or SQL mistake in our code)."""
    return isinstance(exc, sqlcipher.OperationalError) or type(exc) is sqlcipher.DatabaseError


def _explain(exc: BaseException, path: Path, shown: Path, passphrase: str) -> JournalError:
    """``classify`` at open, telling a damaged first page or salt from a wrong passphrase.

    SQLCipher says "not a database" for both. Only this failure path pays for the check
    (one more key derivation, or two with a crash-left WAL holding another salt, plus one
    for each of the newest few backups when the file alone cannot tell).
    """
    error = classify(exc, shown)
    if not isinstance(error, WrongPassphrase):
        return error
    from iltdesk.store.diagnose import refusal_reason

    # A damaged salt with no copy of page 1 in a WAL and no backup remembering the salt stays
    # "wrong passphrase": nothing can tell it from a mistyped passphrase, and the message must
    # not send everyone who mistypes to their backups.
    reason = refusal_reason(path, shown, passphrase)
    return error if reason is None else restore_advice(shown, reason)


def _connect(path: Path, passphrase: str) -> Connection:
    # isolation_level=None: SQLAlchemy emits BEGIN itself, so DDL is transactional too.
    # timeout=0: a journal held by another process fails at once instead of waiting.
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0)
    conn.execute("PRAGMA cipher_log_level = NONE")
    set_key(conn, passphrase)
    # Exclusive before the first read: WAL then needs no shared-memory file, and the lock
    # taken below is held for the life of the connection (the OS drops it if we die).
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    return conn


def _refuse_unknown(conn: Connection) -> None:
    """Refuse a file that is not a journal this build can open, before anything is written."""
    from iltdesk.store import schema  # schema imports this module

    schema.needs_upgrade(schema.stored_revision(conn))


def _tune(conn: Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted content is overwritten, not left in free pages: a record purged from the Trash
    # or an old version pruned is gone from the decrypted file too.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # Decrypted pages stay cached (32 MB), so typing a search does not decrypt them again.
    conn.execute("PRAGMA cache_size = -32768")


def _configure(conn: Connection, path: Path) -> None:
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    # Switching to WAL rewrites the header, so another app's file or a newer journal is
    # refused first and stays byte-identical.
    _refuse_unknown(conn)
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise JournalInUse(in_use(path))
    conn.execute("PRAGMA synchronous = FULL")
    _tune(conn)
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("COMMIT")


def _confirm_wal_damage(path: Path, shown: Path, passphrase: str) -> str | None:
    """Re-read the WAL while holding a read lock, through a connection that cannot write."""
    shm = Path(f"{path}-shm")
    had_shm = shm.exists()
    conn = sqlcipher.connect(_uri(path, "mode=ro"), uri=True, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        set_key(conn, passphrase)
        conn.execute("BEGIN")  # a writer elsewhere holds the file: "locked", i.e. in use
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return wal_damage(path)
    except sqlcipher.Error as exc:
        raise _explain(exc, path, shown, passphrase) from None
    finally:
        conn.close()  # read-only: closing never checkpoints, so the file stays as it was
        if not had_shm:
            shm.unlink(missing_ok=True)


def _uri(path: Path, query: str) -> str:
    return path.as_uri() + "?" + query  # ``path`` is resolved, so absolute


def _refuse_if_held(path: Path, shown: Path) -> None:
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
        error = classify(exc, shown)
        if isinstance(error, JournalInUse):
            raise error from None
    finally:
        probe.close()
        if not had_shm:
            shm.unlink(missing_ok=True)


def immutable_connection(path: Path, passphrase: str) -> Connection:
    """A keyed connection that reads only the main file: it takes no lock, never looks at or
    folds in a WAL, and cannot write (SQLite opens the file read-only)."""
    conn = sqlcipher.connect(
        _uri(path, "mode=ro&immutable=1"),
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute("PRAGMA cipher_log_level = NONE")
    set_key(conn, passphrase)
    return conn


def _prove_key(path: Path, shown: Path, passphrase: str) -> None:
    """Raise ``WrongPassphrase`` (or ``JournalDamaged``) unless ``passphrase`` decrypts the
    main file, without a connection that could fold a crash-left WAL into it (and delete it).
    """
    probe = immutable_connection(path, passphrase)
    try:
        probe.execute("PRAGMA user_version").fetchone()
    except sqlcipher.Error as exc:
        # Only the key is proven here: anything else is left to the real open, WAL and all.
        if isinstance(classify(exc, shown), WrongPassphrase):
            raise _explain(exc, path, shown, passphrase) from None
    finally:
        probe.close()


def _open_read_only(path: Path, shown: Path, passphrase: str, problem: str) -> Connection:
    """Open a journal this process cannot change (``problem`` says why) for reading only.

    The file is read as it stands, changing nothing. With no writable folder SQLite cannot
    read a WAL without changing files, and without the WAL the journal would look older than
    it is; nobody with these permissions can have left a WAL since, so one that is there
    holds changes from before, and the journal is refused rather than shown without them.
    """
    if wal_path(path).exists() and wal_path(path).stat().st_size > 0:
        raise JournalReadOnly(
            translate(
                "store.connection",
                "The journal {path} cannot be read here: it holds changes an iltdesk that did "
                "not close left beside it, and {problem}. Nothing was changed; open it once "
                "where it can be changed.",
            ).format(path=shown, problem=problem)
        )
    conn = immutable_connection(path, passphrase)
    with _closed_on_failure(conn, path, shown, passphrase):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _refuse_unknown(conn)
        _tune(conn)
        conn.execute("PRAGMA query_only = ON")
    return conn


@contextmanager
def _closed_on_failure(
    conn: Connection, real: Path, shown: Path, passphrase: str
) -> Iterator[Connection]:
    """Close ``conn`` if the block fails (releasing its lock); a storage error becomes the
    error a person should see."""
    try:
        yield conn
    except sqlcipher.Error as exc:
        conn.close()
        raise _explain(exc, real, shown, passphrase) from None
    except BaseException:
        conn.close()
        raise


def open_connection(path: Path, passphrase: str, *, read_only: bool = False) -> Connection:
    """Open an existing journal file, verify the passphrase, and lock it for this process.

    Every check of the journal's companions (``-wal``, ``-shm``) and the connection itself use
    the path with its links resolved, where SQLite keeps them; messages name ``path``.

    ``read_only``: the caller only reads. A journal this process can change is opened as
    usual (locked, a crash-left WAL folded in) with writes refused (``query_only``); one it
    cannot change (read-only file, folder or disk) is read without changing any file (see
    ``_open_read_only``). Either way a write raises ``JournalReadOnly``. Without
    ``read_only``, a journal that cannot be changed is refused with ``JournalReadOnly``.
    """
    real = resolve_journal(path)
    size = check_existing(real, path)
    if not passphrase or "\x00" in passphrase or not is_encodable(passphrase):
        raise WrongPassphrase(
            translate("store.connection", "The passphrase does not unlock {path}.").format(
                path=path
            )
        )
    if size % PAGE_SIZE:
        refuse_cut_short(real, path, keyed_secret(passphrase))
    problem = write_problem(real)
    if problem is not None:
        if not read_only:
            raise JournalReadOnly(
                translate(
                    "store.connection",
                    "The journal {path} cannot be changed here: {problem}. Nothing was "
                    "changed; commands that only read it still work.",
                ).format(path=path, problem=problem)
            )
        return _open_read_only(real, path, passphrase, problem)
    if wal_path(real).exists():
        # A crash left committed changes in the WAL: prove the key before a connection that
        # could fold them in exists (costs one extra key derivation, only in this case).
        _refuse_if_held(real, path)
        _prove_key(real, path, passphrase)
    # The quick scan reads without a lock; a hit is confirmed under one before refusing.
    if wal_damage(real) is not None:
        reason = _confirm_wal_damage(real, path, passphrase)
        if reason is not None:
            raise restore_advice(path, reason)
    conn = _connect(real, passphrase)
    with _closed_on_failure(conn, real, path, passphrase):
        # SQLite itself refuses a file shorter than its header says ("malformed").
        _configure(conn, path)
        if read_only:
            conn.execute("PRAGMA query_only = ON")
    return conn


def keyed_connection(path: Path, passphrase: str) -> Connection:
    """A locked connection keyed with ``passphrase`` on an existing, empty 0600 file: the
    target of an online copy. The key is derived now (the file gets its own salt), so the
    passphrase is not needed, or kept, afterwards."""
    if not passphrase or "\x00" in passphrase or not is_encodable(passphrase):
        raise WrongPassphrase(
            translate("store.connection", "The passphrase cannot key {path}.").format(path=path)
        )
    conn = _connect(resolve_journal(path), passphrase)  # companions beside the real file
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
    """Create a new, empty encrypted journal file (0600) and return its locked connection.

    A link is followed: the journal (and so its ``-wal``) is made where the link leads.
    """
    check_new_passphrase(passphrase)
    real = resolve_journal(path)
    if real.exists():
        raise UsageError(
            translate("store.connection", "{path} already exists; choose another name.").format(
                path=path
            )
        )
    ensure_private_dir(real.parent)
    create_private_file(real)
    try:
        conn = _connect(real, passphrase)
        _configure(conn, path)
    except sqlcipher.Error as exc:
        _remove_quietly(real)
        raise classify(exc, path) from None
    return conn


def _remove_quietly(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if leftover.exists():
            os.unlink(leftover)
