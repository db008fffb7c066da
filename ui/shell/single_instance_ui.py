"""What the running app does when another launch asks for it (``single_instance``), and
macOS's way of asking: a file opened in the running app arrives as a ``QFileOpenEvent``."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.shell.single_instance import Request

if TYPE_CHECKING:
    from ui.shell.app import AppController


def answer(controller: AppController, request: Request, wanted: Path | None) -> None:
    """Come to the front, and open ``wanted`` (the request's journal, resolved) where that
    closes nothing the person has open: see docs/desktop.md's table."""
    modal = QApplication.activeModalWidget()
    unlocking = controller.unlocking
    shown = modal or controller.window or unlocking or controller.welcome_window()
    bring_forward(shown, request.tokens)
    if wanted is None or modal not in (None, unlocking):
        return  # a dialog is up: the person finishes it first
    window = controller.window
    if window is not None:
        current = window.context.journal.path
        asked = wanted != current and ask_to_switch(window, wanted, current)
        if asked and controller.window is window and not controller.stopping:
            controller.open_journal(wanted)  # saves and locks the open one first
    elif unlocking is not None:
        if wanted != unlocking.path:  # locked: ask for the one asked for instead
            unlocking.switch_to = wanted
            unlocking.reject()
    else:  # the welcome window
        controller.unlock(wanted, automatic=True)


def bring_forward(window: QWidget, tokens: dict[str, str]) -> None:
    """Show ``window`` in front, with the focus if the desktop allows it.

    The launcher's activation token is what lets a background app take the focus on Wayland
    (Qt reads ``XDG_ACTIVATION_TOKEN`` when it asks to be activated); without one the desktop
    may only mark the window as wanting attention.
    """
    for key, value in tokens.items():
        os.environ[key] = value
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def ask_to_switch(window: QWidget, wanted: Path, current: Path) -> bool:
    """Another journal is open: whether the person wants ``wanted`` instead (the open one is
    saved and locked first; nothing closes without asking)."""

    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("SingleInstance", "Open another journal?"))
    box.setText(
        QCoreApplication.translate("SingleInstance", "Open {wanted}?").format(wanted=wanted.name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "SingleInstance",
            "{current} is open. It is saved and locked first; you will need its passphrase "
            "to return to it.",
        ).format(current=current.name)
    )
    switch = box.addButton(
        QCoreApplication.translate("SingleInstance", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(switch)
    box.exec()
    chosen = box.clickedButton() is switch
    box.deleteLater()
    return chosen


class FileOpenFilter(QObject):
    """macOS opens a document in the running app (a double-clicked journal, one dropped on
    the Dock icon) with a ``QFileOpenEvent``, not a second launch: the same request."""

    def __init__(self, requested: Callable[[Request], None]) -> None:
        super().__init__()
        self._requested = requested

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self._requested(Request(Path(event.file()), {}))
            return True
        return False
