"""The day's automatic backup, taken after unlock on a worker thread, reported quietly."""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from iltdesk.errors import DiskFull, JournalDamaged, JournalError
from iltdesk.store import rotation
from iltdesk.store.journal import Journal

POLL_MS = 100
# After unlock the principal is about to read or write: the copy holds the journal for a
# moment (seconds for a very large one), so it waits until the window has settled.
DELAY_MS = 45_000
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

    def __init__(self, window: QMainWindow, journal: Journal) -> None:
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

    def start_later(self, delay_ms: int | None = None) -> None:
        """Check whether a backup is due ``delay_ms`` (``DELAY_MS``) from now; take it if so."""
        self.state = "waiting"
        QTimer.singleShot(DELAY_MS if delay_ms is None else delay_ms, self, self._start_now)

    def _start_now(self) -> None:
        if self._journal.closed:  # locked or replaced meanwhile: the next unlock starts anew
            self.state = "idle"
            return
        self.start(datetime.now())

    def start(self, now: datetime) -> None:
        """Back up if due at ``now``; otherwise do nothing."""
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
            target=self._work, args=(now,), name="iltdesk-automatic-backup", daemon=True
        )
        self._worker.start()
        self._timer.start()

    def _work(self, now: datetime) -> None:
        try:
            self._outcome = rotation.take(self._journal, now)
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
