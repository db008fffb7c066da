"""Two small drawings of the Team overview: a calibration's ratings before and after norming,
and the school year's learning across the three strands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from iltdesk.charter_scope import focus_title
from iltdesk.models import FocusKind
from iltdesk.practice import HIGHEST, LOWEST, Spread, spread
from ui.kit import theme
from ui.kit.translation import QT_TRANSLATE_NOOP

ROW_HEIGHT, LABEL_WIDTH, DOT = 34, 118, 5.0
ROUNDS = (
    QT_TRANSLATE_NOOP("charts", "Before norming"),
    QT_TRANSLATE_NOOP("charts", "After norming"),
)


def round_colour(after: bool) -> QColor:
    """Before norming in the quiet edge colour, after in the accent: the eye goes to after."""
    return QColor(theme.colour("accent" if after else "edge"))


class SpreadChart(QWidget):
    """One row per round: the rubric's levels 1 to 4, a bar from the lowest rating to the
    highest (the range), a dot for each rating, stacked at its level, and the most common
    level ringed. Read aloud as the spreads in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spreads: tuple[Spread | None, Spread | None] = (None, None)
        self.setMinimumSize(320, 2 * ROW_HEIGHT + 22)
        self.setAccessibleName(self.tr("Ratings before and after norming"))
        self.setAccessibleDescription(self.tr("No ratings yet"))

    def sizeHint(self) -> QSize:
        return QSize(420, 2 * ROW_HEIGHT + 22)

    def set_ratings(self, before: tuple[int, ...], after: tuple[int, ...]) -> None:
        """Show these two rounds of ratings."""
        self.spreads = (spread(before), spread(after))
        words = [
            self.tr("{round}: {ratings}").format(
                round=QCoreApplication.translate("charts", name),
                ratings=found.words() if found else self.tr("no ratings"),
            )
            for name, found in zip(ROUNDS, self.spreads, strict=True)
        ]
        self.setAccessibleDescription(". ".join(words))
        self.setToolTip("\n".join(words))
        self.update()

    def level_x(self, level: int) -> float:
        """Where level ``level`` of the rubric sits across the scale."""
        left, right = LABEL_WIDTH + DOT * 2, self.width() - DOT * 3
        return left + (level - LOWEST) / (HIGHEST - LOWEST) * (right - left)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        grid = self.palette().mid().color()
        for index, (name, found) in enumerate(zip(ROUNDS, self.spreads, strict=True)):
            middle = index * ROW_HEIGHT + ROW_HEIGHT / 2
            painter.setPen(text)
            label = QRectF(0, middle - ROW_HEIGHT / 2, LABEL_WIDTH, ROW_HEIGHT)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignVCenter, QCoreApplication.translate("charts", name)
            )
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            ends = (self.level_x(LOWEST), self.level_x(HIGHEST))
            painter.drawLine(QPointF(ends[0], middle), QPointF(ends[1], middle))
            if found is not None:
                self._draw_round(painter, found, middle, round_colour(after=index == 1))
        painter.setPen(self.palette().placeholderText().color())
        for level in range(LOWEST, HIGHEST + 1):
            box = QRectF(self.level_x(level) - 20, 2 * ROW_HEIGHT, 40, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(level))

    def _draw_round(self, painter: QPainter, found: Spread, middle: float, colour: QColor) -> None:
        faded = QColor(colour)
        faded.setAlphaF(0.35)
        painter.setPen(QPen(faded, 2 * DOT, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        start, end = self.level_x(found.lowest), self.level_x(found.highest)
        painter.drawLine(QPointF(start, middle), QPointF(end, middle))
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        room = 0.8 * (self.level_x(LOWEST + 1) - self.level_x(LOWEST))
        for level, count in found.tally().items():
            # Several of one rating sit side by side at their level, closer when many.
            step = min(2 * DOT + 1, room / max(count, 1))
            for n in range(count):
                x = self.level_x(level) + (n - (count - 1) / 2) * step
                painter.drawEllipse(QPointF(x, middle), DOT, DOT)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 1.5))
        width = min(2 * DOT + 1, room / found.agreed) * (found.agreed - 1) + 2 * DOT + 6
        centre = QPointF(self.level_x(found.most_common), middle)
        ring = QRectF(centre.x() - width / 2, middle - DOT - 3, width, 2 * DOT + 6)
        painter.drawRoundedRect(ring, DOT + 3, DOT + 3)


class StrandBar(QWidget):
    """The year's learning as one bar split by strand, in the strands' colours (the counts
    and names are written beside it; the bar only shows the proportion)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[FocusKind, int] = dict.fromkeys(FocusKind, 0)
        self.setFixedHeight(10)
        self.setMinimumWidth(160)
        self.setAccessibleName(self.tr("The year's learning by strand"))

    def set_counts(self, counts: dict[FocusKind, int]) -> None:
        """Show these counts."""
        self.counts = dict(counts)
        self.setAccessibleDescription(
            ", ".join(f"{focus_title(kind)} {self.counts[kind]}" for kind in FocusKind)
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(self.counts.values())
        area = QRectF(self.rect())
        painter.setPen(Qt.PenStyle.NoPen)
        if not total:
            painter.setBrush(self.palette().mid())
            painter.drawRoundedRect(area, 4, 4)
            return
        painter.setClipRect(area)
        left = area.left()
        for kind in FocusKind:
            width = area.width() * self.counts[kind] / total
            painter.setBrush(QColor(theme.colour(f"strand_{kind.value}")))
            painter.drawRect(QRectF(left, area.top(), width, area.height()))
            left += width
