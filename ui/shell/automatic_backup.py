"""The day's automatic backup, taken soon after unlock on a worker thread, reported quietly.

It starts a few seconds after the window has painted; a lock or a quit before it is done
finishes it first (with a small progress window), and a signal ending the process gives it a
short bounded wait before the copy is stopped and its file removed. So even a session of a
few seconds leaves the day's backup behind.

Given the passphrase that unlocked the journal, it keys the day's file at once
(``daily_backup.prepare``) and later copies in steps (``PreparedBackup.take``), so the
journal is never held for more than a few milliseconds. Without it (a journal handed over
some other way) it falls back to ``rotation.take``, which holds the journal while it copies.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from iltdesk.errors import JournalError
from iltdesk.messages import backup_not_written
from iltdesk.store import daily_backup, rotation
from iltdesk.store.journal import CopyStopped, Journal
from ui.kit.background import wait_with_progress

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

POLL_MS = 100
# Not during the first paint and the first clicks, but soon: a session may last seconds only.
# The copy goes in steps, so a save waits ~10 ms at most while it runs.
DELAY_MS = 3_000
# A signal is ending the process (logout, shutdown): the backup may finish if that is quick;
# otherwise it is stopped and its file removed, the next session takes it.
QUICK_WAIT_S = 2.0
SETTLE_S = 5.0  # a stopped copy ends at its current step (~10 ms) and deletes its own file
# Keying the day's file costs one key derivation (~0.15 s on the other core): not while the
# window is being built and painted.
PREPARE_AFTER_MS = 1_000
SUCCESS_MS = 8_000
FAILURE_MS = 60_000


class AutomaticBackup(QObject):
    """Takes the day's backup if one is due, without blocking the window, and says how it went.

    Lives as a child of the main window. ``state`` is ``idle``, ``waiting`` (to start
    later), ``not due``, ``running``, ``done`` or ``failed``; ``finished`` fires with
    (succeeded, message) once it is over. The journal's own lock keeps sessions and the
    backup from running at the same moment.
    """

    finished = Signal(bool, str)

    def __init__(self, window: MainWindow, journal: Journal, passphrase: str | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._journal = journal
        self.state = "idle"
        self.message = ""
        self._outcome: rotation.BackupEntry | JournalError | None = None
        self._worker: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._start_now)
        self._passphrase = passphrase  # until the day's file is keyed, ~1 s after unlock
        self._prepared: daily_backup.PreparedBackup | JournalError | None = None
        self._preparing: threading.Thread | None = None
        if passphrase is not None:
            QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare)
        window.finishing.connect(self.finish)  # a lock or quit takes a backup still due
        window.released.connect(self.discard)  # ...or drops a file not yet copied to

    def _prepare(self) -> None:
        """Key the day's file on a thread (if a passphrase was given and it is not yet done)."""
        passphrase, self._passphrase = self._passphrase, None
        if passphrase is None or self._journal.closed:
            return
        self._preparing = threading.Thread(
            target=self._key_file, args=(passphrase,), name="iltdesk-backup-key", daemon=True
        )
        self._preparing.start()

    def _key_file(self, passphrase: str) -> None:
        try:
            self._prepared = daily_backup.prepare(self._journal, passphrase, datetime.now())
        except JournalError as exc:
            self._prepared = exc

    def discard(self) -> None:
        """The journal is being closed: drop a keyed file the copy has not started on."""
        self._passphrase = None
        if self._worker is not None and self._worker.is_alive():
            return  # the copy stops when the journal closes and removes its own file
        if self._preparing is not None:
            self._preparing.join()
        if isinstance(self._prepared, daily_backup.PreparedBackup):
            self._prepared.discard()
        self._prepared = None

    def start_later(self, delay_ms: int | None = None) -> None:
        """Check whether a backup is due ``delay_ms`` (``DELAY_MS``) from now; take it if so."""
        self.state = "waiting"
        self._delay.start(DELAY_MS if delay_ms is None else delay_ms)

    def _start_now(self) -> None:
        if self._journal.closed:  # locked or replaced meanwhile: the next unlock starts anew
            self.discard()
            self.state = "idle"
            return
        self.start(datetime.now())

    def start(self, now: datetime) -> None:
        """Back up if due at ``now``; otherwise do nothing."""
        self._prepare()  # at once, if the delay was shorter than PREPARE_AFTER_MS
        stepwise = self._preparing is not None
        if not stepwise:
            try:
                is_due = rotation.due(self._journal, now)
            except JournalError as exc:
                self._report(exc)
                return
            if not is_due:
                self.state = "not due"
                return
        self.state = "running"
        self._worker = threading.Thread(
            target=self._work_in_steps if stepwise else self._work,
            args=(now,),
            name="iltdesk-automatic-backup",
            daemon=True,
        )
        self._worker.start()
        self._timer.start()

    def _work_in_steps(self, now: datetime) -> None:
        assert self._preparing is not None
        self._preparing.join()
        prepared, self._prepared = self._prepared, None
        if isinstance(prepared, daily_backup.PreparedBackup):
            self._work(now, prepared)
        else:
            self._outcome = prepared  # None: not due; or why the file could not be made

    def _work(self, now: datetime, prepared: daily_backup.PreparedBackup | None = None) -> None:
        try:
            if prepared is None:
                self._outcome = rotation.take(self._journal, now)
            else:
                self._outcome = prepared.take(self._journal, now)
        except JournalError as exc:
            self._outcome = exc
        except OSError as exc:  # anything the core did not name: still only a message
            self._outcome = JournalError(f"No backup was written ({exc.strerror or exc}).")

    def finish(self, quick: bool) -> None:
        """The journal is about to close: take the day's backup now if it is still due.

        ``quick`` (the process is being ended): wait at most ``QUICK_WAIT_S``, showing
        nothing; otherwise show a small progress window until it is done or skipped.
        """
        if self.state == "waiting" and not self._journal.closed:
            self._delay.stop()
            self.start(datetime.now())
        worker = self._worker
        if worker is None or not worker.is_alive():
            return
        if quick:
            worker.join(QUICK_WAIT_S)
        else:
            # Skipped (the button, Escape): the copy stops when the journal closes.
            wait_with_progress(self._window, "Taking today's backup…", worker, skip="Skip")
        if not worker.is_alive():
            self._poll()

    def settle(self, timeout: float = SETTLE_S) -> None:
        """After the journal closed: let a stopped copy remove its file before the process
        ends (its threads are daemons and would die with the keyed file in place)."""
        for thread in (self._preparing, self._worker):
            if thread is not None:
                thread.join(timeout)
        self.discard()

    def _poll(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            return
        self._timer.stop()
        self._report(self._outcome)

    def _report(self, outcome: rotation.BackupEntry | JournalError | None) -> None:
        if isinstance(outcome, CopyStopped):  # locked mid-copy: the next unlock tries again
            self.state = "idle"
            return
        if outcome is None:
            self.state = "not due"
            return
        if isinstance(outcome, rotation.BackupEntry):
            self.state = "done"
            self.message = "Today's automatic backup is written and checked."
            self._window.statusBar().showMessage(self.message, SUCCESS_MS)
            self.finished.emit(True, self.message)
            return
        error = outcome if isinstance(outcome, JournalError) else JournalError("Unknown failure.")
        self.state = "failed"
        self.message = (
            f"Automatic backup not written: {backup_not_written(error)} Your journal is unchanged "
            "(Journal → Settings → Backups)."
        )
        self._window.statusBar().showMessage(self.message, FAILURE_MS)
        self.finished.emit(False, self.message)
