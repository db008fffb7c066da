"""The unlock dialog: ask for a journal's passphrase, and say plainly what went wrong."""

from __future__ import annotations

import contextlib
import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import keychain, recovery
from iltdesk.errors import JournalError
from iltdesk.messages import not_opened
from iltdesk.store import rewrite, schema, verifier
from iltdesk.store.connection import Connection, open_connection
from iltdesk.store.housekeeping import tidy
from iltdesk.store.journal import Journal, load_orm
from ui.kit.style import accent_text
from ui.kit.worker import Worker, run_modal, run_waiting

# Marked for translation here, translated where it is shown (``adopt``).
COMPACTING = str(
    QT_TRANSLATE_NOOP(
        "UnlockDialog",
        "Making this journal's file smaller after its update…\nThis happens once.",
    )
)
UPDATING = str(
    QT_TRANSLATE_NOOP(
        "UnlockDialog",
        "Updating this journal for this version of iltdesk…\n"
        "A checked copy of it is kept first, in its backups folder. This happens once.",
    )
)


# What migrating imports (besides the ORM), imported on this thread before it runs on
# another: a thread importing while PySide6 does can abort the app (tests/test_startup_race.py
# shows it, and lists what a start-up imports off the main thread).
FOR_MIGRATING = (
    "alembic.command",
    "alembic.config",
    "alembic.context",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.script",
    "alembic.ddl.sqlite",
    "alembic.autogenerate",
    "iltdesk.search_index",
    "iltdesk.search_tables",
    "iltdesk.search_lists",
    "iltdesk.migrations.tables_0005",
    "iltdesk.migrations.history_0006",
    "iltdesk.migrations.history_0008",
    "iltdesk.store.lost_rows",
)

# What sealing and checking the escrow import on first use (cryptography loads its OpenSSL
# backend lazily), imported here before the heal's worker runs.
FOR_HEALING = (
    "cryptography.hazmat.bindings.openssl._conditional",
    "cryptography.hazmat.bindings.openssl.binding",
    "cryptography.hazmat.backends.openssl.backend",
)


def adopt(path: Path, conn: Connection, secret: str, parent: QWidget | None = None) -> Journal:
    """``Journal.adopt``, saying so in a progress dialog when the journal must be migrated
    (a verified backup, then the migrations: seconds for a large journal). Every unlock of
    the app passes here: the journal is tidied and the recovery kit healed after it."""
    if schema.opening_migrates(conn):
        load_orm()
        for name in FOR_MIGRATING:
            importlib.import_module(name)
        updating = QCoreApplication.translate("UnlockDialog", UPDATING)
        journal = run_modal(parent, updating, lambda progress: Journal.adopt(path, conn, secret))
    elif rewrite.opening_compacts(conn):  # an update left it to do: the disk was full, say
        compacting = QCoreApplication.translate("UnlockDialog", COMPACTING)
        journal = run_modal(parent, compacting, lambda progress: Journal.adopt(path, conn, secret))
    else:
        journal = Journal.adopt(path, conn, secret)
    tidy(journal)  # the Trash's 30 days and the history's keeping rule
    heal_kit(journal, secret)
    return journal


def heal_kit(journal: Journal, secret: str) -> None:
    """After an unlock, on a worker: seal the passphrase into the recovery escrow if it is
    not there yet, and write the escrow files where they went missing (``kit.heal``: two
    small files, each synced to disk, which a stalled disk must not freeze the window on)."""
    settings = journal.settings()
    if not settings.get(recovery.ESCROW):
        return  # no kit: nothing to heal, no thread
    from iltdesk.recovery import kit  # cryptography: only for a journal with a kit

    for name in FOR_HEALING:
        importlib.import_module(name)
    if settings.get(recovery.SEALED_FOR) != settings.get(verifier.SETTING_KEY):
        # Sealing writes a setting through the ORM: imported here, never on the worker.
        load_orm()
        _ = journal.engine
    worker = Worker(lambda progress: kit.heal(journal, secret), name="iltdesk-kit-heal")
    # A journal locked meanwhile or a full disk: Settings shows where the escrow is missing.
    worker.failed.connect(_unless_expected)
    worker.start()


