"""Light and dark looks: Fusion with a palette, plus a small style sheet from resources/.

The look is chosen in Settings (System, Light or Dark, and a text size) and applied live;
System follows the computer when it switches. ``ILTDESK_THEME=light|dark`` still overrides
the choice, for tests and tools that need one look whatever is saved. Widgets that draw
with theme colours read them when they paint (``colour()``, ``is_dark()``) or listen to
``notifier().changed``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

from iltdesk.paths import resources_dir
from ui.kit import icons, preferences
from ui.kit.palette import LOOKS, QT_ROLES

ENVIRONMENT = "ILTDESK_THEME"
# How much bigger than the computer's own font each text size is.
TEXT_SCALE = {"small": 0.9, "normal": 1.0, "large": 1.15, "larger": 1.3}
_ROLES = QPalette.ColorRole
# The palette roles of each look, as ``QPalette.ColorRole`` (values from ui.kit.palette).
PALETTES: dict[bool, dict[QPalette.ColorRole, str]] = {
    dark: {getattr(_ROLES, role): value for role, value in roles.items()}
    for dark, roles in QT_ROLES.items()
}
FOCUS_RING = 2  # px, as the style sheet's ring on text fields


class _Notifier(QObject):
    changed = Signal()  # after a new look (theme or text size) is applied


_notifier: _Notifier | None = None
_system_scheme: Qt.ColorScheme | None = None  # the computer's, as last reported
_chosen = {"theme": "", "text_size": ""}  # applied now (Settings may preview unsaved ones)


def notifier() -> _Notifier:
    """``notifier().changed`` fires once a new look is on screen."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def system_is_dark() -> bool:
    """The computer's own colour scheme (as the last change reported it)."""
    scheme = _system_scheme
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return scheme == Qt.ColorScheme.Dark


def wants_dark(theme: str | None = None) -> bool:
    """Whether ``theme`` (or the saved choice) means dark: the environment variable first."""
    wanted = os.environ.get(ENVIRONMENT, "").lower()
    if wanted in {"dark", "light"}:
        return wanted == "dark"
    theme = theme or _chosen["theme"] or preferences.theme()
    if theme in {"dark", "light"}:
        return theme == "dark"
    return system_is_dark()


def is_dark() -> bool:
    """Whether the dark look is on screen: the one answer every widget asks."""
    app = QApplication.instance()
    applied = app.property("iltdesk_dark") if app is not None else None
    return bool(applied) if applied is not None else wants_dark()


def colour(name: str) -> str:
    """A named colour of the look on screen ('accent', 'error', 'focus'... see
    ``ui.kit.palette.LOOKS``)."""
    return LOOKS[is_dark()][name]


def palette(dark: bool) -> QPalette:
    """The application palette of one look."""
    p = QPalette()
    for role, value in PALETTES[dark].items():
        p.setColor(role, QColor(value))
    for role in (_ROLES.Text, _ROLES.WindowText, _ROLES.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(LOOKS[dark]["disabled_text"]))
    return p


def style_sheet(dark: bool, scale: float = 1.0) -> str:
    """resources/style.qss with the look's colours in and its font sizes scaled."""
    sheet = resources_dir() / "style.qss"
    if not sheet.exists():
        return ""
    text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"@([A-Z_]+)", lambda m: LOOKS[dark][m.group(1).lower()], text)
    return scale_font_sizes(text, scale)


def scale_font_sizes(sheet: str, scale: float) -> str:
    """``sheet`` with each ``font-size: Npx`` at the text size (px sizes ignore the app font)."""
    return re.sub(
        r"font-size:\s*(\d+)px", lambda m: f"font-size: {round(int(m.group(1)) * scale)}px", sheet
    )


class _Restyler(QObject):
    """Writes a widget's own style sheet again whenever the look changes. A child of the
    widget, so the connection goes when the widget does."""

    def __init__(self, widget: QWidget, build: Callable[[], str]) -> None:
        super().__init__(widget)
        self._widget, self._build = widget, build
        notifier().changed.connect(self.restyle)
        self.restyle()

    @Slot()
    def restyle(self) -> None:
        self._widget.setStyleSheet(scale_font_sizes(self._build(), text_scale()))


