"""An export dialog's optional PDF password: a box to tick, the password twice, and a plain
word on what it means either way.

Not judged as a journal's passphrase is (issue 23 weighed it): it locks one copy handed to a
reader, who is given the password separately and often types it from a note or a call; the
names a journal's passphrase must avoid are no secret to that reader; and the CLI's exports
take the same password unjudged. The person choosing it decides how much the copy needs."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QWidget

from ui.kit.new_passphrase import secret_field
from ui.kit.style import restyle


class PdfPassword(QObject):
    """The protection choice; ``changed`` whenever it or a password changes."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.protect = QCheckBox(self.tr("Pro&tect the PDF with a password"))
        self.password = secret_field(self.tr("PDF password"))
        self.again = secret_field(self.tr("PDF password again"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("Hint")
        self.protect.toggled.connect(lambda *_: self._update())
        for field in (self.password, self.again):
            field.textChanged.connect(lambda *_: self._update())
        self._update()

    def group(self, title: str | None = None) -> QGroupBox:
        """The choice as a group box for a dialog's side column."""
        box = QGroupBox(title or self.tr("Protection"))
        form = QFormLayout(box)
        form.addRow(self.protect)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Again"), self.again)
        form.addRow(self.warning)
        return box

    def chosen(self) -> str | None:
        """The password to lock the PDF with, if the box is ticked."""
        return self.password.text() if self.protect.isChecked() else None

    def ready(self) -> bool:
        """Whether a PDF may be written as chosen (no password, or one typed the same twice)."""
        return not self.protect.isChecked() or not self.warning.text()

    def _update(self) -> None:
        on = self.protect.isChecked()
        self.password.setEnabled(on)
        self.again.setEnabled(on)
        if not on:
            self.warning.setText(
                self.tr(
                    "Without a password, anyone who gets a copy of the file can read it: the "
                    "journal's encryption does not travel with it."
                )
            )
        elif not self.password.text():
            self.warning.setText(
                self.tr("Choose a password, and give it to the reader separately.")
            )
        elif self.password.text() != self.again.text():
            self.warning.setText(self.tr("The two passwords differ."))
        else:
            self.warning.setText("")
        # Said as a fault only once both are typed and differ: the rest is advice.
        differ = on and bool(self.again.text()) and self.password.text() != self.again.text()
        wanted = "ErrorText" if differ else "Hint"
        if self.warning.objectName() != wanted:
            restyle(self.warning, wanted)
        self.changed.emit()
