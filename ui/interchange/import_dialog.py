"""Journal → Import…: notes from a folder of Markdown or text files, Day One, jrnl, a roster of
leads, or an iltdesk JSON export, as ``iltdesk import`` takes them. The file is read off the
UI thread and nothing is written until the person has seen what would be created, answered
what the file does not say (whose notes, which day), and pressed Import; the import is all
or nothing, and a second one of the same file creates nothing."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk.errors import JournalError
from iltdesk.interchange import load
from iltdesk.interchange.document import Document
from iltdesk.interchange.formats import IMPORT_FORMATS, import_name, read_source
from iltdesk.interchange.guess import FormatUnknown
from iltdesk.interchange.load import ImportPlan
from iltdesk.record_kinds import RecordKind
from iltdesk.search_index import CURRENT_SOURCES
from iltdesk.store.journal import Journal
from ui.interchange.import_preview import SHOWN, PreviewTable, Questions
from ui.kit.context import AppContext
from ui.kit.screen_room import resize_within_screen
from ui.kit.style import DIALOG_FLAGS, error_line, field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.worker import run_modal, run_waiting

GUESS = QT_TRANSLATE_NOOP("import_dialog", "Guess from the file")
FILES = QT_TRANSLATE_NOOP(
    "import_dialog", "Notes and exports (*.json *.zip *.csv *.md *.markdown *.txt);;All files (*)"
)
#: Which page shows a table's rows, to tell them the journal changed under them.
KIND_OF_TABLE = {source.table: RecordKind(source.kind) for source in CURRENT_SOURCES}
IMPORT_TEXT = QT_TRANSLATE_NOOP("import_dialog", "&Import")
ASK = QT_TRANSLATE_NOOP("import_dialog", "Answer the questions above, then import.")
MEND = QT_TRANSLATE_NOOP(
    "import_dialog", "Nothing can be imported from it until the file is mended."
)
NOTHING_NEW = QT_TRANSLATE_NOOP(
    "import_dialog", "Nothing to import: the journal holds all of it already."
)


def open_import_dialog(parent: QWidget | None, context: AppContext) -> ImportDialog:
    """Open the import dialog (it closes and deletes itself)."""
    context.flush_all()  # an open note is saved before the journal is compared with a file
    dialog = ImportDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class ImportDialog(QDialog):
    """Choose a file or folder; read it; preview; answer; import."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.context = context
        self.journal = context.journal
        self.source: Path | None = None
        self.read: Document | None = None  # the file as read, before any answer is given
        self.plan: ImportPlan | None = None
        # The answers the plan on screen was made with: the days given, the lead chosen.
        self.answers: tuple[tuple[tuple[str, date], ...], str | None] = ((), None)
        self.setWindowTitle(self.tr("Import — iltdesk"))
        self._build()
        self._lay_out()
        self._show_plan(None)
        self.choose_file.setFocus()

    def _build(self) -> None:
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Choose a file or a folder"))
        self.path.setAccessibleName(self.tr("What to import"))
        self.choose_file = QPushButton(self.tr("Choose a &file…"))
        self.choose_file.clicked.connect(self.pick_file)
        self.choose_file.setDefault(True)  # Enter opens a chooser: it writes nothing
        self.choose_folder = QPushButton(self.tr("Choose a f&older…"))
        self.choose_folder.clicked.connect(self.pick_folder)
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem(QCoreApplication.translate("import_dialog", GUESS), None)
        for fmt in IMPORT_FORMATS:
            name = import_name(fmt)
            self.format.addItem(name[:1].upper() + name[1:], fmt)
        self.format.currentIndexChanged.connect(lambda *_: self.read_source())
        self.heading = QLabel(self.tr("What the import creates"))
        self.heading.setObjectName("SectionTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = PreviewTable()
        self.empty = hint()  # in the table's place while it would list nothing
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.listing = QStackedWidget()
        self.listing.addWidget(self.table)
        self.listing.addWidget(self.empty)
        self.questions = Questions()
        self.questions.answered.connect(self._answered)
        self.error = error_line()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.import_button = QPushButton(QCoreApplication.translate("import_dialog", IMPORT_TEXT))
        self.import_button.setObjectName("Primary")
        self.import_button.clicked.connect(self.do_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        source = QGridLayout()
        source.addWidget(field_label(self.tr("From"), self.path), 0, 0)
        source.addWidget(self.path, 0, 1)
        source.addWidget(self.choose_file, 0, 2)
        source.addWidget(self.choose_folder, 0, 3)
        source.addWidget(field_label(self.tr("Fo&rmat"), self.format), 1, 0)
        source.addWidget(self.format, 1, 1)
        source.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        nothing_yet = self.tr(
            "Nothing is written until you press Import; importing the same notes again adds "
            "nothing."
        )
        layout.addWidget(hint(nothing_yet))
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.listing, 3)
        layout.addWidget(self.questions, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        resize_within_screen(self, 1200, 760)

    # -- choosing and reading -------------------------------------------------------------------

    def pick_file(self) -> None:
        start = str(self.source.parent if self.source else Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file to import"),
            start,
            QCoreApplication.translate("import_dialog", FILES),
        )
        if chosen:
            self._chosen(Path(chosen))

    def pick_folder(self) -> None:
        start = str(self.source.parent if self.source else Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of notes to import"), start
        )
        if chosen:
            self._chosen(Path(chosen))

    def _chosen(self, path: Path) -> None:
        self.source = path
        self.path.setText(str(path))
        self.read_source()

    def read_source(self) -> None:
        """Read the chosen file in the background and plan it: the preview, nothing written."""
        if self.source is None:
            return
        self.read, self.plan, self.answers = None, None, ((), None)
        self.status.setText("")
        journal, path, fmt = self.context.journal, self.source, self.format.currentData()
        known = _lead_names(journal)

        def work(_progress: object) -> tuple[Document, ImportPlan]:
            doc = read_source(path, fmt, known)
            return doc, load.plan(journal, doc)

        try:
            self.read, plan = run_modal(
                self, self.tr("Reading {name}…").format(name=path.name), work
            )
        except JournalError as exc:
            plain = exc.plain if isinstance(exc, FormatUnknown) else None
            under = self.tr("{plain}; choose what it is under “Format”.")
            self._failed(under.format(plain=plain) if plain else str(exc))
            self._show_plan(None)
            return
        except OSError as exc:
            reason = exc.strerror or str(exc)
            unread = self.tr("{name} cannot be read ({reason}).")
            self._failed(unread.format(name=path.name, reason=reason))
            self._show_plan(None)
            return
        self.error.hide()
        self.questions.ask(plan, known)
        self._show_plan(plan)
        first = self.table if plan.new else self.questions.first_field()
        (first or self.choose_file).setFocus()

    def _answered(self) -> None:
        """An answer changed: plan again with the answers given (a quick read of the journal)."""
        answers = (tuple(sorted(self.questions.days().items())), self.questions.default_lead())
        if self.read is None or answers == self.answers:
            return  # a keystroke that changed no answer: "2024-03" is not a day yet
        self.answers = answers
        doc, lead, journal = self._answered_doc(), answers[1], self.context.journal
        try:
            plan = run_waiting(lambda _progress: load.plan(journal, doc, default_lead=lead))
        except JournalError as exc:
            self._failed(str(exc))
            return
        self._show_plan(plan)

    def _answered_doc(self) -> Document:
        """The file as read, with the days the person gave (a copy: a day can be typed again)."""
        assert self.read is not None
        doc = copy.deepcopy(self.read)
        load.give_days(doc, self.questions.days())
        return doc

    def _show_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.table.show_plan(plan)
        listed = plan is not None and bool(plan.new)
        self.listing.setCurrentWidget(self.table if listed else self.empty)
        if plan is not None:
            self.empty.setText(self.tr("Nothing new to list."))
        elif self.source is not None and self.error.isVisibleTo(self):  # it could not be read
            self.empty.setText(
                self.tr("Nothing to list from {name}: see why below.").format(name=self.source.name)
            )
        else:
            self.empty.setText(
                self.tr("What the file or folder holds is listed here before anything is written.")
            )
        if plan is None:
            self.summary.setText(
                "" if self.source else self.tr("Choose a file or a folder to import.")
            )
            self.questions.hide()
        else:
            summary = plan.summary()
            if len(plan.new) > SHOWN:
                summary = self.tr("{summary} The first {shown} are listed.").format(
                    summary=summary, shown=SHOWN
                )
            self.summary.setText(summary)
            self.questions.follow(plan)
        ready = plan is not None and plan.ready and plan.rows > 0
        self.import_button.setEnabled(ready)
        count = len(plan.new) if plan is not None and plan.ready else 0
        self.import_button.setText(
            self.tr("&Import {records}").format(records=_records(count))
            if count
            else QCoreApplication.translate("import_dialog", IMPORT_TEXT)
        )
        if plan is not None and plan.ready and not plan.rows:
            self.status.setText(QCoreApplication.translate("import_dialog", NOTHING_NEW))
        elif plan is not None and not plan.ready:
            self.status.setText(
                QCoreApplication.translate("import_dialog", ASK if not plan.problems else MEND)
            )
        else:
            self.status.setText("")

    # -- importing ------------------------------------------------------------------------------

    def do_import(self) -> int | None:
        """Import all of it in the background, or nothing; the number of records created."""
        if self.read is None or self.plan is None or not self.plan.ready:
            return None
        doc, lead, journal = (
            self._answered_doc(),
            self.questions.default_lead(),
            self.context.journal,
        )
        try:
            done = run_modal(
                self, "Importing…", lambda _progress: load.apply(journal, doc, default_lead=lead)
            )
        except JournalError as exc:
            self._failed(str(exc))
            return None
        count = len(done.new)
        self.error.hide()
        self.status.setText(self.tr("Imported {value}.").format(value=_records(count)))
        self.import_button.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self._announce(doc)
        return count

    def _announce(self, doc: Document) -> None:
        """Tell every page what kinds of record came in: the leads first (the sidebar), then
        the rest, once each (Today and an open lead's page re-read on them)."""
        kinds = [KIND_OF_TABLE[t] for t, rows in doc.tables.items() if rows and t in KIND_OF_TABLE]
        for kind in sorted(set(kinds), key=lambda k: (k is not RecordKind.LEAD, kinds.index(k))):
            self.context.announce(kind)

    def _failed(self, line: str) -> None:
        """Say why in the dialog; the file and the answers stay as they are."""
        self.status.setText("")
        self.error.setText(line)
        self.error.show()


def _records(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("import_dialog", "{count} record").format(count=count)
    return QCoreApplication.translate("import_dialog", "{count} records").format(count=count)


def _lead_names(journal: Journal) -> list[str]:
    rows = journal.execute("SELECT name FROM lead ORDER BY name")  # not shown: SQL
    return [str(row[0]) for row in rows]
