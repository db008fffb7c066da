"""What a conversation leads to: its follow-up items, ticked off in place, and a row that adds
one by keys (what, who, when due in words)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import action_item, dates
from iltdesk.conversation import add_follow_up, follow_ups
from iltdesk.models import ActionItem, Author, DifficultConversation
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.action_item_row import ActionItemRow, RowWords
from ui.kit.context import AppContext, NotWritten
from ui.kit.fitted_list import FittedList
from ui.kit.record_actions import confirm_delete
from ui.kit.roles import RECORD_ID
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP

# Each starts with its own letter: typing it in the owner box chooses it.
OWNER_WORDS = {
    Author.lead: QT_TRANSLATE_NOOP("follow_up", "the lead"),
    Author.principal: QT_TRANSLATE_NOOP("follow_up", "me"),
    Author.both: QT_TRANSLATE_NOOP("follow_up", "both of us"),
}


def follow_up_label(item: ActionItem, today: date) -> str:
    """A follow-up in one line: what, whose, when."""
    owner = QCoreApplication.translate("follow_up", OWNER_WORDS[item.owner])
    if item.due_on:
        due = QCoreApplication.translate("follow_up", "{owner}, due {day}").format(
            owner=owner, day=dates.list_date(item.due_on, today)
        )
    else:
        due = owner
    line = f"{item.text}  ({due})"
    if action_item.is_overdue(item, today):
        return QCoreApplication.translate("follow_up", "{line} — overdue").format(line=line)
    return line


class FollowUpPanel(QObject):
    """The items (Space ticks one done, Delete removes it) and the row adding the next, of
    the conversation ``shown()`` gives (None: nothing to add to)."""

    add_requested = Signal()
    tick_requested = Signal(int, bool)
    delete_requested = Signal(int)

    def __init__(
        self,
        context: AppContext,
        shown: Callable[[], DifficultConversation | None],
        counted_from: Callable[[], date],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self._shown, self._parent = context, shown, parent
        self._team = False
        self.items = FittedList(self.tr("Follow-up items"))
        self.items.setAccessibleName(
            self.tr("Follow-up items: Space ticks one done, Delete removes it")
        )
        self.items.itemChanged.connect(self._ticked)
        self.items.installEventFilter(self)
        # With none yet, a line says what goes here rather than an empty box.
        self.none_yet = hint(self.tr("None yet: type the next step below, who owns it and when."))
        words = RowWords(
            self.tr("A next step, then Enter"), self.tr("follow-up"), self.tr("a week on")
        )
        self.entry = ActionItemRow(counted_from, parent, words)
        self.entry.text.setAccessibleName(self.tr("New follow-up item"))
        self.entry.add_requested.connect(self.add_requested)
        # The row's parts, by the names the editor and its tests know.
        self.text, self.owner = self.entry.text, self.entry.owner
        self.due_field, self.due_shown = self.entry.due_field, self.entry.due_shown
        self.add_button = self.entry.add_button
        self.add_requested.connect(self.add)
        self.tick_requested.connect(self.tick)
        self.delete_requested.connect(self.delete)

    def build(self) -> QVBoxLayout:
        """The list, the row and, under it, the day the due field means."""
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.items)
        column.addWidget(self.none_yet)
        column.addLayout(self.entry.row())
        column.addWidget(self.due_shown)
        return column

    def set_team_item(self, team: bool) -> None:
        """Without a lead the follow-up is the principal's team item: the owner is "Me"."""
        if team:
            self.owner.setCurrentIndex(1)
        elif self._team:
            self.owner.setCurrentIndex(0)  # back to a lead's: the lead's, as a new row starts
        self._team = team
        self.owner.setEnabled(not team)
        self.owner.setToolTip(
            self.tr("A conversation with no lead: its follow-ups are yours")
            if team
            else self.tr("Type its first letter: T, M or B")
        )

    def refresh(self) -> None:
        """Re-read the shown conversation's follow-up items."""
        conversation = self._shown()
        if conversation is not None:
            self.show_items(follow_ups(self.context.journal, conversation.id or 0))

    def show_items(self, items: list[ActionItem]) -> None:
        """List ``items``, keeping the row the cursor was on."""
        current = self.items.currentItem()
        keep = current.data(RECORD_ID) if current is not None else None
        today = date.today()
        self.items.blockSignals(True)
        self.items.clear()
        for item in items:
            row = QListWidgetItem(follow_up_label(item, today))
            row.setData(RECORD_ID, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            done = item.done_on is not None
            row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            self.items.addItem(row)
            if item.id == keep:
                self.items.setCurrentItem(row)
        self.items.blockSignals(False)
        if not items and self.items.hasFocus():  # the last one went: typing the next is near
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.items.setVisible(bool(items))
        self.none_yet.setVisible(not items)

    def chosen_owner(self) -> Author:
        return self.entry.chosen_owner()

    def due(self) -> date | None:
        """The date the due field names (a week on when empty); None if it names none."""
        return self.entry.due()

    def show_due(self) -> None:
        """Say which day the due field means before the item is added."""
        self.entry.show_due()

    def reset(self) -> None:
        """Empty and due in a week, ready for the next item (the owner stays as chosen)."""
        self.entry.reset(keep_owner=True)

    def _ticked(self, row: QListWidgetItem) -> None:
        done = row.checkState() == Qt.CheckState.Checked
        self.tick_requested.emit(int(row.data(RECORD_ID)), done)

    def untick(self, item_id: int) -> None:
        """Show a tick the journal refused as it was (the status bar says why)."""
        for index in range(self.items.count()):
            row = self.items.item(index)
            if row.data(RECORD_ID) == item_id:
                ticked = row.checkState() == Qt.CheckState.Checked
                blocked = self.items.blockSignals(True)
                row.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
                self.items.blockSignals(blocked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.items
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            current = self.items.currentItem()
            if current is not None:
                self.delete_requested.emit(int(current.data(RECORD_ID)))
            return True
        return super().eventFilter(watched, event)

    # -- writing -------------------------------------------------------------------------------

    def add(self) -> None:
        """Add the follow-up as the row shows it: text, owner and due day."""
        conversation = self._shown()
        if conversation is None:
            return
        if not self.text.text().strip():
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        due = self.due()
        if due is None:  # the line under the row says why
            self.due_field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.due_field.selectAll()
            return
        journal, text, owner = self.context.journal, self.text.text(), self.chosen_owner()
        added = self.context.write(
            lambda: add_follow_up(journal, conversation.id or 0, text, owner=owner, due_on=due),
            Change(RecordKind.ACTION_ITEM, conversation.lead_id),
        )
        if isinstance(added, NotWritten):  # the typed item stays to try again
            return
        self.reset()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next one
        self.refresh()

    def _lead_id(self) -> int | None:
        conversation = self._shown()
        return conversation.lead_id if conversation is not None else None

    def tick(self, item_id: int, done: bool) -> None:
        ticked = self.context.write(
            lambda: action_item.set_done(self.context.journal, item_id, done),
            Change(RecordKind.ACTION_ITEM, self._lead_id()),
        )
        if isinstance(ticked, NotWritten):
            self.untick(item_id)

    def delete(self, item_id: int) -> None:
        """Remove a follow-up after asking (it goes to the Trash)."""
        if not confirm_delete(
            self._parent, self.tr("Delete this follow-up?"), self.tr("The follow-up item.")
        ):
            return
        gone = self.context.write(
            lambda: action_item.delete_action_item(self.context.journal, item_id),
            Change(RecordKind.ACTION_ITEM, self._lead_id()),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()
