"""The export dialog, driven from the keyboard, never writes over the journal, and a
protected PDF's suggested name says nothing about whose it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.store.journal import Journal
from tests.dialogs import record_boxes
from tests.test_ui_export import _lead_with_a_closed_cycle
from ui.kit.context import AppContext


def _shown(qtbot: QtBot, journal: Journal) -> QWidget:
    from ui.lead.export_dialog import ExportDialog

    lead, cycle = _lead_with_a_closed_cycle(journal)
    dialog = ExportDialog(AppContext(journal), lead, cycle)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _tab_to(qtbot: QtBot, widget: QWidget) -> None:
    for _ in range(40):
        if QApplication.focusWidget() is widget:
            return
        QTest.keyClick(QApplication.focusWidget() or widget.window(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName() or widget}")


def _type(text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClicks(focused, text)


def test_choosing_the_journal_as_the_pdf_is_refused_and_changes_nothing(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _shown(qtbot, journal)
    asked: list[str] = []
    link = journal.path.parent.parent / "summary.pdf"
    link.symlink_to(journal.path)

    def save_as(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        # The person picked a link to the journal and said yes to "Replace?".
        return str(link), ""

    monkeypatch.setattr("ui.kit.pdf_save.QFileDialog.getSaveFileName", save_as)
    shown = record_boxes(monkeypatch)
    journal.close()  # what is on disk now must stay exactly so
    before = {p.name: p.read_bytes() for p in journal.path.parent.iterdir()}
    _tab_to(qtbot, dialog.export_button)  # type: ignore[attr-defined]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0][0] == "warning" and "journal's own file" in shown[0][2]
    assert {p.name: p.read_bytes() for p in journal.path.parent.iterdir()} == before
    assert "Rosa" in Path(asked[0]).name  # an unprotected PDF may say whose it is


def test_a_protected_pdf_is_offered_a_name_without_the_leads(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _shown(qtbot, journal)
    asked: list[str] = []

    def save_as(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        return "", ""  # then cancelled

    monkeypatch.setattr("ui.kit.pdf_save.QFileDialog.getSaveFileName", save_as)
    _tab_to(qtbot, dialog.protect)  # type: ignore[attr-defined]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    _tab_to(qtbot, dialog.password)  # type: ignore[attr-defined]
    _type("share-me")
    _tab_to(qtbot, dialog.again)  # type: ignore[attr-defined]
    _type("share-me")
    _tab_to(qtbot, dialog.export_button)  # type: ignore[attr-defined]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(asked))
    name = Path(asked[0]).name
    assert name.startswith("cycle summary") and "Rosa" not in name
