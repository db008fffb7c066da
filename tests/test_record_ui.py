"""A lead's record from the app, by keys: the days, a private section ticked, a person named
shown by initials, a password, then Alt+S saves the PDF the preview showed; Escape closes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.report.record_request import RecordSection
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Mod, focused, tab_to, wait_for_active
from tests.test_record_report import IN_TALK, OUT_TALK, PRIVATE, make_record
from tests.test_report import pdf_text
from ui.kit.context import AppContext
from ui.lead.record_dialog import RecordDialog, open_record_dialog

PASSWORD = "end of year"


def test_a_whole_record_locked_with_names_guarded_by_keys(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_record(journal)
    target = tmp_path / "record.pdf"
    suggested: list[str] = []

    def answer(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)  # the system's save dialog is no part of the app
        return str(target), ""

    monkeypatch.setattr("ui.kit.pdf_save.QFileDialog.getSaveFileName", answer)
    open_record_dialog(None, AppContext(journal), made.lead_id)
    dialog = wait_for_active(RecordDialog)
    qtbot.addWidget(dialog)

    def preview() -> str:
        return " ".join(dialog.preview.toPlainText().split())

    keys = DesktopKeys()
    assert focused() is dialog.days.quick  # the days come first
    keys.press(Key.Key_End)  # Everything recorded
    qtbot.waitUntil(lambda: OUT_TALK in preview() and IN_TALK in preview())
    assert PRIVATE not in preview()
    tab_to(keys, lambda w: w is dialog.sections[RecordSection.principal_reflection])
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: PRIVATE in preview())
    keys.press(Key.Key_N, Mod.AltModifier)  # to the other people named
    assert focused().accessibleName() == "How Marcus Feld appears"
    keys.press(Key.Key_I)  # Initials
    assert "Marcus Feld" not in preview() and "M. F. joined" in preview()
    keys.press(Key.Key_T, Mod.AltModifier)  # Protect the PDF with a password
    qtbot.waitUntil(dialog.lock.protect.isChecked)  # a mnemonic clicks after a moment
    keys.tab()
    keys.type(PASSWORD)
    keys.tab()
    keys.type(PASSWORD)
    keys.press(Key.Key_S, Mod.AltModifier)  # Save PDF…
    qtbot.waitUntil(target.exists)
    assert Path(suggested[0]).name == "record all.pdf"  # locked: no name on the file
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = " ".join(pdf_text(target, PASSWORD))
    for shown in (PRIVATE, OUT_TALK, IN_TALK, "M. F. joined", "Contents"):
        assert shown in text, shown
    assert "Marcus Feld" not in text
    reader = PdfReader(target)
    reader.decrypt(PASSWORD)
    assert len(reader.outline) >= 6  # a bookmark for each section, kept under the password
    qtbot.waitUntil(lambda: dialog.status.text() == f"Saved {target}, locked with its password")
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog))  # closed, and deleted with it


def test_passwords_that_differ_are_said_as_a_fault(qtbot: QtBot) -> None:
    """The password's line is advice (quiet) until the two typed differ (an error)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from ui.kit.pdf_password import PdfPassword

    window = QWidget()
    qtbot.addWidget(window)
    lock = PdfPassword(window)
    lock.group().setParent(window)
    window.show()
    assert lock.warning.objectName() == "Hint"
    qtbot.keyClick(lock.protect, Qt.Key.Key_Space)
    qtbot.keyClicks(lock.password, PASSWORD)
    assert lock.warning.objectName() == "Hint" and not lock.ready()  # the second, not yet
    qtbot.keyClicks(lock.again, PASSWORD[:-1] + "?")
    assert lock.warning.objectName() == "ErrorText" and not lock.ready()
    qtbot.keyClick(lock.again, Qt.Key.Key_Backspace)
    qtbot.keyClicks(lock.again, PASSWORD[-1])
    assert lock.ready() and not lock.warning.text()
