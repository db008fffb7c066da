"""Journal → Export… and Import…, by keys: a lead's records out as JSON (after the dialog says
the export leaves the encryption), into a new journal after a preview, read back by a fresh
process; the same file again creates nothing; an undated note asks its day first."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.lead import add_lead
from iltdesk.one_on_one import one_on_ones_for, save_one_on_one, start_one_on_one
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.keys import DesktopKeys, Key, press_button, tab_to, wait_for_active
from ui.interchange.export_dialog import ExportDialog, Report, open_export_dialog
from ui.interchange.import_dialog import NOTHING_NEW, ImportDialog, open_import_dialog
from ui.kit.context import AppContext

EXPORT = "ui.interchange.export_dialog.QFileDialog"
IMPORT = "ui.interchange.import_dialog.QFileDialog"


def _answer_save(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """The system's save dialog is no part of the app: it answers ``target``."""
    monkeypatch.setattr(f"{EXPORT}.getSaveFileName", lambda *_args: (str(target), ""))


def _export_priya(qtbot: QtBot, journal: Journal, target: Path, mp: pytest.MonkeyPatch) -> None:
    priya = add_lead(journal, "Priya Natarajan", role="Team Lead")
    add_lead(journal, "Marcus Feld")  # not hers: stays out of her export
    for day, notes in ((date(2024, 3, 1), "Data meeting went well"), (date(2024, 3, 15), "SLO")):
        meeting = start_one_on_one(journal, priya.id or 0, held_on=day)
        save_one_on_one(journal, meeting.id or 0, notes=notes)
    opened: list[int] = []
    reports = [Report("Whole &record (PDF)…", "a lead's whole record", opened.append)]
    dialog = open_export_dialog(None, AppContext(journal), priya.id, reports)
    wait_for_active(ExportDialog)
    keys = DesktopKeys()
    assert dialog.lead.currentText() == "Priya Natarajan" and dialog.one_lead.isChecked()
    tab_to(keys, lambda w: w is dialog.formats.button(0))
    keys.press(Key.Key_Down)  # Markdown → JSON
    assert dialog.fmt() == "json"
    assert not dialog.export_button.isEnabled()  # nowhere chosen yet
    _answer_save(mp, target.parent / "no such folder" / "x.json")
    press_button(keys, "Choose…")
    keys.enter()  # on "Export without encryption", where choosing a place put the cursor
    assert "There is no folder" in dialog.error.text() and dialog.error.isVisible()
    assert isValid(dialog) and dialog.fmt() == "json"  # the dialog and its choices stay
    _answer_save(mp, target)
    press_button(keys, "Choose…")
    warning = dialog.warning.text()
    assert dialog.warning.isVisible() and "leaves the encryption" in warning
    assert str(target) in warning
    assert dialog.export_button.text().replace("&", "") == "Export without encryption"
    keys.enter()
    assert dialog.status.text() == f"Wrote 3 records to {target}."
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    press_button(keys, "Whole record (PDF)…")  # the window opens the PDF's own dialog
    qtbot.waitUntil(lambda: not isValid(dialog))
    assert opened == [priya.id]


def _import(qtbot: QtBot, context: AppContext) -> tuple[ImportDialog, DesktopKeys]:
    """Open the import dialog and read the file the chooser answers (Enter: Choose a file)."""
    dialog = open_import_dialog(None, context)
    wait_for_active(ImportDialog)
    keys = DesktopKeys()
    keys.enter()
    return dialog, keys


