"""The recovery kit dialog: make a recovery key, save or print its sheet, and only then make
it the journal's kit.

Two steps in one window. First what a kit is, and the passphrase (the app does not keep it;
``kit.install_kit`` checks it). Then the new key, large, with "Save the recovery sheet…" and
"Print…": the sheet is written (or printed) before the kit is installed, so a person who
closes the window without either keeps the kit they had, and never has a kit with no sheet.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPainter
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.errors import JournalError, WrongPassphrase
from iltdesk.recovery import kit
from iltdesk.recovery.key import RecoveryKey, kit_id
from iltdesk.report.fonts import ensure_fonts
from iltdesk.report.recovery_sheet import SheetText, paint_sheet, write_sheet
from iltdesk.store.journal import Journal
from ui.kit.new_passphrase import secret_field
from ui.kit.printing import report_printer
from ui.kit.style import error_line, hint, restyle
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.worker import Progress, run_modal, run_waiting

SHEET_FILTER = QT_TRANSLATE_NOOP("RecoveryKit", "PDF (*.pdf)")


def what_it_is() -> str:
    """What a recovery kit is, said where one is offered."""
    return QCoreApplication.translate(
        "RecoveryKit",
        "A recovery kit is one printed page with a recovery key on it. If you ever forget your "
        "passphrase, typing that key in the unlock window opens the journal and lets you choose "
        "a new passphrase. Keep the page as safely as the passphrase: with it and this "
        "journal's folder, anyone can read your notes.",
    )


def made_words(status: kit.KitStatus) -> str:
    """'4 Dec 2026' for the day the kit was made, in the person's own time."""
    made = status.made_at
    if made is None:
        return ""
    return dates.short((made.astimezone() if made.tzinfo else made).date())


