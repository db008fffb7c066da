"""One 1:1 on one page: agenda, open items from before, notes, feedback and next steps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QWidget,
)

from iltdesk import action_item, dates, one_on_one
from iltdesk.models import ActionItem, AgendaItem, Author, OneOnOne
from ui.agreement_popup import show_current_agreement
from ui.context import AppContext, Autosaver
from ui.markdown_edit import MarkdownEdit

RECORD_ID = Qt.ItemDataRole.UserRole + 1
OWNERS = (("The lead", Author.lead), ("Me", Author.principal), ("Both of us", Author.both))


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    return label


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit


def item_label(item: ActionItem, today: date) -> str:
    """An action item in one line: what, who, when."""
    owner = {"lead": "lead", "principal": "me", "both": "both of us"}[item.owner.value]
    due = f", due {dates.day_month(item.due_on)}" if item.due_on else ""
    late = " — overdue" if action_item.is_overdue(item, today) else ""
    return f"{item.text}  ({owner}{due}){late}"


def agenda_label(item: AgendaItem) -> str:
    """An agenda item, saying when the lead put it there."""
    return item.text + ("  — the lead's item" if item.added_by is Author.lead else "")


class OneOnOneEditor(QScrollArea):
    """Edits one 1:1; everything saves itself."""

    meeting_saved = Signal(OneOnOne)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: OneOnOne | None = None
        self.agreement_window: QWidget | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.autosaver = Autosaver(context, self._save, self)
        self.held_on = _date_edit()
        self.held_on.setAccessibleName("Date of the 1:1")
        self.held_on.dateChanged.connect(lambda *_: self.autosaver.touch())
        self.agenda = QListWidget()
        self.agenda.setAccessibleName("Agenda items")
        self.agenda.itemChanged.connect(self._agenda_ticked)
        self.agenda_text = QLineEdit()
        self.agenda_text.setPlaceholderText("Add an agenda item and press Enter")
        self.agenda_text.returnPressed.connect(self._add_agenda_item)
        self.agenda_by = QComboBox()
        self.agenda_by.setAccessibleName("Who added the agenda item")
        self.agenda_by.addItems(["The lead added it", "I added it"])
        self.follow_ups = QListWidget()
        self.follow_ups.setAccessibleName("Open action items from before")
        self.follow_ups.itemChanged.connect(self._item_ticked)
        self.notes = MarkdownEdit(placeholder="What happened, in your words")
        self.notes.edited.connect(self.autosaver.touch)
        self.notes.focus_left.connect(self.autosaver.flush)
        self.notes.setMinimumHeight(260)
        self.notes.setAccessibleName("1:1 notes")
        self.feedback = MarkdownEdit(placeholder="Feedback I gave, and how it landed")
        self.feedback.edited.connect(self.autosaver.touch)
        self.feedback.focus_left.connect(self.autosaver.flush)
        self.feedback.setMaximumHeight(120)
        self.feedback.setAccessibleName("Feedback given")
        self.steps = QListWidget()
        self.steps.setAccessibleName("Next steps")
        self.steps.itemChanged.connect(self._item_ticked)
        self.step_text = QLineEdit()
        self.step_text.setPlaceholderText("Next step, then Enter")
        self.step_text.returnPressed.connect(self._add_step)
        self.step_owner = QComboBox()
        self.step_owner.setAccessibleName("Who owns the next step")
        self.step_owner.addItems([label for label, _ in OWNERS])
        self.step_due = _date_edit()
        self.step_due.setAccessibleName("Next step due")
        self.setWidget(self._layout_page())

    def _layout_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(16, 12, 16, 16)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        top = QHBoxLayout()
        top.addWidget(QLabel("Met on"))
        top.addWidget(self.held_on)
        top.addStretch(1)
        agreement = QPushButton("Our agreement")
        agreement.setToolTip("The current coaching agreement, beside the notes (Ctrl+Shift+A)")
        agreement.setShortcut(QKeySequence("Ctrl+Shift+A"))
        agreement.clicked.connect(self.show_agreement)
        top.addWidget(agreement)
        grid.addLayout(top, 0, 0, 1, 2)
        add_agenda = QHBoxLayout()
        add_agenda.addWidget(self.agenda_text, 1)
        add_agenda.addWidget(self.agenda_by)
        rows: list[tuple[QWidget | QHBoxLayout, QWidget | None]] = [
            (_title("Agenda"), None),
            (self.agenda, None),
            (add_agenda, None),
            (_title("Open action items from before"), None),
            (self.follow_ups, None),
            (_title("Notes"), _title("Prompts")),
            (self.notes, self._prompts()),
            (_title("Feedback given"), None),
            (self.feedback, None),
            (_title("Next steps"), None),
            (self.steps, None),
            (self._step_row(), None),
        ]
        for row, (left, right) in enumerate(rows, start=1):
            if isinstance(left, QHBoxLayout):
                grid.addLayout(left, row, 0)
            else:
                grid.addWidget(left, row, 0)
            if right is not None:
                grid.addWidget(right, row, 1, Qt.AlignmentFlag.AlignTop)
        for widget in (self.agenda, self.follow_ups, self.steps):
            widget.setMaximumHeight(110)
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return page

    def _prompts(self) -> QLabel:
        lines = [
            f"<b>{part.title}</b><br>{part.prompt}"
            for part in one_on_one.AGENDA
            if part.section in one_on_one.NOTE_SECTIONS
        ]
        label = QLabel("<br><br>".join(lines))
        label.setObjectName("Hint")
        label.setWordWrap(True)
        return label

    def _step_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        add = QPushButton("Add")
        add.clicked.connect(self._add_step)
        row.addWidget(self.step_text, 1)
        row.addWidget(QLabel("Owner"))
        row.addWidget(self.step_owner)
        row.addWidget(QLabel("Due"))
        row.addWidget(self.step_due)
        row.addWidget(add)
        return row

    def show_agreement(self) -> None:
        """Open the lead's current coaching agreement in a window beside the 1:1."""
        if self.meeting is not None:
            self.agreement_window = show_current_agreement(self.context, self.meeting.lead_id, self)

    # -- loading --------------------------------------------------------------------------

    def load(self, meeting: OneOnOne | None) -> bool:
        """Show ``meeting``, saving what was pending first.

        Returns False, and keeps the current 1:1 with its unsaved text on screen, when that
        text cannot be saved yet: replacing it would lose what the user typed.
        """
        if not self.autosaver.flush():
            return False
        self.meeting = meeting
        self.setEnabled(meeting is not None)
        if meeting is None:
            return True
        self.held_on.blockSignals(True)
        self.held_on.setDate(QDate(meeting.held_on))
        self.held_on.blockSignals(False)
        self.notes.set_markdown(meeting.notes)
        self.feedback.set_markdown(meeting.feedback_given)
        self.step_due.setDate(QDate(meeting.held_on).addDays(7))
        self.refresh_lists()
        return True

    def refresh_lists(self) -> None:
        """Reload agenda items, follow-ups and next steps from the journal."""
        if self.meeting is None:
            return
        journal, today = self.context.journal, date.today()
        agenda = one_on_one.agenda_items(journal, self.meeting.id or 0)
        self._fill(self.agenda, [(i.id or 0, agenda_label(i), i.discussed) for i in agenda])
        follow = one_on_one.items_to_follow_up(journal, self.meeting)
        self._fill(self.follow_ups, [(i.id or 0, item_label(i, today), False) for i in follow])
        steps = one_on_one.next_steps(journal, self.meeting.id or 0)
        self._fill(
            self.steps, [(i.id or 0, item_label(i, today), i.done_on is not None) for i in steps]
        )

    @staticmethod
    def _fill(widget: QListWidget, rows: list[tuple[int, str, bool]]) -> None:
        widget.blockSignals(True)
        widget.clear()
        for record_id, text, checked in rows:
            item = QListWidgetItem(text)
            item.setData(RECORD_ID, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.blockSignals(False)

    # -- saving ---------------------------------------------------------------------------

    def _save(self) -> None:
        if self.meeting is None:
            return
        held_on: date = self.held_on.date().toPython()  # type: ignore[assignment]
        self.meeting = one_on_one.save_one_on_one(
            self.context.journal,
            self.meeting.id or 0,
            notes=self.notes.markdown(),
            feedback_given=self.feedback.markdown(),
            held_on=held_on,
        )
        self.meeting_saved.emit(self.meeting)

    def _agenda_ticked(self, item: QListWidgetItem) -> None:
        one_on_one.update_agenda_item(
            self.context.journal,
            int(item.data(RECORD_ID)),
            discussed=item.checkState() == Qt.CheckState.Checked,
        )

    def _item_ticked(self, item: QListWidgetItem) -> None:
        done = item.checkState() == Qt.CheckState.Checked
        action_item.set_done(self.context.journal, int(item.data(RECORD_ID)), done)
        self.context.changed.emit("action_item")

    def _add_agenda_item(self) -> None:
        if self.meeting is None or not self.agenda_text.text().strip():
            return
        by = Author.lead if self.agenda_by.currentIndex() == 0 else Author.principal
        one_on_one.add_agenda_item(
            self.context.journal, self.meeting.id or 0, self.agenda_text.text(), added_by=by
        )
        self.agenda_text.clear()
        self.refresh_lists()

    def _add_step(self) -> None:
        if self.meeting is None or not self.step_text.text().strip():
            return
        due: date = self.step_due.date().toPython()  # type: ignore[assignment]
        owner = OWNERS[self.step_owner.currentIndex()][1]
        one_on_one.add_next_step(
            self.context.journal, self.meeting, self.step_text.text(), owner=owner, due_on=due
        )
        self.step_text.clear()
        self.refresh_lists()
        self.context.changed.emit("action_item")
