"""The Team overview's lists of records and the cards that hold them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from ui.kit.rich_delegate import HtmlRoleDelegate
from ui.kit.roles import RECORD_ID


class RecordRows(QListWidget):
    """A list of records: Enter opens one (``activated``), Delete asks to remove it."""

    delete_pressed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setItemDelegate(HtmlRoleDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows wrap to the list's width: each is measured again when that width changes, or
        # rows measured before the page was laid out overlap the next.
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMinimumHeight(150)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current_id():
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def select(self, record_id: int) -> bool:
        for row in range(self.count()):
            if self.item(row).data(RECORD_ID) == record_id:
                self.setCurrentRow(row)
                return True
        return False

    def current_id(self) -> int | None:
        item = self.currentItem()
        found = item.data(RECORD_ID) if item is not None else None
        return int(found) if found is not None else None


def card(title: str, *widgets: QWidget | QHBoxLayout) -> QFrame:
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 16)
    heading = QLabel(title)
    heading.setObjectName("SectionTitle")
    heading.setStyleSheet("margin-top: 0")
    layout.addWidget(heading)
    for widget in widgets:
        if isinstance(widget, QHBoxLayout):
            layout.addLayout(widget)
        else:
            layout.addWidget(widget)
    return frame
