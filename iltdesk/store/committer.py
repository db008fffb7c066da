"""Commits finished on a thread of their own, so that typing never waits for the disk.

The app's autosave runs its statements on the UI thread (they change pages in SQLite's cache:
no disk) and leaves the transaction open; the ``COMMIT`` (the WAL written and fsynced, as
``synchronous = FULL`` always does, and an automatic checkpoint when one is due) is finished
by one ``Committer`` thread per journal. Under another process's heavy writing that commit
takes 10–100 ms, and even a ``write()`` to the WAL without an fsync stalls for 10–50 ms now
and then (the kernel holds writers back), so nothing of the commit stays on the UI thread.

There is one connection and so at most one commit owed at a time, always the latest: commits
stay in order. Whoever next takes the journal's lock finishes an owed commit first (the
committer, or a read or write that came first), so no other work ever runs inside a
transaction left open for the committer.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import JournalError
from iltdesk.store.connection import Connection, classify, is_storage_error

STOP_WAIT_S = 5.0  # closing waits this long at most for the thread (its commit is done by then)


class Ticket:
    """One deferred commit. ``done`` is True once it has been committed and synced, or has
    failed (``error``, the change rolled back); ``notify`` hears of it once, from whichever
    thread finished it."""

    def __init__(self, number: int, notify: Callable[[Ticket], None] | None = None) -> None:
        self.number = number
        self.error: JournalError | None = None
        self._notify = notify
        self._done = threading.Event()

    @property
    def done(self) -> bool:
        """Whether the commit has been finished, one way or the other."""
        return self._done.is_set()

    @property
    def ok(self) -> bool:
        """Finished, committed and synced."""
        return self.done and self.error is None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the commit is finished; False if ``timeout`` passed first."""
        return self._done.wait(timeout)

    def finish(self, error: JournalError | None = None) -> None:
        """The commit is finished (failed with ``error``): record it and tell the owner."""
        self.error = error
        self._done.set()
        if self._notify is not None:
            self._notify(self)


class Committer:
    """The one thread that finishes owed commits: ``wake`` it after leaving one owed.

    ``finish`` takes the journal's lock and finishes what is owed (nothing, if someone else
    already did).
    """

    def __init__(self, finish: Callable[[], None], name: str = "iltdesk-commit") -> None:
        self._finish = finish
        # A queue, not a condition: waking the thread takes no lock the waker must hold.
        self._wakes: queue.SimpleQueue[bool] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A commit is owed: finish it soon."""
        self._wakes.put(True)

    def stop(self, timeout: float = STOP_WAIT_S) -> None:
        """Finish what is due and end the thread (called without the journal's lock held)."""
        self._wakes.put(False)
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _run(self) -> None:
        # Woken, the thread must not take the CPU from the one that woke it (the UI thread,
        # still finishing its event): Linux's batch policy forgoes preempting on wake-up.
        with suppress(AttributeError, OSError):
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
        while self._wakes.get():
            self._finish()


def leave_transactions_to(dialect: Any, deferring: Callable[[], bool]) -> None:
    """Make SQLAlchemy's sessions leave the transaction alone while ``deferring()``: inside
    ``defer`` it belongs to the journal, which commits it later (or rolls it back)."""
    commit, rollback = dialect.do_commit, dialect.do_rollback
    dialect.do_commit = lambda conn: None if deferring() else commit(conn)
    dialect.do_rollback = lambda conn: None if deferring() else rollback(conn)


class DeferredCommits:
    """The journal's side of deferred commits (``Journal`` is one)."""

    path: Path
    _lock: threading.RLock
    _deferring: bool
    _owed: Ticket | None
    _committer: Committer | None
    _tickets: int

    @property
    def connection(self) -> Connection:
        raise NotImplementedError

    @property
    def closed(self) -> bool:
        raise NotImplementedError

    #: Called (from any thread, holding the lock) whenever the journal is taken up, once owed
    #: commits are finished: the app hears of a finished commit there before it reads what
    #: that commit wrote, not only when the committer's message arrives.
    on_use: Callable[[], None] | None = None

    @contextmanager
    def _held(self) -> Iterator[None]:
        """The journal's lock, with any commit still owed to the committer finished first."""
        with self._lock:
            if not self._deferring:
                self._settle_owed()
                if self.on_use is not None:
                    self.on_use()
            yield

    def defer(self, work: Callable[[], object], notify: Callable[[Ticket], None]) -> Ticket | None:
        """Run ``work``'s writes as one transaction and leave its commit to the committer thread.

        Returns at once with the commit's ``Ticket`` (``notify`` hears when it is committed
        and synced, or has failed and been rolled back), or None, doing nothing, when the
        journal is busy (another thread holds it, or the last commit is not finished): the
        caller keeps its text and tries again. ``work`` failing rolls everything back and
        raises, as a ``write`` would.
        """
        if not self._lock.acquire(blocking=False):
            return None
        try:
            conn = self.connection
            if self._owed is not None or self._deferring or conn.in_transaction:
                return None
            self._tickets += 1
            ticket = Ticket(self._tickets, notify)
            self._run_deferred(conn, work)
            if not conn.in_transaction:  # nothing was written
                ticket.finish()
                return ticket
            self._owed = ticket
            if self._committer is None:
                self._committer = Committer(self.settle)
            self._committer.wake()
            return ticket
        finally:
            self._lock.release()

    def start_committer(self) -> None:
        """Start the committer thread now (the app, on opening the journal): the first
        deferred commit then does not wait for a thread to start, tens of ms on a busy
        machine."""
        with self._lock:
            if self._committer is None and not self.closed:
                self._committer = Committer(self.settle)

    def _run_deferred(self, conn: Connection, work: Callable[[], object]) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._deferring = True
            work()
        except sqlcipher.Error as exc:
            self._roll_back(conn)
            if not is_storage_error(exc):
                raise
            raise classify(exc, self.path) from None
        except BaseException:
            self._roll_back(conn)
            raise
        finally:
            self._deferring = False

    def _roll_back(self, conn: Connection) -> None:
        self._deferring = False
        if conn.in_transaction:
            conn.execute("ROLLBACK")

    def settle(self) -> None:
        """Finish the commit owed to the committer now (on this thread), if one is owed."""
        with self._held():
            pass

    def _settle_owed(self) -> None:
        ticket, self._owed = self._owed, None
        if ticket is None:
            return
        conn = self.connection
        try:
            conn.execute("COMMIT")
        except sqlcipher.Error as exc:
            with suppress(sqlcipher.Error):  # its own failure adds nothing to the commit's
                self._roll_back(conn)
            ticket.finish(classify(exc, self.path))
            return
        ticket.finish()
