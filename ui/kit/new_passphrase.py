"""A new passphrase typed twice, with an honest strength meter and hint."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from iltdesk.passphrase_strength import estimate


def secret_field(placeholder: str) -> QLineEdit:
    """A no-echo field with an accessible name."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    return field


class NewPassphraseFields(QObject):
    """The two fields, meter and hint; ``changed(ok)`` says whether it may be used."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget, placeholder: str = "Passphrase") -> None:
        super().__init__(parent)
        self.first = secret_field(placeholder)
        self.again = secret_field("Type it again")
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(6)
        self.meter.setAccessibleName("Passphrase strength")
        self.hint = QLabel()
        self.hint.setObjectName("Hint")
        self.first.textChanged.connect(self.update)
        self.again.textChanged.connect(self.update)

    def add_rows(self, form: QFormLayout, label: str = "Passphrase") -> None:
        """Put the fields, meter and hint into ``form``."""
        form.addRow(label, self.first)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        form.addRow("Again", self.again)

    def acceptable(self) -> bool:
        """Strong enough to use, and typed the same twice."""
        return estimate(self.first.text()).acceptable and self.first.text() == self.again.text()

    def text(self) -> str:
        """The new passphrase."""
        return self.first.text()

    def clear(self) -> None:
        """Empty both fields (after use, so the widgets stop holding the secret)."""
        # setText, not clear(): clear() keeps the passphrase in the undo history.
        self.first.setText("")
        self.again.setText("")

    def update(self) -> None:
        """Refresh the meter and hint, and announce whether the passphrase may be used."""
        strength = estimate(self.first.text())
        self.meter.setValue(strength.score)
        differs = bool(self.again.text()) and self.again.text() != self.first.text()
        self.hint.setText(strength.hint + (" The two entries differ." if differs else ""))
        self.changed.emit(self.acceptable())
