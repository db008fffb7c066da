"""Export the self-check's results to a PDF to discuss with the ILT, with a preview.

Asks where to save as the cycle-summary export does (the core refuses the journal's own
files, folders and devices); the principal's notes are never in the document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.errors import JournalError
from iltdesk.report import build_self_check_html, print_document
from ui.kit.context import AppContext
from ui.kit.new_passphrase import secret_field
from ui.kit.paper import show_as_paper
from ui.kit.pdf_save import ask_pdf_path, write_pdf_file

LEFT_WIDTH = 270  # the period, the privacy note and the password, beside the preview


class SelfCheckExportDialog(QDialog):
    """Choose the period (the selected check-in or the latest), preview, then export."""

    def __init__(
        self, context: AppContext, check_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.check_id = context, check_id
        self.html = ""
        self.document: QTextDocument | None = None
        self.setWindowTitle(self.tr("Export the ILT self-check — iltdesk"))
        self.resize(900, 680)
        self.selected = QRadioButton(self.tr("The &selected check-in's period"))
        self.latest = QRadioButton(self.tr("The &latest check-in's period"))
        (self.selected if check_id else self.latest).setChecked(True)
        self.selected.setEnabled(check_id is not None)
        self.protect = QCheckBox(self.tr("Pro&tect the PDF with a password"))
        self.password = secret_field(self.tr("PDF password"))
        self.again = secret_field(self.tr("PDF password again"))
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the self-check report"))
        show_as_paper(self.preview)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setObjectName("Primary")
        self.export_button.clicked.connect(self.export)
        self._lay_out()
        self.selected.toggled.connect(lambda *_: self.refresh_preview())
        for field in (self.password, self.again):
            field.textChanged.connect(lambda *_: self._update_protection())
        self.protect.toggled.connect(lambda *_: self._update_protection())
        self.refresh_preview()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        period = QLabel(self.tr("Which period"))
        period.setObjectName("FieldLabel")
        left.addWidget(period)
        for widget in (self.selected, self.latest):
            left.addWidget(widget)
        left.addSpacing(8)
        private = QLabel(
            self.tr(
                "Your own notes on a check-in and on each area stay in the journal: they are never "
                "in this PDF."
            )
        )
        private.setWordWrap(True)
        private.setObjectName("Hint")
        left.addWidget(private)
        guard = QFormLayout()
        guard.addRow(self.protect)
        guard.addRow(self.tr("Password"), self.password)
        guard.addRow(self.tr("Again"), self.again)
        left.addSpacing(8)
        left.addLayout(guard)
        left.addStretch(1)
        choices = QWidget()
        choices.setLayout(left)
        choices.setFixedWidth(LEFT_WIDTH)  # the hint wraps in a column, the paper gets the rest
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addWidget(choices)
        body.addWidget(self.preview, 1)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        heading = QLabel(self.tr("Export the self-check"))
        heading.setObjectName("PageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)  # as the app's other dialogs
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addLayout(body, 1)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def chosen(self) -> int | None:
        """The check-in whose period is exported (None: the latest)."""
        return self.check_id if self.selected.isChecked() else None

    def refresh_preview(self) -> None:
        """Rebuild the document and show it."""
        try:
            self.html = build_self_check_html(self.context.journal, self.chosen())
        except JournalError as exc:
            self.document, self.html = None, ""
            self.error.setText(str(exc))
        else:
            self.error.setText("")
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
        differs = on and (not self.password.text() or self.password.text() != self.again.text())
        self.export_button.setEnabled(self.document is not None and not differs)

    def export(self) -> Path | None:
        """Ask where, then write the PDF off the UI thread; returns the path written."""
        stem = self.tr("ILT self-check {day}").format(day=dates.short(date.today()))
        where = ask_pdf_path(self, self.tr("Export the self-check as"), stem)
        if where is None:
            return None
        path, replace = where
        journal, password = self.context.journal.path, self.password_chosen()
        failed = write_pdf_file(self, self.html, path, password, journal, replace=replace)
        self.error.setText(failed or self.tr("Saved {path}").format(path=path))
        return None if failed else path
