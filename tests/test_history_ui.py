"""The History panel by keys: a 1:1's notes typed in two sessions, the older version
brought back from the History, and still there when the journal is opened again."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.history import versions
from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, Mod, settle, show_main_window, wait_for_active
from tests.test_history import _pause
from ui.kit.history_panel import HISTORY_SHORTCUT, HistoryPanel
from ui.lead.one_on_ones.editor import OneOnOneEditor
from ui.lead.page import ONE_ON_ONES


def _typed_and_saved(
    qtbot: QtBot, keys: DesktopKeys, journal: Journal, meeting: int, text: str
) -> None:
    keys.press(Key.Key_End, Mod.ControlModifier)
    keys.type(text)
    qtbot.waitUntil(lambda: text.strip() in get_one_on_one(journal, meeting).notes, timeout=5000)


def test_restore_an_older_version_by_keys(qtbot: QtBot, journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, maya).id or 0
    save_one_on_one(journal, meeting, notes="Goals first.")
    _pause(journal, "one_on_one", meeting)
    window = show_main_window(qtbot, journal)
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    editor: OneOnOneEditor = window.lead_page.one_on_ones.editor
    editor.notes.setFocus()
    settle()
    keys = DesktopKeys()
    _typed_and_saved(qtbot, keys, journal, meeting, " Then norms.")  # "Goals first." kept
    _pause(journal, "one_on_one", meeting)
    _typed_and_saved(qtbot, keys, journal, meeting, " Oops.")  # "... Then norms." kept

    keys.shortcut(HISTORY_SHORTCUT)
    panel = wait_for_active(HistoryPanel)
    assert panel.list.count() == 3 and panel.list.currentRow() == 1  # Now, then two kept
    keys.escape()  # closes, changing nothing
    assert not panel.isVisible()

    keys.shortcut(HISTORY_SHORTCUT)
    panel = wait_for_active(HistoryPanel)
    keys.press(Key.Key_Down)  # the older version
    assert panel.browser.toPlainText().strip() == "Goals first."  # the first: nothing before
    keys.press(Key.Key_N, Mod.AltModifier)  # Compare with the text now
    # Struck through: written since. (A mnemonic clicks a moment after the key.)
    qtbot.waitUntil(lambda: "Then norms. Oops." in panel.browser.toPlainText(), timeout=2000)
    asked = keys.then_in(QMessageBox, lambda _box: keys.enter())
    keys.press(Key.Key_R, Mod.AltModifier)  # Restore this version…
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)
    assert asked and editor.notes.markdown().strip() == "Goals first."

    assert window.close()
    journal.close()
    with Journal.open(journal.path, PASSPHRASE) as reopened:
        assert get_one_on_one(reopened, meeting).notes.strip() == "Goals first."
        kept = [v.text.strip() for v in versions(reopened, "one_on_one", meeting, "notes")]
        assert kept[0] == "Goals first. Then norms. Oops."  # the restore can be undone


def test_a_challenge_opens_the_history_of_the_part_with_the_cursor(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk.challenge import add_challenge, update_challenge
    from ui.kit.context import AppContext
    from ui.reflect.challenges.page import ChallengesPage

    challenge = add_challenge(journal, "Turnover").id or 0
    update_challenge(journal, challenge, equity="New teachers get the hardest classes")
    _pause(journal, "challenge", challenge)
    update_challenge(journal, challenge, equity="Rewritten")
    page = ChallengesPage(AppContext(journal))
    qtbot.addWidget(page)
    page.show()
    assert page.select_challenge(challenge)
    page.activateWindow()
    page.view.areas["equity"].setFocus()
    settle()
    keys = DesktopKeys()
    keys.shortcut(HISTORY_SHORTCUT)
    panel = wait_for_active(HistoryPanel)
    assert panel.field_name == "equity" and panel.list.count() == 2
    assert "hardest classes" in panel.browser.toPlainText()
    keys.escape()
    assert not panel.isVisible()
