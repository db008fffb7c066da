"""A lock closes every dialog of the window: nothing of the journal stays on screen over the
unlock dialog (a search's hits, a lead's name being typed), and what was typed comes back as
a draft when the dialog is opened again. Driven by keys; the lock is the idle lock's signal."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.drafts import draft_for
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, Keys, wait_for_active
from ui.journal.unlock import UnlockDialog
from ui.lead.lead_dialog import LeadDialog
from ui.navigation.search_dialog import SearchDialog
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")


@pytest.fixture
def controller(qtbot: QtBot, journal: Journal) -> AppController:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, lead).id or 0
    save_one_on_one(journal, meeting, notes="Walkthrough of the grade 6 exit tickets")
    controller = AppController()
    controller.show_main(journal)
    yield controller
    if controller.window is not None:
        controller.window.close()
        controller.window.context.journal.close()


@pytest.fixture
def window(controller: AppController) -> MainWindow:
    shown = controller.window
    assert shown is not None
    shown.activateWindow()  # offscreen has no window manager to do it
    wait_for_active(MainWindow)
    return shown


def _visible_dialogs() -> list[str]:
    return sorted(
        type(w).__name__
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and isValid(w) and w.isVisible()
    )


def test_a_lock_closes_the_search_and_only_the_unlock_dialog_is_left(
    qtbot: QtBot, controller: AppController, window: MainWindow
) -> None:
    keys = Keys()
    left: list[list[str]] = []

    def search_then_lock(dialog: SearchDialog) -> None:
        keys.type("exit tickets")
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() > 0, timeout=5000)

        def at_unlock(_unlock: UnlockDialog) -> None:
            left.append(_visible_dialogs())  # what the screen shows while it is locked
            keys.type(PASSPHRASE)
            keys.enter()

        keys.then_in(UnlockDialog, at_unlock)
        window.lock_requested.emit()  # what the idle timer does

    seen = keys.then_in(SearchDialog, search_then_lock)
    keys.shortcut("Ctrl+F")
    assert seen, "the search dialog never came"
    assert left == [["UnlockDialog"]]
    assert controller.window is not None and controller.window is not window
    assert "SearchDialog" not in _visible_dialogs()


def test_a_lead_being_added_outlives_the_lock_as_a_draft_and_escape_then_asks(
    qtbot: QtBot, window: MainWindow
) -> None:
    keys = DesktopKeys()

    def type_then_lock(_dialog: LeadDialog) -> None:
        keys.type("Daniel Kim")
        keys.unlock_with(PASSPHRASE)
        window.lock_requested.emit()

    first = keys.then_in(LeadDialog, type_then_lock)
    keys.shortcut("Ctrl+Shift+N")
    assert first
    now = wait_for_active(MainWindow)
    assert now is not window
    restored: list[str] = []
    asked: list[str] = []

    def look_then_escape(dialog: LeadDialog) -> None:
        restored.append(dialog.name.text())
        keys.then_in(QMessageBox, lambda box: (asked.append(box.text()), keys.escape()))
        keys.escape()  # asks first: the typed name is not thrown away silently
        keys.press(Key.Key_Return)  # Keep editing (Escape on the question), then Save

    keys.then_in(LeadDialog, look_then_escape)
    now.activateWindow()
    wait_for_active(MainWindow)
    keys.shortcut("Ctrl+Shift+N")
    assert restored == ["Daniel Kim"]
    assert asked == ["Discard what you typed?"]
    journal = now.context.journal
    assert sorted(s.name for s in lead_summaries(journal)) == ["Daniel Kim", "Maya Ortiz"]
    assert draft_for(journal, "lead", "new") is None  # saved: the draft has served
