"""Share an ILT meeting's summary: a preview, an optional password, then a PDF or a print.

The document is the core's (``iltdesk.report.meeting_report``): the meeting's parts in its own
order, never the principal's private notes. The PDF is written off the UI thread; the core
refuses the journal's own files, folders and devices as the cycle summary's export does.
The meetings page opens it with ``export_meeting_summary``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.errors import JournalError
from iltdesk.meeting_summary import meeting_summary
from iltdesk.names_guard import apply_choices, find_names, ilt_members
from iltdesk.report.meeting_report import build_meeting_html, meeting_name
from iltdesk.report.render import print_document
from ui.kit.context import AppContext
from ui.kit.names_guard import NamesGuardPanel, side_column
from ui.kit.new_passphrase import secret_field
from ui.kit.paper import show_as_paper
from ui.kit.pdf_save import print_to_locked_file, save_report
from ui.kit.printing import preview_report, print_report
from ui.kit.translation import QT_TRANSLATE_NOOP

LEFT_WIDTH = 270  # the meeting, the privacy note and the password, beside the preview
UNPROTECTED = QT_TRANSLATE_NOOP(
    "summary_export",
    (
        "Without a password, anyone who gets a copy of the file can read it: the journal's "
        "encryption does not travel with it."
    ),
)


def export_meeting_summary(
    context: AppContext, meeting_id: int, parent: QWidget | None = None
) -> None:
    """Open the dialog that shares meeting ``meeting_id``'s summary (it closes itself)."""
    context.flush_all()  # notes still being typed belong in the summary
    dialog = MeetingExportDialog(context, meeting_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class MeetingExportDialog(QDialog):
    """Preview the meeting's summary, choose a password if it is to travel locked, then
    export it as a PDF or print it."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting_id = context, meeting_id
        self.html = ""  # the summary as its readers see it: exported and printed
        self.source = ""  # before the names guard's choices
        self.name = ""  # 'October ILT, 14 Oct 2026': the window's title and the file's name
        self.held_on: date | None = None
        self.document: QTextDocument | None = None
        self.resize(920, 680)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.names = NamesGuardPanel()  # other people named: how each appears to the readers
        self.names.changed.connect(self._show_guarded)
        self.protect = QCheckBox(self.tr("Pro&tect the PDF with a password"))
        self.password = secret_field(self.tr("PDF password"))
        self.again = secret_field(self.tr("PDF password again"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("Hint")
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the meeting's summary"))
        show_as_paper(self.preview)
        self.status = QLabel()  # what went wrong, or where the PDF was saved
        self.status.setObjectName("ErrorText")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setObjectName("Primary")
        self.export_button.setDefault(True)  # Enter exports, from any field
        self.export_button.clicked.connect(self.export)
        self.print_buttons = [
            self._button(self.tr("Print pre&view…"), self.print_preview),
            self._button(self.tr("&Print…"), self.print),
        ]
        self._lay_out()
        self.protect.toggled.connect(lambda *_: self._update_protection())
        for field in (self.password, self.again):
            field.textChanged.connect(lambda *_: self._update_protection())
        self._load()
        self.protect.setFocus()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter stays with Export
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        private = QLabel(
            self.tr(
                "Your private notes on the meeting stay in the journal: they are never in this PDF."
            )
        )
        private.setWordWrap(True)
        private.setObjectName("Hint")
        guard = QFormLayout()
        guard.addRow(self.protect)
        guard.addRow(self.tr("Password"), self.password)
        guard.addRow(self.tr("Again"), self.again)
        guard.addRow(self.warning)
        protection = QWidget()
        protection.setLayout(guard)
        guard.setContentsMargins(0, 0, 0, 0)
        # The notes wrap in a column, the paper gets the rest.
        choices = side_column(self.about, private, self.names, protection, width=LEFT_WIDTH, gap=8)
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addWidget(choices)
        body.addWidget(self.preview, 1)
        close = self._button("Close", self.reject)
        buttons = QHBoxLayout()
        for button in self.print_buttons:
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        heading = QLabel(self.tr("Share the meeting's summary"))
        heading.setObjectName("PageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)  # as the app's other dialogs
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addLayout(body, 1)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def _load(self) -> None:
        """Build the document and show it; say why when it cannot be built."""
        try:
            summary = meeting_summary(self.context.journal, self.meeting_id)
            self.name = meeting_name(summary)
            self.held_on = summary.held_on
            self.source = build_meeting_html(self.context.journal, self.meeting_id)
            # The team knows its own members: only anyone else's name is guarded.
            team = ilt_members(self.context.journal, self.meeting_id)
            people = find_names(self.context.journal, None, self.source, readers=team)
        except JournalError as exc:
            self.document, self.html = None, ""
            self.status.setText(str(exc))
            self.about.setText("")
        else:
            self.names.set_people(people)
            self._show_guarded()
            # A title read as a phrase ('The summary of How the tracker is going') is quoted.
            titled = f" “{summary.title}”" if summary.title else ""
            self.about.setText(
                self.tr(
                    "The summary of the ILT meeting{titled} of {value}, to share with the team."
                ).format(titled=titled, value=dates.long(summary.held_on))
            )
        self.setWindowTitle(
            self.tr("Share {value} — iltdesk").format(value=self.name or self.tr("an ILT meeting"))
        )
        self._update_protection()

    def _show_guarded(self) -> None:
        """The preview, the PDF and the print: the summary with the names guard's choices."""
        self.html = apply_choices(self.source, self.names.people(), self.names.choices())
        self.document = print_document(self.html)
        self.preview.setDocument(self.document)
        self._update_protection()

    def password_chosen(self) -> str | None:
        """The password to protect the PDF with, if that box is ticked."""
        return self.password.text() if self.protect.isChecked() else None

    def _update_protection(self) -> None:
        on = self.protect.isChecked()
        self.password.setEnabled(on)
        self.again.setEnabled(on)
        if not on:
            self.warning.setText(QCoreApplication.translate("summary_export", UNPROTECTED))
        elif not self.password.text():
            self.warning.setText(
                self.tr("Choose a password, and give it to the readers separately.")
            )
        elif self.password.text() != self.again.text():
            self.warning.setText(self.tr("The two passwords differ."))
        else:
            self.warning.setText("")
        ready = self.document is not None
        self.export_button.setEnabled(ready and (not on or not self.warning.text()))
        for button in self.print_buttons:
            button.setEnabled(ready)

    # -- doing it -------------------------------------------------------------------------------

    def export(self) -> Path | None:
        """Ask where, then write the PDF off the UI thread; returns the path written."""
        if not self.export_button.isEnabled():
            return None
        # A protected PDF's name must not tell what the meeting was about (its title is the
        # principal's words): the name is readable without the password.
        stem = self.name or self.tr("ILT meeting")
        if self.password_chosen() and self.held_on is not None:
            stem = self.tr("ILT meeting {day}").format(day=self.held_on.isoformat())
        journal, password = self.context.journal.path, self.password_chosen()
        title = self.tr("Export the meeting's summary as")
        return save_report(self, title, stem, self.html, password, journal, self.status.setText)

    def print(self) -> None:
        """Print through the system's print dialog, exactly as the PDF looks."""
        if self.document is None:
            return
        path = print_report(self, self.html, protected=self.protect.isChecked())
        if path is not None:
            # The password is missing or its two copies differ when a warning shows.
            journal, say = self.context.journal.path, self.status.setText
            fault = self.warning.text()
            print_to_locked_file(self, self.html, path, self.password.text(), journal, fault, say)

    def print_preview(self) -> None:
        """Qt's print preview of the pages as they will print."""
        if self.document is not None:
            preview_report(self, self.html)
