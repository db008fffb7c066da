"""Start the desktop app: welcome or unlock, then the main window; lock and unlock again."""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from iltdesk import process
from iltdesk.errors import JournalError
from iltdesk.messages import not_opened
from iltdesk.paths import resolve_journal
from iltdesk.store.journal import ORM_STEPS, Journal, load_orm
from iltdesk.store.unlocking import UnlockAhead, Unlocked
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.recent import add_recent, recent_journals
from ui.journal.unlock import UnlockDialog, adopt
from ui.journal.welcome import WelcomeWindow
from ui.kit import theme, translation
from ui.kit.context import AppContext
from ui.kit.icons import app_icon
from ui.kit.preferences import private_settings
from ui.kit.worker import Interrupted, Worker, cut_short, leave_now, run_waiting
from ui.shell import crash, session_lock, single_instance
from ui.shell.automatic_backup import AutomaticBackup
from ui.shell.main_window import MainWindow
from ui.shell.session_lock import SessionLock
from ui.shell.shutdown import Shutdown, install_message_handler
from ui.shell.single_instance import Claim, InstanceServer, Request
from ui.shell.single_instance_ui import FileOpenFilter, answer

ORM_AFTER_MS = 150  # after the window's first paint
# What the app's threads would import on first use, imported on the main thread instead: a
# thread importing while PySide6 does can abort the app (tests/test_startup_race.py shows it
# and lists what is imported off the main thread). ``_strptime``: datetime.strptime's, used
# when the day's backup reads the dates of the backups it keeps.
FOR_THREADS = ("_strptime",)


def _resolved(path: Path) -> Path:
    """``path`` with its links resolved; as given if that fails (opening it then says why)."""
    try:
        return resolve_journal(path)
    except JournalError:
        return path


