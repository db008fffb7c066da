"""A 1:1's recap from the app, by keys: Ctrl+Shift+E on a 1:1 opens it; its preview and the
Markdown it copies hold the recap and never the principal's own notes; Escape closes it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.one_on_one import get_one_on_one
from iltdesk.recap import RecapSection
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Mod, focused, tab_to, wait_for_active
from tests.test_recap import PRIVATE, TRACKER, make_recap
from tests.test_report import pdf_text
from ui.kit.context import AppContext
from ui.lead.one_on_ones.editor import OneOnOneEditor
from ui.lead.one_on_ones.recap_dialog import COPIED, RECAP_SHORTCUT, RecapDialog

PASSWORD = "tell me more"


def _recap_by_its_shortcut(qtbot: QtBot, journal: Journal) -> tuple[RecapDialog, DesktopKeys]:
    """A 1:1 on screen, the cursor in its notes, then Ctrl+Shift+E."""
    made = make_recap(journal)
    editor = OneOnOneEditor(AppContext(journal))
    qtbot.addWidget(editor)
    editor.resize(1100, 800)
    editor.show()
    editor.load(get_one_on_one(journal, made.latest_id))
    editor.activateWindow()
    wait_for_active(OneOnOneEditor)
    editor.notes.setFocus()
    keys = DesktopKeys()
    keys.shortcut(RECAP_SHORTCUT)
    dialog = wait_for_active(RecapDialog)
    return dialog, keys


def _close(qtbot: QtBot, keys: DesktopKeys, dialog: RecapDialog) -> None:
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog))  # closed, and deleted with it


def test_copy_as_markdown_by_keys(qtbot: QtBot, journal: Journal) -> None:
    dialog, keys = _recap_by_its_shortcut(qtbot, journal)
    preview = " ".join(dialog.preview.toPlainText().split())
    assert TRACKER in preview and "Keep it, monthly" in preview
    assert PRIVATE not in preview and "FEEDBACK-MARK" not in preview
    QApplication.clipboard().setText("something else")
    tab_to(keys, lambda w: w is dialog.sections[RecapSection.feedback])
    keys.press(Key.Key_Space)  # the feedback I gave, this time
    # Marcus co-owns a team item still open: the lead will read him as a role.
    assert [p.name for p in dialog.names.people()] == ["Marcus Feld"]
    keys.tab()  # the next choice down: how Marcus appears
    assert focused().accessibleName() == "How Marcus Feld appears"
    keys.press(Key.Key_R)  # Role
    keys.tab()
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.type("a 6th grade lead")
    preview = " ".join(dialog.preview.toPlainText().split())
    assert "Marcus" not in preview and "A. Rivera, a 6th grade lead and Priya" in preview
    tab_to(keys, lambda w: w is dialog.copy_button)
    keys.press(Key.Key_Space)
    copied = QApplication.clipboard().text()
    assert "Marcus" not in copied and "a 6th grade lead" in copied
    assert copied.startswith("# 1:1 recap: Priya Natarajan")
    assert "- Send the revised exit ticket — Priya Natarajan, by " in copied
    assert "## Feedback I gave" in copied and "FEEDBACK-MARK" in copied
    assert PRIVATE not in copied and "PRIVATE-NOTE-MARK" not in copied
    assert dialog.status.text() == COPIED
    _close(qtbot, keys, dialog)


def test_save_a_locked_pdf_by_keys(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "recap.pdf"
    suggested: list[str] = []

    def answer(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)  # the system's save dialog is no part of the app
        return str(target), ""

    monkeypatch.setattr("ui.kit.pdf_save.QFileDialog.getSaveFileName", answer)
    dialog, keys = _recap_by_its_shortcut(qtbot, journal)
    tab_to(keys, lambda w: w is dialog.protect)
    keys.press(Key.Key_Space)
    keys.tab()
    keys.type(PASSWORD)
    keys.tab()
    keys.type(PASSWORD)
    keys.enter()  # Export is the default button
    qtbot.waitUntil(target.exists)
    assert Path(suggested[0]).name.startswith("1-1 recap ")  # locked: no name on it
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert PdfReader(target).is_encrypted
    text = " ".join(pdf_text(target, PASSWORD))
    assert TRACKER in text and PRIVATE not in text
    _close(qtbot, keys, dialog)
