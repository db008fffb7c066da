"""Create a new journal: where it goes, the passphrase (twice), and whether to remember it."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.paths import (
    JOURNAL_SUFFIX,
    default_data_dir,
    default_journal_path,
    ensure_private_dir,
)
from iltdesk.store.journal import Journal
from ui.journal.unlock import remember_label
from ui.kit.new_passphrase import NewPassphraseFields


class CreateJournalDialog(QDialog):
    """Collect what a new journal needs and create it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal: Journal | None = None
        self.setWindowTitle(self.tr("New journal — iltdesk"))
        self.setMinimumWidth(520)
        self.location = QLineEdit(str(_free_default()))
        self.location.setAccessibleName(self.tr("Where the journal is saved"))
        # Never the default button, so Enter in a field creates the journal; last in the tab
        # order, so typing a name with spaces never reaches it (Space presses a button).
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.setAccessibleName(self.tr("Choose where to save the journal"))
        self.browse_button.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.browse_button)
        self.school = QLineEdit()
        self.school.setPlaceholderText(self.tr("Shown on exported reports"))
        self.school.setAccessibleName(self.tr("School"))
        self.principal = QLineEdit()
        self.principal.setPlaceholderText(self.tr("Shown on exported reports"))
        self.principal.setAccessibleName(self.tr("Your name"))
        self.fields = NewPassphraseFields(self)
        self.passphrase, self.again = self.fields.first, self.fields.again
        text, has_keychain = remember_label()
        self.remember = QCheckBox(text)
        self.remember.setEnabled(has_keychain)
        warning = QLabel(
            self.tr(
                "Without the passphrase nobody can read this journal, including you. Once it "
                "is created you can make a recovery kit: a page to print that gets you back in "
                "if you forget the passphrase."
            )
        )
        warning.setWordWrap(True)
        warning.setObjectName("Hint")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        # What a person fills comes first, in the order of the tab chain; the suggested
        # place, which most people keep, comes last.
        form = QFormLayout()
        form.addRow(self.tr("School"), self.school)
        form.addRow(self.tr("Your name"), self.principal)
        self.fields.add_rows(form)
        form.addRow(self.tr("Save in"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("Primary")
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        # Once the journal is made, the form gives way to the recovery kit's offer.
        self.form_page = QWidget()
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(form)
        for widget in (self.remember, warning, self.error):
            page.addWidget(widget)
        page.addWidget(buttons)
        from ui.journal.recovery_kit import KitOffer  # the sheet's PDF code: not at start-up

        self.offer = KitOffer(self)
        self.offer.hide()
        self.offer.make.connect(self._make_kit)
        self.offer.later.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_page)
        layout.addWidget(self.offer)
        self._secret = ""  # the passphrase just typed, kept for the kit until the offer ends
        # Only once the button is in the dialog: a default set before is lost, and Enter in
        # the last field would press whichever auto-default button came first.
        self.create_button.setDefault(True)
        chain = (self.school, self.principal, self.passphrase, self.again, self.location)
        for first, then in zip(chain, (*chain[1:], self.browse_button), strict=True):
            QWidget.setTabOrder(first, then)
        QWidget.setTabOrder(self.browse_button, self.remember)
        self.school.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fields.changed.connect(self.create_button.setEnabled)
        for known in (self.school, self.principal, self.location):
            known.textChanged.connect(self._names_changed)
        self._names_changed()
        self.fields.update()

    def _names_changed(self) -> None:
        # What this dialog knows that an attacker would try first: the school, the
        # principal, and the file's name.
        stem = Path(self.location.text()).stem
        self.fields.set_names((self.school.text(), self.principal.text(), stem))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the journal as"),
            str(_start_in(Path(self.location.text()).expanduser())),
            self.tr("iltdesk journal (*{suffix})").format(suffix=JOURNAL_SUFFIX),
        )
        if chosen:
            path = Path(chosen)
            self.location.setText(str(path if path.suffix else path.with_suffix(JOURNAL_SUFFIX)))

    def try_create(self) -> None:
        """Create the journal; stay open with a message if that fails."""
        if not self.fields.acceptable():  # the meter's advice says why; nothing typed is lost
            return
        path = Path(self.location.text()).expanduser()
        secret = self.passphrase.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.journal = Journal.create(
                path, secret, school=self.school.text().strip(), principal=self.principal.text()
            )
        except (JournalError, OSError) as exc:
            self.error.setText(
                self.tr("The journal could not be created: {error}").format(error=exc)
            )
            self.error.show()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember.isChecked():
            with contextlib.suppress(JournalError):
                keychain.remember(path, secret, keychain.RECALL_TIMEOUT_SECONDS)
        self.fields.clear()
        if not self.isVisible():  # created without being shown (a script): nobody to ask
            self.accept()
            return
        # The passphrase just typed makes the kit, so it is not asked again; Later (or
        # Escape: the journal is made either way) leaves the kit to Settings.
        self._secret = secret
        self.form_page.hide()
        self.offer.start()
        self.adjustSize()  # the offer is shorter than the form

    def _make_kit(self) -> None:
        if self.journal is not None:
            from ui.journal.recovery_kit import make_kit

            make_kit(self.journal, self._secret, self)
        self.accept()

    def reject(self) -> None:
        """Cancel before the journal is made; after, Escape and the close button are Later."""
        if self.journal is not None:
            self.accept()
        else:
            super().reject()

    def done(self, result: int) -> None:
        self._secret = ""
        super().done(result)


def _start_in(suggested: Path) -> Path:
    """Where the file chooser opens: the suggested file, in its folder.

    A chooser pointed at a folder that does not exist opens in the current folder instead;
    the app's own data folder is where journals go by default, so it is made (0700) rather
    than letting that happen. Any other missing folder falls back to its nearest existing
    parent, with the file name kept.
    """
    folder = suggested.parent
    if not folder.exists() and folder == default_data_dir():
        with contextlib.suppress(OSError):
            ensure_private_dir(folder)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder / suggested.name


def _free_default() -> Path:
    path = default_journal_path()
    n = 2
    while path.exists():
        path = path.with_name(f"journal-{n}{JOURNAL_SUFFIX}")
        n += 1
    return path
