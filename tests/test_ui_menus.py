"""The menus from the keyboard: Alt+letter opens a menu, a letter picks the entry.

Journal asks the app for a new or another journal (with the text just typed saved first),
Edit acts on whichever text field has focus, Help shows the shortcuts and About.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.dialogs import record_boxes
from tests.keys import Key, Keys, Mod, focused, settle, show_main_window, wait_for_active
from ui.journal.recent import add_recent
from ui.kit.context import AppContext
from ui.shell.help import AboutDialog, ShortcutSheet
from ui.shell.main_window import MainWindow, default_size

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _window(qtbot: QtBot, journal: Journal) -> MainWindow:
    return show_main_window(qtbot, journal)


def _menu(keys: Keys, letter: Key, *entries: Key) -> None:
    """Alt+``letter`` opens a menu; each of ``entries`` is pressed in the open menu (a menu
    is a popup: keys reach it, not the focused widget)."""
    keys.press(letter, Mod.AltModifier)
    for key in entries:
        popup = QApplication.activePopupWidget()
        assert popup is not None, "no menu is open"
        keys.count += 1
        QTest.keyClick(popup, key)
        settle()


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _lead_with_meeting(journal: Journal) -> tuple[int, int]:
    lead = add_lead(journal, "Amara Okafor")
    return lead.id or 0, start_one_on_one(journal, lead.id or 0).id or 0


# -- Journal ---------------------------------------------------------------------------------


def test_journal_new_and_open_ask_the_app_after_saving_what_was_typed(
    qtbot: QtBot, journal: Journal
) -> None:
    lead_id, meeting_id = _lead_with_meeting(journal)
    window = _window(qtbot, journal)
    window.show_lead(lead_id)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.one_on_ones)
    notes = page.one_on_ones.editor.notes
    _focus(qtbot, notes)
    keys = Keys()
    keys.type("Talked about norms")
    saved_when_asked: list[str] = []
    window.new_journal_requested.connect(
        lambda: saved_when_asked.append(get_one_on_one(journal, meeting_id).notes)
    )
    asked: list[object] = []
    window.open_journal_requested.connect(asked.append)
    _menu(keys, Key.Key_J, Key.Key_N)  # Journal > New…
    assert len(saved_when_asked) == 1 and "Talked about norms" in saved_when_asked[0]
    _menu(keys, Key.Key_J, Key.Key_O)  # Journal > Open…
    assert asked == [None]
    keys.shortcut("Ctrl+O")
    assert asked == [None, None]


def test_a_recent_journal_opens_from_the_journal_menu(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    other = tmp_path / "other.iltdesk"
    other.write_bytes(b"")
    add_recent(other)
    add_recent(journal.path)  # the open one is not offered
    window = _window(qtbot, journal)
    assert [a.text() for a in window.menus.recent.actions()] == ["&1 other.iltdesk"]
    asked: list[object] = []
    window.open_journal_requested.connect(asked.append)
    keys = Keys()
    _menu(keys, Key.Key_J, Key.Key_R, Key.Key_1)  # Journal > Open recent > 1
    assert asked == [other.resolve()]


def test_the_recent_menu_says_when_there_is_nothing_else(qtbot: QtBot, journal: Journal) -> None:
    window = _window(qtbot, journal)
    entries = window.menus.recent.actions()
    assert [(a.text(), a.isEnabled()) for a in entries] == [("No other journals yet", False)]


def test_journal_lock_from_the_menu(qtbot: QtBot, journal: Journal) -> None:
    window = _window(qtbot, journal)
    locks: list[int] = []
    window.lock_requested.connect(lambda: locks.append(1))
    _menu(Keys(), Key.Key_J, Key.Key_L)
    assert locks == [1]


# -- Edit ------------------------------------------------------------------------------------


def test_edit_menu_acts_on_the_focused_field_of_each_kind(qtbot: QtBot, journal: Journal) -> None:
    lead_id, _meeting = _lead_with_meeting(journal)
    start_cycle(journal, lead_id, goal="Norms")
    window = _window(qtbot, journal)
    keys = Keys()
    _focus(qtbot, window.sidebar.filter)  # a QLineEdit
    keys.type("Amara")
    _menu(keys, Key.Key_E, Key.Key_A)  # Select all
    assert window.sidebar.filter.selectedText() == "Amara"
    _menu(keys, Key.Key_E, Key.Key_T)  # Cut
    assert window.sidebar.filter.text() == ""
    assert QGuiApplication.clipboard().text() == "Amara"
    _menu(keys, Key.Key_E, Key.Key_U)  # Undo
    assert window.sidebar.filter.text() == "Amara"
    window.sidebar.filter.setText("")
    window.show_lead(lead_id)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.one_on_ones)
    notes = page.one_on_ones.editor.notes  # a QTextEdit (MarkdownEdit)
    _focus(qtbot, notes)
    notes.selectAll()
    keys.press(Key.Key_Delete)
    _menu(keys, Key.Key_E, Key.Key_P)  # Paste
    assert notes.toPlainText() == "Amara"
    _menu(keys, Key.Key_E, Key.Key_A)  # Select all
    _menu(keys, Key.Key_E, Key.Key_C)  # Copy
    page.tabs.setCurrentWidget(page.cycles)
    settle()
    boxes = [b for b in window.findChildren(QPlainTextEdit) if b.isVisible() and not b.isReadOnly()]
    assert boxes, "the cycle page shows no plain text box"
    box = boxes[0]  # a QPlainTextEdit
    _focus(qtbot, box)
    box.clear()
    _menu(keys, Key.Key_E, Key.Key_P)  # Paste
    assert box.toPlainText() == "Amara"
    _menu(keys, Key.Key_E, Key.Key_U)  # Undo
    assert box.toPlainText() == ""
    _menu(keys, Key.Key_E, Key.Key_R)  # Redo
    assert box.toPlainText() == "Amara"


def test_edit_entries_are_off_away_from_text(qtbot: QtBot, journal: Journal) -> None:
    window = _window(qtbot, journal)
    _focus(qtbot, window.sidebar.tree)
    keys = Keys()
    keys.press(Key.Key_E, Mod.AltModifier)  # the Edit menu opens...
    names = ("undo", "redo", "cut", "copy", "paste", "selectAll")
    assert [window.menus.actions[n].isEnabled() for n in names] == [False] * 6
    assert window.menus.actions["find"].isEnabled()
    popup = QApplication.activePopupWidget()
    assert popup is not None
    QTest.keyClick(popup, Key.Key_Escape)  # ...and Escape closes it
    settle()
    assert QApplication.activePopupWidget() is None
    _focus(qtbot, window.sidebar.tree)
    QGuiApplication.clipboard().setText("pasted")
    keys.shortcut("Ctrl+V")  # harmless: nothing to paste into
    assert window.sidebar.filter.text() == ""


def test_edit_find_opens_search(qtbot: QtBot, journal: Journal) -> None:
    from ui.navigation.search_dialog import SearchDialog

    _window(qtbot, journal)
    keys = Keys()
    shown: list[SearchDialog] = keys.then_in(SearchDialog, lambda _d: keys.escape())
    _menu(keys, Key.Key_E, Key.Key_F)
    assert shown


# -- Help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["F1", "Ctrl+/", "menu"])
def test_the_shortcut_sheet_opens_and_escape_closes_it(
    qtbot: QtBot, journal: Journal, how: str
) -> None:
    window = _window(qtbot, journal)
    keys = Keys()
    if how == "menu":
        _menu(keys, Key.Key_H, Key.Key_K)
    else:
        keys.shortcut(how)
    sheet = wait_for_active(ShortcutSheet)
    assert not sheet.isModal() and sheet.parent() is window
    keys.escape()
    assert not sheet.isVisible()


def test_the_shortcut_sheet_lists_every_shortcut_of_the_menus(
    qtbot: QtBot, journal: Journal
) -> None:
    window = _window(qtbot, journal)
    Keys().shortcut("F1")
    sheet = wait_for_active(ShortcutSheet)
    text = sheet.table.text()
    for name, act in window.menus.actions.items():
        for sequence in act.shortcuts():
            assert sequence.toString(sequence.SequenceFormat.NativeText) in text, name
    for entry in ("Export a cycle summary (PDF)…", "Go to lead…", "Keyboard shortcuts", "Undo"):
        assert entry in text


def test_about_shows_versions_and_licences(qtbot: QtBot, journal: Journal) -> None:
    import platform

    from iltdesk import __version__

    _window(qtbot, journal)
    keys = Keys()
    seen: list[str] = []

    def read_and_close(dialog: AboutDialog) -> None:
        seen.append(dialog.text.text())
        keys.escape()

    shown = keys.then_in(AboutDialog, read_and_close)
    _menu(keys, Key.Key_H, Key.Key_A)
    assert shown and seen
    text = seen[0]
    parts = (__version__, platform.python_version(), "PySide6", "SQLCipher 4", "LGPL version 3")
    for part in (*parts, "MIT"):  # each component's licence text: tests/test_ui_about.py
        assert part in text.replace("SQLCipher</td><td style='padding-left:16px'>", "SQLCipher ")
    assert not shiboken6.isValid(shown[0]) or not shown[0].isVisible()


# -- the window and its pickers --------------------------------------------------------------


def test_the_title_names_the_app_once(qtbot: QtBot, journal: Journal) -> None:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    # Qt appends the display name unless the title already ends with it (X11, Windows).
    assert window.windowTitle() == "school.iltdesk — iltdesk"
    assert window.windowTitle().count("— iltdesk") == 1


@pytest.mark.parametrize(
    ("free", "expected"),
    [((1024, 700), (921, 630)), ((1366, 768), (1229, 691)), ((1920, 1080), (1240, 800))],
)
def test_the_first_size_fits_the_screen(
    qtbot: QtBot,
    journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
    free: tuple[int, int],
    expected: tuple[int, int],
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, *free))
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    assert default_size(window).toTuple() == expected
    assert window.size().toTuple() == expected


@pytest.mark.parametrize(
    ("shortcut", "kind_name"), [("Ctrl+K", "QuickSwitcher"), ("Ctrl+F", "SearchDialog")]
)
def test_pickers_are_dialogs_of_the_window(
    qtbot: QtBot, journal: Journal, shortcut: str, kind_name: str
) -> None:
    from ui.navigation.search_dialog import SearchDialog
    from ui.navigation.switcher import QuickSwitcher

    kind: type[QDialog] = QuickSwitcher if kind_name == "QuickSwitcher" else SearchDialog
    window = _window(qtbot, journal)
    window.resize(780, 640)  # the offscreen screen is 800 wide: room to centre
    keys = Keys()
    seen: list[tuple[Qt.WindowType, QRect, QRect]] = []

    def look_and_close(dialog: QDialog) -> None:
        seen.append((dialog.windowFlags(), dialog.geometry(), window.geometry()))
        assert focused().window() is dialog
        assert dialog.parent() is window  # deleted once closed: looked at while it is up
        keys.escape()

    shown = keys.then_in(kind, look_and_close)
    keys.shortcut(shortcut)
    assert shown and seen
    flags, geometry, main = seen[0]
    assert flags & Qt.WindowType.Dialog
    # Without CustomizeWindowHint, X11 window managers get every button (minimise too).
    assert flags & Qt.WindowType.CustomizeWindowHint
    assert flags & Qt.WindowType.WindowCloseButtonHint
    for hint in (Qt.WindowType.WindowMinimizeButtonHint, Qt.WindowType.WindowMaximizeButtonHint):
        assert not flags & hint
    assert geometry.width() <= main.width() and geometry.height() <= main.height()
    assert abs(geometry.center().x() - main.center().x()) <= 20
    assert abs(geometry.center().y() - main.center().y()) <= 40
    assert not shiboken6.isValid(shown[0]) or not shown[0].isVisible()


def test_export_with_no_cycle_says_so_in_a_message(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead_id, _meeting = _lead_with_meeting(journal)
    window = _window(qtbot, journal)
    window.show_lead(lead_id)
    from ui.lead.export_dialog import ExportDialog

    boxes = record_boxes(monkeypatch)
    _focus(qtbot, window.sidebar.filter)
    keys = Keys()
    opened: list[ExportDialog] = keys.then_in(
        ExportDialog, lambda _d: keys.escape(), timeout_ms=3000
    )
    keys.shortcut("Ctrl+E")
    assert not opened, "an empty export dialog opened"
    assert [kind for kind, _title, _text in boxes] == ["information"]
    assert "cycle" in boxes[0][2].lower()
