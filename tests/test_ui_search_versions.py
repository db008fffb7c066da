"""Search's "Also search earlier versions": off by default, ticked by its mnemonic, a
version row below the regular hits, and Enter opens the record on its History at that
version."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iltdesk.history import versions
from iltdesk.lead import add_lead
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, active, settle, show_main_window
from tests.test_history import _pause
from ui.kit.history_panel import HistoryPanel
from ui.navigation.search_dialog import SearchDialog
from ui.navigation.version_hits import VersionHit, find_versions

pytestmark = pytest.mark.usefixtures("app_look")


def test_an_earlier_version_is_found_when_asked_and_opens_on_its_history(
    qtbot: QtBot, journal: Journal
) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    meeting = start_one_on_one(journal, lead, held_on=date(2026, 11, 3)).id or 0
    save_one_on_one(journal, meeting, notes="We agreed the wombat rota.")
    _pause(journal, "one_on_one", meeting)
    save_one_on_one(journal, meeting, notes="We agreed the duty plan.")
    _pause(journal, "one_on_one", meeting)
    save_one_on_one(journal, meeting, notes="Duty plan agreed.")
    kept = versions(journal, "one_on_one", meeting, "notes")[1]  # not the newest: row 2
    assert find_versions(journal, "wo") == []  # fewer than 3 characters: not looked for
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    seen: list[list[object]] = []

    def find(dialog: SearchDialog) -> None:
        assert not dialog.versions_box.isChecked()  # off at each opening
        keys.type("wombat")
        keys.press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=3000)
        seen.append(list(dialog.results_model.hits))  # the text now no longer says it
        row = dialog.results_model.index(0, 0)
        seen.append([row.data(dialog.results_model.HIT_ROLE), row.data()])
        assert dialog.field.hasFocus()  # typing goes on in the field
        keys.enter()

    keys.then_in(SearchDialog, find)
    keys.shortcut("Ctrl+F")
    qtbot.waitUntil(lambda: isinstance(active(), HistoryPanel), timeout=3000)
    assert seen[0] == []
    found, words = seen[1]
    assert isinstance(found, VersionHit) and found.version == kept
    assert str(words).startswith("Earlier version, until ")
    assert "1:1 with Maria Lopez, 3 Nov 2026, Notes: We agreed the wombat rota." in str(words)
    panel = active()
    assert isinstance(panel, HistoryPanel) and panel.list.currentRow() == 2
    assert panel.field_name == "notes" and panel.record_id == meeting
    keys.escape()
    settle()
    window.release()
