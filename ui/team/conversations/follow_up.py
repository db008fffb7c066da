"""What a conversation leads to: its follow-up items, ticked off in place, and a row that adds
one by keys (what, who, when due in words)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import action_item, dates, due_dates
from iltdesk.models import ActionItem, Author
from ui.kit.fitted_list import FittedList
from ui.kit.roles import RECORD_ID
from ui.kit.style import restyle

# Each starts with its own letter: typing it in the owner box chooses it.
OWNERS = (("The lead", Author.lead), ("Me", Author.principal), ("Both of us", Author.both))
OWNER_WORDS = {Author.lead: "the lead", Author.principal: "me", Author.both: "both of us"}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def follow_up_label(item: ActionItem, today: date) -> str:
    """A follow-up in one line: what, whose, when."""
    due = f", due {dates.list_date(item.due_on, today)}" if item.due_on else ""
    late = " — overdue" if action_item.is_overdue(item, today) else ""
    return f"{item.text}  ({OWNER_WORDS[item.owner]}{due}){late}"


class FollowUpPanel(QObject):
    """The items (Space ticks one done, Delete removes it) and the row adding the next.

    ``add_requested`` asks for the row's item to be added; ``tick_requested`` (item id, done)
    and ``delete_requested`` (item id) for changes to one on the list. The editor writes."""

    add_requested = Signal()
    tick_requested = Signal(int, bool)
    delete_requested = Signal(int)

    def __init__(self, counted_from: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self._counted_from = counted_from  # the day an empty due field counts a week from
        self.items = FittedList("Follow-up items")
        self.items.setAccessibleName("Follow-up items: Space ticks one done, Delete removes it")
        self.items.itemChanged.connect(self._ticked)
        self.items.installEventFilter(self)
        self.text = QLineEdit()
        self.text.setObjectName("FollowUpText")
        self.text.setPlaceholderText("A next step, then Enter")
        self.text.setAccessibleName("New follow-up item")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Who owns the follow-up")
        self.owner.setToolTip("Type its first letter: T, M or B")
        self.owner.addItems([label for label, _ in OWNERS])
        self.owner.installEventFilter(self)  # a closed combo box lets Enter go by
        self.due_field = QLineEdit()
        self.due_field.setObjectName("FollowUpDue")
        self.due_field.setPlaceholderText("in a week")
        self.due_field.setAccessibleName("When the follow-up is due")
        self.due_field.setToolTip("In words or as a date: fri, tomorrow, next week, 12/10")
        self.due_field.setMaximumWidth(130)
        self.due_field.textChanged.connect(self.show_due)
        self.due_shown = QLabel()
        self.due_shown.setObjectName("Hint")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add the follow-up")
        self.add_button.clicked.connect(self.add_requested)
        for field in (self.text, self.due_field):
            field.returnPressed.connect(self.add_requested)

    def build(self) -> QVBoxLayout:
        """The list, the row and, under it, the day the due field means."""
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.owner)
        row.addWidget(self.due_field)
        row.addWidget(self.add_button)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.items)
        column.addLayout(row)
        column.addWidget(self.due_shown)
        return column

    def set_team_item(self, team: bool) -> None:
        """Without a lead the follow-up is the principal's team item: the owner is "Me"."""
        if team:
            self.owner.setCurrentIndex(1)
        self.owner.setEnabled(not team)
        self.owner.setToolTip(
            "A conversation with no lead: its follow-ups are yours"
            if team
            else "Type its first letter: T, M or B"
        )

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

    def chosen_owner(self) -> Author:
        return OWNERS[self.owner.currentIndex()][1]

    def due(self) -> date | None:
        """The date the due field names (a week on when empty); None if it names none."""
        text = self.due_field.text()
        if not text.strip():
            return due_dates.default_due(self._counted_from())
        return due_dates.parse_due(text, date.today())

    def show_due(self) -> None:
        """Say which day the due field means before the item is added."""
        due = self.due()
        if due is None:
            self.due_shown.setText("Not a date I know: try fri, tomorrow, in 2 weeks or 12/10")
            restyle(self.due_shown, "ErrorText")
            return
        default = "  (a week on)" if not self.due_field.text().strip() else ""
        self.due_shown.setText(f"Due {dates.with_weekday(due)}{default}")
        restyle(self.due_shown, "Hint")

    def reset(self) -> None:
        """Empty and due in a week, ready for the next item (the owner stays as chosen)."""
        self.text.clear()
        self.due_field.clear()
        self.show_due()

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
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if watched is self.items and event.key() == Qt.Key.Key_Delete:
            current = self.items.currentItem()
            if current is not None:
                self.delete_requested.emit(int(current.data(RECORD_ID)))
            return True
        if watched is not self.owner:
            return super().eventFilter(watched, event)
        if event.key() in ENTER_KEYS:
            self.add_requested.emit()
            return True
        # A letter chooses the owner it starts (the box's own search joins quick letters).
        letter = event.text().casefold()
        owners = [i for i, (label, _) in enumerate(OWNERS) if label.casefold()[:1] == letter]
        if letter and owners and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.owner.setCurrentIndex(owners[0])
            return True
        return super().eventFilter(watched, event)
