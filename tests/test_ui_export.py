"""The export dialog: sections, preview, password protection, and the written PDF."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from iltdesk.cycle import close_cycle, start_cycle, update_cycle
from iltdesk.lead import add_lead
from iltdesk.models import Outcome
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext


def _lead_with_a_closed_cycle(journal: Journal) -> tuple[int, int]:
    lead = add_lead(journal, "Rosa Delgado", role="Team Lead").id or 0
    cycle = start_cycle(journal, lead, goal="Every meeting ends with one decision").id or 0
    add_observation(
        journal, lead, ObservationNotes(evidence="Timer on screen; decision written at 0:42")
    )
    update_cycle(
        journal,
        cycle,
        outcome=Outcome.met,
        outcome_evidence="Five of six meetings ended with a written decision",
        lead_reflection="Naming the decision out loud changed the room",
        principal_reflection="PRIVATE: I nearly took the meeting over",
    )
    close_cycle(journal, cycle)
    return lead, cycle


def _dialog(qtbot: QtBot, journal: Journal, lead: int, cycle: int | None) -> object:
    from ui.lead.export_dialog import ExportDialog

    dialog = ExportDialog(AppContext(journal), lead, cycle)
    qtbot.addWidget(dialog)
    return dialog


def test_preview_follows_the_chosen_sections(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.report import Section

    lead, cycle = _lead_with_a_closed_cycle(journal)
    dialog = _dialog(qtbot, journal, lead, cycle)
    text = dialog.preview.toPlainText()  # type: ignore[attr-defined]
    assert "Every meeting ends with one decision" in text
    assert "Timer on screen" in text
    assert "PRIVATE" not in text  # private reflections are off by default
    dialog.sections[Section.observations].setChecked(False)  # type: ignore[attr-defined]
    dialog.sections[Section.principal_reflection].setChecked(True)  # type: ignore[attr-defined]
    dialog.refresh_preview()  # type: ignore[attr-defined]
    text = dialog.preview.toPlainText()  # type: ignore[attr-defined]
    assert "Timer on screen" not in text and "PRIVATE" in text


def test_password_must_match_before_export(qtbot: QtBot, journal: Journal) -> None:
    lead, cycle = _lead_with_a_closed_cycle(journal)
    dialog = _dialog(qtbot, journal, lead, cycle)
    assert dialog.export_button.isEnabled()  # type: ignore[attr-defined]
    assert "readable by anyone" in dialog.warning.text()  # type: ignore[attr-defined]
    dialog.protect.setChecked(True)  # type: ignore[attr-defined]
    dialog.password.setText("share-me")  # type: ignore[attr-defined]
    dialog.again.setText("share-mf")  # type: ignore[attr-defined]
    assert not dialog.export_button.isEnabled()  # type: ignore[attr-defined]
    dialog.again.setText("share-me")  # type: ignore[attr-defined]
    assert dialog.export_button.isEnabled()  # type: ignore[attr-defined]


@pytest.mark.parametrize("password", [None, "share-me"])
def test_export_writes_a_private_pdf(
    qtbot: QtBot,
    journal: Journal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    password: str | None,
) -> None:
    lead, cycle = _lead_with_a_closed_cycle(journal)
    dialog = _dialog(qtbot, journal, lead, cycle)
    if password:
        dialog.protect.setChecked(True)  # type: ignore[attr-defined]
        dialog.password.setText(password)  # type: ignore[attr-defined]
        dialog.again.setText(password)  # type: ignore[attr-defined]
    target = tmp_path / "out" / "rosa.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        "ui.kit.pdf_save.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    monkeypatch.setattr("ui.lead.export_dialog.QMessageBox.information", lambda *a, **k: None)
    assert dialog.export() == target  # type: ignore[attr-defined]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["rosa.pdf"]
    reader = PdfReader(target)
    assert reader.is_encrypted == bool(password)
    if password:
        reader.decrypt(password)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Every meeting ends with one decision" in text and "PRIVATE" not in text


def test_a_lead_without_cycles_has_no_export_dialog(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.report import NothingToExport

    lead = add_lead(journal, "New Lead").id or 0
    with pytest.raises(NothingToExport, match="Nothing to export yet: New has no learning cycle"):
        _dialog(qtbot, journal, lead, None)


def test_printing_paints_the_same_pages_as_the_pdf(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from iltdesk.report import paint_pages

    lead, cycle = _lead_with_a_closed_cycle(journal)
    dialog = _dialog(qtbot, journal, lead, cycle)
    from ui.kit.printing import report_printer

    printer = report_printer()  # the printer Print and Print preview use
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_pages(dialog.html, printer)  # type: ignore[attr-defined]
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Confidential" in first and f"Page 1 of {pages}" in first
    assert "Every meeting ends with one decision" in first
