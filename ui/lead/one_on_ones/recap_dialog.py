"""A 1:1's recap to give the lead: choose its sections, see it as the lead will, then save it
as a PDF (a password if it is to travel locked), print it, or copy it as Markdown for an email.

The recap is the core's (``iltdesk.recap``): never the principal's own notes on the 1:1. Other
people it names appear as the principal chooses in the names guard, in the preview, the PDF,
the print and the Markdown alike. The clipboard gets the recap only: it is meant to leave.
A 1:1 opens it with ``open_recap`` (Ctrl+Shift+E there).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.errors import JournalError
from iltdesk.names_guard import NameChoice, NamedPerson, apply_choices, find_names
from iltdesk.recap import (
    DEFAULT_SECTIONS,
    Recap,
    RecapSection,
    build_recap,
    holds,
    recap_markdown,
)
from iltdesk.report.recap_report import build_recap_html
from iltdesk.report.render import print_document
from ui.kit.context import AppContext
from ui.kit.names_guard import NamesGuardPanel
from ui.kit.paper import show_as_paper
from ui.kit.pdf_password import PdfPassword
from ui.kit.pdf_save import print_to_locked_file, save_report
from ui.kit.printing import preview_report, print_report
from ui.kit.screen_room import resize_within_screen
from ui.kit.translation import QT_TRANSLATE_NOOP

RECAP_SHORTCUT = "Ctrl+Shift+E"  # on a 1:1: beside Ctrl+E, the cycle summary's export
LEFT_WIDTH = 290
PREVIEW_DELAY_MS = 200
SECTION_LABELS = {
    RecapSection.discussed: QT_TRANSLATE_NOOP("recap_dialog", "What we discussed"),
    RecapSection.decisions: QT_TRANSLATE_NOOP("recap_dialog", "What we decided"),
    RecapSection.action_items: QT_TRANSLATE_NOOP("recap_dialog", "Action items, who and by when"),
    RecapSection.agreement: QT_TRANSLATE_NOOP("recap_dialog", "Our coaching agreement"),
    RecapSection.feedback: QT_TRANSLATE_NOOP("recap_dialog", "The feedback I gave (my words)"),
}
NOTHING_THIS_TIME = QT_TRANSLATE_NOOP("recap_dialog", " (nothing this time)")
COPIED = QT_TRANSLATE_NOOP(
    "recap_dialog", "Copied as Markdown: paste it into an email to the lead."
)


def open_recap(context: AppContext, one_on_one_id: int, parent: QWidget | None = None) -> None:
    """Open the recap of 1:1 ``one_on_one_id`` (the dialog closes and deletes itself)."""
    context.flush_all()  # the feedback being typed belongs in it
    dialog = RecapDialog(context, one_on_one_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class RecapDialog(QDialog):
    """Sections, other people's names and a password beside a preview; then save, print or
    copy as Markdown."""

    def __init__(
        self, context: AppContext, one_on_one_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.one_on_one_id = context, one_on_one_id
        self.recap: Recap | None = None
        self.people: list[NamedPerson] = []
        self.html = ""  # as the reader will see it: sections chosen, names guarded
        self.document: QTextDocument | None = None
        resize_within_screen(self, 1000, 700)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.sections = {
            s: QCheckBox(QCoreApplication.translate("recap_dialog", SECTION_LABELS[s]))
            for s in RecapSection
        }
        for section, box in self.sections.items():
            box.setChecked(section in DEFAULT_SECTIONS)
        self.sections[RecapSection.feedback].setToolTip(
            self.tr("Written in your words, and it may say how it landed: read it before it goes")
        )
        self.names = NamesGuardPanel()
        self.lock = PdfPassword(self)
        # Named here too: the tests and the Tab order reach them from the dialog.
        self.protect, self.password, self.warning = (
            self.lock.protect,
            self.lock.password,
            self.lock.warning,
        )
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the recap, as the lead will read it"))
        self.preview.setTabChangesFocus(True)
        show_as_paper(self.preview)
        self.status = QLabel()  # what went wrong, what was copied, or where the PDF went
        self.status.setObjectName("ErrorText")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setObjectName("Primary")
        self.export_button.setDefault(True)  # Enter exports, from any field
        self.export_button.clicked.connect(self.export)
        self.copy_button = self._button(self.tr("&Copy as Markdown"), self.copy_markdown)
        self.copy_button.setToolTip(self.tr("The recap as text for an email, on the clipboard"))
        self.print_buttons = [
            self._button(self.tr("Print pre&view…"), self.print_preview),
            self._button(self.tr("&Print…"), self.print),
        ]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._lay_out()
        for box in self.sections.values():
            box.toggled.connect(lambda *_: self._timer.start(PREVIEW_DELAY_MS))
        self.names.changed.connect(self.refresh)  # the preview shows what the lead will see
        self.lock.changed.connect(self._update_protection)
        self._load()
        self.preview.setFocus()  # read first; Tab goes on to the buttons and the choices

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter stays with Export
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        private = QLabel(
            self.tr("Your own notes on this 1:1 stay in the journal: they are never in it.")
        )
        private.setWordWrap(True)
        private.setObjectName("Hint")
        parts = QGroupBox(self.tr("What to include"))
        parts_layout = QVBoxLayout(parts)
        for box in self.sections.values():
            parts_layout.addWidget(box)
        guard = self.lock.group()
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        for widget in (self.about, private, parts, self.names):
            left.addWidget(widget)
            left.addSpacing(6)
        left.addWidget(guard)
        left.addStretch(1)
        choices = QWidget()
        choices.setLayout(left)
        choices.setFixedWidth(LEFT_WIDTH)  # the choices wrap in a column, the paper gets the rest
        # Many people named make the column long: it scrolls rather than push the buttons off.
        column = QScrollArea()
        column.setWidget(choices)
        column.setWidgetResizable(True)
        column.setFrameShape(QScrollArea.Shape.NoFrame)
        column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops on its fields, not on it
        column.setFixedWidth(LEFT_WIDTH + column.verticalScrollBar().sizeHint().width())
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addWidget(column)
        body.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        for button in self.print_buttons:
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        for button in (
            self.copy_button,
            self.export_button,
            self._button(self.tr("Close"), self.reject),
        ):
            buttons.addWidget(button)
        heading = QLabel(self.tr("A recap for the lead"))
        heading.setObjectName("PageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)  # as the app's other dialogs
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addLayout(body, 1)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    # -- what it holds --------------------------------------------------------------------

    def _load(self) -> None:
        """Read the 1:1's recap and show it; say why when it cannot be read."""
        try:
            self.recap = build_recap(self.context.journal, self.one_on_one_id)
        except JournalError as exc:
            self.recap = None
            self.status.setText(str(exc))
        else:
            self.about.setText(
                self.tr("The recap of your 1:1 with {lead_name} on {value}, to give them.").format(
                    lead_name=self.recap.lead_name, value=dates.long(self.recap.held_on)
                )
            )
            for section, box in self.sections.items():
                there = holds(self.recap, section)  # an empty section is left out anyway
                box.setEnabled(there)
                label = QCoreApplication.translate("recap_dialog", SECTION_LABELS[section])
                box.setText(
                    label
                    + (
                        ""
                        if there
                        else QCoreApplication.translate("recap_dialog", NOTHING_THIS_TIME)
                    )
                )
        title = self.recap.title if self.recap else self.tr("1:1 recap")
        self.setWindowTitle(self.tr("{title} — iltdesk").format(title=title))
        self.refresh()

    def chosen(self) -> frozenset[RecapSection]:
        return frozenset(s for s, box in self.sections.items() if box.isChecked())

    def _choices(self) -> Mapping[str, NameChoice]:
        return self.names.choices()

    def refresh(self) -> None:
        """Rebuild the preview from the sections and names chosen (a pending one now)."""
        self._timer.stop()
        if self.recap is None:
            self.document, self.html = None, ""
            self.preview.clear()
            self._update_protection()
            return
        html = build_recap_html(self.recap, self.chosen())
        people = find_names(self.context.journal, self.recap.lead_id, html)
        if people != self.people:
            self.names.set_people(people)  # who is chosen for keeps their choice
        self.people = people
        self.html = apply_choices(html, people, self._choices())
        self.document = print_document(self.html)
        self.preview.setDocument(self.document)
        self._update_protection()

    def markdown(self) -> str:
        """The recap as Markdown, names as chosen: what Copy puts on the clipboard."""
        if self.recap is None:
            return ""
        text = recap_markdown(self.recap, self.chosen())
        return apply_choices(text, self.people, self._choices())

    def password_chosen(self) -> str | None:
        return self.lock.chosen()

    def _update_protection(self) -> None:
        ready = self.document is not None
        self.export_button.setEnabled(ready and self.lock.ready())
        for button in (*self.print_buttons, self.copy_button):
            button.setEnabled(ready)

    # -- doing it -------------------------------------------------------------------------

    def copy_markdown(self) -> None:
        """Put the recap (only the recap: it is meant to leave) on the clipboard."""
        self.refresh()  # sections just ticked count
        if self.recap is None:
            return
        QApplication.clipboard().setText(self.markdown())
        self.status.setText(QCoreApplication.translate("recap_dialog", COPIED))

    def export(self) -> Path | None:
        """Ask where, then write the PDF off the UI thread; returns the path written."""
        if not self.export_button.isEnabled() or self.recap is None:
            return None
        self.refresh()
        # A locked PDF's name must not say whose it is: the name is readable without it.
        password = self.password_chosen()
        day = self.recap.held_on.isoformat()
        stem = (
            self.tr("1-1 recap {day}").format(day=day)
            if password
            else self.tr("{name} 1-1 recap {day}").format(name=self.recap.lead_name, day=day)
        )
        journal, say = self.context.journal.path, self.status.setText
        return save_report(
            self, self.tr("Save the recap as"), stem, self.html, password, journal, say
        )

    def print(self) -> None:
        """Print through the system's print dialog, exactly as the PDF looks."""
        if self.document is None:
            return
        path = print_report(self, self.html, protected=self.protect.isChecked())
        if path is not None:
            fault = "" if self.lock.ready() else self.warning.text()
            journal, say = self.context.journal.path, self.status.setText
            print_to_locked_file(self, self.html, path, self.password.text(), journal, fault, say)

    def print_preview(self) -> None:
        """Qt's print preview of the pages as they will print."""
        if self.document is not None:
            preview_report(self, self.html)
