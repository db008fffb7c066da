"""Change the journal's passphrase: the current one, then the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iltdesk.passphrase_strength import journal_names
from iltdesk.store.journal import Journal
from ui.kit.new_passphrase import NewPassphraseFields, secret_field


class ChangePassphraseDialog(QDialog):
    """Collects and checks the passphrases; the caller does the re-encryption."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(self.tr("Change passphrase — iltdesk"))
        self.setMinimumWidth(440)
        self.current = secret_field(self.tr("Current passphrase"))
        # The names kept in the journal are an attacker's first guesses.
        self.fields = NewPassphraseFields(self, self.tr("New passphrase"), journal_names(journal))
        self.new, self.again = self.fields.first, self.fields.again
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Current"), self.current)
        self.fields.add_rows(form, self.tr("New"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Change"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("Primary")
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.fields.changed.connect(self.ok.setEnabled)
        self.fields.update()

    def check(self) -> None:
        """Accept only when the current passphrase is right and the new one is new."""
        if not self.fields.acceptable():  # the meter's advice says why; nothing typed is lost
            return
        if not self.journal.verify_passphrase(self.current.text()):
            self.error.setText(self.tr("The current passphrase is not right."))
        elif self.new.text() == self.current.text():
            self.error.setText(self.tr("The new passphrase is the same as the current one."))
        else:
            self.accept()
            return
        self.error.show()
        self.current.selectAll()
        self.current.setFocus()
