"""Export a lead's learning-cycle summary to PDF, or print it, with a preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.errors import JournalError
from iltdesk.lead import get_lead
from iltdesk.names_guard import apply_choices, find_names
from iltdesk.report import (
    DEFAULT_SECTIONS,
    Cycles,
    ReportRequest,
    Section,
    build_html,
    check_exportable,
    cycles_for_export,
    print_document,
)
from ui.kit.context import AppContext
from ui.kit.names_guard import NamesGuardPanel, side_column
from ui.kit.new_passphrase import secret_field
from ui.kit.paper import show_as_paper
from ui.kit.pdf_save import ask_pdf_path, write_pdf_file
from ui.kit.printing import preview_report, print_report
from ui.kit.screen_room import resize_within_screen
from ui.kit.translation import QT_TRANSLATE_NOOP

SECTION_LABELS = {
    Section.intention: QT_TRANSLATE_NOOP("export_dialog", "Goal, success measure and baseline"),
    Section.learning: QT_TRANSLATE_NOOP("export_dialog", "Learning activities"),
    Section.observations: QT_TRANSLATE_NOOP("export_dialog", "Observations and feedback"),
    Section.outcome: QT_TRANSLATE_NOOP("export_dialog", "Outcome and its evidence"),
    Section.lead_reflection: QT_TRANSLATE_NOOP("export_dialog", "The lead's reflection"),
    Section.principal_reflection: QT_TRANSLATE_NOOP("export_dialog", "My own reflection (private)"),
    Section.next_goal: QT_TRANSLATE_NOOP("export_dialog", "Next goal"),
    Section.energy: QT_TRANSLATE_NOOP("export_dialog", "Energy checks (private)"),
    Section.conversation_notes: QT_TRANSLATE_NOOP(
        "export_dialog", "Conversations: how they were planned and went (private)"
    ),
}
PREVIEW_DELAY_MS = 250


class ExportDialog(QDialog):
    """Choose cycles, sections and a password; preview; then export or print.

    Raises ``NothingToExport`` (a ``JournalError``) for a lead with no learning cycle.
    """

    def __init__(
        self,
        context: AppContext,
        lead_id: int,
        cycle_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # Before any widget exists: with nothing to export, the caller says so instead.
        check_exportable(context.journal, lead_id)
        super().__init__(parent)
        self.context, self.lead_id, self.cycle_id = context, lead_id, cycle_id
        self.lead = get_lead(context.journal, lead_id)
        self.document: QTextDocument | None = None
        self.html = ""  # the document's source as the reader sees it: exported and printed
        self.source = ""  # the summary before the names guard's choices
        self.setWindowTitle(
            self.tr("Export a cycle summary for {name} — iltdesk").format(name=self.lead.name)
        )
        resize_within_screen(self, 980, 720)
        self.this_cycle = QRadioButton(
            self.tr("This cycle") if cycle_id else self.tr("The latest cycle")
        )
        self.all_cycles = QRadioButton(self.tr("Every cycle of the past year"))
        self.this_cycle.setChecked(True)
        self.sections = {
            s: QCheckBox(QCoreApplication.translate("export_dialog", SECTION_LABELS[s]))
            for s in Section
        }
        for section, box in self.sections.items():
            box.setChecked(section in DEFAULT_SECTIONS)
        self.names = NamesGuardPanel()  # other people named: how each appears to the reader
        self.protect = QCheckBox(self.tr("Pro&tect the PDF with a password"))
        self.password = secret_field(self.tr("PDF password"))
        self.again = secret_field(self.tr("PDF password again"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("ErrorText")
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the summary"))
        show_as_paper(self.preview)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh_preview)
        self._layout()
        for choice in (self.this_cycle, self.all_cycles, *self.sections.values()):
            choice.toggled.connect(lambda *_: self._timer.start(PREVIEW_DELAY_MS))
        self.names.changed.connect(self._show_guarded)
        self.protect.toggled.connect(lambda *_: self._update_protection())
        for field in (self.password, self.again):
            field.textChanged.connect(lambda *_: self._update_protection())
        self._update_protection()
        self.refresh_preview()

    def _layout(self) -> None:
        which = QGroupBox(self.tr("Which cycles"))
        which_layout = QVBoxLayout(which)
        which_layout.addWidget(self.this_cycle)
        which_layout.addWidget(self.all_cycles)
        parts = QGroupBox(self.tr("What to include"))
        parts_layout = QVBoxLayout(parts)
        for box in self.sections.values():
            parts_layout.addWidget(box)
        guard = QGroupBox(self.tr("Protection"))
        guard_form = QFormLayout(guard)
        guard_form.addRow(self.protect)
        guard_form.addRow(self.tr("Password"), self.password)
        guard_form.addRow(self.tr("Again"), self.again)
        guard_form.addRow(self.warning)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Print pre&view…"), self.print_preview),
            (self.tr("&Print…"), self.print),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setObjectName("Primary")
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(side_column(which, parts, self.names, guard))
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- what is being exported ---------------------------------------------------------------

    def request(self) -> ReportRequest:
        """The cycles and sections chosen on screen."""
        which = Cycles.ALL if self.all_cycles.isChecked() else (self.cycle_id or Cycles.LATEST)
        cycles = cycles_for_export(self.context.journal, self.lead_id, which=which)
        chosen = frozenset(s for s, box in self.sections.items() if box.isChecked())
        return ReportRequest(self.lead_id, cycles, chosen)

    def refresh_preview(self) -> None:
        """Rebuild the document and show it (now: a pending delayed refresh is cancelled)."""
        self._timer.stop()
        try:
            html = build_html(self.context.journal, self.request())
        except JournalError as exc:
            self.document = None
            self.preview.setPlainText("")
            self.error.setText(str(exc))
            self.export_button.setEnabled(False)
            return
        self.error.setText("")
        self.source = html
        self.names.set_people(find_names(self.context.journal, self.lead_id, html))
        self._show_guarded()

    def _show_guarded(self) -> None:
        """Show, export and print the summary with the names guard's choices applied: the
        preview is what the reader will see."""
        self.html = apply_choices(self.source, self.names.people(), self.names.choices())
        self.document = print_document(self.html)
        self.preview.setDocument(self.document)
        self._update_protection()

    def _update_protection(self) -> None:
        on = self.protect.isChecked()
        self.password.setEnabled(on)
        self.again.setEnabled(on)
        if not on:
            self.warning.setText(
                self.tr(
                    "Without a password the exported file is readable by anyone who gets a copy: "
                    "your journal's encryption does not travel with it."
                )
            )
        elif self.password.text() != self.again.text():
            self.warning.setText(self.tr("The two passwords differ."))
        elif not self.password.text():
            self.warning.setText(self.tr("Choose a password to share with the reader separately."))
        else:
            self.warning.setText("")
        ready = self.document is not None and (not on or not self.warning.text())
        self.export_button.setEnabled(ready)

    # -- doing it -------------------------------------------------------------------------------

    def export(self) -> Path | None:
        """Ask where, then write the PDF off the UI thread; returns the path written."""
        password = self.password.text() if self.protect.isChecked() else None
        # A protected PDF's name must not say whose it is: the name is readable without it.
        day = dates.short(date.today())
        stem = (
            self.tr("cycle summary {day}").format(day=day)
            if password
            else self.tr("{name} cycle summary {day}").format(name=self.lead.name, day=day)
        )
        where = ask_pdf_path(self, self.tr("Export the summary as"), stem)
        if where is None:
            return None
        path, replace = where
        if not self._write(path, password, replace=replace, failure=self.tr("Not exported")):
            return None
        QMessageBox.information(
            self, self.tr("Exported"), self.tr("Saved {path}").format(path=path)
        )
        return path

    def _write(self, path: Path, password: str | None, *, replace: bool, failure: str) -> bool:
        """Write the PDF to ``path`` off the UI thread (encrypted if ``password``); False, and
        said why, if it could not be written."""
        journal = self.context.journal.path
        failed = write_pdf_file(self, self.html, path, password, journal, replace=replace)
        if failed:
            QMessageBox.warning(self, failure, failed)
        return failed is None

    def print(self) -> None:
        """Print through the system's print dialog, exactly as the PDF looks."""
        if self.document is None:
            return
        path = print_report(self, self.html, protected=self.protect.isChecked())
        if path is not None:
            self._print_protected(path)

    def _print_protected(self, path: Path) -> None:
        """With the password box ticked, "Print to File" writes the protected PDF that Export
        writes, never Qt's unprotected one."""
        if self.warning.text():  # the password is missing or its two copies differ
            QMessageBox.warning(
                self,
                self.tr("Not printed"),
                self.tr(
                    "{value} The PDF is to be protected, so nothing was written to {path}."
                ).format(value=self.warning.text(), path=path),
            )
            return
        # The print dialog asked before replacing an existing file.
        if self._write(path, self.password.text(), replace=True, failure=self.tr("Not printed")):
            QMessageBox.information(
                self,
                self.tr("Printed to a file"),
                self.tr("Saved {path}, with its password").format(path=path),
            )

    def print_preview(self) -> None:
        """Qt's print preview of the pages as they will print."""
        if self.document is not None:
            preview_report(self, self.html)
