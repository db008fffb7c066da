"""A lead's whole record for a range of days, as a PDF with a contents page and bookmarks: for
mid-year, the end of the year, or handing over. Choose the days and sections, see it as the
reader will (other people's names as the names guard says), then save, print or preview.

What it holds is the core's (``iltdesk.report.record_report``); the private sections (my
reflections, energy, how hard conversations were planned) are off unless ticked. The lead
page opens it with ``open_record_dialog``.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
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
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.errors import JournalError
from iltdesk.lead import get_lead
from iltdesk.names_guard import apply_choices, find_names
from iltdesk.report.outline import without_numbers
from iltdesk.report.record_report import build_record_html
from iltdesk.report.record_request import RECORD_DEFAULT, RecordRequest, RecordSection
from iltdesk.report.render import print_document
from ui.kit.context import AppContext
from ui.kit.names_guard import NamesGuardPanel, side_column
from ui.kit.paper import show_as_paper
from ui.kit.pdf_password import PdfPassword
from ui.kit.pdf_save import print_to_locked_file, save_report
from ui.kit.printing import preview_report, print_report
from ui.kit.screen_room import resize_within_screen
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.lead.record_range import RangePicker

RECORD_SHORTCUT = "Ctrl+Shift+R"  # asked of the menus' owner: File → Export → A lead's record…
PREVIEW_DELAY_MS = 300  # a busy year's record takes a moment to build: wait for the choices
PAGE_NUMBERS_NOTE = QT_TRANSLATE_NOOP(
    "record_dialog", "page numbers are added in the PDF and on paper"
)
SECTION_LABELS = {
    RecordSection.overview: QT_TRANSLATE_NOOP("record_dialog", "Overview"),
    RecordSection.strengths: QT_TRANSLATE_NOOP("record_dialog", "Strengths and growth areas"),
    RecordSection.one_on_ones: QT_TRANSLATE_NOOP("record_dialog", "1:1 check-ins"),
    RecordSection.observations: QT_TRANSLATE_NOOP("record_dialog", "Observations"),
    RecordSection.cycles: QT_TRANSLATE_NOOP("record_dialog", "Learning cycles"),
    RecordSection.agreement: QT_TRANSLATE_NOOP("record_dialog", "Coaching agreement"),
    RecordSection.principal_reflection: QT_TRANSLATE_NOOP(
        "record_dialog", "My reflections on the cycles (private)"
    ),
    RecordSection.energy: QT_TRANSLATE_NOOP("record_dialog", "Energy check-ins (private)"),
    RecordSection.conversation_notes: QT_TRANSLATE_NOOP(
        "record_dialog", "Conversation planning (private)"
    ),
}


def open_record_dialog(parent: QWidget | None, context: AppContext, lead_id: int) -> None:
    """Open the record of lead ``lead_id`` (the dialog closes and deletes itself)."""
    context.flush_all()  # what is being typed belongs in it
    dialog = RecordDialog(context, lead_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class RecordDialog(QDialog):
    """Days, sections, other people's names and a password beside a preview."""

    def __init__(self, context: AppContext, lead_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.lead_id = context, lead_id
        self.lead = get_lead(context.journal, lead_id)
        self.source = ""  # the record before the names guard's choices
        self.html = ""  # as the reader will see it: exported and printed
        self.document: QTextDocument | None = None
        self.setWindowTitle(self.tr("{name}'s record — iltdesk").format(name=self.lead.name))
        resize_within_screen(self, 1040, 720)
        self.days = RangePicker(self)
        self.sections = {
            s: QCheckBox(QCoreApplication.translate("record_dialog", SECTION_LABELS[s]))
            for s in RecordSection
        }
        for section, box in self.sections.items():
            box.setChecked(section in RECORD_DEFAULT)
        self.names = NamesGuardPanel()
        self.lock = PdfPassword(self)
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the record, as its reader will see it"))
        self.preview.setTabChangesFocus(True)
        show_as_paper(self.preview)
        self.status = QLabel()  # what went wrong, or where the PDF was saved
        self.status.setObjectName("ErrorText")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setObjectName("Primary")
        self.save_button.setDefault(True)  # Enter saves, from any field
        self.save_button.clicked.connect(self.export)
        self.print_buttons = [
            self._button(self.tr("Print pre&view…"), self.print_preview),
            self._button(self.tr("&Print…"), self.print),
        ]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._lay_out()
        self.days.changed.connect(lambda: self._timer.start(PREVIEW_DELAY_MS))
        for box in self.sections.values():
            box.toggled.connect(lambda *_: self._timer.start(PREVIEW_DELAY_MS))
        self.names.changed.connect(self._show_guarded)  # the preview is what the reader sees
        self.lock.changed.connect(self._update_buttons)
        self.refresh()
        self.days.quick.setFocus()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter stays with Save
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        parts = QGroupBox(self.tr("What to &include"))
        parts_layout = QVBoxLayout(parts)
        for box in self.sections.values():
            parts_layout.addWidget(box)
        body = QHBoxLayout()
        body.setSpacing(18)
        column = side_column(self.days.group(), parts, self.names, self.lock.group(), gap=4)
        body.addWidget(column)
        body.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        for button in self.print_buttons:
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self._button(self.tr("Close"), self.reject))
        heading = QLabel(self.tr("{name}'s record").format(name=self.lead.name))
        heading.setObjectName("PageTitle")
        about = QLabel(
            self.tr(
                "Everything kept on this lead for the days you choose, with a contents page and "
                "bookmarks: for mid-year, the end of the year or handing over."
            )
        )
        about.setObjectName("Hint")
        about.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)  # as the app's other dialogs
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addSpacing(8)
        layout.addLayout(body, 1)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    # -- what it holds ------------------------------------------------------------------------

    def request(self) -> RecordRequest:
        """The days and sections chosen on screen."""
        chosen = frozenset(s for s, box in self.sections.items() if box.isChecked())
        return RecordRequest(self.lead_id, self.days.span(), chosen)

    def refresh(self) -> None:
        """Build the record for the choices and show it (now: a pending refresh is dropped)."""
        self._timer.stop()
        # A busy year's record takes seconds to read and lay out: say so with the cursor.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._rebuild()
        finally:
            QApplication.restoreOverrideCursor()

    def _rebuild(self) -> None:
        try:
            self.source = build_record_html(self.context.journal, self.request())
        except JournalError as exc:  # nothing in those days, or the dates the wrong way round
            self.source = self.html = ""
            self.document = None
            self.preview.setPlainText("")
            self.status.setText(str(exc))
            self._update_buttons()
            return
        self.status.setText("")
        people = find_names(self.context.journal, self.lead_id, self.source)
        self.names.set_people(people)
        self._order_tabs()
        self._show_guarded()

    def _show_guarded(self) -> None:
        """The record with the names guard's choices applied, in the preview."""
        if not self.source:
            return
        self.html = apply_choices(self.source, self.names.people(), self.names.choices())
        self.document = print_document(self.html)
        # Page numbers exist only once laid out on pages: the preview's contents say where.
        without_numbers(
            self.document, QCoreApplication.translate("record_dialog", PAGE_NUMBERS_NOTE)
        )
        self.preview.setDocument(self.document)
        self._update_buttons()

    def _order_tabs(self) -> None:
        """Tab runs down the column: the days, the sections, each person named (their rows
        are made as they are found, so they would come last), then the password."""
        fields = {w.accessibleName(): w for w in self.names.findChildren(QWidget)}
        # The names ui/kit/names_guard.py gives each person's two fields, in its context.
        how = QCoreApplication.translate("_Row", "How {name} appears")
        role = QCoreApplication.translate("_Row", "Role words for {name}")
        rows = [
            fields[name]
            for p in self.names.people()
            for name in (how.format(name=p.name), role.format(name=p.name))
            if name in fields
        ]
        chain: list[QWidget] = [
            self.days.quick,
            self.days.since,
            self.days.until,
            *self.sections.values(),
            *rows,
            self.lock.protect,
            self.lock.password,
            self.lock.again,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _update_buttons(self) -> None:
        ready = self.document is not None
        self.save_button.setEnabled(ready and self.lock.ready())
        for button in self.print_buttons:
            button.setEnabled(ready)

    # -- doing it -------------------------------------------------------------------------------

    def export(self) -> Path | None:
        """Ask where, then write the PDF off the UI thread; returns the path written."""
        if self._timer.isActive():
            self.refresh()  # a choice made a moment ago belongs in the file
        if not self.save_button.isEnabled():
            return None
        password = self.lock.chosen()
        # A locked PDF's name must not say whose it is: the name is readable without it.
        days = self.days.words()
        stem = (
            self.tr("record {days}").format(days=days)
            if password
            else self.tr("{name} record {days}").format(name=self.lead.name, days=days)
        )
        journal, say = self.context.journal.path, self.status.setText
        return save_report(
            self, self.tr("Save the record as"), stem, self.html, password, journal, say
        )

    def print(self) -> None:
        """Print through the system's print dialog, exactly as the PDF looks."""
        if self.document is None:
            return
        path = print_report(self, self.html, protected=self.lock.protect.isChecked())
        if path is not None:
            fault = "" if self.lock.ready() else self.lock.warning.text()
            journal, say = self.context.journal.path, self.status.setText
            print_to_locked_file(self, self.html, path, self.lock.chosen(), journal, fault, say)

    def print_preview(self) -> None:
        """Qt's print preview of the pages as they will print."""
        if self.document is not None:
            preview_report(self, self.html)
