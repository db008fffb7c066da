"""The journal: one open, locked, encrypted file and the ORM sessions on it.

The ORM is loaded on the first session, not by opening (``iltdesk.store.orm``). The app's
autosave leaves its commits to a thread of their own (``defer``, ``iltdesk.store.committer``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import JournalError, UsageError
from iltdesk.store import schema, verifier
from iltdesk.store.committer import DeferredCommits, Ticket, leave_transactions_to
from iltdesk.store.connection import (
    Connection,
    classify,
    create_connection,
    is_storage_error,
    open_connection,
)
from iltdesk.store.orm import ORM_STEPS as ORM_STEPS
from iltdesk.store.orm import load_orm as load_orm
from iltdesk.store.precheck import allow_migration
from iltdesk.translation import translate

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

JOURNAL_FORMAT = "iltdesk-journal"
_Record = TypeVar("_Record")
_READ_SETTINGS = 'SELECT "key", value FROM journal_setting'
# One step of an online copy: 256 pages (1 MB) take ~5-10 ms to decrypt and re-encrypt, so a
# save waiting behind a step waits no longer than that.
COPY_STEP_PAGES = 256
COPY_TURN_S = 0.002


class CopyStopped(JournalError):
    """The journal was closed (locked, quit) while it was being copied; the copy is unfinished."""


def fetch(session: Session, model: type[_Record], record_id: int, noun: str) -> _Record:
    """The ``model`` row with ``record_id``, or a ``UsageError`` saying there is no such noun."""
    record = session.get(model, record_id)
    if record is None:
        raise UsageError(
            translate("store.journal", "There is no {noun} #{id}.").format(noun=noun, id=record_id)
        )
    return record


class Journal(DeferredCommits):
    """An open journal. Use ``Journal.create`` or ``Journal.open``; close it when done.

    One long-lived connection serves every session (deriving the key costs ~130 ms, so it is
    done once per unlock). Sessions are serialised by a lock: the store has a single writer.
    """

    def __init__(self, path: Path, conn: Connection, *, read_only: bool = False) -> None:
        self.path = path
        #: Opened to read only: every write raises ``JournalReadOnly`` and changes nothing.
        self.read_only = read_only
        self._conn: Connection | None = conn
        self._lock = threading.RLock()
        self._turns = threading.Condition(self._lock)
        self._copying = False
        self._stop_copying = False
        self._engine: Engine | None = None
        # ``defer``: work handed to the committer thread, run in order by whoever next takes
        # the lock (outermost); ``_depth`` counts each thread's nesting.
        self._deferring = False
        self._depth = threading.local()
        self._owed: deque[tuple[Ticket, Callable[[], object]]] = deque()
        self._handover = threading.Lock()
        self._committer = None
        self._tickets = 0

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine on the journal's one connection (made on first use)."""
        with self._held():
            if self._engine is None:
                from sqlalchemy import create_engine, event
                from sqlalchemy.pool import StaticPool

                conn = self.connection
                engine = create_engine(
                    "sqlite://", creator=lambda: conn, poolclass=StaticPool, module=sqlcipher
                )
                # A reader begins deferred: an immediate BEGIN asks for the write lock.
                begin = "BEGIN" if self.read_only else "BEGIN IMMEDIATE"
                event.listen(engine, "begin", lambda c: self._deferring or c.exec_driver_sql(begin))
                leave_transactions_to(engine.dialect, lambda: self._deferring)
                self._engine = engine
            return self._engine

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, school: str = "", principal: str = ""
    ) -> Journal:
        """Create a new journal at ``path`` (which must not exist) and return it open."""
        from iltdesk.store import salt

        conn = create_connection(path, passphrase)
        journal = cls(path, conn)
        try:
            schema.upgrade(journal.engine)
            journal.set_settings(
                {
                    "format": JOURNAL_FORMAT,
                    "created_at": datetime.now().isoformat(timespec="seconds"),
                    "school": school,
                    "principal": principal,
                    verifier.SETTING_KEY: verifier.make(passphrase),
                    # So that even the first day's backups can prove a damaged salt.
                    salt.SETTING_KEY: salt.to_record(conn, {}) or "",
                }
            )
        except BaseException:
            journal.close()
            path.unlink(missing_ok=True)
            raise
        return journal

    @classmethod
    def open(cls, path: Path, passphrase: str, *, read_only: bool = False) -> Journal:
        """Unlock the journal at ``path``, migrating it (after a verified backup) if older.

        ``read_only``: for commands that only read (see ``open_connection``). A read-only
        journal (file, folder or disk) then opens without changing any file; one that still
        needs migrating is refused (``JournalReadOnly``). Writes raise ``JournalReadOnly``.
        """
        conn = open_connection(path, passphrase, read_only=read_only)
        return cls.adopt(path, conn, passphrase, read_only=read_only)

    @classmethod
    def adopt(
        cls, path: Path, conn: Connection, passphrase: str, *, read_only: bool = False
    ) -> Journal:
        """Finish opening ``path`` on ``conn``, unlocked by ``open_connection`` with ``passphrase``
        (perhaps in another thread) and ``read_only``; the journal owns it from now on."""
        try:
            revision = schema.stored_revision(conn)
            migrating = schema.needs_upgrade(revision) or revision != schema.HEAD_REVISION
            if read_only and migrating:
                allow_migration(path, conn)
            if schema.needs_upgrade(revision):
                from iltdesk.store.backups.copy import backup_before_migration

                backup_before_migration(conn, path, revision)
        except sqlcipher.Error as exc:
            conn.close()
            raise classify(exc, path) from None
        except BaseException:
            conn.close()
            raise
        journal = cls(path, conn, read_only=read_only)
        from iltdesk.store import rewrite, salt  # rewrite imports the backups, which import us

        try:
            if revision != schema.HEAD_REVISION:
                schema.upgrade(journal.engine)
                rewrite.mark_if_rewritten(journal, revision)  # compacted below, or next time
            if read_only:
                conn.execute("PRAGMA query_only = ON")  # back to reading only, if migrated
            else:
                if revision == "0004":  # that build's migration lost rows: iltdesk.store.lost_rows
                    from iltdesk.store.lost_rows import bring_back_lost_rows

                    bring_back_lost_rows(journal, passphrase, revision)
                settings = journal.settings()
                if verifier.SETTING_KEY not in settings:  # journals made before it
                    journal.refresh_verifier(passphrase)
                # Recorded so that backups remember it; a rekey or a restore changes it.
                recorded = salt.to_record(conn, settings)
                if recorded is not None:
                    journal.set_settings({salt.SETTING_KEY: recorded})
        except BaseException:
            journal.close()
            raise
        if not read_only:
            from iltdesk.store.leftovers import sweep_stale_temp_files

            sweep_stale_temp_files(path)  # copies a crash left mid-backup, -restore or -rekey
            if rewrite.needs_compacting(journal):
                return rewrite.compact(journal, passphrase)
        return journal

    def refresh_verifier(self, passphrase: str) -> None:
        """Record ``passphrase`` (just proven by opening) as the one to check against."""
        stored = self.settings().get(verifier.SETTING_KEY, "")
        if not verifier.matches(stored, passphrase):
            self.set_settings({verifier.SETTING_KEY: verifier.make(passphrase)})

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` unlocks this journal (checked without reopening it)."""
        return verifier.matches(self.settings().get(verifier.SETTING_KEY, ""), passphrase)

    @property
    def connection(self) -> Connection:
        """The raw DB-API connection (for search, backup and checks)."""
        if self._conn is None:
            raise JournalError(translate("store.journal", "The journal is closed."))
        return self._conn

    @property
    def closed(self) -> bool:
        """Whether ``close`` has been called."""
        return self._conn is None

    def close(self) -> None:
        """Write everything out, release the lock and forget the key (a copy under way stops
        first, at the end of its current step)."""
        with self._held():
            if self._copying:
                self._stop_copying = True
                while self._copying:
                    self._turns.wait()
            if self._conn is None:
                return
            self._settle_owed()  # an autosave left while a copy gave way: committed first
            if self._engine is not None:
                self._engine.dispose()
            self._conn.close()
            self._conn = None
        self._fail_owed()
        with self._handover:
            committer, self._committer = self._committer, None
        if committer is not None:
            committer.stop()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- sessions -----------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session. Objects stay usable after it ends (no expiry on commit)."""
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        with self._held(), Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as exc:
                if exc.orig is None or not is_storage_error(exc.orig):
                    raise
                raise classify(exc.orig, self.path) from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that commits when the block ends, or changes nothing if it fails.

        Disk-full and damage surface as their own ``JournalError`` types; the caller still
        holds whatever the user typed, because nothing here discards it.
        """
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        with self._held(), Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                if exc.orig is None or not is_storage_error(exc.orig):
                    raise
                raise classify(exc.orig, self.path) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction of raw SQL (``execute``), without the ORM: all of it, or nothing.

        What ``write`` is to a session, for a command that must not pay to import the ORM
        (``iltdesk note``); storage failures become the core's errors, as there.
        """
        with self._held():
            if self._deferring:  # inside ``defer``'s transaction, which ends it
                yield
                return
            self.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.execute("COMMIT")
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise

    @contextmanager
    def raw(self) -> Iterator[Connection]:
        """The raw DB-API connection, held exclusively for the block (no session may run)."""
        with self._held():
            yield self.connection

    def copy_to(
        self,
        target: Connection,
        *,
        pages: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        """Copy the whole journal into ``target``'s database with SQLite's online backup.

        The journal is held one step of ``pages`` (``COPY_STEP_PAGES``) pages at a time:
        between steps, sessions (an autosave) go first, and what they change reaches the copy
        too, so the copy is the journal as it stands when the last step ends. Raises
        ``CopyStopped`` when the journal is closed meanwhile; storage failures become the
        core's errors. ``progress(done, total)`` hears of each step, in pages; a
        ``should_stop()`` that answers True between steps (the person skipped the copy) stops
        it with ``CopyStopped`` too.
        """
        with self._held():
            if self._conn is None:  # closed before the copy began: as if closed during it
                raise CopyStopped(
                    translate("store.journal", "The journal was closed before it could be copied.")
                )
            source = self._conn
            self._copying, self._stop_copying = True, False

            def between_steps(status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)
                if should_stop is not None and should_stop():
                    raise CopyStopped(
                        translate("store.journal", "The copy was stopped before it was finished.")
                    )
                self._between_steps(status, remaining, total)

            try:
                step = COPY_STEP_PAGES if pages is None else pages
                source.backup(target, pages=step, progress=between_steps)
            except sqlcipher.Error as exc:
                raise classify(exc, self.path) from None
            finally:
                self._copying = False
                self._turns.notify_all()

    def _between_steps(self, status: int, remaining: int, total: int) -> None:
        if not self._stop_copying:
            self._turns.wait(COPY_TURN_S)  # lets the lock go: a waiting session runs now
            self._settle_owed()  # an autosave came in meanwhile: its commit before the step
        if self._stop_copying:
            raise CopyStopped(
                translate("store.journal", "The journal was closed before the copy was finished.")
            )

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        """Run raw SQL on the journal's connection and return all rows."""
        with self._held():
            try:
                return list(self.connection.execute(sql, params).fetchall())
            except sqlcipher.Error as exc:
                if not is_storage_error(exc):
                    raise
                raise classify(exc, self.path) from None

    # -- settings -----------------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        """Journal-wide settings such as the school and principal names."""
        return {str(key): str(value) for key, value in self.execute(_READ_SETTINGS)}

    def set_settings(self, values: dict[str, str]) -> None:
        """Store journal-wide settings."""
        from iltdesk import models

        with self.write() as s:
            for key, value in values.items():
                row = s.get(models.JournalSetting, key)
                if row is None:
                    s.add(models.JournalSetting(key=key, value=value))
                else:
                    row.value = value
