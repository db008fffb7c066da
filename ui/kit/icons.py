"""SVG icons from resources/icons, tinted with the theme's text colour, crisp at any size.

An icon asked for without a colour is drawn when it is painted, in the colour of the look
then on screen, so menus and buttons follow a switch between light and dark.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyle

from iltdesk.paths import resources_dir
from ui.kit.palette import APP_ICON

SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
SP = QStyle.StandardPixmap
# Qt's own stock pictures that the app shows, and the flat icon drawn in their place.
STANDARD = {
    SP.SP_LineEditClearButton: "clear",
    SP.SP_DialogCloseButton: "clear",
    SP.SP_TitleBarCloseButton: "clear",
    SP.SP_ArrowLeft: "back",
    SP.SP_ArrowBack: "back",
    SP.SP_ArrowRight: "forward",
    SP.SP_ArrowForward: "forward",
    SP.SP_MessageBoxInformation: "info",
    SP.SP_MessageBoxQuestion: "question",
    SP.SP_MessageBoxWarning: "warning",
    SP.SP_MessageBoxCritical: "warning",
}


def _colour(mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    """The look's colour for an icon in ``mode``: a selected row's icon sits on the accent,
    so it takes the selection's text colour (dark text on teal was lost in light)."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Normal
    )
    return palette.color(group, QPalette.ColorRole.WindowText).name()


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@cache
def _image(name: str, colour: str, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("@COLOR", colour).encode("utf-8")))
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _icon(name: str, colour: str) -> QIcon:
    return _tinted(name, colour, _colour(QIcon.Mode.Selected))


@cache
def _tinted(name: str, colour: str, selected: str) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(QPixmap.fromImage(_image(name, colour, size)))
        # On a selected row (the accent) in the selection's text colour, as text is.
        icon.addPixmap(QPixmap.fromImage(_image(name, selected, size)), QIcon.Mode.Selected)
    return icon


class _ThemedEngine(QIconEngine):
    """Draws the SVG in the current look's text colour each time it is asked for."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        colour = _colour(mode)
        return QPixmap.fromImage(_image(self.name, colour, side))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        side = round(min(rect.width(), rect.height()) * ratio)
        picture = self.pixmap(QSize(side, side), mode, state)
        painter.drawPixmap(rect, picture)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return _ThemedEngine(self.name)

    def key(self) -> str:
        return "iltdesk-themed"


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon ``name`` (a file in resources/icons), in ``colour`` or the look's text colour
    (then drawn afresh in the new colour when the look changes)."""
    if colour:
        return _icon(name, colour)
    return QIcon(_ThemedEngine(name))


def standard_icon(which: QStyle.StandardPixmap) -> QIcon | None:
    """The flat icon that stands for one of Qt's stock pictures, if the app has one."""
    name = STANDARD.get(which)
    return icon(name) if name else None


def app_icon() -> QIcon:
    """iltdesk's own icon, in its own colours."""
    return _icon("app", APP_ICON)
