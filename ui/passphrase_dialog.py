"""Change the journal's passphrase: the current one, then the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from iltdesk.store.journal import Journal
from iltdesk.strength import estimate


def secret_field(placeholder: str) -> QLineEdit:
    """A no-echo field with an accessible name."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    return field


class ChangePassphraseDialog(QDialog):
    """Collects and checks the passphrases; the caller does the re-encryption."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Change passphrase — iltdesk")
        self.setMinimumWidth(440)
        self.current = secret_field("Current passphrase")
        self.new = secret_field("New passphrase")
        self.again = secret_field("New passphrase again")
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(6)
        self.hint = QLabel()
        self.hint.setObjectName("Hint")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Current", self.current)
        form.addRow("New", self.new)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        form.addRow("Again", self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton("Change", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("Primary")
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.new.textChanged.connect(self._update)
        self.again.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        strength = estimate(self.new.text())
        self.meter.setValue(strength.score)
        same = self.new.text() == self.again.text()
        self.hint.setText(
            strength.hint + ("" if same or not self.again.text() else " The two entries differ.")
        )
        self.ok.setEnabled(strength.acceptable and same)

    def check(self) -> None:
        """Accept only when the current passphrase is right and the new one is new."""
        if not self.journal.verify_passphrase(self.current.text()):
            self.error.setText("The current passphrase is not right.")
        elif self.new.text() == self.current.text():
            self.error.setText("The new passphrase is the same as the current one.")
        else:
            self.accept()
            return
        self.error.show()
        self.current.selectAll()
        self.current.setFocus()
