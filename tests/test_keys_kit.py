"""The keyboard kit itself: a modal dialog opened by a shortcut is driven by keys."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from iltdesk.lead import lead_summaries
from iltdesk.store.journal import Journal
from tests.keys import Keys, wait_for_active
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow


def test_a_shortcut_opens_a_dialog_that_keys_fill_in(qtbot: QtBot, journal: Journal) -> None:
    from ui.lead.lead_dialog import LeadDialog

    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    wait_for_active(MainWindow)
    keys = Keys()

    def fill(_dialog: LeadDialog) -> None:
        keys.type("Amara Okafor")
        keys.enter()

    shown = keys.then_in(LeadDialog, fill)
    keys.shortcut("Ctrl+Shift+N")
    assert shown, "the Add lead dialog never came"
    assert [s.name for s in lead_summaries(journal)] == ["Amara Okafor"]
    assert keys.count == 2