class AppController(QObject):
    """Moves between the welcome window, the unlock dialog and the main window."""

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.welcome: WelcomeWindow | None = None
        self.backup: AutomaticBackup | None = None
        self.stopping = False  # the process is being ended: nothing new opens
        # Where the user was in the journal last closed (ids only, in memory), for its return.
        self._place: tuple[Path, dict[str, int]] | None = None
        self._ahead: UnlockAhead | None = None
        self._left: Path | None = None  # the journal left for another: Cancel goes back to it
        self._choosing = False  # the welcome window's file chooser is up for a switch
        self.opening: Path | None = None  # being unlocked (automatically or by asking)
        self.unlocking: UnlockDialog | None = None  # its dialog, while it asks
        self._pending: Request | None = None  # asked for by another launch meanwhile
        self.server: InstanceServer | None = None  # hears the user's other launches
        self.session_lock: SessionLock | None = None  # hears the screen lock and the sleep
        private_settings()  # before anything (recent journals, preferences) writes to it
        for name in FOR_THREADS:
            importlib.import_module(name)

    def start(self, path: Path | None, ahead: UnlockAhead | None = None) -> None:
        """Open ``path``, else the most recent journal, else the welcome window.

        ``ahead`` is an unlock of ``path`` the command line started while the app loaded.
        """
        self._ahead = ahead
        if path is None:
            path = next((p for p in recent_journals() if p.exists()), None)
        if path is None:
            self.show_welcome()
        else:
            self.unlock(path, automatic=True)

    def show_welcome(self) -> None:
        """The welcome window: create or open a journal."""
        welcome = self.welcome_window()
        welcome.show()
        welcome.raise_()

    def welcome_window(self) -> WelcomeWindow:
        """The welcome window, made (not shown) the first time: its file chooser serves
        Journal > Open… too."""
        if self.welcome is None:
            self.welcome = WelcomeWindow()
            self.welcome.journal_chosen.connect(self._chosen)
            self.welcome.journal_created.connect(self.show_main)
        return self.welcome

    def _chosen(self, path: Path) -> None:
        self._choosing = False
        self.unlock(path, automatic=True)

    def _automatic_passphrase(self, path: Path) -> tuple[Journal, str] | str:
        """Try the keychain, then ILTDESK_PASSPHRASE: the journal and the passphrase that
        opened it, or a message ("" when there was nothing to try)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and _resolved(ahead.path) != path:
            stale = ahead  # of another journal: let go of on a worker, nobody waits for it
            Worker(lambda progress: stale.discard(), name="iltdesk-unlock-discard").start()
            ahead = None
        if ahead is None:  # the same attempt the command line starts early, made now
            ahead = UnlockAhead(path)  # the keychain, then ILTDESK_PASSPHRASE (store.opening)
        return self._finish_ahead(ahead)

    def _finish_ahead(self, ahead: UnlockAhead) -> tuple[Journal, str] | str:
        # Its thread is waited for on a worker: the window paints and signals are heard.
        outcome = run_waiting(lambda progress: ahead.outcome())
        if self.stopping:  # a signal ended the app meanwhile: nothing new opens
            if isinstance(outcome, Unlocked):
                outcome.connection.close()
            return ""
        if outcome is None:
            return ""
        if not isinstance(outcome, Unlocked):
            return not_opened(outcome)
        try:  # adopt closes the connection if it fails
            return adopt(ahead.path, outcome.connection, outcome.secret), outcome.secret
        except JournalError as exc:
            return not_opened(exc)

    def unlock(self, path: Path, *, automatic: bool) -> None:
        """Open ``path``: automatically if a passphrase is at hand, else by asking."""
        path = _resolved(path)  # the real file, so every companion-file check sees it
        self.opening = path
        try:
            self._unlock(path, automatic=automatic)
        finally:
            self.opening = None if self.opening == path else self.opening
        pending, self._pending = self._pending, None
        if pending is not None:
            QTimer.singleShot(0, self, lambda: self.open_from_elsewhere(pending))

    def _unlock(self, path: Path, *, automatic: bool) -> None:
        message = ""
        if automatic:
            opened = self._automatic_passphrase(path)
            if self.stopping:  # a signal ended the app while it was unlocking
                if isinstance(opened, tuple):
                    opened[0].close()
                return
            if isinstance(opened, tuple):
                self.show_main(*opened)
                return
            message = opened
        parent = self.welcome if self.welcome is not None and self.welcome.isVisible() else None
        dialog = UnlockDialog(path, parent, message=message)
        self.unlocking = dialog
        accepted = bool(dialog.exec())
        self.unlocking = None
        dialog.deleteLater()  # a child of the welcome window would otherwise live on
        if self.stopping:  # a signal ended the app while the dialog was up
            if dialog.journal is not None:
                dialog.journal.close()
            return
        left, self._left = self._left, None
        if accepted and dialog.journal is not None:
            secret, dialog.secret = dialog.secret, None
            self.show_main(dialog.journal, secret)
        elif dialog.switch_to is not None:  # another launch asked for another journal
            self._left = left or path  # its Cancel comes back here
            self.unlock(dialog.switch_to, automatic=False)
        elif left is not None and left != path and not dialog.choose_other:
            self.unlock(left, automatic=False)  # not this one after all: back to the one left
        elif dialog.choose_other or self.window is None:
            self.show_welcome()
            if dialog.choose_other and self.welcome is not None:
                self.welcome.browse()

    def show_main(self, journal: Journal, secret: str | None = None) -> None:
        """Show the main window on an unlocked journal.

        ``secret``, the passphrase that just unlocked it, keys the day's backup file and is
        not kept (without it, the backup holds the journal while it copies).
        """
        add_recent(journal.path)
        if self.welcome is not None:
            self.welcome.hide()
        self._left = None
        self.window = MainWindow(AppContext(journal))
        self.window.lock_requested.connect(self.lock)
        self.window.open_journal_requested.connect(self.open_journal)
        self.window.new_journal_requested.connect(self.new_journal)
        self.window.show()
        # Today and the leads came from plain SQL; load the ORM for everything else once the
        # window has painted, so opening a lead seldom waits for it. On this thread, in
        # pieces between events: a thread importing while PySide6 does can abort the app.
        QTimer.singleShot(ORM_AFTER_MS, self._load_orm_in_steps)
        # The day's backup, on a worker thread once the window has settled; it reports in
        # the status bar, never modally.
        self.backup = AutomaticBackup(self.window, journal, secret)
        self.backup.start_later()
        place, self._place = self._place, None
        if place is not None and place[0] == journal.path:
            self.window.go_to(place[1])
        if os.environ.get("ILTDESK_QUIT_WHEN_SHOWN") == "1":
            # For tools/bundle_smoke.py and bench: the window is up; close it as a person
            # would (closeEvent saves and releases), which quits the app.
            QTimer.singleShot(0, self.window.close)

    def _load_orm_in_steps(self, step: int = 0) -> None:
        load_orm(step)
        if step < len(ORM_STEPS):
            QTimer.singleShot(0, self, lambda: self._load_orm_in_steps(step + 1))
        else:
            # Everything imported so far lives as long as the app: frozen out of the garbage
            # collector's sweeps, a full collection takes 0.1 ms instead of ~160 ms, which
            # otherwise lands on whatever the person is doing (a tab, a keystroke).
            gc.collect()
            gc.freeze()

    def _not_saved(self, *, locking: bool) -> str:
        if locking:
            return self.tr(
                "Not locked: your latest changes could not be saved yet (see the message on "
                "the right). Free some space or fix the problem, then lock again."
            )
        return self.tr(
            "This journal stays open: your latest changes could not be saved yet (see the "
            "message on the right). Free some space or fix the problem, then try again."
        )

    def _close_current(self, refused: str) -> Path | None:
        """Save and close the open journal, its key forgotten and the day's backup finished;
        its path. None, and the window stays with a message, if the latest text cannot be
        saved: closing would lose it."""
        window = self.window
        if window is None:
            return None
        if not window.context.flush_all():
            # Stay open, keep the text, say why, and try saving again at the next idle period.
            window.statusBar().showMessage(refused, 15000)
            window.idle_timer.start()
            return None
        path = window.context.journal.path
        self._place = (path, window.place())
        window.release()
        window.context.journal.close()
        window.hide()
        window.deleteLater()
        self.window = None
        self.backup = None
        return path

    def lock(self) -> None:
        """Save, close the journal (forgetting its key) and ask for the passphrase again."""
        path = self._close_current(self._not_saved(locking=True))
        if path is not None:
            self.unlock(path, automatic=False)

    def open_journal(self, path: Path | None) -> None:
        """Journal > Open… or a recent journal: close this one, open ``path`` (None: the
        person chooses a file). Cancelling returns to this one, asking its passphrase."""
        left = self._close_current(self._not_saved(locking=False))
        if left is None:
            return
        self._left = left
        if path is not None:
            self.unlock(path, automatic=True)
            return
        self._choosing = True
        welcome = self.welcome_window()
        welcome.browse()  # a choice comes back through journal_chosen (_chosen)
        if self._choosing:  # cancelled
            self._choosing = False
            self._left = None
            self.unlock(left, automatic=False)

    def new_journal(self) -> None:
        """Journal > New…: close this journal, then create one; Cancel returns to this one."""
        left = self._close_current(self._not_saved(locking=False))
        if left is None:
            return
        dialog = CreateJournalDialog()
        created = bool(dialog.exec()) and dialog.journal is not None
        dialog.deleteLater()
        if self.stopping:
            if dialog.journal is not None:
                dialog.journal.close()
        elif created and dialog.journal is not None:
            self.show_main(dialog.journal)
        else:
            self.unlock(left, automatic=False)

    def listen(self, claim: Claim) -> None:
        """Hear the user's other launches and the screen lock from now on (once the first
        window is up: QtNetwork and QtDBus are imported here)."""
        self.server = claim.listen()
        if self.server is not None:
            self.server.requested.connect(self.open_from_elsewhere)
        self.session_lock = session_lock.watch(self.lock_with_session)

    def lock_with_session(self, why: str) -> None:
        """The screen locked or the computer is going to sleep: the idle timer's lock."""
        if self.window is not None and not self.stopping:
            self.window.lock_requested.emit()

    def open_from_elsewhere(self, request: Request) -> None:
        """Another launch, or macOS opening a file in this app, asked for it: answered as
        ``single_instance_ui.answer`` says, once a journal being opened has its window."""
        if self.window is None and self.unlocking is None and self.opening is not None:
            self._pending = request
        elif not self.stopping:
            answer(self, request, None if request.journal is None else _resolved(request.journal))

    def save(self) -> None:
        """Save every pending edit (the session manager asks before logging out)."""
        if self.window is not None and not self.window.context.journal.closed:
            self.window.context.flush_all()

    def close_journal(self, quick: bool) -> None:
        """Save, finish what is due and close the journal, as the process is about to end
        (a signal, the session, a lost display, a quit). Safe to call more than once.

        ``quick``: someone else decides when the process ends, so nothing waits long.
        """
        if self._ahead is not None:  # an unlock the command line started, never used
            self._ahead.discard()
            self._ahead = None
        window = self.window
        if window is None or window.context.journal.closed:
            return
        # What cannot be saved now (a full disk) is lost with the process: nothing can keep it.
        window.context.flush_all()
        window.release(quick=quick)
        window.context.journal.close()
        if self.backup is not None:
            self.backup.settle()


