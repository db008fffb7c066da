"""Settings: the journal's details, locking, defaults, the passphrase, and backups."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.paths import JOURNAL_SUFFIX
from iltdesk.store.backup import backup, backups_dir, rekey, restore
from iltdesk.store.journal import Journal
from ui import preferences
from ui.background import run_with_progress
from ui.context import AppContext
from ui.passphrase_dialog import ChangePassphraseDialog
from ui.unlock import KEYCHAIN_TIMEOUT, friendly_error


class SettingsDialog(QDialog):
    """``journal_replaced`` fires after a passphrase change or a restore reopened the file."""

    journal_replaced = Signal(Journal)
    needs_unlock = Signal()  # a failed restore left the journal closed: ask to unlock again

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Settings — iltdesk")
        self.setMinimumWidth(520)
        values = context.journal.settings()
        self.school = QLineEdit(values.get("school", ""))
        self.principal = QLineEdit(values.get("principal", ""))
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(" minutes without use")
        self.idle.setValue(preferences.idle_minutes())
        self.cadence = QSpinBox()
        self.cadence.setRange(1, 90)
        self.cadence.setSuffix(" days")
        self.cadence.setValue(preferences.default_cadence())
        self.keychain_state = QLabel()
        self.keychain_state.setWordWrap(True)
        self.keychain_state.setObjectName("Hint")
        self.forget_button = QPushButton("Forget it on this computer")
        self.forget_button.clicked.connect(self.forget)
        self.remember_button = QPushButton("Remember on this computer…")
        self.remember_button.clicked.connect(self.remember)
        self._show_keychain_state()
        layout = QVBoxLayout(self)
        layout.addWidget(
            self._group(
                "This journal (kept inside it, encrypted)",
                [("School", self.school), ("Your name", self.principal)],
            )
        )
        layout.addWidget(
            self._group(
                "Habits", [("Lock after", self.idle), ("New leads meet every", self.cadence)]
            )
        )
        layout.addWidget(self._passphrase_group())
        layout.addWidget(self._backup_group())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _passphrase_group(self) -> QGroupBox:
        box = QGroupBox("Passphrase")
        change = QPushButton("Change passphrase…")
        change.clicked.connect(self.change_passphrase)
        row = QHBoxLayout()
        row.addWidget(change)
        row.addWidget(self.remember_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.keychain_state)
        layout.addLayout(row)
        return box

    def _backup_group(self) -> QGroupBox:
        box = QGroupBox("Backups")
        note = QLabel(
            "A backup is an encrypted copy, checked after it is written. It opens with the "
            "passphrase the journal had when it was made."
        )
        note.setWordWrap(True)
        note.setObjectName("Hint")
        now = QPushButton("Back up now…")
        now.clicked.connect(self.back_up)
        back = QPushButton("Restore from a backup…")
        back.clicked.connect(self.restore_backup)
        row = QHBoxLayout()
        row.addWidget(now)
        row.addWidget(back)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addLayout(row)
        return box

    def _show_keychain_state(self) -> None:
        path = self.context.journal.path
        try:
            remembered = keychain.recall(path, KEYCHAIN_TIMEOUT) is not None
            where = keychain.description(KEYCHAIN_TIMEOUT)
        except JournalError:
            self.keychain_state.setText(
                "No system keychain is available: you are asked for the passphrase each time."
            )
            self.forget_button.setEnabled(False)
            self.remember_button.setEnabled(False)
            return
        if remembered:
            self.keychain_state.setText(f"This computer remembers the passphrase in {where}.")
        else:
            self.keychain_state.setText(
                "This computer does not remember the passphrase: you type it to unlock."
            )
        self.forget_button.setVisible(remembered)
        self.remember_button.setVisible(not remembered)

    def remember(self) -> None:
        """Keep the passphrase in the keychain, once the user has typed it correctly."""
        secret, ok = QInputDialog.getText(
            self,
            "Remember the passphrase",
            "Type the journal's passphrase to keep it in this computer's keychain:",
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        if not self.context.journal.verify_passphrase(secret):
            QMessageBox.warning(self, "Not remembered", "That is not this journal's passphrase.")
            return
        try:
            keychain.remember(self.context.journal.path, secret, KEYCHAIN_TIMEOUT)
        except JournalError as exc:
            QMessageBox.warning(self, "Not remembered", str(exc))
        self._show_keychain_state()

    def forget(self) -> None:
        """Remove the remembered passphrase from the keychain."""
        with contextlib.suppress(JournalError):
            keychain.forget(self.context.journal.path, KEYCHAIN_TIMEOUT)
        self._show_keychain_state()

    def save(self) -> None:
        """Store the preferences and the journal's details."""
        preferences.save(idle=self.idle.value(), cadence=self.cadence.value())
        try:
            self.context.journal.set_settings(
                {"school": self.school.text().strip(), "principal": self.principal.text().strip()}
            )
        except JournalError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        self.accept()

    def change_passphrase(self) -> None:
        """Re-encrypt under a new passphrase, off the UI thread."""
        dialog = ChangePassphraseDialog(self.context.journal, self)
        if not dialog.exec():
            return
        new = dialog.new.text()
        path = self.context.journal.path
        was_remembered = False
        with contextlib.suppress(JournalError):
            was_remembered = keychain.recall(path, KEYCHAIN_TIMEOUT) is not None
        self.context.flush_all()
        try:
            journal = run_with_progress(
                self, "Re-encrypting the journal…", lambda: rekey(self.context.journal, new)
            )
        except JournalError as exc:
            QMessageBox.warning(self, "Passphrase not changed", friendly_error(exc))
            return
        if was_remembered:
            with contextlib.suppress(JournalError):
                keychain.remember(path, new, KEYCHAIN_TIMEOUT)
        self.journal_replaced.emit(journal)
        QMessageBox.information(
            self, "Passphrase changed", "The journal now opens with the new passphrase."
        )

    def back_up(self) -> None:
        """Write and verify a backup where the user chooses."""
        folder = backups_dir(self.context.journal.path)
        suggested = (
            folder
            / f"{self.context.journal.path.stem}-{datetime.now():%Y-%m-%d-%H%M}{JOURNAL_SUFFIX}"
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Back up to", str(suggested), f"iltdesk journal (*{JOURNAL_SUFFIX})"
        )
        if not chosen:
            return
        self.context.flush_all()
        try:
            report = run_with_progress(
                self,
                "Writing and checking the backup…",
                lambda: backup(self.context.journal, Path(chosen)),
            )
        except JournalError as exc:
            QMessageBox.warning(self, "Backup failed", str(exc))
            return
        QMessageBox.information(
            self, "Backed up", f"Backed up and checked ({report.pages} pages):\n{chosen}"
        )

    def restore_backup(self) -> None:
        """Replace the journal with a verified backup; the current one is kept beside it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Restore from",
            str(backups_dir(self.context.journal.path)),
            f"iltdesk journal (*{JOURNAL_SUFFIX});;All files (*)",
        )
        if not chosen:
            return
        secret, ok = QInputDialog.getText(
            self,
            "Backup passphrase",
            "The passphrase this backup was made with:",
            QLineEdit.EchoMode.Password,
        )
        if not ok or not secret:
            return
        self.context.flush_all()
        path = self.context.journal.path
        self.context.journal.close()
        try:
            aside = run_with_progress(
                self,
                "Checking and restoring the backup…",
                lambda: restore(Path(chosen), path, secret, force=True),
            )
            journal = Journal.open(path, secret)
        except JournalError as exc:
            QMessageBox.warning(
                self, "Not restored", f"{friendly_error(exc)}\nYour journal was not changed."
            )
            self.needs_unlock.emit()
            return
        self.journal_replaced.emit(journal)
        QMessageBox.information(
            self, "Restored", f"Restored. The journal it replaced is kept as {aside}."
        )
