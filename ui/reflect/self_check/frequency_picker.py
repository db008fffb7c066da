"""A segmented Never … Always control: one Tab stop per action, arrows or 1–5 to choose."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from iltdesk.self_check import FREQUENCY_LABELS, frequency_label, frequency_labels

KEYS = {Qt.Key.Key_1 + i: i for i in range(len(FREQUENCY_LABELS))}


class FrequencyPicker(QWidget):
    """Five joined buttons drawn as one widget, so rating fifteen actions is fifteen Tabs."""

    changed = Signal(object)  # the new value, 0 (never) … 4 (always)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: int | None = None
        self._hover: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(name)
        self.setToolTip(self.tr("Click, or use ← → or the keys 1–5"))
        self._describe()

    def value(self) -> int | None:
        """The rating chosen, or None before one is."""
        return self._value

    def set_value(self, value: int | None) -> None:
        """Choose a rating (0 never … 4 always)."""
        if value is not None:
            value = max(0, min(len(FREQUENCY_LABELS) - 1, value))
        if value == self._value:
            return
        self._value = value
        self._describe()
        self.update()
        self.changed.emit(value)

    def _describe(self) -> None:
        # Screen readers announce the choice, since the segments are not separate widgets.
        chosen = self.tr("not rated yet") if self._value is None else frequency_label(self._value)
        self.setAccessibleDescription(
            self.tr("{chosen}. Left and Right arrows, or 1 to 5, to choose.").format(chosen=chosen)
        )

    def _segment_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        return max(metrics.horizontalAdvance(w) for w in frequency_labels()) + 22

    def sizeHint(self) -> QSize:
        height = QFontMetricsF(self.font()).height() + 14
        return QSize(int(self._segment_width() * len(FREQUENCY_LABELS)) + 4, int(height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _frame(self) -> QRectF:
        return QRectF(self.rect()).adjusted(2, 2, -2, -2)  # room for the focus ring

    def _segment(self, index: int) -> QRectF:
        frame = self._frame()
        width = frame.width() / len(FREQUENCY_LABELS)
        return QRectF(frame.left() + index * width, frame.top(), width, frame.height())

    def _index_at(self, x: float) -> int:
        frame = self._frame()
        share = (x - frame.left()) / max(frame.width(), 1)
        return max(0, min(len(FREQUENCY_LABELS) - 1, int(share * len(FREQUENCY_LABELS))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        frame = self._frame()
        outline = QPainterPath()
        outline.addRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawPath(outline)
        painter.save()
        painter.setClipPath(outline)  # the chosen segment follows the rounded corners
        for index, word in enumerate(frequency_labels()):
            self._paint_segment(painter, index, word)
        painter.restore()
        edge = pal.color(QPalette.ColorRole.Dark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(edge, 1))
        painter.drawPath(outline)
        if self.hasFocus():
            ring = QPen(pal.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(ring)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)

    def _paint_segment(self, painter: QPainter, index: int, word: str) -> None:
        pal = self.palette()
        box = self._segment(index)
        chosen = index == self._value
        if chosen:
            painter.fillRect(box, pal.color(QPalette.ColorRole.Highlight))
        elif index == self._hover:
            painter.fillRect(box, pal.color(QPalette.ColorRole.AlternateBase))
        if index:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
            painter.drawLine(box.topLeft(), box.bottomLeft())
        role = QPalette.ColorRole.HighlightedText if chosen else QPalette.ColorRole.Text
        colour = QColor(pal.color(role))
        if self._value is not None and not chosen:
            colour = pal.color(QPalette.ColorRole.PlaceholderText)  # the choice stands out
        painter.setPen(colour)
        font = self.font()
        font.setBold(chosen)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, word)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.set_value(self._index_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._index_at(event.position().x())
        if hover != self._hover:
            self._hover = hover
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        last = len(FREQUENCY_LABELS) - 1
        if key in KEYS:
            self.set_value(KEYS[key])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            if self._value is None:  # like a radio group: enter the scale from the end you face
                self.set_value(0 if step > 0 else last)
            else:
                self.set_value(self._value + step)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_value(0 if key == Qt.Key.Key_Home else last)
        else:
            super().keyPressEvent(event)