def _unless_expected(error: BaseException) -> None:
    if not isinstance(error, (JournalError, OSError)):
        sys.excepthook(type(error), error, error.__traceback__)


def remember_label() -> tuple[str, bool]:
    """The 'remember' checkbox text, and whether a keychain is there to remember in."""
    try:
        where = keychain.description(keychain.RECALL_TIMEOUT_SECONDS)
    except JournalError:
        return QCoreApplication.translate(
            "UnlockDialog", "No system keychain is available, so you will be asked each time."
        ), False
    return QCoreApplication.translate(
        "UnlockDialog", "Remember on this computer (kept in {where})"
    ).format(where=where), True


class UnlockDialog(QDialog):
    """Ask for the passphrase of ``path`` until it opens, or the user picks another file."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, message: str = "") -> None:
        super().__init__(parent)
        self.path = path
        self.journal: Journal | None = None
        self.secret: str | None = None
        self.choose_other = False
        self.switch_to: Path | None = None  # another launch asked for this journal instead
        self.setWindowTitle(self.tr("Unlock journal — iltdesk"))
        self.setMinimumWidth(460)
        title = QLabel(self.tr("Unlock <b>{name}</b>").format(name=path.name))
        title.setObjectName("PageTitle")
        where = QLabel(str(path.parent))
        where.setObjectName("Hint")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        text, has_keychain = remember_label()
        self.remember = QCheckBox(text)
        self.remember.setEnabled(has_keychain)
        self.error = QLabel(message)
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(message))
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setObjectName("Primary")
        self.unlock_button.setDefault(True)
        # A link-like button under the field: Tab reaches it, and Alt+F.
        self.forgot_button = QPushButton(self.tr("&Forgot your passphrase?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button.setStyleSheet(
            f"QPushButton {{ color: {accent_text()}; border: none; padding: 2px 0; }}"
            "QPushButton:focus { text-decoration: underline; }"
        )
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.setAccessibleName(self.tr("Forgot your passphrase?"))
        self.forgot_button.clicked.connect(self.forgot)
        forgot_row = QHBoxLayout()
        forgot_row.addWidget(self.forgot_button)
        forgot_row.addStretch(1)
        other = QPushButton(self.tr("Choose another journal…"))
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ResetRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Enter in the passphrase field must unlock: an auto-default button can take the
        # default when the dialog is shown (Fusion), and Enter then opened a file chooser.
        for button in (other, cancel):
            button.setAutoDefault(False)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        other.clicked.connect(self._choose_other)
        layout = QVBoxLayout(self)
        for widget in (title, where, self.passphrase):
            layout.addWidget(widget)
        layout.addLayout(forgot_row)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _choose_other(self) -> None:
        self.choose_other = True
        self.reject()

    def forgot(self) -> None:
        """The recovery key, then a new passphrase: the journal opens with it."""
        from ui.journal.forgot import ForgotPassphraseDialog  # it imports this module

        dialog = ForgotPassphraseDialog(self.path, self)
        recovered = bool(dialog.exec()) and dialog.journal is not None
        dialog.deleteLater()
        if recovered:
            self.journal, dialog.journal = dialog.journal, None
            self.secret, dialog.secret = dialog.secret, None  # for the day's backup, as below
            self.passphrase.setText("")
            self.accept()

    def show_error(self, text: str) -> None:
        """Show ``text`` under the field and select what was typed, ready to retype."""
        self.error.setText(text)
        self.error.setVisible(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        """Open the journal with what was typed; stay open with a message if that fails.

        The key is derived on a worker (a few tenths of a second): the dialog still paints
        meanwhile, and what the person types waits until it is done."""
        secret, path = self.passphrase.text(), self.path
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            conn = run_waiting(lambda progress: open_connection(path, secret))
            self.journal = adopt(path, conn, secret, self)
        except JournalError as exc:
            self.show_error(not_opened(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember.isChecked():
            # If the keychain fails the journal is still open; the user is simply asked next time.
            with contextlib.suppress(JournalError):
                keychain.remember(self.path, secret, keychain.RECALL_TIMEOUT_SECONDS)
        self.passphrase.setText("")  # clear() keeps the text in the undo history
        self.secret = secret  # for the day's backup to key its file; taken once, then dropped
        self.accept()
