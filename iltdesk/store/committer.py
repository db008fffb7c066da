"""Saves written on a thread of their own, so that typing never waits for the disk.

The app's autosave reads what the editor holds on the UI thread and hands the journal a
``work`` to write it (``Journal.defer``): the statements, the ``COMMIT`` (the WAL written and
fsynced, as ``synchronous = FULL`` always does, and an automatic checkpoint when one is due)
all run on one ``Committer`` thread per journal. Under another process's heavy writing that
commit takes 10–100 ms, and even a ``write()`` to the WAL without an fsync stalls for 10–50 ms
now and then (the kernel holds writers back); the statements themselves (ORM, the note's
Markdown, the search index's triggers) are ~2 ms of CPU. None of it stays on the UI thread.

Owed work is a queue, run in order, each its own transaction. Whoever next takes the journal's
lock (outermost, outside a transaction) runs what is owed first — the committer, or a read or
write that came first — so what the app reads next always includes what it handed over, and
no other work ever runs inside a transaction of the committer's.
"""

from __future__ import annotations

import os
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import JournalError
from iltdesk.store.connection import Connection, classify, is_storage_error
from iltdesk.translation import translate

STOP_WAIT_S = 5.0  # closing waits this long at most for the thread (its commit is done by then)


class Ticket:
    """One deferred commit. ``done`` is True once it has been committed and synced, or has
    failed (``error``, the change rolled back); ``notify`` hears of it once, from whichever
    thread finished it."""

    def __init__(self, number: int, notify: Callable[[Ticket], None] | None = None) -> None:
        self.number = number
        self.error: JournalError | None = None
        self.result: object = None  # what the work returned, once it is committed
        # A fault in the work itself (a bug, not the disk): raised again by its owner.
        self.crash: Exception | None = None
        self._notify = notify
        self._done = threading.Event()

    @property
    def done(self) -> bool:
        """Whether the commit has been finished, one way or the other."""
        return self._done.is_set()

    @property
    def ok(self) -> bool:
        """Finished, committed and synced."""
        return self.done and self.error is None and self.crash is None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the commit is finished; False if ``timeout`` passed first."""
        return self._done.wait(timeout)

    def finish(self, error: JournalError | None = None, crash: Exception | None = None) -> None:
        """The commit is finished (failed with ``error``, or the work raised ``crash``):
        record it and tell the owner."""
        self.error, self.crash = error, crash
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
    """The journal's side of deferred work (``Journal`` is one)."""

    path: Path
    _lock: threading.RLock
    _deferring: bool
    _depth: threading.local  # how deep each thread is in ``_held``: owed work runs outermost
    _owed: deque[tuple[Ticket, Callable[[], object]]]
    _handover: threading.Lock  # guards ``_owed`` alone: handing work over never waits
    _committer: Committer | None
    _tickets: int

    @property
    def connection(self) -> Connection:
        raise NotImplementedError

    @property
    def closed(self) -> bool:
        raise NotImplementedError

    #: Called (from any thread, holding the lock) whenever the journal is taken up, once owed
    #: work is finished: the app hears of a finished commit there before it reads what that
    #: commit wrote, not only when the committer's message arrives.
    on_use: Callable[[], None] | None = None

    @contextmanager
    def _held(self) -> Iterator[None]:
        """The journal's lock, with any work still owed to the committer finished first."""
        with self._lock:
            depth = getattr(self._depth, "n", 0)
            if depth == 0 and not self._deferring:
                self._settle_owed()
                if self.on_use is not None:
                    self.on_use()
            self._depth.n = depth + 1
            try:
                yield
            finally:
                self._depth.n = depth

    def defer(self, work: Callable[[], object], notify: Callable[[Ticket], None]) -> Ticket:
        """Hand ``work``'s writes to the committer thread, to run as one transaction there.

        Returns at once, without waiting for the journal's lock, with the work's ``Ticket``:
        ``notify`` hears (on the thread that ran it) when it is committed and synced, its
        result in ``ticket.result``; or has failed and been rolled back, changing nothing
        (``ticket.error``, or ``ticket.crash`` when ``work`` itself raised something other
        than a ``JournalError``). ``work`` must not touch widgets: it runs off the UI thread.
        """
        self.connection  # noqa: B018 -- a closed journal refuses now, not on the thread
        with self._handover:
            self._tickets += 1
            ticket = Ticket(self._tickets, notify)
            self._owed.append((ticket, work))
            if self._committer is None:
                self._committer = Committer(self.settle)
            committer = self._committer
        committer.wake()
        return ticket

    def run_now(self, work: Callable[[], object]) -> object:
        """Run ``work``'s writes as one transaction on this thread, after what is owed;
        failing, it changes nothing and raises, as ``write`` does."""
        with self._held():
            conn = self.connection
            result = self._run_deferred(conn, work)
            self._commit(conn)
            return result

    def start_committer(self) -> None:
        """Start the committer thread now (the app, on opening the journal): the first
        deferred save then does not wait for a thread to start, tens of ms on a busy
        machine."""
        with self._handover:
            if self._committer is None and not self.closed:
                self._committer = Committer(self.settle)

    def _run_deferred(self, conn: Connection, work: Callable[[], object]) -> object:
        """``work`` inside one open transaction, left open for the commit; its result. On
        failure rolled back and raised, storage failures as the core's errors."""
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._deferring = True
            return work()
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

    def _commit(self, conn: Connection) -> None:
        try:
            conn.execute("COMMIT")
        except sqlcipher.Error as exc:
            with suppress(sqlcipher.Error):  # its own failure adds nothing to the commit's
                self._roll_back(conn)
            raise classify(exc, self.path) from None

    def _roll_back(self, conn: Connection) -> None:
        self._deferring = False
        if conn.in_transaction:
            conn.execute("ROLLBACK")

    def settle(self) -> None:
        """Finish the work owed to the committer now (on this thread), if any is owed."""
        with self._held():
            pass

    def _settle_owed(self) -> None:
        """Run the owed work, oldest first, each committed on its own (lock held)."""
        conn = self._conn_if_open()
        while conn is not None and not conn.in_transaction:
            with self._handover:
                if not self._owed:
                    return
                ticket, work = self._owed.popleft()
            try:
                ticket.result = self._run_deferred(conn, work)
                self._commit(conn)
            except JournalError as exc:
                ticket.finish(exc)
            except Exception as exc:  # a fault in the work: its owner raises it again
                ticket.finish(crash=exc)
            else:
                ticket.finish()

    def _conn_if_open(self) -> Connection | None:
        return None if self.closed else self.connection

    def _fail_owed(self) -> None:
        """The journal closed with work still handed over (it raced the close): tell."""
        with self._handover:
            owed, self._owed = list(self._owed), deque()
        for ticket, _work in owed:
            ticket.finish(
                JournalError(
                    translate(
                        "store.committer", "The journal was closed before this could be saved."
                    )
                )
            )
