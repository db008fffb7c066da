"""A one-line label that gives way: it shows what fits, with "…", and the rest in its tooltip.

A long lead name, role or challenge title must never make the window wider than the screen:
a plain QLabel's minimum width is its whole text, and a page's minimum becomes the window's.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStyle, QStyleOption, QWidget

MIN_CHARS = 8  # at its narrowest, the label still shows this many average characters


class ElidedLabel(QLabel):
    """One line of plain text, elided on the right when the label is narrower than the text.

    ``text()`` is always the whole text; the tooltip holds it whenever part of it is hidden.
    Its width hint is the whole text (it takes the room there is), its minimum a few
    characters (it never forces its page wider).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self._own_tooltip = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(" ".join(text.split()))  # one line, whatever was typed
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().averageCharWidth() * MIN_CHARS
        margins = self.contentsMargins()
        return QSize(min(hint.width(), narrow + margins.left() + margins.right()), hint.height())

    def shown_text(self) -> str:
        """What fits in the label now (the whole text, or its start and "…")."""
        width = self.contentsRect().width() - 2 * self.margin() - 2 * max(0, self.indent())
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        # Only a tooltip this label set itself is replaced: a caller's own tooltip stays.
        if self.toolTip() not in ("", self._own_tooltip):
            return
        self._own_tooltip = self.text() if self.is_elided() else ""
        self.setToolTip(self._own_tooltip)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        self.drawFrame(painter)
        rect = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
