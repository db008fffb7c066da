"""One team data point over time: a small line chart drawn with QPainter, in the style of the
energy chart. Readings sit at their dates (a gap in time is a gap on the line), the axis says
the unit, and the chart says in words what it draws for a screen reader."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from iltdesk import dates
from iltdesk.teacher_team_data import fell_twice, number_words, value_words
from ui.kit import theme
from ui.kit.translation import QT_TRANSLATE_NOOP

MARGIN = 6
DOT_RADIUS, DOT_PEN = 3.5, 1.0
DOT_ROOM = DOT_RADIUS + DOT_PEN
EMPTY = QT_TRANSLATE_NOOP("chart", "No readings yet")


def chart_words(name: str, unit: str, points: tuple[tuple[date, float], ...]) -> str:
    """What the chart shows, in a sentence: its readings oldest first, and a fall if there is
    one."""
    if not points:
        return QCoreApplication.translate("chart", "{name}: no readings yet.").format(name=name)
    on_day = QCoreApplication.translate("chart", "{value} on {day}")
    readings = ", ".join(
        on_day.format(value=value_words(v, unit), day=dates.short(d)) for d, v in points
    )
    if fell_twice([v for _, v in points]):
        sentence = QCoreApplication.translate(
            "chart", "{name}: {readings}. It fell twice in a row."
        )
    else:
        sentence = QCoreApplication.translate("chart", "{name}: {readings}.")
    return sentence.format(name=name, readings=readings)


class DataChart(QWidget):
    """A data point's readings by date; the last two steps drawn in the error colour when it
    fell twice in a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[tuple[date, float], ...] = ()
        self.unit = ""
        self.setMinimumSize(220, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the readings' words sit beside it

    def sizeHint(self) -> QSize:
        return QSize(420, 120)

    def set_points(self, name: str, unit: str, points: tuple[tuple[date, float], ...]) -> None:
        """Show these (date, value) readings, oldest first, measured in ``unit``."""
        self.points, self.unit = points, unit
        self.setAccessibleName(self.tr("Chart of {name}").format(name=name))
        self.setAccessibleDescription(chart_words(name, unit, points))
        self.setToolTip(chart_words(name, unit, points))
        self.update()

    # -- geometry --------------------------------------------------------------------------

    def _axis_width(self) -> int:
        metrics = QFontMetrics(self.font())
        labels = [number_words(v) for v in self._range()] if self.points else ["0"]
        return max(metrics.horizontalAdvance(text) for text in labels) + 6

    def _range(self) -> tuple[float, float]:
        values = [v for _, v in self.points]
        low, high = min(values), max(values)
        if low == high:  # one level: give it room above and below
            return (low - 1, high + 1) if low else (0.0, 1.0)
        return (min(low, 0.0) if low >= 0 and low < high / 3 else low, high)

    def plot_area(self) -> QRectF:
        """Where the line runs: right of the value labels, above the dates, below the unit."""
        line = QFontMetrics(self.font()).height()
        return QRectF(self.rect()).adjusted(
            MARGIN + self._axis_width(), MARGIN + line, -MARGIN, -(MARGIN + line)
        )

    def dot_centres(self) -> list[QPointF]:
        """Each reading's dot: across by its date, up by its value."""
        area = self.plot_area().adjusted(DOT_ROOM, DOT_ROOM, -DOT_ROOM, -DOT_ROOM)
        first, last = self.points[0][0], self.points[-1][0]
        span = max((last - first).days, 1)
        low, high = self._range()
        centres = []
        for day, value in self.points:
            x = (
                area.center().x()
                if first == last
                else area.left() + (day - first).days / span * area.width()
            )
            y = area.bottom() - (value - low) / (high - low) * area.height()
            centres.append(QPointF(x, y))
        return centres

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        quiet = self.palette().placeholderText().color()
        painter.setPen(QPen(QColor(self.palette().mid().color()), 1, Qt.PenStyle.DotLine))
        for y in (area.top(), area.center().y(), area.bottom()):
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(quiet)
        unit_box = QRectF(area.left(), MARGIN, area.width(), area.top() - MARGIN)
        painter.drawText(unit_box, Qt.AlignmentFlag.AlignLeft, self.unit or self.tr("value"))
        if not self.points:
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("chart", EMPTY)
            )
            return
        self._paint_axes(painter, area)
        self._paint_line(painter)

    def _paint_axes(self, painter: QPainter, area: QRectF) -> None:
        low, high = self._range()
        left = QRectF(MARGIN, 0, self._axis_width() - 6, 0)
        line = QFontMetrics(self.font()).height()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for value, y in ((high, area.top()), (low, area.bottom())):
            painter.drawText(
                left.adjusted(0, y - line / 2, 0, y + line / 2), right, number_words(value)
            )
        below = QRectF(area.left(), area.bottom() + 2, area.width(), line)
        first, last = self.points[0][0], self.points[-1][0]
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, dates.short(first))
        if last != first:
            painter.drawText(below, Qt.AlignmentFlag.AlignRight, dates.short(last))

    def _paint_line(self, painter: QPainter) -> None:
        dots = self.dot_centres()
        accent = self.palette().highlight().color()
        falling = QColor(theme.colour("error"))
        fell = fell_twice([v for _, v in self.points])
        for number, (a, b) in enumerate(itertools.pairwise(dots)):
            late = fell and number >= len(dots) - 3
            painter.setPen(QPen(falling if late else accent, 2))
            painter.drawLine(a, b)
        for number, dot in enumerate(dots):
            colour = falling if fell and number >= len(dots) - 3 else accent
            painter.setPen(QPen(colour, DOT_PEN))
            painter.setBrush(colour)
            painter.drawEllipse(dot, DOT_RADIUS, DOT_RADIUS)
