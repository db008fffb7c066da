"""The Trash by keys: a note deleted from its ⋯ menu is in the Trash (Go → Trash), comes
back with Return and is on its page again; Delete and "Empty Trash…" ask, then remove."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk import trash
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS, add_note, delete_note, notes_on
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, choose_in_menu, settle, show_main_window, tab_to
from tests.keys import press_button as press
from ui.kit.pages import ReflectPage
from ui.kit.record_actions import TO_TRASH
from ui.reflect.tensions.page import TensionsPage
from ui.shell.menus import TRASH_SHORTCUT
from ui.trash.page import TrashPage

pytestmark = pytest.mark.usefixtures("app_look")

DAY = date(2026, 10, 6)


def test_a_note_deleted_by_keys_is_restored_from_the_trash_by_keys(
    qtbot: QtBot, journal: Journal
) -> None:
    add_note(journal, "fast_slow", -1, note="Pilot the huddles first", noted_on=DAY)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    choose_in_menu(keys, "Te&nsions")
    keys.shortcut("Alt+G")
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), TensionsPage))
    page = window.reflect.pages[ReflectPage.TENSIONS]
    assert isinstance(page, TensionsPage)
    tab_to(keys, lambda w: w is page.overview)
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Down, times=[t.key for t in TENSIONS].index("fast_slow"))
    asked: list[str] = []

    def agree(box: QMessageBox) -> None:
        asked.append(box.text())
        press(keys, "Delete")

    keys.then_in(QMessageBox, agree)
    tab_to(keys, lambda w: w is page.note_cards[0].actions_button)
    choose_in_menu(keys, "Delete…")
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: notes_on(journal, "fast_slow") == [])
    assert asked and asked[0].endswith(TO_TRASH)

    keys.shortcut(TRASH_SHORTCUT)
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), TrashPage))
    bin_page = window.pages.currentWidget()
    assert isinstance(bin_page, TrashPage)
    row = bin_page.list.topLevelItem(0)
    assert row is not None and row.text(0) == "Tension note"
    assert "Pilot the huddles first" in row.text(1) and row.text(4) == "30 more days"
    keys.enter()  # Return restores
    assert bin_page.list.topLevelItemCount() == 0
    assert bin_page.message.text().startswith("Restored Tension note")

    press(keys, "Show it")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    settle()
    assert [c.note.note for c in page.note_cards] == ["Pilot the huddles first"]
    window.release()
    path = journal.path
    journal.close()
    with Journal.open(path, PASSPHRASE) as again:
        assert [n.note for n in notes_on(again, "fast_slow")] == ["Pilot the huddles first"]
        assert trash.trash_items(again) == []


def test_delete_forever_and_empty_trash_ask_first(qtbot: QtBot, journal: Journal) -> None:
    for words in ("First", "Second", "Third"):
        delete_note(journal, add_note(journal, "fast_slow", 1, note=words, noted_on=DAY).id or 0)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    keys.shortcut(TRASH_SHORTCUT)
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), TrashPage))
    bin_page = window.pages.currentWidget()
    assert isinstance(bin_page, TrashPage)
    assert bin_page.list.topLevelItemCount() == 3
    keys.then_in(QMessageBox, lambda _box: press(keys, "Delete forever"))
    keys.press(Key.Key_Delete)
    assert bin_page.list.topLevelItemCount() == 2
    cancelled = keys.then_in(QMessageBox, lambda _box: keys.escape())  # Cancel: nothing goes
    press(keys, "Empty Trash…")
    assert cancelled and bin_page.list.topLevelItemCount() == 2
    keys.then_in(QMessageBox, lambda _box: press(keys, "Delete forever"))
    press(keys, "Empty Trash…")
    assert bin_page.list.topLevelItemCount() == 0 and bin_page.empty_hint.isVisibleTo(bin_page)
    assert trash.trash_items(journal) == []
    window.release()
