"""`iltdesk search` and `iltdesk note` for a fresh process: answered in well under a second.

A cold command pays for one key derivation (SQLCipher's PBKDF2, about 0.2 s, never weakened)
and would pay as much again to import the ORM and Alembic. These two commands need neither:
they use the same locked, keyed connection as the core (``store.connection``), the same
search (``iltdesk.search``) and the same rules for a note, on the raw connection. A journal
that needs more than that (an older schema to migrate, a passphrase verifier to record) is
handed to the core's ``Journal.open``, so nothing is skipped.

While the keychain is asked for a remembered passphrase, the key is already being derived
from ``ILTDESK_PASSPHRASE`` in a thread (SQLCipher releases the GIL); the order in which the
sources are tried is the same as ``passphrase.unlock``. ``main`` has usually started that
thread before parsing the command line (``iltdesk.cli.early``); whatever is not needed to
start it is imported after it has started, when importing costs no time of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import import_module
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.cli import passphrase
from iltdesk.cli.early import claim
from iltdesk.errors import UsageError, WrongPassphrase
from iltdesk.store.connection import Connection, classify, is_storage_error, open_connection
from iltdesk.store.unlocking import BackgroundUnlock

if TYPE_CHECKING:
    from iltdesk.errors import JournalError
    from iltdesk.search import Hit
    from iltdesk.store.journal import Journal
    from iltdesk.store.rotation import BackupEntry

# How SQLAlchemy stores a UTC datetime in SQLite, so the ORM reads our rows back unchanged.
_STORED_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


class QuickJournal:
    """An unlocked, current journal on its raw connection (no ORM)."""

    def __init__(self, path: Path, conn: Connection) -> None:
        self.path = path
        self._conn: Connection | None = conn

    @property
    def connection(self) -> Connection:
        """The raw DB-API connection."""
        if self._conn is None:
            raise UsageError("The journal is closed.")
        return self._conn

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        """Run SQL and return all rows; storage failures become the core's errors."""
        try:
            return list(self.connection.execute(sql, params).fetchall())
        except sqlcipher.Error as exc:
            if not is_storage_error(exc):
                raise
            raise classify(exc, self.path) from None

    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction, as ``Journal.write`` makes it: all of it, or nothing."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.execute("COMMIT")
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Release the lock and forget the key."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> QuickJournal:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _is_current(conn: Connection) -> bool:
    """Whether the core's ``Journal.open`` would do nothing more than unlock this journal.

    Refuses a journal from a newer iltdesk (``JournalTooNew``) exactly as the core does.
    """
    from iltdesk.store import schema, verifier  # imported while the key is being derived

    revision = schema.stored_revision(conn)
    if schema.needs_upgrade(revision) or revision != schema.HEAD_REVISION:
        return False
    found = conn.execute(
        "SELECT 1 FROM journal_setting WHERE key = ?", (verifier.SETTING_KEY,)
    ).fetchone()
    return found is not None


def _finish_open(
    path: Path, conn: Connection, secret: str, read_only: bool = False
) -> QuickJournal | Journal:
    try:
        current = _is_current(conn)
    except sqlcipher.Error as exc:
        conn.close()
        raise classify(exc, path) from None
    except BaseException:
        conn.close()
        raise
    if current:
        return QuickJournal(path, conn)
    conn.close()
    from iltdesk.store.journal import Journal  # migrate (after a verified backup) and the rest

    return Journal.open(path, secret, read_only=read_only)


def open_journal(path: Path, secret: str, read_only: bool = False) -> QuickJournal | Journal:
    """Unlock ``path`` with ``secret``: raw when it is current, through the core otherwise.
    ``read_only``: for a command that only reads (see ``open_connection``)."""
    if not passphrase.is_text(secret):
        raise WrongPassphrase(f"The passphrase does not unlock {path}.")  # as passphrase.unlock
    conn = open_connection(path, secret, read_only=read_only)
    return _finish_open(path, conn, secret, read_only)


