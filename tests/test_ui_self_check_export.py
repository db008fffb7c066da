"""Exporting the self-check for the ILT from its page, by keys: the preview and the PDF hold
the ratings of both raters and never the principal's notes."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.self_check import record_check
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, wait_for_active
from tests.test_ui_self_check_keys import host, press_button
from ui.reflect.self_check.export_dialog import SelfCheckExportDialog

NOTES = ("Only for my eyes", "Culture feels thin")


def test_export_by_keys_writes_the_results_without_notes(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = dict.fromkeys(CURRENT_SET.item_keys, 2)
    record_check(journal, every, taken_on=date(2026, 2, 2), note=NOTES[0])
    record_check(
        journal,
        every | {"watch_floor_time": 0},
        taken_on=date(2026, 2, 9),
        taken_by="team",
        notes={"school_culture": NOTES[1]},
    )
    target = tmp_path / "ilt.pdf"
    monkeypatch.setattr(
        "ui.kit.pdf_save.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    host(qtbot, journal)
    keys = DesktopKeys()
    press_button(keys, "Export PDF…")
    dialog = wait_for_active(SelfCheckExportDialog)
    preview = " ".join(dialog.preview.toPlainText().split())
    assert "Just me beside the team" in preview
    assert all(note not in preview for note in NOTES)
    press_button(keys, "Export PDF…")
    qtbot.waitUntil(target.exists)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Notice how often you hold the floor" in text
    assert all(note not in text for note in NOTES)
    assert dialog.error.text() == f"Saved {target}"
    keys.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog))  # closed, and deleted with it
