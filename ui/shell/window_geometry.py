"""Where the main window opens: the size and place it had when it was last let go, else a size
that fits the screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.kit.preferences import private_settings

KEY = "window/geometry"


def default_size(window: QWidget) -> QSize:
    """1240×800, or 90% of the screen's free area where that is smaller (1366×768 laptops)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1240, 800)
    free = screen.availableGeometry().size()
    return QSize(min(1240, free.width() * 9 // 10), min(800, free.height() * 9 // 10))


def restore_geometry(window: QWidget) -> None:
    """The size and place kept by ``keep_geometry``, if any."""
    geometry = private_settings().value(KEY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)


def keep_geometry(window: QWidget) -> None:
    """Keep ``window``'s size and place for the next time it opens."""
    settings = private_settings()
    settings.setValue(KEY, window.saveGeometry())
    settings.sync()
