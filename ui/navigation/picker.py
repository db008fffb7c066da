"""The shared shape of the search and go-to dialogs: a field that drives a list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
)


class ListKeys(QObject):
    """Lets a text field drive a list: arrows move the selection, Enter opens it."""

    def __init__(self, field: QLineEdit, view: QListView, on_enter: Callable[[], None]) -> None:
        super().__init__(field)
        self._view = view
        self._on_enter = on_enter
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = Qt.Key(event.key())
        rows = self._view.model().rowCount() if self._view.model() else 0
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -8,
            Qt.Key.Key_PageDown: 8,
        }
        if key in steps:
            current = self._view.currentIndex()
            row = current.row() + steps[key] if current.isValid() else 0
            if rows:
                self._view.setCurrentIndex(self._view.model().index(max(0, min(rows - 1, row)), 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return True
        return False


def picker_layout(
    dialog: QDialog, field: QLineEdit, view: QListView, empty: QLabel, footer: QLabel
) -> QStackedWidget:
    """The shared look of the search and go-to dialogs: a big field, a list, a quiet footer."""
    font = field.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    field.setFont(font)
    field.setTextMargins(6, 4, 6, 4)
    field.setClearButtonEnabled(True)
    # Focus never leaves the field, so typing always searches and arrows always move the list.
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMouseTracking(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    empty.setObjectName("Hint")
    # The quiet states sit in the same panel as the results, so nothing jumps as you type.
    empty.setFrameShape(view.frameShape())
    empty.setFrameShadow(view.frameShadow())
    empty.setAutoFillBackground(True)
    empty.setBackgroundRole(QPalette.ColorRole.Base)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    footer.setObjectName("Hint")
    stack = QStackedWidget()
    stack.addWidget(empty)
    stack.addWidget(view)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(14, 14, 14, 10)
    layout.setSpacing(10)
    layout.addWidget(field)
    layout.addWidget(stack, 1)
    layout.addWidget(footer)
    return stack
