"""A list as tall as its rows, for the short lists of a page (a 1:1's agenda, open items,
action items)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QSizePolicy, QStyleOptionViewItem

LIST_ROWS = (2, 8)  # a list shows at least this many rows, and grows up to the second


class FittedList(QListWidget):
    """A list as tall as its rows (between ``LIST_ROWS``), so its items can be read without
    scrolling a box the size of one line."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        least, most = LIST_ROWS
        rows = [self._row_height(r) for r in range(min(self.count(), most))]
        empty_row = self.fontMetrics().lineSpacing() + 6
        height = sum(rows) + max(0, least - len(rows)) * empty_row
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _row_height(self, row: int) -> int:
        """The row's height wrapped at the list's width now (the view's own cached sizes
        lag a resize by a moment)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, max(1, self.viewport().width()), 1)
        hint = self.itemDelegate().sizeHint(option, self.model().index(row, 0))
        return hint.height() + 2 * self.spacing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped rows change height with the width
