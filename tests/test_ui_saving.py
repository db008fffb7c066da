"""Keeping what was written safe: failed autosaves, passphrase change, backups, settings."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk import keychain
from iltdesk.errors import DiskFull, WrongPassphrase
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.one_on_one import get_one_on_one, start_one_on_one
from iltdesk.store.backups import backups_dir
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from ui.journal.passphrase_dialog import ChangePassphraseDialog
from ui.journal.settings_dialog import SettingsDialog
from ui.kit import preferences
from ui.kit.context import AppContext
from ui.kit.markdown_edit import MarkdownEdit
from ui.lead.page import ONE_ON_ONES
from ui.shell.main_window import MainWindow

NEW_PASSPHRASE = "otter violin gravel sunrise 17"
OpenWindow = Callable[[], MainWindow]
SAVE = "ui.lead.one_on_ones.editor.one_on_one.save_one_on_one"  # as the editor calls it
Shown = list[tuple[str, str, str]]


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Shown]:
    """Message boxes answer at once and are recorded; preferences are put back afterwards."""
    shown: Shown = []

    def box(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    before = (preferences.idle_minutes(), preferences.default_cadence())
    yield shown
    preferences.save(idle=before[0], cadence=before[1])


@pytest.fixture
def open_window(qtbot: QtBot, journal: Journal) -> OpenWindow:
    """Open the main window on the journal as it is now (after the test's setup)."""

    def open_it() -> MainWindow:
        win = MainWindow(AppContext(journal))
        qtbot.addWidget(win)  # closed (flushing and releasing) before the journal closes
        win.show()
        return win

    return open_it


def _notes(journal: Journal, meeting_id: int | None) -> str:
    return get_one_on_one(journal, meeting_id or 0).notes


def _disk_full(*_: object, **__: object) -> None:
    raise DiskFull("The disk is full, so the last change was not saved.")


def _type_at_end(qtbot: QtBot, editor: MarkdownEdit, text: str) -> None:
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, text)


# -- a failed autosave -------------------------------------------------------------------------


def test_a_failed_save_keeps_the_text_and_the_retry_saves_it(
    qtbot: QtBot,
    open_window: OpenWindow,
    journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Shown,
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, maya)
    window = open_window()
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    editor = window.lead_page.one_on_ones.editor
    assert editor.meeting is not None and editor.meeting.id == meeting.id

    monkeypatch.setattr("ui.kit.context.RETRY_MS", 100)
    with monkeypatch.context() as full:
        full.setattr(SAVE, _disk_full)
        _type_at_end(qtbot, editor.notes, "Words that must survive")
        qtbot.waitUntil(lambda: window.save_state.text().startswith("Not saved"), timeout=2000)
        assert "The disk is full" in window.save_state.text()
        assert window.save_state.objectName() == "ErrorText"
        assert "Words that must survive" in editor.notes.markdown()
        assert editor.autosaver.dirty
        assert not window.close()  # asks first, and Cancel keeps the window and the text
        assert [b[1] for b in boxes] == ["Some text is not saved"] and window.isVisible()
        assert "Words that must survive" not in _notes(journal, meeting.id)

    qtbot.waitUntil(lambda: "Words that must survive" in _notes(journal, meeting.id), timeout=2000)
    assert window.save_state.text() == "All changes saved"
    assert not editor.autosaver.dirty


