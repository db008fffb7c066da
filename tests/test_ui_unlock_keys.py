"""The unlock dialog from the keyboard: type the passphrase, press Enter. Enter unlocks (it
once opened the file chooser), and a wrong passphrase + Enter says so and keeps the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.dialogs import type_text
from ui.journal.unlock import UnlockDialog

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _dialog(qtbot: QtBot, path: Path) -> UnlockDialog:
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _type_and_enter(text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    type_text(focused, text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_enter_after_the_passphrase_unlocks(qtbot: QtBot, journal_path: Path) -> None:
    Journal.create(journal_path, PASSPHRASE).close()
    dialog = _dialog(qtbot, journal_path)
    assert QApplication.focusWidget() is dialog.passphrase
    _type_and_enter(PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.journal is not None)
    assert not dialog.choose_other and dialog.result() == UnlockDialog.DialogCode.Accepted
    assert dialog.passphrase.text() == ""  # the field lets go of what was typed
    assert dialog.journal is not None
    dialog.journal.close()


def test_a_wrong_passphrase_and_enter_says_so_and_stays(qtbot: QtBot, journal_path: Path) -> None:
    Journal.create(journal_path, PASSPHRASE).close()
    dialog = _dialog(qtbot, journal_path)
    _type_and_enter("not the passphrase")
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert dialog.isVisible() and dialog.journal is None and not dialog.choose_other
    assert "passphrase" in dialog.error.text().lower()
    _type_and_enter(PASSPHRASE)  # the field was emptied for the next try
    qtbot.waitUntil(lambda: dialog.journal is not None)
    assert dialog.journal is not None
    dialog.journal.close()