def unlock(
    path: Path, *, meanwhile: Callable[[], object] | None = None, read_only: bool = False
) -> QuickJournal | Journal:
    """Open ``path`` with the first passphrase source that works, as ``passphrase.unlock``.

    ``meanwhile`` runs once the key is being derived (an import the command needs next).
    """
    env_value = passphrase.from_env()
    early = None
    if env_value is not None and passphrase.is_text(env_value):
        early = claim(path, env_value, read_only=read_only) or BackgroundUnlock(
            path, env_value, read_only=read_only
        )
    if meanwhile is not None:
        meanwhile()
    remembered = passphrase.from_keychain(path)
    if remembered is not None and remembered != env_value:
        if early is not None:
            early.discard()  # the remembered passphrase goes first, and it needs the lock
            early = None
        try:
            return open_journal(path, remembered, read_only)
        except WrongPassphrase:
            pass  # the journal's passphrase changed elsewhere: fall through to the others
    if env_value is not None:
        if early is None:
            return open_journal(path, env_value, read_only)
        return _finish_open(path, early.connection(), env_value, read_only)
    for attempt in range(passphrase.PROMPT_ATTEMPTS):
        try:
            return open_journal(path, passphrase.prompt(f"Passphrase for {path}: "), read_only)
        except WrongPassphrase:
            if attempt == passphrase.PROMPT_ATTEMPTS - 1:
                raise
            print("That passphrase does not unlock this journal; try again.", file=sys.stderr)
    raise AssertionError("unreachable")


def find_hits(path: Path, text: str, *, limit: int) -> list[Hit]:
    """What ``iltdesk search`` prints: the core's search, on a quickly unlocked journal."""
    reading = unlock(path, meanwhile=lambda: import_module("iltdesk.search"), read_only=True)
    with reading as journal:
        from iltdesk.search import search

        return search(journal, text, limit=limit)


class SavedNote(NamedTuple):
    """The 1:1 a quick note was saved as, and the day's backup taken after it, if one was
    due (a ``JournalError`` when it could not be made)."""

    id: int
    held_on: date
    backup: BackupEntry | JournalError | None = None


def add_note(path: Path, lead_name: str, text: str, *, held_on: date | None = None) -> SavedNote:
    """Record a 1:1 with the named lead holding ``text``, as ``one_on_one.add_quick_note``;
    then take the day's backup if none is dated today (a principal who only ever jots notes
    from the command line gets daily backups too)."""
    with unlock(path) as journal:
        if not isinstance(journal, QuickJournal):
            from iltdesk.one_on_one import add_quick_note

            meeting = add_quick_note(journal, lead_name, text, held_on=held_on)
            saved = SavedNote(meeting.id or 0, meeting.held_on)
            return saved._replace(backup=_days_backup(journal))
        saved = _insert_note(journal, lead_name, text, held_on or date.today())
        return saved._replace(backup=_days_backup(journal))


def _days_backup(journal: QuickJournal | Journal) -> BackupEntry | JournalError | None:
    from iltdesk.store import rotation
    from iltdesk.store.journal import Journal

    if isinstance(journal, QuickJournal):  # the same locked connection, seen as the core's
        journal = Journal(journal.path, journal.connection)
    return rotation.take_if_due(journal, datetime.now())


def _insert_note(journal: QuickJournal, lead_name: str, text: str, held_on: date) -> SavedNote:
    from iltdesk.lead_names import pick_lead

    if not text.strip():
        raise UsageError("The note is empty; nothing was saved.")
    now = datetime.now(UTC).strftime(_STORED_DATETIME)
    with journal.write():
        leads = journal.execute("SELECT id, name FROM lead")
        lead_id = int(pick_lead(leads, lead_name, lambda row: str(row[1]))[0])
        journal.execute(
            "INSERT INTO one_on_one (created_at, updated_at, lead_id, held_on, notes, "
            "feedback_given) VALUES (?, ?, ?, ?, ?, '')",
            (now, now, lead_id, held_on.isoformat(), text),
        )
        note_id = int(journal.execute("SELECT last_insert_rowid()")[0][0])
    return SavedNote(note_id, held_on)
