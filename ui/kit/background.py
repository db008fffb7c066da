"""Work off the UI thread behind a progress dialog: run an operation and get its result
back, or wait for a thread already running."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
POLL_MS = 40


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """Run ``work`` in a thread while a modal progress dialog keeps the window responsive.

    The dialog is modal, so nothing else can touch the journal meanwhile; ``work``'s
    exception, if any, is raised here on the UI thread.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed back to the UI thread below
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="iltdesk-operation", daemon=True)
    worker.start()
    wait_with_progress(parent, label, worker)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def wait_with_progress(
    parent: QWidget | None, label: str, worker: threading.Thread, *, skip: str | None = None
) -> bool:
    """Show a modal progress dialog until ``worker`` ends; True when it has.

    ``skip``: the label of a button (Escape too) that stops waiting, the worker going on.
    """
    dialog = QProgressDialog(label, skip or "", 0, 0, parent)
    dialog.setWindowTitle("iltdesk")
    if skip is None:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    if skip is not None:
        dialog.canceled.connect(loop.quit)
    timer.start(POLL_MS)
    dialog.show()
    if worker.is_alive():
        loop.exec()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    return not worker.is_alive()
