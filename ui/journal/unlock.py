"""The unlock dialog: ask for a journal's passphrase, and say plainly what went wrong."""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.messages import not_opened
from iltdesk.store import schema
from iltdesk.store.connection import Connection, open_connection
from iltdesk.store.journal import Journal, load_orm
from ui.kit.worker import run_modal, run_waiting

UPDATING = (
    "Updating this journal for this version of iltdesk…\n"
    "A checked copy of it is kept first, in its backups folder. This happens once."
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
    "iltdesk.migrations.tables_0005",
    "iltdesk.store.lost_rows",
)


def adopt(path: Path, conn: Connection, secret: str, parent: QWidget | None = None) -> Journal:
    """``Journal.adopt``, saying so in a progress dialog when the journal must be migrated
    (a verified backup, then the migrations: seconds for a large journal)."""
    if not schema.opening_migrates(conn):
        return Journal.adopt(path, conn, secret)
    load_orm()
    for name in FOR_MIGRATING:
        importlib.import_module(name)
    return run_modal(parent, UPDATING, lambda progress: Journal.adopt(path, conn, secret))


def remember_label() -> tuple[str, bool]:
    """The 'remember' checkbox text, and whether a keychain is there to remember in."""
    try:
        where = keychain.description(keychain.RECALL_TIMEOUT_SECONDS)
    except JournalError:
        return "No system keychain is available, so you will be asked each time.", False
    return f"Remember on this computer (kept in {where})", True


class UnlockDialog(QDialog):
    """Ask for the passphrase of ``path`` until it opens, or the user picks another file."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, message: str = "") -> None:
        super().__init__(parent)
        self.path = path
        self.journal: Journal | None = None
        self.secret: str | None = None
        self.choose_other = False
        self.setWindowTitle("Unlock journal — iltdesk")
        self.setMinimumWidth(460)
        title = QLabel(f"Unlock <b>{path.name}</b>")
        title.setObjectName("PageTitle")
        where = QLabel(str(path.parent))
        where.setObjectName("Hint")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Passphrase")
        self.passphrase.setAccessibleName("Passphrase")
        text, has_keychain = remember_label()
        self.remember = QCheckBox(text)
        self.remember.setEnabled(has_keychain)
        self.error = QLabel(message)
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(message))
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton("Unlock", QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("Primary")
        self.unlock_button.setDefault(True)
        other = QPushButton("Choose another journal…")
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
        for widget in (title, where, self.passphrase, self.remember, self.error):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _choose_other(self) -> None:
        self.choose_other = True
        self.reject()

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
