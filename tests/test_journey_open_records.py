"""Open records as a person reaches them: from the unlock window, Journal → Import… (Alt+J, I)
brings an export in after its preview, Ctrl+Shift+X takes the whole journal out as Markdown;
a fresh process then reads what was imported, and imports the folder into a third journal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iltdesk.interchange.document import Scope
from iltdesk.interchange.dump import dump
from iltdesk.interchange.json_io import write_json
from iltdesk.lead import add_lead
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.keys import DesktopKeys, Key, Mod, settle, tab_to, wait_for_active
from ui.interchange.export_dialog import ExportDialog
from ui.interchange.import_dialog import ImportDialog
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")
NOTE = "Walked the data wall together; she owns the reteach calendar"


def _exported(tmp_path: Path) -> Path:
    """Another journal's export of one lead: what a principal brings from elsewhere."""
    with Journal.create(tmp_path / "old.iltdesk", PASSPHRASE) as old:
        lead = add_lead(old, "Priya Natarajan", role="Team Lead", team="7th grade")
        meeting = start_one_on_one(old, lead.id or 0, held_on=date(2025, 3, 4))
        save_one_on_one(old, meeting.id or 0, notes=NOTE)
        out = tmp_path / "priya.json"
        write_json(dump(old, Scope("Priya")), out)
    return out


def _menu(keys: DesktopKeys, letter: Key, entry: Key) -> None:
    keys.press(letter, Mod.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None, "no menu is open"
    QTest.keyClick(popup, entry)
    settle()


def test_import_then_export_from_the_unlock_window_read_back_by_a_fresh_process(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _exported(tmp_path)
    journal_path = tmp_path / "school.iltdesk"
    Journal.create(journal_path, PASSPHRASE).close()
    keys = DesktopKeys()
    keys.unlock_with(PASSPHRASE)
    controller.start(journal_path)
    window = wait_for_active(MainWindow)

    chooser = "ui.interchange.import_dialog.QFileDialog.getOpenFileName"
    monkeypatch.setattr(chooser, lambda *_args: (str(export), ""))  # the system's dialog
    _menu(keys, Qt.Key.Key_J, Qt.Key.Key_I)
    dialog = wait_for_active(ImportDialog)
    keys.enter()  # Choose a file…: read, then the preview
    assert dialog.summary.text() == "Creates 1 lead, 1 1:1."
    tab_to(keys, lambda w: w is dialog.import_button)
    keys.enter()
    assert dialog.status.text() == "Imported 2 records."
    keys.escape()
    model = window.sidebar.tree.model()
    start = model.index(0, 0)
    flags = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    assert model.match(start, Qt.ItemDataRole.DisplayRole, "Priya Natarajan", 1, flags)

    folder = tmp_path / "handover"
    folder.mkdir()  # a folder chooser answers a folder that is there, empty here
    monkeypatch.setattr(
        "ui.interchange.export_dialog.QFileDialog.getExistingDirectory",
        lambda *_args, **_kw: str(folder),
    )
    keys.shortcut("Ctrl+Shift+X")
    out = wait_for_active(ExportDialog)
    tab_to(keys, lambda w: w is out.one_lead)  # Tab reaches a group's chosen button
    keys.press(Qt.Key.Key_Down)  # One lead → The whole journal
    assert out.everyone.isChecked()
    tab_to(keys, lambda w: getattr(w, "text", lambda: "")().replace("&", "") == "Choose…")
    keys.press(Qt.Key.Key_Space)
    keys.enter()  # Export without encryption
    assert out.status.text() == f"Wrote 2 records to {folder}."
    keys.escape()
    controller.close_journal(True)

    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    leads = json.loads(run_cli("leads", str(journal_path), "--json", env=env).stdout)
    assert [(lead["name"], lead["role"]) for lead in leads] == [("Priya Natarajan", "Team Lead")]
    found = run_cli("search", str(journal_path), "reteach calendar", "--json", env=env)
    assert json.loads(found.stdout)[0]["date"] == "2025-03-04"
    third = tmp_path / "third.iltdesk"
    Journal.create(third, PASSPHRASE).close()
    done = run_cli("import", str(third), str(folder), "--yes", env=env)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "Imported 2 records.")


def test_a_pdf_from_journal_export_is_of_the_lead_chosen_there(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk.cycle import start_cycle
    from tests.keys import show_main_window
    from ui.lead.export_dialog import ExportDialog as SummaryDialog

    ana = add_lead(journal, "Ana Reyes").id or 0
    ben = add_lead(journal, "Ben Okafor").id or 0
    for lead in (ana, ben):
        start_cycle(journal, lead, goal="Every data meeting ends with a dated plan")
    window = show_main_window(qtbot, journal)
    window.show_lead(ana)  # Ana on screen; the export is Ben's
    keys = DesktopKeys()
    keys.shortcut("Ctrl+Shift+X")
    chooser = wait_for_active(ExportDialog)
    tab_to(keys, lambda w: w is chooser.lead)
    keys.type("Ben")  # a combo box goes to the entry typed
    assert chooser.lead.currentText().startswith("Ben Okafor")
    opened: list[int] = []

    def seen(dialog: SummaryDialog) -> None:
        opened.append(dialog.lead_id)
        keys.escape()

    keys.then_in(SummaryDialog, seen)
    tab_to(keys, lambda w: getattr(w, "text", lambda: "")().replace("&", "").startswith("Learn"))
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [ben]
