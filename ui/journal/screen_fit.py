"""A tall dialog on a short screen: its sections scroll, its buttons stay in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget


def fit_in_screen(dialog: QDialog, body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area, and ``dialog`` sized to show all of it where the
    screen is tall enough, else as much as fits (Settings grew past a 700-pixel screen)."""
    scroll = QScrollArea()
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    wanted = body.sizeHint()
    scroll.setMinimumWidth(wanted.width() + scroll.verticalScrollBar().sizeHint().width())
    room = dialog.screen().availableGeometry().height() - 120  # buttons, margins, title bar
    scroll.setMinimumHeight(min(wanted.height(), max(room, 300)))
    return scroll
