"""What restoring a backup asks the person (Settings › Backups › Restore): the passphrase the
backup opens with, and whether the keychain should keep it. Marked in the settings dialog's
translation context, where they were written first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.store.opening import keep_restored_passphrase, keychain_keeps_another
from ui.kit.worker import Cancelled, run_waiting


def ask_backup_passphrase(parent: QWidget, described: str, attempt: int) -> str:
    """The prompt of the restore's passphrase sources; cancelling it cancels the restore."""
    asked = (
        QCoreApplication.translate(
            "SettingsDialog",
            "That passphrase does not open the backup; try again.\n\n"
            "The passphrase the journal had when the backup from {described} was made:",
        )
        if attempt
        else QCoreApplication.translate(
            "SettingsDialog",
            "The passphrase the journal had when the backup from {described} was made:",
        )
    )
    secret, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("SettingsDialog", "Restore a backup"),
        asked.format(described=described),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not secret:
        raise Cancelled
    return secret


def offer_keychain_update(parent: QWidget, path: Path, secret: str) -> None:
    """A backup opens with the passphrase the journal had when it was made: when the
    keychain keeps another (the core's rule), say so and offer to keep the restored one."""
    timeout = keychain.RECALL_TIMEOUT_SECONDS
    if not run_waiting(lambda progress: keychain_keeps_another(path, secret, timeout=timeout)):
        return
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SettingsDialog", "Keep the backup's passphrase?"),
        QCoreApplication.translate(
            "SettingsDialog",
            "The restored journal opens with the backup's passphrase, not the one this "
            "computer's keychain keeps for it. Keep the backup's in the keychain instead?",
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        try:
            keep_restored_passphrase(path, secret, timeout=timeout)
        except JournalError as exc:
            QMessageBox.warning(
                parent, QCoreApplication.translate("SettingsDialog", "Not remembered"), str(exc)
            )