def key_font(scale: float = 1.7) -> QFont:
    """Large, monospaced, bold: a key a person reads off the screen (or types) by groups."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * scale)
    font.setBold(True)
    return font


def key_lines(key: RecoveryKey) -> str:
    """The key as three lines of three groups, as on the sheet."""
    groups = key.text().split("-")
    return "\n".join("  ".join(groups[i : i + 3]) for i in range(0, len(groups), 3))


class RecoveryKitDialog(QDialog):
    """Make (or renew) ``journal``'s recovery kit.

    ``passphrase``: the one just typed to create the journal, so it is not asked again (the
    dialog then opens on the key). ``made`` is True once the kit is installed.
    """

    def __init__(
        self, journal: Journal, parent: QWidget | None = None, *, passphrase: str | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.made = False
        self.key: RecoveryKey | None = None
        self._given = passphrase
        self._secret = ""  # held from the first step until the kit is installed
        self._made_at = datetime.now().astimezone()
        self._sheets: list[str] = []  # where the sheet went: files saved, "the printer"
        self.status = run_waiting(lambda progress: kit.status(journal))  # reads two files
        self.setWindowTitle(self.tr("Recovery kit — iltdesk"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._intro_page())
        self.pages.addWidget(self._key_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.error = error_line()
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self._show_step(0)
        if passphrase is not None:
            self.make_key()  # just typed to create the journal: straight to the key

    # -- the two steps ---------------------------------------------------------------------

    def _intro_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Recovery kit"))
        title.setObjectName("PageTitle")
        about = QLabel(what_it_is())
        about.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(about)
        if self.status.has_kit:
            replaces = self.tr(
                "This journal already has a recovery kit (made {made}, kit {kit}). A new kit "
                "makes every older recovery sheet useless: only the newest sheet opens the "
                "journal."
            )
            self.replaces = hint(replaces.format(made=made_words(self.status), kit=self.status.kit))
            layout.addWidget(self.replaces)
        self.passphrase = secret_field(self.tr("Passphrase"))
        if self._given is None:
            ask = QLabel(self.tr("Type the journal's passphrase to make the kit:"))
            ask.setBuddy(self.passphrase)
            layout.addSpacing(6)
            layout.addWidget(ask)
            layout.addWidget(self.passphrase)
        else:
            self.passphrase.hide()
        return page

    def _key_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Your recovery key"))
        title.setObjectName("PageTitle")
        self.key_label = QLabel()
        self.key_label.setObjectName("RecoveryKey")
        self.key_label.setFont(key_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.kit_line = hint()
        self.kit_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if self.status.has_kit:
            not_yet = self.tr(
                "Save the recovery sheet (a PDF) or print it now. The kit is made only once its "
                "sheet is saved or printed: until then, your older sheet still works. Keep the "
                "sheet away from this computer: print it, or keep the PDF on a USB stick in a "
                "drawer."
            )
        else:
            not_yet = self.tr(
                "Save the recovery sheet (a PDF) or print it now. The kit is made only once its "
                "sheet is saved or printed. Keep the sheet away from this computer: print it, "
                "or keep the PDF on a USB stick in a drawer."
            )
        self.next_step = QLabel(not_yet)
        self.next_step.setWordWrap(True)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(self.key_label)
        layout.addWidget(self.kit_line)
        layout.addSpacing(8)
        layout.addWidget(self.next_step)
        return page

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.make_button = QPushButton(self.tr("Make the kit"))
        self.make_button.setObjectName("Primary")
        self.save_button = QPushButton(self.tr("Save the recovery sheet…"))
        self.save_button.setObjectName("Primary")
        self.print_button = QPushButton(self.tr("Print…"))
        self.close_button = QPushButton(self.tr("Cancel"))
        for button, role in (
            (self.make_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.save_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.print_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            buttons.addButton(button, role)
            button.setAutoDefault(False)  # Enter goes to the step's own button, set below
        self.make_button.clicked.connect(self.make_key)
        self.save_button.clicked.connect(self.save_sheet)
        self.print_button.clicked.connect(self.print_sheet)
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.make_button.setVisible(step == 0)
        self.save_button.setVisible(step == 1)
        self.print_button.setVisible(step == 1)
        (self.make_button if step == 0 else self.save_button).setDefault(True)
        if step == 0 and self._given is None:
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            (self.make_button if step == 0 else self.save_button).setFocus()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- what the buttons do ---------------------------------------------------------------

    def make_key(self) -> None:
        """Check the passphrase (a key derivation: on a worker), then show a new key."""
        secret = self._given if self._given is not None else self.passphrase.text()
        if self._given is None:
            journal = self.journal
            if not run_waiting(lambda progress: journal.verify_passphrase(secret)):
                self._say(self.tr("That is not this journal's passphrase; the kit was not made."))
                self.passphrase.selectAll()
                self.passphrase.setFocus()
                return
            self.passphrase.setText("")  # held in ``_secret`` until the kit is made
        self._secret = secret
        self._say("")
        self.key = RecoveryKey.generate()
        self.key_label.setText(key_lines(self.key))
        self.kit_line.setText(self.tr("Kit {kit}").format(kit=kit_id(self.key.public_bytes())))
        self._show_step(1)

    def save_sheet(self) -> None:
        """Ask where, write the sheet, then make the kit (a sheet that cannot be written
        leaves the old kit as it was)."""
        key = self.key
        if key is None:
            return
        name = self.tr("{journal} recovery sheet.pdf").format(journal=self.journal.path.stem)
        suggested = Path.home() / name
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery sheet"),
            str(suggested),
            QCoreApplication.translate("RecoveryKit", SHEET_FILTER),
        )
        if not chosen:
            return
        dest = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".pdf")
        school = self.journal.settings().get("school", "")
        journal_path, made_at = self.journal.path, self._made_at

        def write(progress: Progress) -> None:
            # The file dialog has asked before replacing a file.
            write_sheet(dest, key, journal_path, made_at, school, replace=True)

        try:
            ensure_fonts()  # Qt's font database is changed on this thread only
            run_modal(self, self.tr("Writing the recovery sheet…"), write)
        except (JournalError, OSError) as exc:
            self._say(self.tr("The recovery sheet was not saved: {error}").format(error=exc))
            return
        self._sheet_done(self.tr("The sheet is saved in {dest}.").format(dest=dest))

    def print_sheet(self) -> None:
        """Print the sheet as its PDF looks (painted straight onto the printer), then make
        the kit."""
        key = self.key
        if key is None:
            return
        printer = report_printer()  # full page, on the locale's paper (Letter in the US)
        if not QPrintDialog(printer, self).exec():
            return
        text = SheetText(
            self.journal.path.absolute(),
            self._made_at,
            kit_id(key.public_bytes()),
            self.journal.settings().get("school", "").strip(),
        )
        painter = QPainter()
        if not painter.begin(printer):
            self._say(
                self.tr("The printer could not be started; the recovery sheet was not printed.")
            )
            return
        try:
            paint_sheet(painter, printer, key, text)
        finally:
            painter.end()
        self._sheet_done(self.tr("The sheet was sent to the printer."))

    def _sheet_done(self, where: str) -> None:
        """The sheet exists: make the kit, once (a second copy of the same sheet needs
        nothing more)."""
        key = self.key
        if key is None:
            return
        if not self.made:
            journal, secret, made_at = self.journal, self._secret, self._made_at
            try:
                run_modal(
                    self,
                    self.tr("Making the recovery kit…"),
                    lambda progress: kit.install_kit(journal, key, secret, made_at),
                )
            except WrongPassphrase as exc:
                self._say(str(exc))
                return
            except (JournalError, OSError) as exc:
                self._say(
                    self.tr(
                        "The recovery kit could not be made ({error}). The sheet just made does "
                        "not work; any older sheet still does."
                    ).format(error=exc)
                )
                return
            self.made = True
            self._secret = ""
        self._say("")
        made = self.tr(
            "The recovery kit is made (kit {kit}). {where} Older recovery sheets no longer work."
        )
        self.next_step.setText(made.format(kit=kit_id(key.public_bytes()), where=where))
        self.close_button.setText(self.tr("Done"))
        restyle(self.save_button, "")  # another copy is possible; Done is what comes next
        restyle(self.close_button, "Primary")
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def done(self, result: int) -> None:
        """Closing lets go of the passphrase and the key: the kit is made, or never was."""
        self._secret = ""
        self.passphrase.setText("")
        super().done(result)


def make_kit(journal: Journal, passphrase: str, parent: QWidget | None = None) -> bool:
    """The kit dialog on its key, for a journal just created with ``passphrase``. True if
    a kit was made."""
    dialog = RecoveryKitDialog(journal, parent, passphrase=passphrase)
    dialog.exec()
    made = dialog.made
    dialog.deleteLater()
    return made


class KitOffer(QWidget):
    """The New journal dialog's last step: the journal is made; a kit now, or later."""

    make = Signal()
    later = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Your journal is ready"))
        title.setObjectName("PageTitle")
        about = QLabel(what_it_is())
        about.setWordWrap(True)
        when = hint(self.tr("You can also make one later, from Settings."))
        buttons = QDialogButtonBox()
        self.make_button = QPushButton(self.tr("Make a recovery kit now"))
        self.make_button.setObjectName("Primary")
        self.later_button = QPushButton(self.tr("Later"))
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.later)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (title, about, when):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def start(self) -> None:
        """Shown: Enter makes the kit, Escape is Later (the dialog's ``reject``)."""
        self.show()
        self.later_button.setAutoDefault(False)
        self.make_button.setDefault(True)
        self.make_button.setFocus(Qt.FocusReason.OtherFocusReason)
