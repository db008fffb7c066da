"""Empty and edge states, driven from the keyboard: a lead with nothing to export, a lead
without 1:1s after one with them, an accidental Ctrl+N, a new journal's Today, and ticking
action items in place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.dialogs import record_boxes
from tests.keys import Key, Keys, Mod, active, settle, wait_for_active
from ui import theme
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def app_look(qapp: QApplication) -> Iterator[None]:
    """The app's own look (Fusion and its style sheet), restored after the test."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    theme.apply(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


class DesktopKeys(Keys):
    """Keys, with what a window manager does between them: when a dialog closes, the window
    under it is active again (the offscreen platform leaves no window active, and keys would
    reach nothing). The same as tests/test_journey.py's; tests/keys.py could hold one."""

    def __init__(self) -> None:
        super().__init__()
        self.windows: list[QWidget] = []  # windows that were active, latest last

    def press(self, key: Key, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self._give_back_focus()
            window = active()
            if window is not None and (not self.windows or self.windows[-1] is not window):
                self.windows.append(window)
            super().press(key, modifier)

    def type(self, text: str) -> None:
        self._give_back_focus()
        super().type(text)

    def _give_back_focus(self) -> None:
        if QApplication.focusWidget() is not None:
            return
        for window in (active(), *reversed(self.windows)):
            if window is not None and isValid(window) and window.isVisible():
                window.activateWindow()
                wait_for_active(type(window))
                return


def _window(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    wait_for_active(MainWindow)
    return window


def go_to_lead(keys: Keys, name: str) -> None:
    """Ctrl+K, a few letters of the name, Enter."""
    from ui.switcher import QuickSwitcher

    def pick(_switcher: QuickSwitcher) -> None:
        keys.type(name)
        keys.enter()

    shown = keys.then_in(QuickSwitcher, pick)
    keys.shortcut("Ctrl+K")
    assert shown, "Ctrl+K did not open the lead switcher"
    settle()


def visible_text(window: QWidget) -> str:
    """Every piece of text a person could read in ``window`` now (labels, buttons, fields,
    list and table rows, tab titles), one per line."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    parts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QTabBar):
            parts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            rows: list[object] = [
                model.index(r, c)
                for r in range(model.rowCount())
                for c in range(model.columnCount())
            ]
            parts.extend(str(model.data(i, Qt.ItemDataRole.DisplayRole) or "") for i in rows)
    return "\n".join(parts)


# -- export ---------------------------------------------------------------------------------


def test_export_for_a_lead_without_a_cycle_says_so(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+E on a lead with no learning cycle: a message saying why, not an empty dialog."""
    from ui.export_dialog import ExportDialog

    add_lead(journal, "Dr. Amara Okafor")
    boxes = record_boxes(monkeypatch)
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "okafor")
    assert window.lead_on_screen() is not None
    opened: list[ExportDialog] = []
    # Were a dialog to open, it is only recorded (so that the test cannot hang on it).
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    keys.shortcut("Ctrl+E")
    assert not opened, "an empty export dialog opened"
    assert [box[1:] for box in boxes] == [
        (
            "Nothing to export yet",
            "Nothing to export yet: Dr. Okafor has no learning cycle. "
            "Start one on the Learning cycles tab.",
        )
    ]