def test_export_a_lead_then_import_it_into_a_new_journal(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "priya.json"
    _export_priya(qtbot, journal, target, monkeypatch)
    fresh_path = tmp_path / "fresh.iltdesk"
    fresh = Journal.create(fresh_path, PASSPHRASE, school="Lakeside", principal="B. Okafor")
    monkeypatch.setattr(f"{IMPORT}.getOpenFileName", lambda *_args: (str(target), ""))
    context = AppContext(fresh)
    heard: list[Change] = []
    context.changed.connect(heard.append)
    dialog, keys = _import(qtbot, context)
    rows = dialog.table.rowCount()
    shown = {dialog.table.item(r, 3).text() for r in range(rows)}  # type: ignore[union-attr]
    assert rows == 3 and "Priya Natarajan" in shown and "Marcus Feld" not in shown
    assert dialog.summary.text() == "Creates 2 1:1s, 1 lead."
    assert dialog.import_button.isEnabled()
    tab_to(keys, lambda w: w is dialog.import_button)
    keys.enter()
    assert dialog.status.text() == "Imported 3 records."
    assert heard[0] == Change(RecordKind.LEAD) and Change(RecordKind.ONE_ON_ONE) in heard
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog))

    again, keys = _import(qtbot, context)  # the same file twice: nothing new
    assert again.summary.text() == "Creates nothing new; 2 1:1s, 1 lead already in the journal."
    assert again.status.text() == NOTHING_NEW and not again.import_button.isEnabled()
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(again))
    fresh.close()

    result = run_cli("leads", str(fresh_path), "--json", env={"ILTDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    leads = json.loads(result.stdout)
    assert [(s["name"], s["role"], s["last_one_on_one"]) for s in leads] == [
        ("Priya Natarajan", "Team Lead", "2024-03-15")
    ]


def test_an_undated_note_asks_its_day_before_the_import(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    priya = add_lead(journal, "Priya Natarajan")
    folder = tmp_path / "notes"
    (folder / "Priya Natarajan").mkdir(parents=True)
    (folder / "Priya Natarajan" / "thoughts on the SLO.txt").write_text("Co-plan the cycle.\n")
    monkeypatch.setattr(f"{IMPORT}.getExistingDirectory", lambda *_args: str(folder))
    dialog = open_import_dialog(None, AppContext(journal))
    wait_for_active(ImportDialog)
    keys = DesktopKeys()
    press_button(keys, "Choose a folder…")
    fields = dialog.questions.day_fields
    assert list(fields) == ["Priya Natarajan/thoughts on the SLO.txt"]
    assert dialog.questions.isVisible() and not dialog.import_button.isEnabled()
    field = tab_to(keys, lambda w: w in fields.values())
    keys.type("2024-03")
    assert not dialog.import_button.isEnabled()  # not a day yet
    keys.type("-05")
    assert dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 1 and field.hasFocus()  # typing goes on where it was
    tab_to(keys, lambda w: w is dialog.import_button)
    keys.enter()
    assert dialog.status.text() == "Imported 1 record."
    assert [m.held_on for m in one_on_ones_for(journal, priya.id or 0)] == [date(2024, 3, 5)]
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog))


@pytest.mark.usefixtures("app_look")
def test_the_report_buttons_open_whole(qtbot: QtBot, journal: Journal) -> None:
    """A minimum width on the dialog once stopped its layout setting one: the window's three
    report buttons opened squeezed to a sliver of their words."""
    lead = add_lead(journal, "Priya Natarajan").id
    texts = (
        "Learning-cycle &summary (PDF)…",
        "The lead's whole &record (PDF)…",
        "A 1:1 re&cap for the lead (PDF or email)…",
    )
    dialog = ExportDialog(AppContext(journal), lead, [Report(t, t, print) for t in texts])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    least, rows = dialog.minimumSize(), dialog.layout().minimumSize()
    assert least.width() >= rows.width() and least.height() >= rows.height()
    for button in dialog.report_buttons:
        room, needed = button.size(), button.minimumSizeHint()
        assert room.width() >= needed.width() and room.height() >= needed.height(), button.text()


def test_a_file_it_cannot_read_says_so_where_the_list_would_be(
    qtbot: QtBot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"format": "iltdesk", "version": 99}')
    monkeypatch.setattr(f"{IMPORT}.getOpenFileName", lambda *_args: (str(bogus), ""))
    dialog, keys = _import(qtbot, AppContext(journal))
    assert dialog.error.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.empty.text() == "Nothing to list from bogus.json: see why below."
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog))
