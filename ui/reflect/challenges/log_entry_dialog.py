"""Correcting one entry of a challenge's log: its kind, its date and what it says."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.challenge import edit_log_entry
from iltdesk.models import ChallengeLogEntry, LogKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say


class LogEntryDialog(GuardedDialog):
    """Edit ``entry``; problems show in the dialog, which stays open with the text."""

    def __init__(
        self,
        context: AppContext,
        entry: ChallengeLogEntry,
        choices: dict[LogKind, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.entry = entry
        self.setWindowTitle(self.tr("Edit a log entry — iltdesk"))
        self.setMinimumWidth(520)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        for kind, title in choices.items():
            self.kind.addItem(QCoreApplication.translate("log", title), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.when = date_edit(entry.logged_on)
        self.when.setAccessibleName(self.tr("Date of the entry"))
        self.text = QPlainTextEdit(entry.text)
        self.text.setAccessibleName(self.tr("Log entry"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 5 + 14)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.when)
        form.addRow(self.tr("Entry"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.mark_clean()
        self.keep_drafts("log_entry", f"log_entry:{entry.id}", context)

    def save(self) -> None:
        """Save the corrected entry and close, or say why not."""
        on = day_of(self.when)
        entry_id, kind, text = self.entry.id or 0, LogKind(self.kind.currentData()), self.text
        # The log announces the change once it has reloaded.
        saved = write_or_say(
            self.context,
            lambda: edit_log_entry(self.context.journal, entry_id, kind, text.toPlainText(), on=on),
            None,
            self.error,
        )
        if isinstance(saved, NotWritten):
            return  # the dialog stays open with the text
        self.accept()
