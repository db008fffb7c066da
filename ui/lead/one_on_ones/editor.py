"""One 1:1 on one page: agenda, open items from before, notes, action items and feedback."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import action_item, one_on_one
from iltdesk.models import Author, OneOnOne
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.action_item_row import ActionItemRow
from ui.kit.context import AppContext, Autosaver, NotWritten, Save
from ui.kit.fields import day_of, follow_locale, qdate
from ui.kit.fitted_list import FittedList
from ui.kit.history_panel import (
    add_history_shortcut,
    field_in_focus,
    history_button,
    show_history,
)
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.presenter import SHORTCUT as PRESENTER_SHORTCUT
from ui.kit.roles import RECORD_ID
from ui.kit.style import hint
from ui.lead.agreement.popup import show_current_agreement
from ui.lead.one_on_ones.action_item_row import item_label
from ui.lead.one_on_ones.charter_panel import CharterPanel
from ui.lead.one_on_ones.checklist import agenda_label, fill_checklist, untick
from ui.lead.one_on_ones.recap_dialog import RECAP_SHORTCUT, open_recap

AGREEMENT_SHORTCUT = "Ctrl+Shift+A"
NEW_ITEM_SHORTCUT = "Ctrl+Shift+I"  # beside Alt+A, the "Action items" title's mnemonic


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    return label


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
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        follow_locale(self.held_on)
        self.held_on.setAccessibleName(self.tr("Date of the 1:1"))
        self.held_on.dateChanged.connect(lambda *_: self.autosaver.touch())
        self.agenda = FittedList(self.tr("Agenda items"))
        self.agenda.itemChanged.connect(self._agenda_ticked)
        self.agenda_text = QLineEdit()
        self.agenda_text.setPlaceholderText(self.tr("Add an agenda item and press Enter"))
        self.agenda_text.setAccessibleName(self.tr("New agenda item"))
        self.agenda_text.returnPressed.connect(self._add_agenda_item)
        self.agenda_by = QComboBox()
        self.agenda_by.setAccessibleName(self.tr("Who added the agenda item"))
        self.agenda_by.addItems([self.tr("The lead added it"), self.tr("I added it")])
        self.follow_ups = FittedList(self.tr("Open action items from before"))
        self.follow_ups.itemChanged.connect(self._item_ticked)
        self.notes = MarkdownEdit(placeholder=self.tr("What happened, in your words"))
        self.notes.edited.connect(self.autosaver.touch)
        self.notes.focus_left.connect(self.autosaver.flush)
        self.notes.setMinimumHeight(260)
        self.notes.setAccessibleName(self.tr("1:1 notes"))
        self.feedback = MarkdownEdit(placeholder=self.tr("Feedback I gave, and how it landed"))
        self.feedback.edited.connect(self.autosaver.touch)
        self.feedback.focus_left.connect(self.autosaver.flush)
        self.feedback.setMaximumHeight(120)
        self.feedback.setAccessibleName(self.tr("Feedback given"))
        self.steps = FittedList(self.tr("Action items from this 1:1"))
        self.steps.itemChanged.connect(self._item_ticked)
        self.step_row = ActionItemRow(lambda: day_of(self.held_on), self)
        self.step_row.add_requested.connect(self._add_step)
        self.held_on.dateChanged.connect(lambda *_: self.step_row.show_due())
        # Named here too: the page's tab order, focus and tests reach them from the 1:1.
        self.step_text, self.step_owner = self.step_row.text, self.step_row.owner
        self.step_due, self.due_shown = self.step_row.due_field, self.step_row.due_shown
        self.charter = CharterPanel(context)  # the team's qualities and norms, beside the notes
        self.setWidget(self._layout_page())
        QWidget.setTabOrder(self.step_text, self.step_owner)  # once they share a window
        QWidget.setTabOrder(self.step_owner, self.step_due)
        jump = QShortcut(QKeySequence(NEW_ITEM_SHORTCUT), self)
        jump.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        jump.activated.connect(self.focus_new_item)
        add_history_shortcut(self, self.show_history)

    def _layout_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(16, 12, 16, 16)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Met on")))
        top.addWidget(self.held_on)
        top.addStretch(1)
        agreement = QPushButton(self.tr("Our agreement"))
        agreement.setToolTip(
            self.tr("The current coaching agreement, beside the notes (Ctrl+Shift+A)")
        )
        agreement.setShortcut(QKeySequence(AGREEMENT_SHORTCUT))
        agreement.clicked.connect(self.show_agreement)
        top.addWidget(agreement)
        top.addWidget(history_button(self.show_history, self.tr("the notes and the feedback")))
        grid.addLayout(top, 0, 0, 1, 2)
        add_agenda = QHBoxLayout()
        add_agenda.addWidget(self.agenda_text, 1)
        add_agenda.addWidget(self.agenda_by)
        items_title = _title(self.tr("&Action items"))  # the lead page's tab says the same
        items_title.setBuddy(self.step_text)
        items_title.setToolTip(
            self.tr("Add an action item (Alt+A or {NEW_ITEM_SHORTCUT})").format(
                NEW_ITEM_SHORTCUT=NEW_ITEM_SHORTCUT
            )
        )
        # Action items straight after the notes, where a 1:1 ends; both span the page's
        # width (the prompts only sit beside the notes).
        notes_title = _title(self.tr("Notes"))
        rows: list[tuple[QWidget | QHBoxLayout | QVBoxLayout, QWidget | None]] = [
            (_title(self.tr("Agenda")), None),
            (self.agenda, None),
            (add_agenda, None),
            (_title(self.tr("Open action items from before")), None),
            (self.follow_ups, None),
            (notes_title, _title(self.tr("Prompts"))),
            (self.notes, self._beside_notes()),
            (items_title, None),
            (self.steps, None),
            (self.step_row.build(), None),
            (_title(self.tr("Feedback given")), None),
            (self.feedback, None),
            (self._recap_row(), None),
        ]
        for row, (left, right) in enumerate(rows, start=1):
            span = 1 if right is not None else 2
            if isinstance(left, QWidget):
                grid.addWidget(left, row, 0, 1, span)
            else:
                grid.addLayout(left, row, 0, 1, span)
            if right is not None:
                grid.addWidget(right, row, 1, Qt.AlignmentFlag.AlignTop)
        # The running notes are the principal's own (iltdesk.presenting): not on a shared screen.
        self.context.presenter.keep_private(notes_title, self.notes)
        self._say_notes_hidden(grid, next(i for i, (w, _) in enumerate(rows, 1) if w is self.notes))
        return page

    def _say_notes_hidden(self, grid: QGridLayout, row: int) -> None:
        """Where the notes were, while presenting: why the space is empty."""
        presenter = self.context.presenter
        said = hint(
            self.tr(
                "Your notes are hidden while you present ({PRESENTER_SHORTCUT} shows them)."
            ).format(PRESENTER_SHORTCUT=PRESENTER_SHORTCUT)
        )
        grid.addWidget(said, row, 0, Qt.AlignmentFlag.AlignTop)
        said.setVisible(presenter.on)
        presenter.changed.connect(said.setVisible)

    def _recap_row(self) -> QHBoxLayout:
        """Where a 1:1 ends: its recap for the lead (the top row has no room for it at
        1024 px)."""
        self.recap_button = QPushButton(self.tr("Recap for the lead…"))
        self.recap_button.setToolTip(
            self.tr("A recap of this 1:1 for the lead ({RECAP_SHORTCUT})").format(
                RECAP_SHORTCUT=RECAP_SHORTCUT
            )
        )
        self.recap_button.setShortcut(QKeySequence(RECAP_SHORTCUT))
        self.recap_button.clicked.connect(self.show_recap)
        row = QHBoxLayout()
        row.addWidget(self.recap_button)
        about = QLabel(
            self.tr(
                "What was discussed and decided, and who does what by when: a PDF or an email "
                "for the lead, never your notes ({RECAP_SHORTCUT})"
            ).format(RECAP_SHORTCUT=RECAP_SHORTCUT)
        )
        about.setObjectName("Hint")
        about.setWordWrap(True)
        row.addWidget(about, 1)
        return row

    def _beside_notes(self) -> QWidget:
        """The prompts, then the charter's qualities and norms the 1:1 may revisit."""
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._prompts())
        column.addWidget(self.charter)
        return side

    def _prompts(self) -> QLabel:
        lines = [
            f"<b>{part.shown_title()}</b><br>{part.shown_prompt()}"
            for part in one_on_one.AGENDA
            if part.section in one_on_one.NOTE_SECTIONS
        ]
        label = QLabel("<br><br>".join(lines))
        label.setObjectName("Hint")
        label.setWordWrap(True)
        return label

    def show_agreement(self) -> None:
        """Open the lead's current coaching agreement in a window beside the 1:1."""
        if self.meeting is not None:
            self.agreement_window = show_current_agreement(self.context, self.meeting.lead_id, self)

    def show_recap(self) -> None:
        """The recap of this 1:1 to give the lead: preview, PDF, print or Markdown."""
        if self.meeting is not None:
            open_recap(self.context, self.meeting.id or 0, self)

    def show_history(self) -> None:
        """The History of the notes (of the feedback, when the cursor is in it), what is
        typed saved first."""
        if self.meeting is None:
            return
        boxes: dict[str, QWidget] = {"notes": self.notes, "feedback_given": self.feedback}
        where = ("one_on_one", self.meeting.id or 0)
        show_history(self, self.context, where, tuple(boxes), field_in_focus(boxes),
                     saved=self.autosaver.flush, reload=self._reread)  # fmt: skip

    def _reread(self) -> None:
        """Show the 1:1 as the journal has it now (after a restore)."""
        if self.meeting is None:
            return
        meeting = one_on_one.get_one_on_one(self.context.journal, self.meeting.id or 0)
        if self.load(meeting):
            self.meeting_saved.emit(meeting)

    def focus_new_item(self) -> None:
        """Put the cursor in the new action item's text, scrolled into view."""
        self.step_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ensureWidgetVisible(self.due_shown)
        self.ensureWidgetVisible(self.step_text)

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
        self.held_on.setDate(qdate(meeting.held_on))
        self.held_on.blockSignals(False)
        self.notes.set_markdown(meeting.notes)
        self.feedback.set_markdown(meeting.feedback_given)
        self.step_row.show_due()  # a half-typed action item stays: what is typed is never dropped
        self.refresh_lists()
        return True

    def refresh_lists(self) -> None:
        """Reload agenda items, follow-ups and action items from the journal."""
        if self.meeting is None:
            return
        self._refresh_agenda(self.meeting.id or 0)
        follow = one_on_one.items_to_follow_up(self.context.journal, self.meeting)
        today = date.today()
        fill_checklist(self.follow_ups, [(i.id or 0, item_label(i, today), False) for i in follow])
        self._refresh_steps(self.meeting.id or 0)

    # Adding an item refreshes its own list only: a follow-up ticked a moment ago stays where
    # it is, under the cursor, until the 1:1 is opened again.
    def _refresh_agenda(self, meeting_id: int) -> None:
        agenda = one_on_one.agenda_items(self.context.journal, meeting_id)
        fill_checklist(self.agenda, [(i.id or 0, agenda_label(i), i.discussed) for i in agenda])

    def _refresh_steps(self, meeting_id: int) -> None:
        steps = one_on_one.next_steps(self.context.journal, meeting_id)
        rows = [(i.id or 0, item_label(i, date.today()), i.done_on is not None) for i in steps]
        fill_checklist(self.steps, rows)

    # -- saving ---------------------------------------------------------------------------

    def _save(self) -> Save[OneOnOne] | None:
        if self.meeting is None:
            return None
        journal, meeting_id, held_on = (
            self.context.journal,
            self.meeting.id or 0,
            day_of(self.held_on),
        )
        notes, feedback = self.notes.markdown(), self.feedback.markdown()
        return Save(
            lambda: one_on_one.save_one_on_one(
                journal, meeting_id, notes=notes, feedback_given=feedback, held_on=held_on
            ),
            self._saved,
        )

    def _saved(self, meeting: OneOnOne) -> None:
        if self.meeting is not None and self.meeting.id == meeting.id:  # still the one shown
            self.meeting = meeting
        self.meeting_saved.emit(meeting)

    def _agenda_ticked(self, item: QListWidgetItem) -> None:
        journal, item_id = self.context.journal, int(item.data(RECORD_ID))
        discussed = item.checkState() == Qt.CheckState.Checked
        ticked = self.context.write(
            lambda: one_on_one.update_agenda_item(journal, item_id, discussed=discussed)
        )
        if isinstance(ticked, NotWritten):
            untick(item)

    def _item_ticked(self, item: QListWidgetItem) -> None:
        journal, item_id = self.context.journal, int(item.data(RECORD_ID))
        done = item.checkState() == Qt.CheckState.Checked
        lead_id = self.meeting.lead_id if self.meeting else None
        ticked = self.context.write(
            lambda: action_item.set_done(journal, item_id, done),
            Change(RecordKind.ACTION_ITEM, lead_id),
        )
        if isinstance(ticked, NotWritten):
            untick(item)

    def _add_agenda_item(self) -> None:
        if self.meeting is None or not self.agenda_text.text().strip():
            return
        by = Author.lead if self.agenda_by.currentIndex() == 0 else Author.principal
        journal, meeting_id, text = (
            self.context.journal,
            self.meeting.id or 0,
            self.agenda_text.text(),
        )
        added = self.context.write(
            lambda: one_on_one.add_agenda_item(journal, meeting_id, text, added_by=by)
        )
        if isinstance(added, NotWritten):  # the typed item stays to try again
            return
        self.agenda_text.clear()
        self._refresh_agenda(self.meeting.id or 0)

    def _add_step(self) -> None:
        """Add the action item as the row shows it: text, owner and due date."""
        if self.meeting is None:
            return
        if not self.step_text.text().strip():
            self.step_text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        due = self.step_row.due()
        if due is None:  # the message under the row says why
            self.step_due.setFocus(Qt.FocusReason.OtherFocusReason)
            self.step_due.selectAll()
            return
        owner = self.step_row.chosen_owner()
        journal, meeting, text = self.context.journal, self.meeting, self.step_text.text()
        added = self.context.write(
            lambda: one_on_one.add_next_step(journal, meeting, text, owner=owner, due_on=due)
        )
        if isinstance(added, NotWritten):  # the typed step stays to try again
            return
        self.step_row.reset()
        self.step_text.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next one
        self._refresh_steps(meeting.id or 0)
        self.context.announce(RecordKind.ACTION_ITEM, meeting.lead_id)
