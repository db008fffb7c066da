"""How a page's parts look: field labels, hints, the accent, and roles a style sheet colours.

Every colour comes from ``ui.kit.palette`` (through ``ui.kit.theme``): this module only asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.kit import theme

# Dialogs of the window: a title bar with a close button, no minimise or maximise.
DIALOG_FLAGS = (
    Qt.WindowType.Dialog
    | Qt.WindowType.CustomizeWindowHint
    | Qt.WindowType.WindowTitleHint
    | Qt.WindowType.WindowCloseButtonHint
)


def accent() -> str:
    """The theme's accent (filled buttons, the current card's outline), read when asked."""
    return theme.colour("accent")


def accent_text() -> str:
    """The accent as text on the page's background (lighter in the dark look, to be read)."""
    return theme.colour("accent_text")


def page_style() -> str:
    """Style for the cycle, observation, challenge and self-check pages.

    Empty now: the cards' rules live in resources/style.qss, so that they follow a change
    of look (a sheet set on a page would keep the colours of the look it was built in).
    Kept so that pages may still add their own rules after it.
    """
    return ""


def mark_missing(widget: QWidget, missing: bool) -> None:
    """Outline a field the cycle still needs before it can close."""
    if bool(widget.property("missing")) == missing:
        return
    widget.setProperty("missing", missing)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def restyle(widget: QWidget, object_name: str) -> None:
    """Switch a widget to another style-sheet role (Hint, ErrorText...) and redraw it so."""
    widget.setObjectName(object_name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    """A bold label above a field; with ``buddy``, it names the field for screen readers."""
    label = QLabel(text)
    label.setObjectName("FieldLabel")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def hint(text: str = "") -> QLabel:
    """Quiet explanatory text that wraps."""
    label = QLabel(text)
    label.setObjectName("Hint")
    label.setWordWrap(True)
    return label


def error_line() -> QLabel:
    """Where a dialog says, in one line, why it did not save; hidden until it does."""
    label = QLabel()
    label.setObjectName("ErrorText")
    label.setWordWrap(True)
    label.hide()
    return label


def overdue_colour() -> str:
    """The warm red for overdue things, in the look on screen (4.5:1 on its background)."""
    return theme.colour("overdue")
