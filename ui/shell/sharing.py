"""What leaves the journal, reached from the window's menus: the open-format export and the
import (Journal menu), a lead's whole record and a 1:1's recap for the lead (Lead menu).

The window hands each feature what it needs (the lead on screen, the 1:1 open), so the
features never reach into each other (tests/test_architecture.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from iltdesk.errors import JournalError

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


def export(window: MainWindow) -> None:
    """Journal → Export…: open formats for a lead or the whole journal, and the lead's PDFs."""
    from ui.interchange.export_dialog import Report, open_export_dialog

    lead = window.lead_on_screen()
    reports = (
        Report(
            QCoreApplication.translate("sharing", "Learning-cycle &summary (PDF)…"),
            QCoreApplication.translate(
                "sharing", "a cycle's intention, learning and outcome, to give the lead"
            ),
            lambda lead_id: summary(window, lead_id),
        ),
        Report(
            QCoreApplication.translate("sharing", "The lead's whole &record (PDF)…"),
            QCoreApplication.translate(
                "sharing",
                "every 1:1, observation, cycle and agreement in a date range, with contents",
            ),
            lambda lead_id: record(window, lead_id),
        ),
        Report(
            QCoreApplication.translate("sharing", "A 1:1 re&cap for the lead (PDF or email)…"),
            QCoreApplication.translate(
                "sharing", "what you discussed and decided, and who does what by when"
            ),
            lambda lead_id: recap(window, lead_id),
        ),
    )
    open_export_dialog(window, window.context, lead.id if lead else None, reports)


def summary(window: MainWindow, lead_id: int | None = None) -> None:
    """Lead → Export a cycle summary (Ctrl+E): the cycle on screen (or the latest) of the lead
    on screen, or of ``lead_id`` (chosen in Journal → Export…)."""
    from iltdesk.report import NothingToExport
    from ui.lead.export_dialog import ExportDialog  # loads the report renderer only when asked

    on_screen = window.lead_on_screen()
    if lead_id is None:
        if on_screen is None:
            first = QCoreApplication.translate(
                "sharing", "Open a lead first (Ctrl+K), then export."
            )
            window.statusBar().showMessage(first, 5000)
            return
        lead_id = on_screen.id or 0
    window.context.flush_all()
    shown = window.lead_page.shown_cycle() if on_screen and on_screen.id == lead_id else None
    try:
        dialog = ExportDialog(window.context, lead_id, shown.id if shown else None, window)
    except NothingToExport as exc:  # no cycle yet: say so where it is seen
        QMessageBox.information(
            window, QCoreApplication.translate("sharing", "Nothing to export yet"), str(exc)
        )
        return
    except JournalError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("sharing", "Cannot export now"), str(exc)
        )
        return
    dialog.exec()


def import_notes(window: MainWindow) -> None:
    """Journal → Import…: notes from a folder, another app or our own export, previewed."""
    from ui.interchange.import_dialog import open_import_dialog

    open_import_dialog(window, window.context)


def record(window: MainWindow, lead_id: int | None = None) -> None:
    """Lead → The lead's whole record (PDF)…, for the lead on screen."""
    from ui.lead.record_dialog import open_record_dialog

    if lead_id is None:
        lead = window.lead_on_screen()
        if lead is None:
            first = QCoreApplication.translate(
                "sharing", "Open a lead first (Ctrl+K), then export the record."
            )
            window.statusBar().showMessage(first, 5000)
            return
        lead_id = lead.id or 0
    window.context.flush_all()
    open_record_dialog(window, window.context, lead_id)


def recap(window: MainWindow, lead_id: int | None = None) -> None:
    """Lead → Recap of a 1:1 for the lead…: the 1:1 open on screen, else the lead's latest."""
    from iltdesk.recap import recap_meeting
    from ui.lead.one_on_ones.recap_dialog import open_recap

    if lead_id is None:
        editor = window.lead_page.one_on_ones.editor if window.lead_on_screen() else None
        if editor is not None and editor.meeting is not None and editor.isVisible():
            editor.show_recap()
            return
        lead = window.lead_on_screen()
        if lead is None:
            first = QCoreApplication.translate(
                "sharing", "Open a lead first (Ctrl+K), then recap a 1:1."
            )
            window.statusBar().showMessage(first, 5000)
            return
        lead_id = lead.id or 0
    window.context.flush_all()
    try:
        meeting_id = recap_meeting(window.context.journal, lead_id, None)
    except JournalError as exc:  # no 1:1 yet: say so where it is seen
        QMessageBox.information(
            window, QCoreApplication.translate("sharing", "Nothing to recap yet"), str(exc)
        )
        return
    open_recap(window.context, meeting_id, window)
