"""Help > About from the keyboard (issue 23): the versions, iltdesk's MIT licence and the
third-party licences made from the installed metadata, each tab reached by keys; Esc closes."""

from __future__ import annotations

import platform

import pytest
import shiboken6
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from iltdesk import __version__
from iltdesk.store.journal import Journal
from tests.keys import Key, Keys, Mod, focused, settle, show_main_window
from ui.shell.help import AboutDialog

pytestmark = pytest.mark.usefixtures("app_look")


def _open_about(keys: Keys) -> None:
    """Alt+H opens Help; A picks About (keys reach the open menu, a popup)."""
    keys.press(Key.Key_H, Mod.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None, "no menu is open"
    QTest.keyClick(popup, Key.Key_A)
    settle()


def test_about_shows_the_versions_the_licence_and_every_third_party_licence(
    qtbot: QtBot, journal: Journal
) -> None:
    show_main_window(qtbot, journal)
    keys = Keys()
    seen: dict[str, object] = {}

    def walk(dialog: AboutDialog) -> None:
        seen["about"] = dialog.text.text()
        keys.press(Key.Key_Tab, Mod.ControlModifier)  # the Licence tab
        reading = focused()
        assert isinstance(reading, QPlainTextEdit) and reading.isReadOnly()
        seen["licence"] = reading.toPlainText()
        keys.press(Key.Key_Tab, Mod.ControlModifier)  # the third-party licences
        components = focused()
        assert isinstance(components, QListWidget)
        titles = [components.item(i).text() for i in range(components.count())]
        seen["titles"] = titles
        qt_row = next(i for i, title in enumerate(titles) if title.split()[0] == "Qt")
        keys.press(Key.Key_Down, times=qt_row)  # arrow down the list to Qt
        seen["qt"] = dialog.third_party.text.toPlainText()
        keys.tab()  # into the text, which Page Down scrolls
        assert focused() is dialog.third_party.text
        keys.press(Key.Key_PageDown)
        keys.escape()

    shown = keys.then_in(AboutDialog, walk)
    _open_about(keys)
    assert shown and "qt" in seen, seen.keys()
    about = str(seen["about"])
    for part in (__version__, platform.python_version(), "PySide6", "SQLCipher", "MIT"):
        assert part in about
    assert str(seen["licence"]).startswith("MIT License")
    assert "the iltdesk authors" in str(seen["licence"])
    titles = seen["titles"]
    assert isinstance(titles, list)
    for name in ("SQLAlchemy", "keyring", "pypdf", "cryptography", "SQLCipher", "OpenSSL"):
        assert any(title.split()[0] == name for title in titles), name
    assert any(title.startswith(("Python ", "DejaVu fonts")) for title in titles)
    assert "LGPL-3.0-only" in str(seen["qt"])
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in str(seen["qt"])
    assert not shiboken6.isValid(shown[0]) or not shown[0].isVisible()


def test_a_tab_is_reached_by_its_letter_too(qtbot: QtBot, journal: Journal) -> None:
    show_main_window(qtbot, journal)
    keys = Keys()
    seen: list[str] = []

    def pick(dialog: AboutDialog) -> None:
        keys.press(Key.Key_T, Mod.AltModifier)  # &Third-party licences
        seen.append(dialog.tabs.tabText(dialog.tabs.currentIndex()))
        assert isinstance(focused(), QListWidget)
        keys.escape()

    shown = keys.then_in(AboutDialog, pick)
    _open_about(keys)
    assert shown and seen == ["&Third-party licences"]
