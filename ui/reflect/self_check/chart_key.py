"""The chart's two-line key (solid: just you; dashed with open dots: the team), drawn in the
corner above the scale, level with the first card's title, when every cell of the grid holds
an area and none is left for the longer key in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen

from ui.kit.translation import QT_TRANSLATE_NOOP

SAMPLE = 18  # the length of the line drawn beside each rater's name
WORDS = (
    (QT_TRANSLATE_NOOP("chart_key", "just me"), Qt.PenStyle.SolidLine),
    (QT_TRANSLATE_NOOP("chart_key", "the team"), Qt.PenStyle.DashLine),
)


def key_width(font: QFont) -> float:
    """The room the key needs: the longer name with its sample line."""
    metrics = QFontMetricsF(font)
    return (
        SAMPLE
        + 6
        + max(
            metrics.horizontalAdvance(QCoreApplication.translate("chart_key", word))
            for word, _ in WORDS
        )
    )


def paint_rater_key(painter: QPainter, corner: QRectF, font: QFont, palette: QPalette) -> None:
    """Each rater's line style and dot beside their name, from the top of ``corner``."""
    metrics = QFontMetricsF(font)
    line = metrics.height() + 2
    if corner.height() < 2 * line or corner.width() < key_width(font):
        return  # no room: the dots' tooltips still say whose each is
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    ring = palette.color(QPalette.ColorRole.Base)
    painter.save()
    painter.setFont(font)
    top = corner.top()
    for n, (word, style) in enumerate(WORDS):
        middle = top + n * line + line / 2
        left = corner.left()
        painter.setPen(QPen(muted, 1.5, style))
        painter.drawLine(QPointF(left, middle), QPointF(left + SAMPLE, middle))
        team = style is Qt.PenStyle.DashLine
        painter.setPen(QPen(muted, 1.5 if team else 1))
        painter.setBrush(ring if team else muted)
        painter.drawEllipse(QPointF(left + SAMPLE, middle), 3, 3)
        painter.setPen(muted)
        text = QRectF(left + SAMPLE + 6, middle - line / 2, corner.width(), line)
        painter.drawText(
            text,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QCoreApplication.translate("chart_key", word),
        )
    painter.restore()
