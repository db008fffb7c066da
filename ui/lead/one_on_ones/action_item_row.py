"""The row that adds an action item to a 1:1: its text, who owns it, and when it is due in
words ("fri", "in 2 weeks"), with the day those words mean said under the row."""

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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import action_item, dates, due_dates
from iltdesk.models import ActionItem, Author

# Each starts with its own letter: typing it in the owner box chooses it.
OWNERS = (("The lead", Author.lead), ("Me", Author.principal), ("Both of us", Author.both))
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def item_label(item: ActionItem, today: date) -> str:
    """An action item in one line: what, who, when."""
    owner = {"lead": "lead", "principal": "me", "both": "both of us"}[item.owner.value]
    if item.lead_id is None:  # a team item: the ILT's, whoever of it owns it
        owner = "the ILT"
    due = f", due {dates.list_date(item.due_on, today)}" if item.due_on else ""
    late = " — overdue" if action_item.is_overdue(item, today) else ""
    return f"{item.text}  ({owner}{due}){late}"


class ActionItemRow(QObject):
    """Text, owner, due: Enter in any of the three (or Add) asks for the item to be added as
    the row shows it (``add_requested``); the 1:1 adds it and then ``reset()``s the row."""

    add_requested = Signal()

    def __init__(self, held_on: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self._held_on = held_on  # the 1:1's day: an empty due field means a week after it
        self.text = QLineEdit()
        self.text.setPlaceholderText("New action item, then Enter")
        self.text.setAccessibleName("New action item")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Who owns the action item")
        self.owner.setToolTip("Type its first letter: T, M or B")
        self.owner.addItems([label for label, _ in OWNERS])
        self.due_field = QLineEdit()
        self.due_field.setPlaceholderText("in a week")
        self.due_field.setAccessibleName("When the action item is due")
        self.due_field.setToolTip("In words or as a date: fri, tomorrow, next week, 12/10")
        self.due_field.setMaximumWidth(140)
        self.due_field.textChanged.connect(self.show_due)
        self.due_shown = QLabel()
        self.due_shown.setObjectName("Hint")
        for field in (self.text, self.due_field):
            field.returnPressed.connect(self.add_requested)
        self.owner.installEventFilter(self)  # a closed combo box lets Enter go by

    def build(self) -> QVBoxLayout:
        """The row and, under it, the day the due field means."""
        row = QHBoxLayout()
        add = QPushButton("Add")
        add.setAccessibleName("Add the action item")
        add.clicked.connect(self.add_requested)
        row.addWidget(self.text, 1)
        row.addWidget(self.owner)
        row.addWidget(self.due_field)
        row.addWidget(add)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.due_shown)
        return column

    def chosen_owner(self) -> Author:
        """Who the owner box names."""
        return OWNERS[self.owner.currentIndex()][1]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.owner or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if event.key() in ENTER_KEYS:
            self.add_requested.emit()
            return True
        # A letter chooses the owner it starts, whatever was typed a moment before (the
        # box's own search joins letters typed within 0.4 s: "b" then "m" finds nothing).
        letter = event.text().casefold()
        owners = [i for i, (label, _) in enumerate(OWNERS) if label.casefold()[:1] == letter]
        if letter and owners and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.owner.setCurrentIndex(owners[0])
            return True
        return super().eventFilter(watched, event)

    def due(self) -> date | None:
        """The date the due field names (a week after the 1:1 when empty); None if none."""
        text = self.due_field.text()
        if not text.strip():
            return due_dates.default_due(self._held_on())
        return due_dates.parse_due(text, date.today())

    def show_due(self) -> None:
        """Say which day the due field means before the item is added."""
        due = self.due()
        if due is None:
            self.due_shown.setText("Not a date I know: try fri, tomorrow, in 2 weeks or 12/10")
            self.due_shown.setObjectName("ErrorText")
        else:
            when = dates.with_weekday(due)
            default = "  (a week after the 1:1)" if not self.due_field.text().strip() else ""
            self.due_shown.setText(f"Due {when}{default}")
            self.due_shown.setObjectName("Hint")
        self.due_shown.style().polish(self.due_shown)

    def reset(self) -> None:
        """Empty, owned by the lead, due in a week: ready for the next item."""
        self.text.clear()
        self.owner.setCurrentIndex(0)
        self.due_field.clear()
        self.show_due()
