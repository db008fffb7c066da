"""Energy over time, 1 (depleted) to 5 (energised): a trend line drawn with QPainter, the same
for a lead's checks and the principal's own."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from iltdesk.principal import LEVEL_WORDS
from ui.kit import theme

__all__ = ["DOT_PEN", "DOT_RADIUS", "DOT_ROOM", "LEVEL_WORDS", "MARGIN", "EnergySparkline"]

MARGIN = 6  # around the guide lines
DOT_RADIUS, DOT_PEN = 3.5, 1.0
DOT_ROOM = DOT_RADIUS + DOT_PEN  # from a guide line's end to the nearest dot's centre


class EnergySparkline(QWidget):
    """Levels 1–5 over time; crisp at any size, readable in light and dark."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        tip: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.points: tuple[tuple[date, int], ...] = ()
        self.setMinimumSize(180, 56)
        if tip is None:
            tip = self.tr("Energy checks, oldest to newest (1 depleted … 5 energised)")
        self.setToolTip(tip)

    def sizeHint(self) -> QSize:
        return QSize(260, 64)

    def set_points(self, points: tuple[tuple[date, int], ...]) -> None:
        """Show these (date, level) points."""
        self.points = points
        self.update()

    def grid_area(self) -> QRectF:
        """Where the guide lines run: the widget less a margin."""
        return QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def dot_centres(self) -> list[QPointF]:
        """Where each check's dot goes, oldest on the left. The dots sit a radius inside the
        guide lines, so the first and the last are whole, never cut by the edge."""
        area = self.grid_area()
        inner = area.adjusted(DOT_ROOM, DOT_ROOM, -DOT_ROOM, -DOT_ROOM)
        if len(self.points) == 1:
            return [QPointF(inner.center().x(), self._y(inner, self.points[0][1]))]
        step = inner.width() / max(len(self.points) - 1, 1)
        return [
            QPointF(inner.left() + i * step, self._y(inner, level))
            for i, (_, level) in enumerate(self.points)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.grid_area()
        inner = area.adjusted(0, DOT_ROOM, 0, -DOT_ROOM)
        grid = QColor(self.palette().mid().color())
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for level in (1, 3, 5):
            y = self._y(inner, level)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        if not self.points:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No energy checks yet"))
            return
        dots = self.dot_centres()
        accent = self.palette().highlight().color()
        painter.setPen(QPen(accent, 2))
        for a, b in itertools.pairwise(dots):
            painter.drawLine(a, b)
        painter.setBrush(accent)
        for dot, (_, level) in zip(dots, self.points, strict=True):
            painter.setPen(QPen(QColor(theme.colour("error")) if level <= 2 else accent, DOT_PEN))
            painter.drawEllipse(dot, DOT_RADIUS, DOT_RADIUS)

    @staticmethod
    def _y(area: QRectF, level: int) -> float:
        return area.bottom() - (level - 1) / 4 * area.height()
