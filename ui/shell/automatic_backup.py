"""The day's automatic backup, taken soon after unlock on a worker thread, reported quietly.

It starts a few seconds after the window has painted; a lock or a quit before it is done
finishes it first (with a small progress window), and a signal ending the process gives it a
short bounded wait before the copy is stopped and its file removed. So even a session of a
few seconds leaves the day's backup behind.

Given the passphrase that unlocked the journal, it keys the day's file at once
(``backups.daily.prepare``) and later copies in steps (``PreparedBackup.take``), so the
journal is never held for more than a few milliseconds. Without it (a journal handed over
some other way) it falls back to ``rotation.take``, which holds the journal while it copies.
Both run on ``ui.kit.worker`` workers, which report back by signal.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from iltdesk.errors import JournalError
from iltdesk.messages import backup_not_written
from iltdesk.store.backups import daily, rotation
from iltdesk.store.journal import CopyStopped, Journal
from ui.journal.measured import Rate
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.worker import Progress, Worker, wait_modal

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

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
TAKING = QT_TRANSLATE_NOOP(
    "automatic_backup", "Taking today's backup"
)  # the Skip window's label, before how far it is
FAILURE_MS = 60_000

Outcome = rotation.BackupEntry | JournalError | None


def _unexpected(error: BaseException) -> None:
    """Not a failure the core names: the crash dialog, as on the UI thread."""
    sys.excepthook(type(error), error, error.__traceback__)


class _DayFile:
    """The day's file as keyed on a worker, and whether the journal let go of it first.

    Plain Python, reached from the keying worker's signals through lambdas: it outlives the
    window, so a file keyed after the window has gone is still dropped.
    """

    def __init__(self) -> None:
        self._keyed: daily.PreparedBackup | JournalError | None = None
        self._dropped = False

    def arrived(self, keyed: daily.PreparedBackup | None) -> None:
        if self._dropped and keyed is not None:
            keyed.discard()
        else:
            self._keyed = keyed

    def refused(self, error: BaseException) -> None:
        if not isinstance(error, JournalError):
            _unexpected(error)
        elif not self._dropped:
            self._keyed = error

    def take(self) -> daily.PreparedBackup | JournalError | None:
        """The keyed file (None: no backup due), or why it could not be made; once."""
        keyed, self._keyed = self._keyed, None
        return keyed

    def drop(self) -> None:
        """The journal is closing: delete a keyed file, now or when it arrives."""
        self._dropped = True
        keyed, self._keyed = self._keyed, None
        if isinstance(keyed, daily.PreparedBackup):
            keyed.discard()


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
        self._delay = QTimer(self)  # one shot: when to start, not a poll
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._start_now)
        self._passphrase = passphrase  # until the day's file is keyed, ~1 s after unlock
        self._day = _DayFile()
        self._keying: Worker | None = None
        self._copying: Worker | None = None
        self._copy_at: datetime | None = None  # a copy waiting for the day's file to be keyed
        self._rate: Rate | None = None  # how fast the copy went, said when it is done
        if passphrase is not None:
            QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare)
        window.finishing.connect(self.finish)  # a lock or quit takes a backup still due
        window.released.connect(self.discard)  # ...or drops a file not yet copied to

    def _prepare(self) -> None:
        """Key the day's file on a worker (if a passphrase was given and it is not yet done)."""
        passphrase, self._passphrase = self._passphrase, None
        if passphrase is None or self._journal.closed:
            return
        journal, day = self._journal, self._day

        def key_file(progress: Progress) -> daily.PreparedBackup | None:
            return daily.prepare(journal, passphrase, datetime.now())

        worker = Worker(key_file, name="iltdesk-backup-key")
        worker.finished.connect(lambda keyed: day.arrived(keyed))
        worker.failed.connect(lambda error: day.refused(error))
        worker.ended.connect(self._keyed)
        self._keying = worker.start()

    def _keyed(self) -> None:
        """The day's file is keyed (or could not be): copy into it if the copy was waiting."""
        now, self._copy_at = self._copy_at, None
        if now is None:
            return
        if self._journal.closed:  # locked meanwhile: the next unlock starts anew
            self._day.drop()
            self.state = "idle"
            return
        self._copy_into(now, self._day.take())

    def discard(self) -> None:
        """The journal is being closed: drop a keyed file the copy has not started on."""
        self._passphrase = None
        self._copy_at = None
        if self._copying is not None and self._copying.running:
            return  # the copy stops when the journal closes and removes its own file
        self._day.drop()

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
        if self._keying is None:
            try:
                is_due = rotation.due(self._journal, now)
            except JournalError as exc:
                self._report(exc)
                return
            if not is_due:
                self.state = "not due"  # not shown: a state tests read
                return
        self.state = "running"
        if self._keying is None:
            self._copy(now, None)
        elif self._keying.done:
            self._copy_into(now, self._day.take())
        else:
            self._copy_at = now  # _keyed copies once the file is keyed

    def _copy_into(self, now: datetime, keyed: daily.PreparedBackup | JournalError | None) -> None:
        if isinstance(keyed, daily.PreparedBackup):
            self._copy(now, keyed)
        else:
            self._report(keyed)  # None: not due; or why the file could not be made

    def _copy(self, now: datetime, prepared: daily.PreparedBackup | None) -> None:
        """Copy the journal on a worker: in steps into ``prepared``, or whole (``None``)."""
        journal, rate = self._journal, Rate()

        def take(progress: Progress) -> rotation.BackupEntry:
            told = rate.telling(progress)  # the Skip window's bar, and the rate at the end
            try:
                if prepared is None:
                    return rotation.take(journal, now, told)
                # Skipping stops the copy at its next step.
                return prepared.take(journal, now, told, progress.should_stop)
            except OSError as exc:  # anything the core did not name: still only a message
                raise JournalError(f"No backup was written ({exc.strerror or exc}).") from None

        worker = Worker(take, name="iltdesk-automatic-backup")
        worker.finished.connect(self._report)
        worker.failed.connect(self._failed)
        rate.follow(self._window, QCoreApplication.translate("automatic_backup", TAKING), worker)
        self._rate = rate
        self._copying = worker.start()

    def _busy(self) -> Worker | None:
        """The worker the day's backup waits on now: the copy, or the keying it waits for."""
        if self._copying is not None and self._copying.running:
            return self._copying
        if self._copy_at is not None and self._keying is not None and self._keying.running:
            return self._keying
        return None

    def finish(self, quick: bool) -> None:
        """The journal is about to close: take the day's backup now if it is still due.

        ``quick`` (the process is being ended): wait at most ``QUICK_WAIT_S``, showing
        nothing; otherwise show a small progress window until it is done or skipped.
        """
        if self.state == "waiting" and not self._journal.closed:
            self._delay.stop()
            self.start(datetime.now())
        deadline = time.monotonic() + QUICK_WAIT_S
        while (worker := self._busy()) is not None:
            if quick:
                left = deadline - time.monotonic()
                if left <= 0 or not worker.wait_ended(left):
                    return
            elif not wait_modal(
                self._window,
                QCoreApplication.translate("automatic_backup", "Taking today's backup…"),
                worker,
                skip=QCoreApplication.translate("automatic_backup", "Skip"),
            ):
                # Skipped (the button, Escape): the copy stops at its next step and removes
                # its file; the next unlock takes the day's backup.
                self._copy_at = None
                worker.cancel()
                return

    def settle(self, timeout: float = SETTLE_S) -> None:
        """After the journal closed: let a stopped copy remove its file before the process
        ends (its threads are daemons and would die with the keyed file in place)."""
        if self._keying is not None:
            self._keying.wait_ended(timeout)
        if self._copying is not None:
            self._copying.wait_ended(timeout)
        self.discard()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, JournalError):
            self._report(error)
        else:
            _unexpected(error)

    def _report(self, outcome: Outcome) -> None:
        if isinstance(outcome, CopyStopped):  # locked mid-copy: the next unlock tries again
            self.state = "idle"
            return
        if outcome is None:
            self.state = "not due"  # not shown: a state tests read
            return
        if isinstance(outcome, rotation.BackupEntry):
            self.state = "done"
            summary = self._rate.summary() if self._rate is not None else ""
            self.message = (
                self.tr("Today's automatic backup is written and checked ({summary}).")
                if summary
                else self.tr("Today's automatic backup is written and checked.")
            ).format(summary=summary)
            self._window.statusBar().showMessage(self.message, SUCCESS_MS)
            self.finished.emit(True, self.message)
            return
        error = (
            outcome
            if isinstance(outcome, JournalError)
            else JournalError(self.tr("Unknown failure."))
        )
        self.state = "failed"
        self.message = self.tr(
            "Automatic backup not written: {why} Your journal is unchanged "
            "(Journal → Settings → Backups)."
        ).format(why=backup_not_written(error))
        self._window.statusBar().showMessage(self.message, FAILURE_MS)
        self.finished.emit(False, self.message)
