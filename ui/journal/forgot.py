"""Forgot your passphrase?: the recovery key from the sheet opens the journal, and a new
passphrase replaces the forgotten one at once (``recovery.recover``, off the UI thread)."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Hashable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.recovery.recover import recover
from iltdesk.store.journal import Journal, load_orm
from ui.journal.recovery_kit import key_font
from ui.journal.unlock import FOR_MIGRATING, remember_label
from ui.kit.new_passphrase import NewPassphraseFields
from ui.kit.style import error_line
from ui.kit.unsaved import GuardedDialog
from ui.kit.worker import run_modal


def _imported_here() -> None:
    """What recovering may import (reading the file, updating it, re-encrypting it), imported
    on the UI thread first: a thread importing while PySide6 does can abort the app."""
    load_orm()
    for name in (*FOR_MIGRATING, "iltdesk.store.rekey"):
        importlib.import_module(name)


class ForgotPassphraseDialog(GuardedDialog):
    """Take the recovery key and a new passphrase; ``journal`` is the journal opened with it,
    and ``secret`` the new passphrase (taken once by the caller, for the day's backup).

    A key typed off the sheet is asked about before Escape throws it away; the new
    passphrase alone is not (it is typed again in seconds, and kept nowhere)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.journal: Journal | None = None
        self.secret: str | None = None
        self._opening = self.tr(
            "Opening the journal with the recovery key and giving it the new passphrase…"
        )
        self.setWindowTitle(self.tr("Forgot your passphrase? — iltdesk"))
        self.setMinimumWidth(640)
        title = QLabel(self.tr("Forgot your passphrase?"))
        title.setObjectName("PageTitle")
        about = QLabel(
            self.tr(
                "Type the recovery key from the recovery sheet of <b>{journal}</b> (capitals "
                "or not, with or without the dashes). Then choose a new passphrase: from now on "
                "the journal opens with it, and the forgotten one no longer works."
            ).format(journal=escape(path.name))
        )
        about.setWordWrap(True)
        self.key = QLineEdit()
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.key.setFont(key_font(1.15))
        # The journal's names are locked inside it until the key opens it: the file's name is
        # what is known here.
        self.fields = NewPassphraseFields(self, self.tr("New passphrase"), (path.stem,))
        text, has_keychain = remember_label()
        self.remember = QCheckBox(text)
        self.remember.setEnabled(has_keychain)
        self.error = error_line()
        form = QFormLayout()
        form.addRow(self.tr("Recovery key"), self.key)
        self.fields.add_rows(form, self.tr("New passphrase"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.addButton(
            self.tr("Open the journal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("Primary")
        buttons.accepted.connect(self.try_recover)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, about):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.open_button.setDefault(True)  # once in the dialog: Enter in any field opens
        self.key.textChanged.connect(self._update)
        self.fields.changed.connect(self._update)
        self._update()
        self.key.setFocus(Qt.FocusReason.OtherFocusReason)

    def unsaved_state(self) -> Hashable:
        return self.key.text().strip()

    def _update(self) -> None:
        self.open_button.setEnabled(bool(self.key.text().strip()) and self.fields.acceptable())

    def try_recover(self) -> None:
        """Recover on a worker; stay with one plain line (the key kept) if it fails."""
        if not self.open_button.isEnabled() or not self.fields.acceptable():
            return
        typed, new, path = self.key.text(), self.fields.text(), self.path
        _imported_here()
        try:
            journal = run_modal(self, self._opening, lambda progress: recover(path, typed, new))
        except JournalError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.key.setFocus()
            self.key.deselect()  # the typo is one group: what was typed stays to be fixed
            return
        # As unlocking: if the keychain fails the journal is still open, asked next time. A
        # passphrase kept for it before no longer opens it: let go of it.
        with contextlib.suppress(JournalError):
            if self.remember.isChecked():
                keychain.remember(path, new, keychain.RECALL_TIMEOUT_SECONDS)
            else:
                keychain.forget(path, keychain.RECALL_TIMEOUT_SECONDS)
        self.fields.clear()
        self.key.setText("")
        self.journal, self.secret = journal, new
        self.accept()
