"""A lead's energy: a small trend line drawn with QPainter, and the form to record a check."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget

LEVEL_WORDS = {1: "depleted", 2: "strained", 3: "steady", 4: "good", 5: "energised"}


class EnergySparkline(QWidget):
    """Levels 1–5 over time; crisp at any size, readable in light and dark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[tuple[date, int], ...] = ()
        self.setMinimumSize(180, 56)
        self.setToolTip("Energy checks, oldest to newest (1 depleted … 5 energised)")

    def sizeHint(self) -> QSize:
        return QSize(260, 64)

    def set_points(self, points: tuple[tuple[date, int], ...]) -> None:
        """Show these (date, level) points."""
        self.points = points
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        grid = QColor(self.palette().mid().color())
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for level in (1, 3, 5):
            y = self._y(area, level)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        if not self.points:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No energy checks yet")
            return
        step = area.width() / max(len(self.points) - 1, 1)
        single = len(self.points) == 1
        dots = [
            QPointF(area.center().x() if single else area.left() + i * step, self._y(area, lvl))
            for i, (_, lvl) in enumerate(self.points)
        ]
        accent = self.palette().highlight().color()
        painter.setPen(QPen(accent, 2))
        for a, b in itertools.pairwise(dots):
            painter.drawLine(a, b)
        painter.setBrush(accent)
        for dot, (_, level) in zip(dots, self.points, strict=True):
            painter.setPen(QPen(QColor("#c0392b") if level <= 2 else accent, 1))
            painter.drawEllipse(dot, 3.5, 3.5)

    @staticmethod
    def _y(area: QRectF, level: int) -> float:
        return area.bottom() - (level - 1) / 4 * area.height()


class EnergyForm(QWidget):
    """Record today's energy check: a level and a short note."""

    recorded = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = QSpinBox()
        self.level.setRange(1, 5)
        self.level.setValue(3)
        self.level.setPrefix("Energy ")
        self.level.setToolTip("1 depleted · 2 strained · 3 steady · 4 good · 5 energised")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What you noticed (load, mood, what's draining or lifting)")
        self.note.returnPressed.connect(self._record)
        button = QPushButton("Record")
        button.clicked.connect(self._record)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.level)
        layout.addWidget(self.note, 1)
        layout.addWidget(button)

    def _record(self) -> None:
        self.recorded.emit(self.level.value(), self.note.text().strip())
        self.note.clear()
