"""The four phases of a learning cycle drawn as numbered steps on a line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from ui.kit import theme
from ui.kit.style import accent

LABEL_PADDING = 4  # between one step's title and the next


class StepIndicator(QWidget):
    """The four phases as numbered dots on a line; the current one is filled and ringed."""

    step_clicked = Signal(int)
    DOT = 26

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles = titles
        self.current = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # As tall as its titles need at the width it gets: "Practice, observation and
        # feedback" takes three lines in a narrow window, and is never cut off.
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip(self.tr("Click a phase to go to its part of the page"))

    def set_step(self, current: int) -> None:
        """Mark phase ``current`` (0-based) as where the cycle is; len(titles) means all done."""
        self.current = current
        if current >= len(self.titles):
            where = self.tr("All four phases done; the cycle is closed")
        else:
            where = self.tr("Phase {number} of {count}: {title}").format(
                number=current + 1, count=len(self.titles), title=self.titles[current]
            )
        self.setAccessibleName(where)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, self.heightForWidth(560))

    def minimumSizeHint(self) -> QSize:
        # Room for each title's longest word: titles wrap between words, never inside one.
        words = [word for title in self.titles for word in title.split()]
        widest = max((self._bold_metrics().horizontalAdvance(w) for w in words), default=0)
        width = len(self.titles) * (widest + 2 * LABEL_PADDING + 4)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(self.DOT + 14 + self._labels_height(width) + 4)

    def _bold_metrics(self) -> QFontMetrics:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)  # the current step's title is the widest
        return QFontMetrics(font)

    def _labels_height(self, width: int) -> int:
        """The height of the tallest title, wrapped in its share of ``width``."""
        box = QRect(0, 0, max(1, int(width / len(self.titles)) - 2 * LABEL_PADDING), 10_000)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        metrics = self._bold_metrics()
        return max(metrics.boundingRect(box, flags, title).height() for title in self.titles)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        width = self.width() / len(self.titles)
        self.step_clicked.emit(min(int(event.position().x() // width), len(self.titles) - 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        colours = {
            "accent": QColor(accent()),
            "on_accent": QColor(theme.colour("on_accent")),  # the tick and number on a dot
            "line": pal.color(QPalette.ColorRole.Mid),
            "muted": pal.color(QPalette.ColorRole.PlaceholderText),
            "text": pal.color(QPalette.ColorRole.WindowText),
            "base": pal.color(QPalette.ColorRole.Base),
        }
        width = self.width() / len(self.titles)
        for i in range(len(self.titles)):
            centre = QPointF(width * i + width / 2, self.DOT / 2 + 4)
            if i:
                self._connector(
                    painter, centre, width, colours["accent" if i <= self.current else "line"]
                )
            self._dot(painter, i, centre, colours)
            box = QRectF(
                width * i + LABEL_PADDING,
                self.DOT + 10,
                width - 2 * LABEL_PADDING,
                self.height() - self.DOT - 10,
            )
            self._label(painter, i, box, colours)
        painter.end()

    def _connector(self, painter: QPainter, centre: QPointF, width: float, colour: QColor) -> None:
        gap = self.DOT / 2 + 6
        painter.setPen(QPen(colour, 2))
        painter.drawLine(
            QPointF(centre.x() - width + gap, centre.y()), QPointF(centre.x() - gap, centre.y())
        )

    def _dot(self, painter: QPainter, i: int, centre: QPointF, colours: dict[str, QColor]) -> None:
        radius = self.DOT / 2
        if i == self.current:
            ring = QColor(colours["accent"])
            ring.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ring)
            painter.drawEllipse(centre, radius + 4, radius + 4)
        if i <= self.current:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours["accent"])
        else:
            painter.setPen(QPen(colours["muted"], 1.5))
            painter.setBrush(colours["base"])
        painter.drawEllipse(centre, radius, radius)
        if i < self.current:
            path = QPainterPath(QPointF(centre.x() - 6, centre.y()))
            path.lineTo(centre.x() - 1.5, centre.y() + 4.5)
            path.lineTo(centre.x() + 6.5, centre.y() - 4.5)
            tick = QPen(colours["on_accent"], 2.4)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            return
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(colours["on_accent"] if i == self.current else colours["muted"])
        box = QRectF(centre.x() - radius, centre.y() - radius, self.DOT, self.DOT)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(i + 1))

    def _label(self, painter: QPainter, i: int, box: QRectF, colours: dict[str, QColor]) -> None:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold if i == self.current else QFont.Weight.Normal)
        painter.setFont(font)
        painter.setPen(colours["muted"] if i > self.current else colours["text"])
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(box, int(flags), self.titles[i])