def launch(
    journal: Path | None = None, ahead: UnlockAhead | None = None, *, claim: Claim | None = None
) -> int:
    """Run the app (the ``iltdesk.app`` entry point the CLI's ``open`` command calls).
    ``claim``: this launch was already found to be the app (``single_instance.launch``,
    which starts ``ahead``, the command line's unlock of ``journal``, only then); without one
    it hands over first, as that does."""
    process.make_private()  # also when launched without the command line
    # Before QApplication: with no display its constructor aborts, and the handler says so in
    # one line instead (exit code 2).
    messages = install_message_handler()
    if ahead is not None:
        messages.abandon = ahead.discard
    claim = claim or single_instance.arrange_launch(journal)
    if claim is None:
        if ahead is not None:
            ahead.discard()
        return 0  # the app already running opens it
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    messages.started()
    app.setApplicationName("iltdesk")
    app.setOrganizationName("iltdesk")
    app.setApplicationDisplayName("iltdesk")
    # Lets Wayland docks match the window to its desktop entry (named by the app id,
    # packaging/linux/org.iltdesk.iltdesk.desktop) and its icon.
    app.setDesktopFileName("org.iltdesk.iltdesk")
    translation.install(app)  # the locale (dates, week start, paper) and any translation
    theme.apply(app)
    app.setWindowIcon(app_icon())
    crash.install()
    controller = AppController()
    messages.close_journal = controller.close_journal
    shutdown = Shutdown(app, controller.close_journal, controller.save)
    # Heard from the first turn of the event loop: while the key is derived, or once the
    # welcome window is up (importing QtNetwork and listening take ~20 ms).
    QTimer.singleShot(0, controller, lambda: controller.listen(claim))
    file_opens = FileOpenFilter(controller.open_from_elsewhere)
    if sys.platform == "darwin":  # only there do files arrive as events (no cost elsewhere)
        app.installEventFilter(file_opens)
    with contextlib.suppress(Interrupted):  # a signal while a migration or a compaction ran
        controller.start(journal, ahead)
    result = 0 if shutdown.stopping else app.exec()
    controller.close_journal(True)
    claim.release()
    if controller.server is not None:
        controller.server.close()
    if controller.session_lock is not None:
        controller.session_lock.stop()
    shutdown.uninstall()
    if cut_short():  # work behind a dialog still runs (Interrupted): it ends with us
        leave_now(int(result))
    return int(result)