def test_opening_another_one_on_one_while_a_save_fails_keeps_the_text(
    qtbot: QtBot,
    open_window: OpenWindow,
    journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    older = start_one_on_one(journal, maya, held_on=date.today() - timedelta(7)).id or 0
    newer = start_one_on_one(journal, maya).id or 0
    window = open_window()
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    view = window.lead_page.one_on_ones
    monkeypatch.setattr("ui.kit.context.RETRY_MS", 100)
    with monkeypatch.context() as full:
        full.setattr(SAVE, _disk_full)
        _type_at_end(qtbot, view.editor.notes, "Words that must survive")
        qtbot.waitUntil(lambda: window.save_state.text().startswith("Not saved"), timeout=2000)
        view.select(older)
    qtbot.wait(300)  # space is back and the retry has run
    meeting = view.editor.meeting
    on_screen = view.editor.notes.markdown() if meeting and meeting.id == newer else ""
    assert "Words that must survive" in on_screen + _notes(journal, newer)


# -- passphrase, backups and settings ------------------------------------------------------


def _fill_change_dialog(current: str, new: str) -> Callable[[ChangePassphraseDialog], int]:
    """ChangePassphraseDialog.exec as a person would use it: type, then press Change."""

    def fill(self: ChangePassphraseDialog) -> int:
        self.current.setText(current)
        self.new.setText(new)
        self.again.setText(new)
        assert self.ok.isEnabled()
        self.check()
        return self.result()

    return fill


@pytest.mark.parametrize("remembered", [True, False], ids=["remembered", "not-remembered"])
def test_changing_the_passphrase_reopens_the_journal_under_the_new_one(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, boxes: Shown, remembered: bool
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    path = journal.path
    if remembered:
        keychain.remember(path, PASSPHRASE)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    window.sidebar.select_lead(maya)
    monkeypatch.setattr(
        ChangePassphraseDialog, "exec", _fill_change_dialog(PASSPHRASE, NEW_PASSPHRASE)
    )
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: self.change_passphrase() or 0)
    replaced: list[Journal] = []
    original = MainWindow.replace_journal

    def spy(self: MainWindow, new: Journal) -> None:
        replaced.append(new)
        original(self, new)

    monkeypatch.setattr(MainWindow, "replace_journal", spy)
    window.open_settings()  # connects journal_replaced to replace_journal

    assert len(replaced) == 1
    reopened = window.context.journal
    assert reopened is replaced[0] and not reopened.closed and journal.closed
    assert reopened.verify_passphrase(NEW_PASSPHRASE)
    assert not reopened.verify_passphrase(PASSPHRASE)
    assert keychain.recall(path) == (NEW_PASSPHRASE if remembered else None)
    assert window.lead_page.lead is not None and window.lead_page.lead.id == maya
    assert [b[1] for b in boxes] == ["Passphrase changed"]
    window.close()
    reopened.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASSPHRASE)
    with Journal.open(path, NEW_PASSPHRASE) as again:
        assert [s.name for s in lead_summaries(again)] == ["Maya Ortiz"]


def test_a_wrong_current_passphrase_is_not_accepted(qtbot: QtBot, journal: Journal) -> None:
    dialog = ChangePassphraseDialog(journal)
    qtbot.addWidget(dialog)
    dialog.current.setText("not it at all")
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    dialog.check()
    assert not dialog.error.isHidden()
    assert "not right" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.current.selectedText() == "not it at all"

    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    dialog.check()
    assert "the same as the current one" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_back_up_writes_a_private_verified_copy(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Shown
) -> None:
    add_lead(journal, "Maya Ortiz")
    dest = tmp_path / "elsewhere" / "copy.iltdesk"
    offered: list[str] = []

    def choose(
        _parent: object, _title: str, suggested: str, _filter: str, **options: object
    ) -> tuple[str, str]:
        offered.append(suggested)
        # A backup never replaces a file: the dialog is told not to offer it.
        assert options == {"options": QFileDialog.Option.DontConfirmOverwrite}
        return str(dest), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog = SettingsDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.back_up()
    assert Path(offered[0]).parent == backups_dir(journal.path)
    assert dest.is_file() and stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert [b[:2] for b in boxes] == [("information", "Backed up")]
    with Journal.open(dest, PASSPHRASE) as copy:
        assert [s.name for s in lead_summaries(copy)] == ["Maya Ortiz"]


def test_save_stores_school_in_the_journal_and_habits_in_preferences(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = SettingsDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    assert dialog.school.text() == "Riverside Middle"
    dialog.school.setText("  Hillside Elementary ")
    dialog.principal.setText("B. Okafor")
    dialog.idle.setValue(7)
    dialog.cadence.setValue(21)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    settings = journal.settings()
    assert (settings["school"], settings["principal"]) == ("Hillside Elementary", "B. Okafor")
    assert (preferences.idle_minutes(), preferences.default_cadence()) == (7, 21)


# -- typing without a pause --------------------------------------------------------------------


def test_typing_without_a_pause_is_saved_while_it_goes_on(
    qtbot: QtBot, open_window: OpenWindow, journal: Journal
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, maya).id
    window = open_window()
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    notes = window.lead_page.one_on_ones.editor.notes
    window.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes, timeout=2000)
    typed: list[str] = []
    saved_while_typing: list[str] = []
    # Keys come every 20 ms, far inside the 800 ms pause that used to be the only trigger.
    keys = QTimer(window)
    keys.setInterval(20)

    def press() -> None:
        letter = "abcdefghij"[len(typed) % 10]
        QTest.keyClick(QApplication.focusWidget(), letter)
        typed.append(letter)

    def on_saved() -> None:
        if keys.isActive():  # what of the typing the journal holds (the agenda is around it)
            found = re.search(r"[a-j]{10,}", _notes(journal, meeting))
            saved_while_typing.append(found.group() if found else "")

    keys.timeout.connect(press)
    window.context.saved.connect(on_saved)
    keys.start()
    try:
        qtbot.waitUntil(lambda: len(saved_while_typing) >= 2, timeout=20_000)
    finally:
        keys.stop()
    # Each save held exactly what had been typed up to then, and the later one more of it.
    first, second = saved_while_typing[:2]
    assert first and len(second) > len(first)
    assert "".join(typed).startswith(second)
