"""The row that adds an action item: its text, who owns it, and when it is due in words
("fri", "in 2 weeks"), with the day those words mean said under the row. A 1:1 adds its next
steps with it, a difficult conversation its follow-ups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
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

from iltdesk import dates, due_dates
from iltdesk.models import Author
from ui.kit.style import restyle
from ui.kit.translation import QT_TRANSLATE_NOOP

# Each starts with its own letter: typing it in the owner box chooses it.
OWNERS = (
    (QT_TRANSLATE_NOOP("action_item_row", "The lead"), Author.lead),
    (QT_TRANSLATE_NOOP("action_item_row", "Me"), Author.principal),
    (QT_TRANSLATE_NOOP("action_item_row", "Both of us"), Author.both),
)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class RowWords:
    """What a row calls the item it adds, and the day an empty due field counts from."""

    placeholder: str  # in the empty text field
    item: str  # "action item": names the fields for a screen reader
    counted_from: str  # "the 1:1": an empty due field means a week after it


def one_on_one_words() -> RowWords:
    """A 1:1's row: it adds action items, due a week after the 1:1 unless told."""
    return RowWords(
        QCoreApplication.translate("action_item_row", "New action item, then Enter"),
        QCoreApplication.translate("action_item_row", "action item"),
        QCoreApplication.translate("action_item_row", "a week after the 1:1"),
    )


class ActionItemRow(QObject):
    """Text, owner, due: Enter in any of the three (or Add) asks for the item to be added as
    the row shows it (``add_requested``); the owner of the row adds it, then ``reset()``s it.
    ``counted_from`` gives the day an empty due field counts a week from."""

    add_requested = Signal()

    def __init__(
        self, counted_from: Callable[[], date], parent: QWidget, words: RowWords | None = None
    ) -> None:
        super().__init__(parent)
        words = words or one_on_one_words()
        self._counted_from, self.words = counted_from, words
        self.text = QLineEdit()
        self.text.setPlaceholderText(words.placeholder)
        self.text.setAccessibleName(self.tr("New {item}").format(item=words.item))
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Who owns the {item}").format(item=words.item))
        self.owner.setToolTip(self.tr("Type its first letter: T, M or B"))
        self.owner.addItems(
            [QCoreApplication.translate("action_item_row", label) for label, _ in OWNERS]
        )
        self.due_field = QLineEdit()
        self.due_field.setPlaceholderText(self.tr("in a week"))
        self.due_field.setAccessibleName(self.tr("When the {item} is due").format(item=words.item))
        self.due_field.setToolTip(self.tr("In words or as a date: fri, tomorrow, next week, 12/10"))
        self.due_field.setMaximumWidth(140)
        self.due_field.textChanged.connect(self.show_due)
        self.due_shown = QLabel()
        self.due_shown.setObjectName("Hint")
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the {item}").format(item=words.item))
        self.add_button.clicked.connect(self.add_requested)
        for field in (self.text, self.due_field):
            field.returnPressed.connect(self.add_requested)
        self.owner.installEventFilter(self)  # a closed combo box lets Enter go by

    def row(self) -> QHBoxLayout:
        """Text, owner, due and Add, side by side."""
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.owner)
        row.addWidget(self.due_field)
        row.addWidget(self.add_button)
        return row

    def build(self) -> QVBoxLayout:
        """The row and, under it, the day the due field means."""
        column = QVBoxLayout()
        column.addLayout(self.row())
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
        owners = [
            i
            for i, (label, _) in enumerate(OWNERS)
            if QCoreApplication.translate("action_item_row", label).casefold()[:1] == letter
        ]
        if letter and owners and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.owner.setCurrentIndex(owners[0])
            return True
        return super().eventFilter(watched, event)

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
            self.due_shown.setText(
                self.tr("Not a date I know: try fri, tomorrow, in 2 weeks or 12/10")
            )
            restyle(self.due_shown, "ErrorText")
            return
        day = dates.with_weekday(due)
        if self.due_field.text().strip():
            said = self.tr("Due {value}").format(value=day)
        else:
            said = self.tr("Due {value}  ({counted_from})").format(
                value=day, counted_from=self.words.counted_from
            )
        self.due_shown.setText(said)
        restyle(self.due_shown, "Hint")

    def reset(self, *, keep_owner: bool = False) -> None:
        """Empty and due in a week, ready for the next item; owned by the lead again unless
        ``keep_owner``."""
        self.text.clear()
        if not keep_owner:
            self.owner.setCurrentIndex(0)
        self.due_field.clear()
        self.show_due()
