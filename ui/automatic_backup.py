"""The day's automatic backup, taken after unlock on a worker thread, reported quietly.

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

from iltdesk.errors import DiskFull, JournalDamaged, JournalError
from iltdesk.store import daily_backup, rotation
from iltdesk.store.journal import CopyStopped, Journal

if TYPE_CHECKING:
    from ui.main_window import MainWindow

POLL_MS = 100
# After unlock the principal is about to read or write: the copy and its check take the disk
# and a core for seconds in a very large journal, so they wait until the window has settled.
DELAY_MS = 45_000
# Keying the day's file costs one key derivation (~0.15 s on the other core): not while the
# window is being built and painted.
PREPARE_AFTER_MS = 1_000
SUCCESS_MS = 8_000
FAILURE_MS = 60_000


def failure_text(error: JournalError) -> str:
    """A plain sentence for a backup that was not written (the journal itself is fine)."""
    if isinstance(error, JournalDamaged):
        return (
            "The new backup failed its check, so it was not kept; older backups are untouched. "
            "If this happens again, check the journal (iltdesk check)."
        )
    if isinstance(error, DiskFull):
        return f"{error} Free some space; older backups are untouched."
    return str(error)


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
        self._passphrase = passphrase  # until the day's file is keyed, ~1 s after unlock
        self._prepared: daily_backup.PreparedBackup | JournalError | None = None
        self._preparing: threading.Thread | None = None
        if passphrase is not None:
            QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare)
        window.released.connect(self.discard)  # a lock or quit drops a file not yet copied to

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
        QTimer.singleShot(DELAY_MS if delay_ms is None else delay_ms, self, self._start_now)

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
            f"Automatic backup not written: {failure_text(error)} Your journal is unchanged "
            "(Journal → Settings → Backups)."
        )
        self._window.statusBar().showMessage(self.message, FAILURE_MS)
        self.finished.emit(False, self.message)
