"""Ending cleanly however the app is ended: a signal, the session, or the display going away.

Everything here saves what was typed and closes the journal (no WAL left, no keyed temp file)
through one callback, ``close_journal(quick)``: ``quick`` means the process is going away on
someone else's schedule, so nothing may wait long (the day's backup gets a bounded wait).

- SIGTERM (logout, shutdown, ``kill``), SIGHUP (the terminal closed) and SIGINT: Python runs a
  signal handler only when Python code runs, which a Qt event loop may not do for a long time.
  ``signal.set_wakeup_fd`` writes the signal's number to a socket the loop watches
  (``QSocketNotifier``), so the loop wakes and ends the app at once.
- The session manager's ``commitDataRequest`` saves; ``aboutToQuit`` saves and closes.
- A lost display: Qt's xcb and Wayland plugins print a warning and call ``exit()`` at once,
  which would skip every Python clean-up. The message handler sees the warning first.
- No display at all: QApplication's constructor reports a fatal message and aborts (SIGABRT,
  six lines, a core dump). The handler prints one plain line and exits with code 2 instead.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QSocketNotifier,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication

from ui.kit.translation import QT_TRANSLATE_NOOP

# Said on the terminal, translated when the app has a translation installed (before it
# starts there is none, so the first two stay English).
NO_DISPLAY = QT_TRANSLATE_NOOP(
    "shutdown",
    "iltdesk: there is no display to show the window on; use the commands (iltdesk --help), "
    "or run it in a desktop session.",
)
NO_WINDOW_SYSTEM = QT_TRANSLATE_NOOP(
    "shutdown",
    "iltdesk: the window system could not be started (Qt found no usable display plugin); "
    "use the commands (iltdesk --help).",
)
DISPLAY_LOST = QT_TRANSLATE_NOOP(
    "shutdown",
    "iltdesk: the display went away; what you typed was saved and the journal closed.",
)
NO_DISPLAY_EXIT = 2
DISPLAY_LOST_EXIT = 1  # as Qt itself would have exited
# How Qt's plugins say the display is gone (xcb: "The X11 connection broke (error 1). Did the
# X11 server die?"; Wayland: "The Wayland connection broke. Did the Wayland compositor die?").
_LOST = ("connection broke", "display was lost", "lost connection to")  # not shown: Qt's words
_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)

CloseJournal = Callable[[bool], None]


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


class QtMessages:
    """Qt's message handler: one plain line when there is no display, clean-up when it goes.

    Until ``started()`` (QApplication exists), messages are held back: on a fatal one they
    are dropped for one line of ours, otherwise they are printed as Qt would have.
    """

    def __init__(self) -> None:
        self.close_journal: CloseJournal | None = None
        # Called before exiting for want of a display: ends an unlock under way on a thread
        # (closing what it opened, so not even an empty WAL is left beside the journal).
        self.abandon: Callable[[], object] | None = None
        self._held: list[str] = []
        self._started = False
        self._no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))

    def __call__(self, kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if not self._started:
            self._before_start(kind, message)
        elif kind != QtMsgType.QtDebugMsg and any(s in message.lower() for s in _LOST):
            self._display_lost()
        elif kind == QtMsgType.QtFatalMsg:
            self._close(quick=True)  # Qt aborts when this returns: save what can be saved
            _say(message)
        else:
            _say(message)

    def started(self) -> None:
        """QApplication is up: print what was held back and pass messages on from now."""
        self._started = True
        held, self._held = self._held, []
        for message in held:
            _say(message)

    def _before_start(self, kind: QtMsgType, message: str) -> None:
        if "could not connect to display" in message:  # not shown: Qt's words, matched
            self._no_display = True
        if kind != QtMsgType.QtFatalMsg:
            self._held.append(message)
            return
        _say(
            QCoreApplication.translate(
                "shutdown", NO_DISPLAY if self._no_display else NO_WINDOW_SYSTEM
            )
        )
        if self.abandon is not None:
            with contextlib.suppress(Exception):  # exiting regardless; the line is said
                self.abandon()
        os._exit(NO_DISPLAY_EXIT)

    def _display_lost(self) -> None:
        self._close(quick=True)
        _say(QCoreApplication.translate("shutdown", DISPLAY_LOST))
        os._exit(DISPLAY_LOST_EXIT)  # what Qt does next, without its exit-time destructors

    def _close(self, *, quick: bool) -> None:
        if self.close_journal is None:
            return
        try:
            self.close_journal(quick)
        except Exception as exc:  # never raise into Qt; the type only (a message may quote)
            unclean = QCoreApplication.translate(
                "shutdown", "iltdesk: could not close the journal cleanly ({error})."
            )
            _say(unclean.format(error=type(exc).__name__))


def install_message_handler() -> QtMessages:
    """Install the handler; call before QApplication is made, so it sees a missing display."""
    messages = QtMessages()
    qInstallMessageHandler(messages)
    return messages


class Shutdown(QObject):
    """Ends the app cleanly on a signal, and saves when the session asks or the app quits."""

    def __init__(
        self, app: QCoreApplication, close_journal: CloseJournal, save: Callable[[], object]
    ) -> None:
        super().__init__(app)
        self.stopping = False  # a signal came: whatever is in progress must not start anew
        self._app = app
        self._close_journal = close_journal
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)  # set_wakeup_fd requires it; a full socket drops a byte
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        for signum in _SIGNALS:
            signal.signal(signum, _noted)
        if isinstance(app, QGuiApplication):  # logout: the session may end the process next
            app.commitDataRequest.connect(lambda _manager: save())
        app.aboutToQuit.connect(lambda: self._close_journal(True))

    def _woken(self) -> None:
        try:
            received = self._read.recv(64)
        except OSError:
            return
        if any(signum in _SIGNALS for signum in received):
            self.stop()

    def stop(self) -> None:
        """Save, close the journal and end the event loop (every nested one too)."""
        self.stopping = True
        self._close_journal(True)
        self._app.exit(0)

    def uninstall(self) -> None:
        """Give the signals back to Python's defaults (tests make many apps in one process)."""
        signal.set_wakeup_fd(-1)
        for signum in _SIGNALS:
            signal.signal(
                signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
            )
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()


def _noted(_signum: int, _frame: object) -> None:
    """The Python-level handler: its only job is that the wake-up byte gets written."""
