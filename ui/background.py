"""Run a long operation off the UI thread, with a progress dialog, and get its result back."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
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

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle("iltdesk")
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    worker = threading.Thread(target=target, name="iltdesk-operation", daemon=True)
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: None if worker.is_alive() else dialog.accept())
    worker.start()
    timer.start(POLL_MS)
    dialog.exec()
    worker.join()
    timer.stop()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
