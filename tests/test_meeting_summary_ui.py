"""Sharing a meeting's summary from the app, by keys: the dialog the meetings page opens shows
the summary without the private notes, and writes it, locked with a password when asked."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Mod, tab_to, wait_for_active
from tests.test_meeting_summary import PRIVATE, make_meeting
from tests.test_report import pdf_text
from ui.kit.context import AppContext
from ui.team.meetings.summary_export import MeetingExportDialog, export_meeting_summary

PASSWORD = "plus-delta"


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The save dialog answers ``target`` (the system's own dialog is no part of the app);
    the names it suggested are kept."""
    suggested: list[str] = []

    def answer(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr("ui.kit.pdf_save.QFileDialog.getSaveFileName", answer)
    return suggested


def _open(qtbot: QtBot, journal: Journal, meeting_id: int) -> MeetingExportDialog:
    export_meeting_summary(AppContext(journal), meeting_id)
    dialog = wait_for_active(MeetingExportDialog)
    qtbot.addWidget(dialog)
    return dialog


def _close(qtbot: QtBot, keys: DesktopKeys, dialog: MeetingExportDialog) -> None:
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog))  # closed, and deleted with it


def test_export_by_keys_locked_with_a_password(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_meeting(journal)
    target = tmp_path / "october.pdf"
    suggested = _save_as(monkeypatch, target)
    dialog = _open(qtbot, journal, made.meeting_id)
    preview = " ".join(dialog.preview.toPlainText().split())
    assert "Bring the follow-through tracker" in preview and PRIVATE not in preview
    assert dialog.windowTitle().startswith("Share October ILT, 14 Oct 2026")
    keys = DesktopKeys()
    tab_to(keys, lambda w: w is dialog.protect)
    keys.press(Key.Key_Space)  # protect it
    keys.tab()
    keys.type(PASSWORD)
    keys.tab()
    keys.type(PASSWORD[:-1] + "x")
    assert dialog.warning.text() == "The two passwords differ."
    keys.enter()  # Export is the default button, but not while the passwords differ
    assert not target.exists() and suggested == []
    keys.press(Key.Key_Backspace)
    keys.type(PASSWORD[-1])
    keys.enter()
    qtbot.waitUntil(target.exists)
    # Locked, its name says no more than that it is a meeting's (the title stays inside).
    assert suggested[0].endswith("ILT meeting 2026-10-14.pdf")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert PdfReader(target).is_encrypted
    text = " ".join(pdf_text(target, PASSWORD))
    assert "Bring the follow-through tracker" in text and "PRIVATE" not in text
    qtbot.waitUntil(lambda: dialog.status.text() == f"Saved {target}, locked with its password")
    _close(qtbot, keys, dialog)


def test_export_unlocked_by_its_access_key(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_meeting(journal)
    target = tmp_path / "september.pdf"
    suggested = _save_as(monkeypatch, target)
    dialog = _open(qtbot, journal, made.earlier_id)
    assert "anyone who gets a copy" in dialog.warning.text()
    keys = DesktopKeys()
    keys.press(Key.Key_E, Mod.AltModifier)  # Alt+E: Export PDF…
    qtbot.waitUntil(target.exists)
    assert suggested[0].endswith("September ILT, 30 Sep 2026.pdf")  # unlocked: named for it
    assert not PdfReader(target).is_encrypted
    text = " ".join(pdf_text(target))
    assert "September ILT" in text and "Confidential" in text
    _close(qtbot, keys, dialog)


def test_a_meeting_that_is_gone_says_so_and_exports_nothing(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested = _save_as(monkeypatch, tmp_path / "x.pdf")
    dialog = _open(qtbot, journal, 404)
    assert dialog.status.text() == "There is no ILT meeting #404."
    assert not dialog.export_button.isEnabled()
    keys = DesktopKeys()
    keys.enter()
    assert suggested == [] and not (tmp_path / "x.pdf").exists()
    _close(qtbot, keys, dialog)
