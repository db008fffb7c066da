"""A window's first size: what it wants, within the screen it opens on (a 1024x700 screen
once cut off the buttons of dialogs sized for a larger one)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Left for the window's frame and title bar, and the desktop's own panels.
MARGIN_WIDE, MARGIN_HIGH = 40, 60


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or less where its screen is smaller."""
    room = window.screen().availableGeometry()
    window.resize(min(width, room.width() - MARGIN_WIDE), min(height, room.height() - MARGIN_HIGH))
