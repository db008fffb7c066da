"""Journal > New…, Open… and Open recent from the main window, from the keyboard: the open
journal is saved and closed as a lock closes it, then the other one opens; cancelling goes
back to the journal left (asking its passphrase), never to no window at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from iltdesk import keychain
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.keys import Key, Keys, Mod, settle, wait_for_active
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.recent import add_recent
from ui.journal.unlock import UnlockDialog
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

TYPED = "maple river quiet lantern 42"  # ASCII: typed key by key


pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _journal(path: Path, lead: str, secret: str = PASSPHRASE) -> Path:
    with Journal.create(path, secret) as journal:
        add_lead(journal, lead)
    return path


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    """Journal A (Maya Ortiz; its passphrase remembered) and journal B (Daniel Kim; typed)."""
    a = _journal(tmp_path / "a.iltdesk", "Maya Ortiz")
    b = _journal(tmp_path / "b.iltdesk", "Daniel Kim", TYPED)
    keychain.remember(a, PASSPHRASE)
    add_recent(b)
    return a.resolve(), b.resolve()


@pytest.fixture
def controller(qtbot: QtBot, two: tuple[Path, Path]) -> Iterator[AppController]:
    """The app opened on journal A, as ``iltdesk open A`` opens it (the keychain answers)."""
    app = AppController()
    app.start(two[0])
    assert app.window is not None
    wait_for_active(MainWindow)
    yield app
    app.stopping = True
    app.close_journal(True)
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    settle()


def _menu(keys: Keys, letter: Key, *entries: Key) -> None:
    """Alt+``letter`` opens a menu; each of ``entries`` is pressed in the open menu (a menu
    is a popup: keys reach it, not the focused widget). As tests/test_ui_menus.py does."""
    keys.press(letter, Mod.AltModifier)
    for key in entries:
        popup = QApplication.activePopupWidget()
        assert popup is not None, "no menu is open"
        keys.count += 1
        QTest.keyClick(popup, key)
        settle()


def _names(app: AppController) -> list[str]:
    assert app.window is not None and app.window.isVisible()
    return [s.name for s in lead_summaries(app.window.context.journal)]


def _type_passphrase(secret: str) -> Callable[[UnlockDialog], None]:
    def act(_dialog: UnlockDialog) -> None:
        keys = Keys()
        keys.type(secret)
        keys.enter()

    return act


def test_open_recent_from_the_menu_closes_this_journal_and_opens_the_other(
    controller: AppController, two: tuple[Path, Path]
) -> None:
    a_window = controller.window
    assert a_window is not None
    a_journal = a_window.context.journal
    keys = Keys()
    asked = keys.then_in(UnlockDialog, _type_passphrase(TYPED))  # B is not remembered
    _menu(keys, Key.Key_J, Key.Key_R, Key.Key_1)  # Journal > Open recent > 1 b.iltdesk
    wait_for_active(MainWindow)
    assert asked and asked[0].path == two[1]
    assert a_journal.closed and not (shiboken6.isValid(a_window) and a_window.isVisible())
    assert _names(controller) == ["Daniel Kim"]
    assert controller.window is not None and controller.window.context.journal.path == two[1]


def test_open_chooses_a_file_and_a_remembered_journal_opens_without_asking(
    controller: AppController, two: tuple[Path, Path], tmp_path: Path
) -> None:
    c = _journal(tmp_path / "c.iltdesk", "Rosa Delgado")
    keychain.remember(c, PASSPHRASE)
    keys = Keys()

    def choose(dialog: QFileDialog) -> None:
        Keys().type(str(c))
        Keys().enter()

    chooser = keys.then_in(QFileDialog, choose)
    keys.shortcut("Ctrl+O")
    wait_for_active(MainWindow)
    assert chooser
    assert _names(controller) == ["Rosa Delgado"]


def test_cancelling_the_file_chooser_goes_back_to_the_journal_left(
    controller: AppController, two: tuple[Path, Path]
) -> None:
    keys = Keys()
    chooser = keys.then_in(QFileDialog, lambda _d: Keys().escape())
    asked = keys.then_in(UnlockDialog, _type_passphrase(PASSPHRASE), timeout_ms=20_000)
    keys.shortcut("Ctrl+O")
    wait_for_active(MainWindow)
    assert chooser and asked and asked[0].path == two[0]  # asked, as after a lock
    assert _names(controller) == ["Maya Ortiz"]


def test_cancelling_the_other_journals_passphrase_goes_back_to_the_journal_left(
    controller: AppController, two: tuple[Path, Path]
) -> None:
    keys = Keys()
    other = keys.then_in(UnlockDialog, lambda _d: Keys().escape())  # B: changed my mind
    back = keys.then_in(UnlockDialog, _type_passphrase(PASSPHRASE), timeout_ms=20_000)
    _menu(keys, Key.Key_J, Key.Key_R, Key.Key_1)
    wait_for_active(MainWindow)
    assert other and other[0].path == two[1]
    assert back and back[0].path == two[0]
    assert _names(controller) == ["Maya Ortiz"]


def test_new_journal_cancelled_goes_back_to_the_journal_left(
    controller: AppController, two: tuple[Path, Path]
) -> None:
    a_journal = controller.window.context.journal if controller.window else None
    keys = Keys()
    created = keys.then_in(CreateJournalDialog, lambda _d: Keys().escape())
    back = keys.then_in(UnlockDialog, _type_passphrase(PASSPHRASE), timeout_ms=20_000)
    _menu(keys, Key.Key_J, Key.Key_N)  # Journal > New journal…
    wait_for_active(MainWindow)
    assert created and back and back[0].path == two[0]
    assert a_journal is not None and a_journal.closed  # it was closed before the dialog
    assert _names(controller) == ["Maya Ortiz"]
