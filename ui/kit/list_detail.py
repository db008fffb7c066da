"""The shape of the record tabs (a button and a list on the left, the open record on the right),
and a list that is as tall as its rows."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# The list gives way first: at 1024 pixels the open record needs the room more.
LIST_WIDTH, DETAIL_WIDTH = 230, 830


def list_detail_layout(
    owner: QWidget, button: QWidget, items: QWidget, detail: QWidget, empty: QWidget
) -> QStackedWidget:
    """Lay ``owner`` out; returns the stack that shows ``empty`` or ``detail`` on the right."""
    stack = QStackedWidget()
    stack.addWidget(empty)
    stack.addWidget(detail)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 8, 0, 0)
    left_layout.addWidget(button)
    left_layout.addWidget(items, 1)
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(stack)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([LIST_WIDTH, DETAIL_WIDTH])
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    return stack


class FittedList(QListWidget):
    """A list as tall as its rows (up to ``max_rows``), so a short list is a short box.

    Its height is a hint, not a fixed size: in a short window it still shrinks and scrolls,
    so it never makes the window taller than the screen.
    """

    def __init__(self, max_rows: int = 6, min_height: int = 48) -> None:
        super().__init__()
        self.max_rows, self.min_height = max_rows, min_height
        self._width = 0
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap the rows on resize
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.model().rowsInserted.connect(self.updateGeometry)
        self.model().rowsRemoved.connect(self.updateGeometry)
        self.model().modelReset.connect(self.updateGeometry)

    def rows_height(self) -> int:
        """The height the first ``max_rows`` rows need at the list's present width."""
        shown = min(self.count(), self.max_rows)
        return sum(self.sizeHintForRow(row) for row in range(shown))

    def sizeHint(self) -> QSize:
        height = max(self.rows_height(), self.min_height) + 2 * self.frameWidth() + 2
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.min_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            # Rows wrap, so their height follows the width: measure once the width settled.
            self._width = event.size().width()
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self.doItemsLayout()  # the rows' cached heights were measured at the old width
        self.updateGeometry()
