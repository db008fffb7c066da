"""Settings: the journal's details, locking, defaults, the passphrase, and backups."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from itertools import chain
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
    QVBoxLayout,
    QWidget,
)

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.messages import backup_not_written, keychain_not_updated, not_restored
from iltdesk.paths import JOURNAL_SUFFIX
from iltdesk.recovery import kit
from iltdesk.store.backups import backup, backups_dir, restore_checked
from iltdesk.store.connection import Connection, open_connection
from iltdesk.store.journal import Journal
from iltdesk.store.opening import (
    change_passphrase,
    first_that_opens,
    passphrases,
)
from ui.journal.appearance import AppearanceGroup
from ui.journal.backups_panel import BackupsPanel
from ui.journal.habits import HabitsGroup
from ui.journal.measured import run_measured
from ui.journal.passphrase_dialog import ChangePassphraseDialog
from ui.journal.recovery_section import RecoverySection
from ui.journal.restore_prompts import ask_backup_passphrase, offer_keychain_update
from ui.journal.screen_fit import fit_in_screen
from ui.journal.unlock import adopt
from ui.kit.context import NOT_WRITTEN, AppContext
from ui.kit.worker import Cancelled, Progress, on_ui_thread, run_modal, run_waiting


class SettingsDialog(QDialog):
    """``journal_replaced`` fires after a passphrase change or a restore reopened the file."""

    journal_replaced = Signal(Journal)
    needs_unlock = Signal()  # a failed restore left the journal closed: ask to unlock again

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Settings — iltdesk"))
        self.setMinimumWidth(560)
        values = context.journal.settings()
        self.school = QLineEdit(values.get("school", ""))
        self.principal = QLineEdit(values.get("principal", ""))
        self.habits = HabitsGroup(self)
        self.idle, self.cadence = self.habits.idle, self.habits.cadence
        self.keychain_state = QLabel()
        self.keychain_state.setWordWrap(True)
        self.keychain_state.setObjectName("Hint")
        self.forget_button = QPushButton(self.tr("Forget it on this computer"))
        self.forget_button.clicked.connect(self.forget)
        self.remember_button = QPushButton(self.tr("Remember on this computer…"))
        self.remember_button.clicked.connect(self.remember)
        self._show_keychain_state()
        # The sections scroll on a short screen (1024x700): the Save row always shows.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            self._group(
                self.tr("This journal (kept inside it, encrypted)"),
                [(self.tr("School"), self.school), (self.tr("Your name"), self.principal)],
            )
        )
        layout.addWidget(self.habits)
        self.appearance = AppearanceGroup(self)
        layout.addWidget(self.appearance)
        layout.addWidget(self._passphrase_group())
        self.recovery = RecoverySection(context, self)
        layout.addWidget(self.recovery)
        layout.addWidget(self._backup_group())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(fit_in_screen(self, body), 1)
        outer.addWidget(buttons)

    @staticmethod
    def _group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _passphrase_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Passphrase"))
        change = QPushButton(self.tr("Change passphrase…"))
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

    def _backup_group(self) -> BackupsPanel:
        self.backups = BackupsPanel(self.context, self)
        self.backups.restore_requested.connect(self._restore_from)
        to_file = QPushButton(self.tr("Back up to a file…"))
        to_file.clicked.connect(self.back_up)
        from_file = QPushButton(self.tr("Restore from a file…"))
        from_file.clicked.connect(self.restore_backup)
        self.backups.add_button(to_file)
        self.backups.add_button(from_file)
        return self.backups

    def _show_keychain_state(self) -> None:
        path = self.context.journal.path
        try:
            remembered = keychain.recall(path, keychain.RECALL_TIMEOUT_SECONDS) is not None
            where = keychain.description(keychain.RECALL_TIMEOUT_SECONDS)
        except JournalError:
            self.keychain_state.setText(
                self.tr(
                    "No system keychain is available: you are asked for the passphrase each time."
                )
            )
            self.forget_button.setVisible(False)
            self.remember_button.setEnabled(False)
            return
        if remembered:
            self.keychain_state.setText(
                self.tr("This computer remembers the passphrase in {where}.").format(where=where)
            )
        else:
            self.keychain_state.setText(
                self.tr("This computer does not remember the passphrase: you type it to unlock.")
            )
        self.forget_button.setVisible(remembered)
        self.remember_button.setVisible(not remembered)

    def remember(self) -> None:
        """Keep the passphrase in the keychain, once the user has typed it correctly."""
        secret, ok = QInputDialog.getText(
            self,
            self.tr("Remember the passphrase"),
            self.tr("Type the journal's passphrase to keep it in this computer's keychain:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        if not self.context.journal.verify_passphrase(secret):
            QMessageBox.warning(
                self, self.tr("Not remembered"), self.tr("That is not this journal's passphrase.")
            )
            return
        try:
            keychain.remember(self.context.journal.path, secret, keychain.RECALL_TIMEOUT_SECONDS)
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Not remembered"), str(exc))
        self._show_keychain_state()

    def forget(self) -> None:
        """Remove the remembered passphrase from the keychain."""
        with contextlib.suppress(JournalError):
            keychain.forget(self.context.journal.path, keychain.RECALL_TIMEOUT_SECONDS)
        self._show_keychain_state()

    def save(self) -> None:
        """Store the preferences and the journal's details."""
        self.habits.save()
        self.appearance.save()
        details = {"school": self.school.text().strip(), "principal": self.principal.text().strip()}
        if self.context.write(lambda: self.context.journal.set_settings(details)) is NOT_WRITTEN:
            return  # said in the status bar; what was typed stays here
        self.accept()

    def reject(self) -> None:
        """Close without saving: the look previewed goes back to the one saved."""
        self.appearance.revert()
        super().reject()

    def change_passphrase(self) -> None:
        """Re-encrypt under a new passphrase, off the UI thread."""
        dialog = ChangePassphraseDialog(self.context.journal, self)
        if not dialog.exec():
            return
        new = dialog.new.text()
        for field in (dialog.current, dialog.new, dialog.again):
            field.setText("")  # no passphrase lingers in a hidden dialog for the session
        dialog.deleteLater()
        journal = self.context.journal
        self.context.flush_all()
        try:  # the keychain kept in step by the core, as ``iltdesk passwd`` does
            changed = run_modal(
                self,
                self.tr("Re-encrypting the journal…"),
                lambda progress: change_passphrase(
                    journal, new, timeout=keychain.RECALL_TIMEOUT_SECONDS
                ),
            )
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Passphrase not changed"), str(exc))
            return
        self.journal_replaced.emit(changed.journal)
        said = self.tr("The journal now opens with the new passphrase.")
        if changed.keychain_problem is not None:
            said = f"{said}\n{keychain_not_updated(changed.keychain_problem)}"
        QMessageBox.information(self, self.tr("Passphrase changed"), said)

    def back_up(self) -> None:
        """Write and verify a backup where the user chooses."""
        folder = backups_dir(self.context.journal.path)
        suggested = (
            folder
            / f"{self.context.journal.path.stem}-{datetime.now():%Y-%m-%d-%H%M}{JOURNAL_SUFFIX}"
        )
        # A backup never replaces a file (the core refuses), so the dialog must not offer to.
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up to"),
            str(suggested),
            self.tr("iltdesk journal (*{JOURNAL_SUFFIX})").format(JOURNAL_SUFFIX=JOURNAL_SUFFIX),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return
        self.context.flush_all()
        journal = self.context.journal
        try:
            _, rate = run_measured(
                self,
                self.tr("Writing and checking the backup"),
                lambda told: backup(journal, Path(chosen), told),
            )
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Backup failed"), backup_not_written(exc))
            return
        self.backups.refresh()  # the suggested name is listed there
        QMessageBox.information(
            self,
            self.tr("Backed up"),
            self.tr("Backed up and checked ({value}):\n{chosen}").format(
                value=rate.summary(), chosen=chosen
            ),
        )

    def restore_backup(self) -> None:
        """Replace the journal with a verified backup file the user picks."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from"),
            str(backups_dir(self.context.journal.path)),
            self.tr("iltdesk journal (*{JOURNAL_SUFFIX});;All files (*)").format(
                JOURNAL_SUFFIX=JOURNAL_SUFFIX
            ),
        )
        if chosen:
            self._restore_from(Path(chosen), Path(chosen).name)

    def _restore_from(self, chosen: Path, described: str) -> None:
        """Restore ``chosen``: put the checked copy in place of the journal, and reopen it.

        The journal as it is is kept beside it (the restore's own safety copy). The backup's
        passphrase comes as for every opening (``store.opening``): what the keychain keeps
        for this journal, then for the backup, then ``ILTDESK_PASSPHRASE``, then the person,
        asked here. It all runs on a worker; the journal is closed only once the backup has
        proved whole, and reopened through the one open path (``unlock.adopt``).
        """
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup?"),
            self.tr(
                "Restore the backup from {described}?\n"
                "The journal as it is now is kept beside it (listed as “Before a restore”)."
            ).format(described=described),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.flush_all()
        journal, path = self.context.journal, self.context.journal.path
        tried: list[str] = []  # to carry on with the journal if the restore fails

        def ask(attempt: int) -> str:
            return on_ui_thread(lambda: ask_backup_passphrase(self, described, attempt))

        def offers() -> Iterator[str]:
            for secret in passphrases(path, ask=ask, also_remembered_for=[chosen]):
                tried.append(secret)
                yield secret

        # The journal's own recovery kit, read while it is open: a restored older backup
        # keeps it when it is newer, whatever passphrase the backup has.
        newest_kit = kit.journal_escrow(journal.settings())

        def restore(progress: Progress) -> tuple[Path | None, str, Connection]:
            aside, secret = restore_checked(
                chosen,
                path,
                offers(),
                before_replacing=lambda: on_ui_thread(journal.close),
                kit=newest_kit,
            )
            return aside, secret, open_connection(path, secret)

        try:
            aside, secret, conn = run_modal(
                self, self.tr("Checking and restoring the backup…"), restore
            )
            restored = adopt(path, conn, secret, self)
        except Cancelled:
            return  # the person cancelled the prompt: nothing was changed
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Not restored"), not_restored(exc))
            if journal.closed:
                self._reopen_unchanged(path, tried)
            return
        self.journal_replaced.emit(restored)
        QMessageBox.information(
            self,
            self.tr("Restored"),
            self.tr("Restored. The journal it replaced is kept as {aside}.").format(aside=aside),
        )
        offer_keychain_update(self, path, secret)
        self.reject()  # the fields shown belong to the journal that was replaced: never save them

    def _reopen_unchanged(self, path: Path, tried: list[str]) -> None:
        """After a restore that failed once the journal was closed: carry on if a passphrase
        tried, or one at hand (keychain, environment), opens the journal; else unlock again."""

        def reopen(progress: Progress) -> tuple[Connection, str]:
            offers = chain(tried, passphrases(path))
            return first_that_opens(offers, lambda s: (open_connection(path, s), s))

        try:
            conn, secret = run_waiting(reopen)
            journal = adopt(path, conn, secret, self)
        except JournalError:
            self.reject()
            self.needs_unlock.emit()
            return
        self.journal_replaced.emit(journal)
        self.backups.refresh()
