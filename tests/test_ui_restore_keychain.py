"""Restoring a backup made under an older passphrase, from Settings with the keyboard: the app
says the keychain keeps another passphrase and, if the person agrees, keeps the backup's."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from iltdesk import keychain
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.store.backups import rotation
from iltdesk.store.journal import Journal
from iltdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE
from ui.journal.settings_dialog import SettingsDialog
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow

OLD = "the passphrase of last spring"


def _press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key, modifier)


def _tab_to(widget: QWidget) -> None:
    for _ in range(60):
        if QApplication.focusWidget() is widget:
            return
        _press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget}")


def _restore_newest_by_keys(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, journal: Journal
) -> MainWindow:
    """The main window on ``journal``; Ctrl+, then, in Settings, Tab to the backups, Space
    on the newest (current on focus), Tab to Restore, Space."""

    def restore_with_keys(dialog: SettingsDialog) -> int:
        panel = dialog.backups
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        _tab_to(panel.list)
        _press(Qt.Key.Key_Space)
        assert panel.restore_button.isEnabled(), [i.text(2) for i in panel.list.selectedItems()]
        _tab_to(panel.restore_button)
        _press(Qt.Key.Key_Space)
        return int(dialog.result())

    monkeypatch.setattr(SettingsDialog, "exec", restore_with_keys)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    return window


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_the_app_offers_to_keep_the_restored_journals_passphrase(
    qtbot: QtBot, journal_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    with Journal.create(journal_path, OLD) as old:
        add_lead(old, "Maya Ortiz")
        rotation.take(old, datetime.now() - timedelta(days=2))
        journal = rekey(old, PASSPHRASE)
    keychain.remember(journal_path, PASSPHRASE)
    questions: list[str] = []

    def question(_parent: object, title: str, text: str, *_: object) -> object:
        if title == "Restore a backup?":
            return QMessageBox.StandardButton.Yes
        questions.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *_: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_: (OLD, True))  # typed: the old one

    window = _restore_newest_by_keys(qtbot, monkeypatch, journal)
    assert len(questions) == 1 and "not the one this computer's keychain keeps" in questions[0]
    assert keychain.recall(journal_path) == (OLD if answer == "Yes" else PASSPHRASE)
    window.close()
    window.context.journal.close()
    Journal.open(journal_path, OLD).close()


def test_a_backup_whose_passphrase_the_keychain_keeps_is_restored_without_a_prompt(
    qtbot: QtBot, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's restore takes the backup's passphrase in the one order (store.opening): what
    the keychain keeps for the journal, then for the backup file itself, before asking."""
    with Journal.create(journal_path, OLD) as old:
        add_lead(old, "Maya Ortiz")
        backup = rotation.take(old, datetime.now() - timedelta(days=2)).path
        journal = rekey(old, PASSPHRASE)
    add_lead(journal, "Daniel Kim")
    keychain.remember(journal_path, PASSPHRASE)
    keychain.remember(backup, OLD)
    titles: list[str] = []

    def question(_parent: object, title: str, *_: object) -> object:
        titles.append(title)
        yes = "Restore" in title  # the restore: yes; keeping the backup's passphrase: no
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    def never_asked(*_: object) -> tuple[str, bool]:
        raise AssertionError("the keychain had the backup's passphrase: nobody is asked")

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *_: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QInputDialog, "getText", never_asked)

    window = _restore_newest_by_keys(qtbot, monkeypatch, journal)
    assert titles == ["Restore a backup?", "Keep the backup's passphrase?"]
    restored = window.context.journal
    assert restored is not journal and journal.closed and not restored.closed
    assert [lead.name for lead in lead_summaries(restored)] == ["Maya Ortiz"]
    assert keychain.recall(journal_path) == PASSPHRASE  # kept, as the person answered No
    window.close()
    restored.close()
