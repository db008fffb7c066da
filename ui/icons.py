"""SVG icons from resources/icons, tinted with the theme's text colour, crisp at any size."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from iltdesk.paths import resources_dir

SIZES = (16, 20, 24, 32, 48, 64, 128, 256)


def _colour() -> str:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.WindowText).name()


@cache
def _icon(name: str, colour: str) -> QIcon:
    svg = (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("@COLOR", colour).encode("utf-8")))
    icon = QIcon()
    for size in SIZES:
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon ``name`` (a file in resources/icons), in ``colour`` or the theme's text colour."""
    return _icon(name, colour or _colour())


def app_icon() -> QIcon:
    """iltdesk's own icon, in its own colours."""
    return _icon("app", "#000000")
