"""A conversation's notes box: as tall as what is written in it (between its starting height
and a cap), so a written plan reads whole in the page that scrolls, not in a three-line
window with a scroll bar of its own."""

from __future__ import annotations

from PySide6.QtCore import QSizeF

from ui.kit.markdown_edit import MarkdownEdit

MAX_HEIGHT = 360  # beyond this a very long note scrolls inside its box


class GrowingNotes(MarkdownEdit):
    """Markdown notes whose box follows the length of the text."""

    def __init__(self, height: int, placeholder: str) -> None:
        super().__init__(placeholder=placeholder)
        self.least = height
        self.setFixedHeight(height)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self, size: QSizeF) -> None:
        frame = self.height() - self.viewport().height()
        wanted = int(size.height()) + frame + 2
        self.setFixedHeight(min(max(wanted, self.least), MAX_HEIGHT))