def live_style(widget: QWidget, build: Callable[[], str]) -> None:
    """Give ``widget`` the style sheet ``build()`` writes (its colours read from the look on
    screen, its px font sizes scaled to the text size), and write it again on each change of
    look: a sheet set once keeps the colours and sizes of the look it was built in."""
    _Restyler(widget, build)


class AppStyle(QProxyStyle):
    """Fusion, with the app's flat icons instead of Qt's stock pictures, and a name for text
    fields that have only a placeholder (as browsers do), so a screen reader says something."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def standardIcon(
        self,
        which: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        flat = icons.standard_icon(which)
        return flat if flat is not None else super().standardIcon(which, option, widget)

    def styleHint(self, hint: QStyle.StyleHint, *args: object) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0  # stock Save/Cancel pictures beside the flat icons looked out of place
        return int(super().styleHint(hint, *args))  # type: ignore[arg-type]

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        # A date box with a calendar is drawn as a combo box.
        spin = isinstance(widget, QAbstractSpinBox)
        if focused and (control == QStyle.ComplexControl.CC_SpinBox or spin):
            # The focus ring the style sheet gives other fields (see resources/style.qss).
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(QColor(colour("focus")), FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
            painter.restore()

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        # Fusion outlines a check box in the window colour darkened, lost on dark (1:1) and
        # faint on light: draw it in the edge colour (3:1), bar a keyboard focus ring. Item
        # views' check boxes (a table's Done column) come here too, through proxy().
        ring = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox or option.state & ring == ring:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor(colour("edge")), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def polish(self, target: object) -> object:  # type: ignore[override]
        if isinstance(target, QLineEdit | QTextEdit | QPlainTextEdit):
            _name_from_placeholder(target)
        return super().polish(target)  # type: ignore[call-overload]


def _name_from_placeholder(widget: QLineEdit | QTextEdit | QPlainTextEdit) -> None:
    if widget.accessibleName() or not widget.placeholderText():
        return
    face = QAccessible.queryAccessibleInterface(widget)
    if face is not None and face.text(QAccessible.Text.Name).strip():
        return  # a buddy label names it
    widget.setAccessibleName(widget.placeholderText())


def _base_point_size(app: QApplication) -> float:
    """The computer's font size, remembered before the app first scales it."""
    base = app.property("iltdesk_base_pt")
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty("iltdesk_base_pt", base)
    return float(base)


def apply(app: QApplication, *, theme: str | None = None, text_size: str | None = None) -> None:
    """Give the application its look: the saved choice, or ``theme``/``text_size`` (words
    from ui.kit.preferences) as Settings previews them. Live: no restart needed."""
    _chosen["theme"] = theme or preferences.theme()
    _chosen["text_size"] = text_size or preferences.text_size()
    dark = wants_dark(_chosen["theme"])
    scale = TEXT_SCALE[_chosen["text_size"]]
    font = app.font()
    font.setPointSizeF(round(_base_point_size(app) * scale, 1))
    if not isinstance(app.style(), AppStyle):
        app.setStyle(AppStyle())
    app.setProperty("iltdesk_dark", dark)  # before repainting, so widgets see the new look
    app.setPalette(palette(dark))
    app.setFont(font)
    app.setStyleSheet(style_sheet(dark, scale))
    _follow_system(app)
    notifier().changed.emit()


def text_scale() -> float:
    """How much bigger than the computer's font the app's text is now."""
    return TEXT_SCALE.get(_chosen["text_size"] or preferences.text_size(), 1.0)


def on_colour_scheme_changed(scheme: Qt.ColorScheme) -> None:
    """The computer switched between light and dark: follow it if the choice is System."""
    global _system_scheme
    _system_scheme = scheme
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property("iltdesk_dark") is None:
        return  # no look applied yet: the first apply() reads the scheme
    if (_chosen["theme"] or preferences.theme()) == "system" and wants_dark() != is_dark():
        apply(app, theme=_chosen["theme"] or None, text_size=_chosen["text_size"] or None)


def _follow_system(app: QApplication) -> None:
    if app.property("iltdesk_follows_system"):
        return
    QGuiApplication.styleHints().colorSchemeChanged.connect(on_colour_scheme_changed)
    app.setProperty("iltdesk_follows_system", True)


def highlight_colour() -> str:
    """The background for highlighted search terms, readable in either theme."""
    return colour("highlight")
