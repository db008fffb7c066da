"""Import a framework's items from a pasted list or a text/CSV file, seeing first what it adds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.errors import JournalError, UsageError
from iltdesk.framework import ImportPreview, import_list, preview_import, read_list_file
from iltdesk.models import FrameworkKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say

FILE_TYPES = QT_TRANSLATE_NOOP("import_dialog", "Lists (*.csv *.txt *.tsv *.text);;All files (*)")
ABOUT = QT_TRANSLATE_NOOP(
    "import_dialog",
    (
        "One item a line. A code and a title (2.1 Leads adult learning), columns copied from a "
        "spreadsheet or saved as CSV (code, title, description; a header row is fine), or titles "
        "alone. Items already in the list stay as they are, so importing twice adds nothing."
    ),
)


def preview_rows(preview: ImportPreview) -> list[str]:
    """The preview as the list shows it: what is added, then what is already there."""
    adds = QCoreApplication.translate("import_dialog", "Adds  {label}")
    there = QCoreApplication.translate("import_dialog", "Already there  {label}")
    return [adds.format(label=item.label) for item in preview.new] + [
        there.format(label=item.label) for item in preview.already
    ]


def preview_sentence(preview: ImportPreview) -> str:
    """What importing will do, in one sentence."""
    new, already = len(preview.new), len(preview.already)
    if not new:
        adds = QCoreApplication.translate("import_dialog", "Nothing new to add")
    elif new == 1:
        adds = QCoreApplication.translate("import_dialog", "{n} new item to add").format(n=new)
    else:
        adds = QCoreApplication.translate("import_dialog", "{n} new items to add").format(n=new)
    if already:
        return QCoreApplication.translate(
            "import_dialog", "{adds}; {n} already in the list."
        ).format(adds=adds, n=already)
    return QCoreApplication.translate("import_dialog", "{adds}.").format(adds=adds)


class ImportDialog(GuardedDialog):
    """Paste a list or choose a file; the preview says what will be added; Import writes it
    all at once (or nothing)."""

    def __init__(
        self,
        context: AppContext,
        framework: FrameworkKind,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.framework = context, framework
        self.imported: ImportPreview | None = None
        self.setWindowTitle(self.tr("Import into {name} — iltdesk").format(name=name))
        self.setMinimumWidth(620)
        heading = QLabel(self.tr("Import into {name}").format(name=name))
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("margin-top: 0")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("The list to import"))
        self.text.setPlaceholderText(self.tr("Paste the list here, or choose a file"))
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self.show_preview)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.summary = hint()
        self.preview = QListWidget()
        self.preview.setAccessibleName(self.tr("What the import will do"))
        self.preview.setFixedHeight(140)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("Primary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._lay_out(heading, buttons)
        self.show_preview()
        self.mark_clean()
        self.keep_drafts("framework_import", framework.value, context)  # a lock keeps the list

    def _lay_out(self, heading: QLabel, buttons: QDialogButtonBox) -> None:
        label = field_label(self.tr("The list"), self.text)
        choose = QHBoxLayout()
        choose.addWidget(label, 1)
        choose.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)  # as the app's other dialogs
        layout.addWidget(heading)
        layout.addWidget(hint(QCoreApplication.translate("import_dialog", ABOUT)))
        layout.addSpacing(6)
        layout.addLayout(choose)
        layout.addWidget(self.text, 1)
        layout.addSpacing(6)
        layout.addWidget(field_label(self.tr("What the import will do"), self.preview))
        layout.addWidget(self.summary)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def choose_file(self) -> None:
        """Read a list file into the box, where the preview shows what it holds."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a list from"),
            str(Path.home()),
            QCoreApplication.translate("import_dialog", FILE_TYPES),
        )
        if not chosen:
            return
        try:
            text = read_list_file(Path(chosen))
        except UsageError as exc:
            self._say(str(exc))
            return
        self.text.setPlainText(text)
        self.text.setFocus()

    def show_preview(self) -> None:
        """Say what importing the box's list would do; Import only when it adds something."""
        self.preview.clear()
        self.error.hide()
        text = self.text.toPlainText()
        if not text.strip():
            self.summary.setText(self.tr("Nothing to import yet."))
            self.import_button.setEnabled(False)
            return
        try:
            preview = preview_import(self.context.journal, self.framework, text)
        except JournalError as exc:  # the list refused (or the journal unreadable): say why
            self.summary.setText(self.tr("Nothing will be imported."))
            self._say(str(exc))
            self.import_button.setEnabled(False)
            return
        self.summary.setText(preview_sentence(preview))
        self.preview.addItems(preview_rows(preview))
        self.import_button.setEnabled(bool(preview.new))

    def _say(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()

    def save(self) -> None:
        """Import the list; stay open, with the list, if that fails."""
        if not self.import_button.isEnabled():
            return
        journal, framework, text = self.context.journal, self.framework, self.text.toPlainText()
        done = write_or_say(
            self.context,
            lambda: import_list(journal, framework, text),
            None,  # no other page lists a framework's items; fields re-read them on focus
            self.error,
            failed=self.tr("Not imported"),
        )
        if not isinstance(done, NotWritten):
            self.imported = done
            self.accept()
