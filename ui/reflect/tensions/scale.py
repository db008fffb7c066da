"""Drawing the leaning scale: five steps on a line between two poles, and its markers.

The overview row, the small scale on each note and the legend all draw with these, so that a
leaning sits in the same place, and looks the same, wherever it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from ui.kit import theme
from ui.kit.style import accent, accent_text

STEPS = 5  # leanings -2..2


def step_x(rect: QRectF, leaning: int) -> float:
    """Where a leaning sits across ``rect`` (leaves room for the marker at both ends)."""
    inset = rect.height() / 2
    return rect.left() + inset + (rect.width() - 2 * inset) * (leaning + 2) / (STEPS - 1)


def paint_scale(
    painter: QPainter,
    rect: QRectF,
    palette: QPalette,
    leaning: int | None,
    previous: int | None = None,
    *,
    noted: bool = True,
) -> None:
    """The line, its five steps, and a marker: a filled dot for a leaning, both ends ringed
    in the accent for a note that holds both sides, a quiet dotted ring when nothing is noted.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cy = rect.center().y()
    muted = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
    faint = QColor(muted)
    faint.setAlpha(120 if noted else 70)
    painter.setPen(QPen(faint, 2))
    painter.drawLine(QPointF(step_x(rect, -2), cy), QPointF(step_x(rect, 2), cy))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(faint)
    for step in range(-2, 3):
        if step == 0:  # the balance point gets a small upright tick, like a see-saw's pivot
            painter.setPen(QPen(faint, 2))
            painter.drawLine(QPointF(step_x(rect, 0), cy - 5), QPointF(step_x(rect, 0), cy + 5))
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.drawEllipse(QPointF(step_x(rect, step), cy), 2.5, 2.5)
    radius = min(rect.height() / 2 - 1, 7.0)
    if not noted:
        paint_marker(painter, QPointF(step_x(rect, 0), cy), radius, "none", palette)
    elif leaning is None:
        # Not the balance point (0 is a choice of its own): the whole span, both poles held.
        paint_scale_span(painter, QPointF(step_x(rect, -2), cy), QPointF(step_x(rect, 2), cy))
        for end in (-2, 2):
            paint_marker(painter, QPointF(step_x(rect, end), cy), radius, "both", palette)
    else:
        if previous is not None and previous != leaning:
            paint_marker(painter, QPointF(step_x(rect, previous), cy), radius, "before", palette)
        paint_marker(painter, QPointF(step_x(rect, leaning), cy), radius, "latest", palette)
    painter.restore()


def paint_scale_span(painter: QPainter, start: QPointF, end: QPointF) -> None:
    """The line between the poles in the accent: a note that holds both sides."""
    span = QColor(marker_colour())
    span.setAlpha(110)
    painter.save()
    painter.setPen(QPen(span, 3))
    painter.drawLine(start, end)
    painter.restore()


def marker_colour() -> QColor:
    """The marker's teal: on the dark look the lighter one, as the darker sinks into the base."""
    return QColor(accent_text() if theme.is_dark() else accent())


def paint_marker(
    painter: QPainter, centre: QPointF, radius: float, kind: str, palette: QPalette
) -> None:
    """'latest' (a filled dot), 'before' (a pale ring), 'both' (a ring in the accent, at each
    end of a note holding both sides) or 'none' (a dotted grey ring: not noted yet)."""
    base = palette.color(QPalette.ColorRole.Base)
    colour = marker_colour()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(base)
    if kind == "none":
        painter.setPen(
            QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1.5, Qt.PenStyle.DotLine)
        )
        painter.drawEllipse(centre, radius - 1, radius - 1)
    elif kind == "both":
        painter.setPen(QPen(colour, 2))
        painter.drawEllipse(centre, radius - 2, radius - 2)
    elif kind == "before":
        colour.setAlpha(150)
        painter.setPen(QPen(colour, 1.5))
        painter.drawEllipse(centre, radius - 2, radius - 2)
    else:
        painter.setPen(QPen(base, 2))  # a halo keeps the marker distinct from the line beneath
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
    painter.restore()
