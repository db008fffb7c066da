"""What an import would create, listed before anything is written, and the questions the
person answers first: whose are the notes that name no lead, and what day each undated note
was written. The import dialog (``import_dialog``) reads, plans and writes; this shows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.interchange.load import ImportPlan
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP

COLUMNS = (
    QT_TRANSLATE_NOOP("import_preview", "What"),
    QT_TRANSLATE_NOOP("import_preview", "Day"),
    QT_TRANSLATE_NOOP("import_preview", "Lead"),
    QT_TRANSLATE_NOOP("import_preview", "Title"),
    QT_TRANSLATE_NOOP("import_preview", "From"),
    QT_TRANSLATE_NOOP("import_preview", "Note"),
)
SHOWN = 2000  # rows listed; the summary line counts them all
PROBLEMS_SHOWN = 8
MEND_FIRST = QT_TRANSLATE_NOOP(
    "import_preview", "This cannot be imported as it is; mend the file, then choose it again:"
)
DAY_HINT = QT_TRANSLATE_NOOP("import_preview", "Type the day as 2024-03-01.")


class PreviewTable(QTableWidget):
    """One row per record the import creates: kind, day, lead, title, where from, a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("import_preview", name) for name in COLUMNS]
        )
        self.setAccessibleName(self.tr("What the import creates"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab moves on to the questions and the buttons
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # One line a record, as in a list: many hundreds may be read through here.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("Title"), QHeaderView.ResizeMode.Stretch)

    def show_plan(self, plan: ImportPlan | None) -> None:
        shown = plan.new[:SHOWN] if plan is not None else ()
        rows = [
            (
                item.label[:1].upper() + item.label[1:],
                dates.short(item.day) if item.day else "",
                item.lead if item.lead and item.table != "lead" else "",
                item.title,
                item.source or "",
                item.note or "",
            )
            for item in shown
        ]
        self.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.setItem(row, column, cell)
        for column, name in enumerate(COLUMNS):
            # A file that says nothing of a thing (where each note came from) shows no column.
            empty = not any(texts[column] for texts in rows)
            self.setColumnHidden(column, bool(rows) and empty and name != "Title")
        if rows:
            self.setCurrentCell(0, 0)


class Questions(QGroupBox):
    """What must be answered before the import can go ahead; ``answered`` on every change.

    The questions are built from the first reading of a file and stay on screen as they are
    answered (a note given its day leaves the plan's list, not this one)."""

    answered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Before importing"))
        self.problems = QLabel()
        self.problems.setObjectName("ErrorText")
        self.problems.setWordWrap(True)
        self.lead = QComboBox()
        self.lead.setAccessibleName(self.tr("Notes that name no lead go to"))
        self.lead.currentIndexChanged.connect(lambda *_: self.answered.emit())
        self.lead_label = field_label(self.tr("Notes that name no &lead go to:"), self.lead)
        self.no_leads = hint(
            self.tr("There are no leads in this journal yet: add one, then import.")
        )
        self.leads: list[str] = []
        self.lead_asked = False  # the lead's question stays once asked, with its answer
        self.day_fields: dict[str, QLineEdit] = {}
        self.day_hints: dict[str, QLabel] = {}
        self.days_box = QWidget()
        self.days_form = QFormLayout(self.days_box)
        self.days_form.setContentsMargins(0, 0, 0, 0)
        self.days_scroll = QScrollArea()
        self.days_scroll.setWidget(self.days_box)
        self.days_scroll.setWidgetResizable(True)
        self.days_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.days_scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                                       "{ background: transparent; }")  # fmt: skip
        self.days_label = field_label(self.tr("What day was each of these notes written?"))
        layout = QVBoxLayout(self)
        self.lead.setMinimumWidth(260)
        self.whose = hint()  # which notes: the core's line
        lead_row = QHBoxLayout()
        for part in (self.lead_label, self.lead):
            lead_row.addWidget(part)
        lead_row.addWidget(self.whose, 1)
        layout.addWidget(self.problems)
        layout.addLayout(lead_row)
        layout.addWidget(self.no_leads)
        layout.addWidget(self.days_label)
        layout.addWidget(self.days_scroll, 1)
        self.hide()

    def ask(self, plan: ImportPlan, leads: list[str]) -> None:
        """Put up the questions of a file just read (answers to another file's are dropped)."""
        while self.days_form.rowCount():
            self.days_form.removeRow(0)
        self.day_fields, self.day_hints = {}, {}
        self.leads, self.lead_asked = leads, False
        self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.blockSignals(False)
        for source in plan.undated:
            self._ask_day(source)
        self.days_label.setVisible(bool(plan.undated))
        self.days_scroll.setVisible(bool(plan.undated))
        self.days_scroll.setMinimumHeight(min(len(plan.undated), 4) * 34)
        self.follow(plan)

    def _ask_day(self, source: str) -> None:
        field = QLineEdit()
        field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        field.setAccessibleName(self.tr("Day of {source}").format(source=source))
        field.setMaximumWidth(160)
        said = hint(QCoreApplication.translate("import_preview", DAY_HINT))
        row = QWidget()
        line = QFormLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addRow(field, said)
        self.days_form.addRow(QLabel(source), row)
        self.day_fields[source], self.day_hints[source] = field, said
        field.textChanged.connect(lambda *_, s=source: self._day_typed(s))

    def _day_typed(self, source: str) -> None:
        day = _day(self.day_fields[source].text())
        text = self.day_fields[source].text().strip()
        if day:
            said = dates.with_weekday(day)
        elif text:
            said = self.tr("Not a date yet.")
        else:
            said = QCoreApplication.translate("import_preview", DAY_HINT)
        self.day_hints[source].setText(said)
        self.answered.emit()

    def follow(self, plan: ImportPlan) -> None:
        """Show what the latest plan asks: its problems plainly, and whose the notes that
        name no lead are (a note's lead is known to be missing only once it has a day)."""
        if plan.leadless and not self.lead_asked and self.leads:
            self.lead_asked = True
            self.lead.blockSignals(True)
            self.lead.addItem(self.tr("Choose a lead"), None)
            for name in self.leads:
                self.lead.addItem(name, name)
            self.lead.blockSignals(False)
        for part in (self.lead_label, self.lead, self.whose):
            part.setVisible(self.lead_asked)
        # The plan's own line for it ("2 notes name no lead (a.txt, b.txt): choose one."),
        # between the problems and the days asked.
        questions = plan.questions()
        own = questions[len(plan.problems) : len(questions) - len(plan.undated)]
        if own:
            self.whose.setText(own[0])
        self.no_leads.setVisible(bool(plan.leadless and not self.leads))
        lines = list(plan.problems[:PROBLEMS_SHOWN])
        if len(plan.problems) > PROBLEMS_SHOWN:
            lines.append(self.tr("… and {n} more.").format(n=len(plan.problems) - PROBLEMS_SHOWN))
        if lines:
            lines.insert(0, QCoreApplication.translate("import_preview", MEND_FIRST))
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        asked = bool(lines) or self.lead_asked or bool(self.day_fields)
        self.setVisible(asked or bool(plan.leadless))

    def default_lead(self) -> str | None:
        data = self.lead.currentData() if self.lead_asked else None
        return str(data) if data else None

    def days(self) -> dict[str, date]:
        """The days typed so far, by where each note came from."""
        found = {source: _day(field.text()) for source, field in self.day_fields.items()}
        return {source: day for source, day in found.items() if day is not None}

    def first_field(self) -> QWidget | None:
        """Where the first unanswered question is, to put the cursor there."""
        if self.lead_asked and self.lead.currentData() is None:
            return self.lead
        return next((f for f in self.day_fields.values() if _day(f.text()) is None), None)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
