"""The shape of the record tabs: a button and a list on the left, the open record on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

LIST_WIDTH, DETAIL_WIDTH = 270, 830


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
