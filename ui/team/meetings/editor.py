"""One ILT meeting on one page: its day, who came, each part of its agenda in its own order
with the helper the part brings, and the principal's private notes. Everything typed saves
itself (one autosave for the page, like a 1:1's); ticks and agenda items are written at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import ilt_meeting, meeting_members
from iltdesk.lead import get_lead, lead_summaries
from iltdesk.models import IltMeeting, Lead, MeetingPart
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext, Autosaver, NotWritten, Save
from ui.kit.fields import date_edit, day_of
from ui.kit.fitted_list import FittedList
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.roles import RECORD_ID
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.action_items import TeamItemsView
from ui.team.meetings.agenda import MemberAgenda
from ui.team.meetings.parts import (
    DataFields,
    LearningFields,
    PartCard,
    VisionPanel,
)
from ui.team.meetings.plus_delta import ClosingPlusDelta, LastPlusDelta

# While a meeting is on screen, Ctrl+1…Ctrl+9 put the cursor in the notes of part 1…9; Ctrl+0
# in the private notes; as in a 1:1, Ctrl+Shift+I in a new action item.
PART_KEYS = "Ctrl+{}"
NEW_ITEM_SHORTCUT = "Ctrl+Shift+I"
PRIVATE_TITLE = QT_TRANSLATE_NOOP("editor", "Private notes — only for you, never shared")
PRIVATE_HINT = QT_TRANSLATE_NOOP(
    "editor", "Left out of the meeting summary and anything you export or hand to the team."
)


def members_at(journal: Journal, meeting_id: int) -> list[tuple[Lead, bool]]:
    """Who the meeting's attendance offers, by name, and whether each was there: those recorded
    (a member who has left since included), then every active member not recorded, unticked
    (one who joined the ILT after the meeting was made)."""
    rows = meeting_members.attendance(journal, meeting_id)
    recorded = {lead.id for lead, _ in rows}
    rows += [
        (get_lead(journal, member.id), False)
        for member in lead_summaries(journal)
        if member.id not in recorded
    ]
    return sorted(rows, key=lambda row: row[0].name.casefold())


class MeetingEditor(QScrollArea):
    """Edits one meeting; rebuilt for each meeting opened (its parts are its own)."""

    meeting_saved = Signal(IltMeeting)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: IltMeeting | None = None
        self.cards: list[PartCard] = []
        self.agenda: MemberAgenda | None = None
        self.learning: LearningFields | None = None
        self.data: DataFields | None = None
        self.last: LastPlusDelta | None = None
        self.closing: ClosingPlusDelta | None = None
        self.team_items: TeamItemsView | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName(self.tr("The open ILT meeting"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the list to the date
        self.autosaver = Autosaver(context, self._save, self)
        for number in range(10):
            jump = QShortcut(QKeySequence(PART_KEYS.format(number)), self)
            jump.setContext(Qt.ShortcutContext.WindowShortcut)
            jump.activated.connect(lambda n=number: self.focus_number(n))
        new_item = QShortcut(QKeySequence(NEW_ITEM_SHORTCUT), self)
        new_item.setContext(Qt.ShortcutContext.WindowShortcut)
        new_item.activated.connect(self.focus_new_action_item)

    # -- loading ------------------------------------------------------------------------------

    def load(self, meeting: IltMeeting | None) -> bool:
        """Show ``meeting``, saving what was pending first; False (and the current meeting
        stays, with its text) if that text cannot be saved yet."""
        if not self.autosaver.flush():
            return False
        # A half-typed agenda item stays on screen, as a 1:1's half-typed step does.
        pending = self.agenda.text.text() if self.agenda is not None else ""
        self.meeting = meeting
        if meeting is not None:
            self.setWidget(self._build(meeting))
            if self.agenda is not None:
                self.agenda.text.setText(pending)
        return True

    def reload(self) -> bool:
        """Show the open meeting afresh (the charter or the members changed elsewhere), at the
        same place on the page; False if its typed text cannot be saved yet."""
        if self.meeting is None:
            return True
        at = self.verticalScrollBar().value()
        meeting = ilt_meeting.get_meeting(self.context.journal, self.meeting.id or 0)
        if not self.load(meeting):
            return False
        # The new page's height is known once it is laid out.
        QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(at))
        return True

    def _build(self, meeting: IltMeeting) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(6)
        members = members_at(self.context.journal, meeting.id or 0)
        leads = [lead for lead, _ in members]
        column.addLayout(self._top(meeting))
        column.addWidget(self._attendance(members))
        self.cards = []
        self.agenda = self.learning = self.data = self.last = self.closing = None
        self.team_items = None
        for number, section in enumerate(
            ilt_meeting.sections(self.context.journal, meeting.id or 0), start=1
        ):
            card = PartCard(number, section, self._helper(section.part, meeting, leads))
            self._watch(card.notes)
            self.cards.append(card)
            column.addWidget(card)
        private_title, private_hint = (
            field_label(QCoreApplication.translate("editor", PRIVATE_TITLE)),
            hint(QCoreApplication.translate("editor", PRIVATE_HINT)),
        )
        column.addWidget(private_title)
        column.addWidget(private_hint)
        self.private = MarkdownEdit(placeholder=self.tr("What you noticed and keep to yourself"))
        self.private.setObjectName("private_notes")
        self.private.setAccessibleName(self.tr("Private notes (never shared)"))
        self.private.set_markdown(meeting.private_notes)
        self.private.setMinimumHeight(90)
        self._watch(self.private)
        column.addWidget(self.private)
        # Off a shared screen (presenter mode), with its heading; still saved as typed.
        self.context.presenter.keep_private(private_title, private_hint, self.private)
        column.addStretch(1)
        return page

    def _top(self, meeting: IltMeeting) -> QHBoxLayout:
        self.held_on = date_edit(meeting.held_on, self.tr("Date of the meeting"))
        self.held_on.dateChanged.connect(lambda *_: self.autosaver.touch())
        self.title = QLineEdit(meeting.title)
        self.title.setObjectName("meeting_title")
        self.title.setAccessibleName(self.tr("Meeting title"))
        self.title.setPlaceholderText(self.tr("A title, if the meeting had one"))
        self.title.textEdited.connect(lambda *_: self.autosaver.touch())
        self.title.editingFinished.connect(self.autosaver.flush)
        top = QHBoxLayout()
        for label, field in ((self.tr("Met on"), self.held_on), (self.tr("Title"), self.title)):
            shown = QLabel(label)
            shown.setBuddy(field)
            top.addWidget(shown)
            top.addWidget(field, 1 if field is self.title else 0)
            top.addSpacing(8 if field is self.held_on else 0)
        return top

    def _attendance(self, rows: list[tuple[Lead, bool]]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        self.attendance = FittedList(self.tr("Attendance: tick who was there"))
        for lead, present in rows:
            item = QListWidgetItem(lead.name)
            item.setData(RECORD_ID, lead.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
            self.attendance.addItem(item)
        self.attendance.itemChanged.connect(self._attendance_ticked)
        counted = f" ({sum(p for _, p in rows)} of {len(rows)})" if rows else ""  # not "0 of 0"
        label = field_label(self.tr("Attendance{counted}").format(counted=counted))
        label.setBuddy(self.attendance)
        self.attendance_label = label
        layout.addWidget(label)
        layout.addWidget(self.attendance if rows else hint(self.tr("No members on the ILT yet.")))
        return box

    def _helper(self, part: MeetingPart, meeting: IltMeeting, leads: list[Lead]) -> QWidget | None:
        """What a named part brings to the screen besides its notes."""
        journal = self.context.journal
        if part is MeetingPart.vision:
            return VisionPanel(self.context)
        if part is MeetingPart.last_plus_delta:
            self.last = LastPlusDelta()
            previous = ilt_meeting.previous_meeting(journal, meeting)
            rows = ilt_meeting.plus_deltas(journal, previous.id or 0) if previous else []
            self.last.load(previous, rows)
            return self._watch(self.last)
        if part is MeetingPart.member_items:
            self.agenda = MemberAgenda(self.context)
            self.agenda.set_members(leads)
            self.agenda.load(meeting.id)
            return self.agenda
        if part is MeetingPart.professional_learning:
            self.learning = LearningFields()
            if meeting.pl_lead_id and all(lead.id != meeting.pl_lead_id for lead in leads):
                # Led by a member who was not on the team when the meeting was made: kept.
                leads = [*leads, get_lead(journal, meeting.pl_lead_id)]
            self.learning.load(meeting, leads)
            self.learning.led_by.currentIndexChanged.connect(lambda *_: self.autosaver.touch())
            self.learning.led_words.textEdited.connect(lambda *_: self.autosaver.touch())
            return self._watch_boxes(self.learning, self.learning.topic)
        if part is MeetingPart.data:
            self.data = DataFields()
            self.data.load(meeting)
            d = self.data
            return self._watch_boxes(d, d.artifacts, d.protocol, d.questions)
        if part is MeetingPart.next_steps:
            self.team_items = TeamItemsView(self.context, meeting.id)
            return self.team_items
        if part is MeetingPart.plus_delta:
            self.closing = ClosingPlusDelta()
            self.closing.load(ilt_meeting.plus_deltas(journal, meeting.id or 0))
            return self._watch(self.closing)
        return None

    def _watch(self, widget: QWidget) -> QWidget:
        """Save after typing pauses in ``widget``, and at once when the cursor leaves it."""
        widget.edited.connect(self.autosaver.touch)  # type: ignore[attr-defined]
        widget.focus_left.connect(self.autosaver.flush)  # type: ignore[attr-defined]
        return widget

    def _watch_boxes(self, helper: QWidget, *boxes: QWidget) -> QWidget:
        for box in boxes:
            self._watch(box)
        return helper

    # -- saving -------------------------------------------------------------------------------

    def _save(self) -> Save[IltMeeting] | None:
        if self.meeting is None:
            return None
        journal, meeting_id = self.context.journal, self.meeting.id or 0
        fields: dict[str, Any] = {
            "held_on": day_of(self.held_on),
            "title": self.title.text().strip(),
            "private_notes": self.private.markdown(),
        }
        for helper in (self.learning, self.data):
            if helper is not None:
                fields |= helper.values()
        notes = {card.section.id or 0: card.notes.markdown() for card in self.cards}
        closing, last = self.closing, self.last
        rows = [(row, row.row_id, row.typed()) for row in closing.changes()] if closing else []
        responses = last.changes() if last is not None else {}
        new_ids: list[int | None] = []

        def write() -> IltMeeting:
            meeting = ilt_meeting.save_meeting(journal, meeting_id, notes=notes, **fields)
            new_ids.extend(_write_plus_delta(journal, meeting_id, r, t) for _, r, t in rows)
            for row_id, response in responses.items():
                ilt_meeting.respond(journal, row_id, response)
            return meeting

        def then(meeting: IltMeeting) -> None:
            if closing is not None and closing is self.closing:  # still on screen
                for (row, _, typed), row_id in zip(rows, new_ids, strict=True):
                    closing.saved(row, row_id, typed)
            if last is not None and last is self.last:
                for row_id, response in responses.items():
                    last.saved(row_id, response)
            if self.meeting is not None and self.meeting.id == meeting.id:
                self.meeting = meeting
            self.meeting_saved.emit(meeting)

        return Save(write, then)

    def _attendance_ticked(self, item: QListWidgetItem) -> None:
        if self.meeting is None:
            return
        journal, meeting_id = self.context.journal, self.meeting.id or 0
        lead_id, present = int(item.data(RECORD_ID)), item.checkState() == Qt.CheckState.Checked
        done = self.context.write(
            lambda: meeting_members.set_present(journal, meeting_id, lead_id, present),
            Change(RecordKind.ILT_MEETING),
        )
        if isinstance(done, NotWritten):
            blocked = self.attendance.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked if present else Qt.CheckState.Checked)
            self.attendance.blockSignals(blocked)
        count = sum(
            self.attendance.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.attendance.count())
        )
        self.attendance_label.setText(
            self.tr("Attendance ({count} of {value})").format(
                count=count, value=self.attendance.count()
            )
        )

    # -- pointing at a part -------------------------------------------------------------------

    def focus_part(self, section_id: int | None = None) -> None:
        """Put the cursor in a part's notes (the first part's by default), scrolled to it."""
        card = next((c for c in self.cards if c.section.id == section_id), None)
        card = card or (self.cards[0] if self.cards else None)
        if card is not None:
            card.notes.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(card.heading)
            self.ensureWidgetVisible(card.notes)

    def focus_number(self, number: int) -> None:
        """Ctrl+N: part N's notes (Ctrl+0: the private notes)."""
        if self.meeting is None:
            return
        if number == 0:
            self.private.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.ensureWidgetVisible(self.private)
        elif number <= len(self.cards):
            self.focus_part(self.cards[number - 1].section.id)

    def focus_new_action_item(self) -> None:
        if self.team_items is not None:
            self.team_items.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.ensureWidgetVisible(self.team_items.text)

    def focus_agenda_item(self, item_id: int) -> bool:
        if self.agenda is None or not self.agenda.select(item_id):
            return False
        self.ensureWidgetVisible(self.agenda)
        return True

    def focus_action_item(self, item_id: int) -> bool:
        if self.team_items is None or not self.team_items.select_item(item_id):
            return False
        self.team_items.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(self.team_items)
        return True

    def focus_plus_delta(self) -> None:
        if self.closing is not None and self.closing.rows:
            self.closing.rows[0].plus.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(self.closing)


def _write_plus_delta(
    journal: Journal, meeting_id: int, row_id: int | None, typed: tuple[str, str]
) -> int | None:
    """Write one closing plus/delta as typed: added, changed, or deleted once both are
    cleared; its id afterwards (None once deleted)."""
    plus, delta = typed
    if row_id is None:
        return ilt_meeting.add_plus_delta(journal, meeting_id, plus, delta).id
    if not (plus or delta):
        ilt_meeting.delete_plus_delta(journal, row_id)
        return None
    ilt_meeting.update_plus_delta(journal, row_id, plus=plus, delta=delta)
    return row_id
