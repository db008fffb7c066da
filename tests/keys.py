"""Driving the app from the keyboard, as a person does.

Every key goes to ``QApplication.focusWidget()`` of the active window: whatever a person's
keystroke would reach. Nothing here calls a slot, ``accept()`` or ``click()``.

A modal dialog's ``exec()`` blocks the test until the dialog closes, so what a person does in
it is queued first with ``Keys.then_in(...)``: it runs once a window of that kind is active.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from tests.dialogs import type_text
from ui.journal.unlock import UnlockDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from iltdesk.store.journal import Journal
    from ui.shell.main_window import MainWindow

W = TypeVar("W", bound=QWidget)
Key = Qt.Key
Mod = Qt.KeyboardModifier
POLL_MS = 10
WAIT_MS = 10_000


def focused() -> QWidget:
    """The widget a keystroke would reach now: an open menu or popup first, as on screen."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, f"no widget has focus (active window: {active()!r})"
    return widget


def active() -> QWidget | None:
    """The window a person is looking at: a modal dialog if one is up, else the active window."""
    return QApplication.activeModalWidget() or QApplication.activeWindow()


def settle(ms: int = 0) -> None:
    """Let queued events (timers at 0, deferred deletes, repaints) run."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)


def _has_focus(window: QWidget) -> bool:
    """``window`` is up and keystrokes reach a widget inside it (focus moves a moment after
    a dialog activates: until then they would still reach the window behind)."""
    widget = QApplication.focusWidget()
    return window.isVisible() and widget is not None and widget.window() is window


class Keys:
    """Presses keys on the focused widget, and counts the ones that are not typed text
    (Tab, Enter, Escape, arrows, shortcuts): the keystroke budget of a journey."""

    def __init__(self) -> None:
        self.count = 0
        self.log: list[str] = []

    def press(self, key: Key, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
        """Press ``key`` (with ``modifier``) ``times`` times on whatever has focus."""
        for _ in range(times):
            self.count += 1
            self.log.append(f"{modifier.name}+{key.name}")
            QTest.keyClick(focused(), key, modifier)
            settle()

    def shortcut(self, sequence: str) -> None:
        """Press a shortcut written as Qt writes it ("Ctrl+Shift+N", "Ctrl+,", "F1")."""
        from PySide6.QtGui import QKeySequence

        combo = QKeySequence(sequence)[0]
        self.press(combo.key(), combo.keyboardModifiers())

    def type(self, text: str) -> None:
        """Type ``text`` into the focused widget (typed text is not counted)."""
        type_text(focused(), text)
        settle()

    def enter(self) -> None:
        self.press(Key.Key_Return)

    def tab(self, times: int = 1) -> None:
        self.press(Key.Key_Tab, times=times)

    def escape(self) -> None:
        self.press(Key.Key_Escape)

    def then_in(
        self, kind: type[W], act: Callable[[W], None], *, timeout_ms: int = WAIT_MS
    ) -> list[W]:
        """Once a window of ``kind`` is active and has focus, run ``act(window)``: queue this
        *before* the key that opens a modal dialog. The returned list receives the window
        (empty if it never came: the test then fails on what it expected)."""
        seen: list[W] = []
        waited = [0]
        test = GENERATION[0]

        def poll() -> None:
            if GENERATION[0] != test:
                return  # its test has ended: a later test's window is not for it
            window = active()
            if isinstance(window, kind) and _has_focus(window):
                assert isinstance(window, kind)
                seen.append(window)
                act(window)
                return
            waited[0] += POLL_MS
            if waited[0] < timeout_ms:
                QTimer.singleShot(POLL_MS, poll)

        QTimer.singleShot(0, poll)
        return seen

    def unlock_with(self, passphrase: str, *, timeout_ms: int = WAIT_MS) -> list[UnlockDialog]:
        """Queue what a person does in the unlock dialog: type ``passphrase``, press Enter.
        The returned list receives the dialog once it came."""

        def unlock(_dialog: UnlockDialog) -> None:
            self.type(passphrase)
            self.enter()

        return self.then_in(UnlockDialog, unlock, timeout_ms=timeout_ms)


class DesktopKeys(Keys):
    """Keys, with what a window manager does between them: when a dialog closes, the window
    under it is active again. The offscreen platform leaves no window active instead, and
    keys would then reach nothing."""

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


def wait_for_active(kind: type[W], timeout_ms: int = WAIT_MS) -> W:
    """Wait (running events) until a window of ``kind`` is active with focus; return it."""
    waited = 0
    while waited < timeout_ms:
        window = active()
        if isinstance(window, kind) and _has_focus(window):
            return window
        settle(POLL_MS)
        QTest.qWait(POLL_MS)
        waited += 2 * POLL_MS
    raise AssertionError(f"no active {kind.__name__}; active is {active()!r}")


def show_main_window(qtbot: QtBot, journal: Journal) -> MainWindow:
    """The main window on ``journal``, shown and active, as after unlocking it."""
    from ui.kit.context import AppContext
    from ui.shell.main_window import MainWindow

    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    return wait_for_active(MainWindow)


# Bumped when a test ends (tests/conftest.py), so a waiter that never saw its window (a test
# asserting that a dialog does not open) cannot act on a later test's dialog.
GENERATION = [0]

TAB_LIMIT = 80  # more Tabs than any window of the app has stops


def tab_to(keys: Keys, wanted: Callable[[QWidget], bool]) -> QWidget:
    """Press Tab until the focused widget is ``wanted``, as a person looks for a field."""
    for _ in range(TAB_LIMIT):
        widget = QApplication.focusWidget()  # none yet after a dialog closed: Tab gives it back
        if widget is not None and wanted(widget):
            return widget
        keys.tab()
    raise AssertionError(f"Tab never reached it; focus is on {QApplication.focusWidget()!r}")


def press_button(keys: Keys, text: str) -> None:
    """Tab to the button labelled ``text`` (its mnemonic's & aside) and press Space."""
    from PySide6.QtWidgets import QAbstractButton

    def is_it(widget: QWidget) -> bool:
        return isinstance(widget, QAbstractButton) and widget.text().replace("&", "") == text

    tab_to(keys, is_it)
    keys.press(Qt.Key.Key_Space)


def choose_in_menu(keys: Keys, entry: str) -> None:
    """Once a menu pops up (queued before the key that opens it), arrow down to ``entry`` and
    press Return: a menu is a popup, so the keys reach it, not the focused widget."""

    def poll() -> None:
        from PySide6.QtWidgets import QMenu

        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, poll)
            return
        for _ in range(len(menu.actions())):
            keys.press(Qt.Key.Key_Down)
            active = menu.activeAction()
            if active is not None and active.text() == entry:
                keys.press(Qt.Key.Key_Return)
                return
        raise AssertionError(f"no {entry!r} in the menu")

    QTimer.singleShot(0, poll)
