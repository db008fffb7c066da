"""Keep the app alive on an unexpected error: log it without content, tell the user."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from iltdesk.crash_log import enable_native_crash_log, write_report
from ui.kit.worker import Interrupted


def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the app: write a content-free report and show a dialog."""
    if issubclass(kind, Interrupted):  # the app is ending on a signal: nothing went wrong
        return
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    try:
        where = str(write_report(kind, tb))
    except OSError:
        where = QCoreApplication.translate("Crash", "nowhere (the log could not be written)")
    if QApplication.instance() is None:
        return
    QMessageBox.warning(
        QApplication.activeWindow(),
        QCoreApplication.translate("Crash", "Something went wrong"),
        QCoreApplication.translate(
            "Crash",
            "iltdesk hit an unexpected problem ({kind}). Everything already saved is safe, "
            "and the app keeps running.\n\nA short report without any of your notes was "
            "written to {where}.",
        ).format(kind=kind.__name__, where=where),
    )


def install() -> None:
    """Route uncaught exceptions (including those in Qt slots) to ``handle``, and native
    crashes to the crash log (``enable_native_crash_log``: already on when the CLI started
    the app, which does it earlier)."""
    sys.excepthook = handle
    enable_native_crash_log()
