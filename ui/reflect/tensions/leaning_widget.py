"""The leaning scale: two poles at either end of five steps, drawn the same everywhere.

The overview row, the small scale on each note and the picker in the note form all share
``step_x`` and ``paint_scale`` so that a leaning sits in the same place wherever it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.models import TensionNote
from iltdesk.tension import Tension, leaning_words
from ui.kit import theme
from ui.kit.rich_delegate import ItemIndex
from ui.kit.roles import RECORD
from ui.kit.style import accent, accent_text

STEPS = 5  # leanings -2..2
TENSION_ROLE = RECORD  # the row's tension
NOTE_ROLE = RECORD + 1  # its latest note
PREVIOUS_ROLE = RECORD + 2  # the leaning before the latest, to show movement
STEP_WORDS = ("Strongly", "Leaning", "Balanced", "Leaning", "Strongly")


def sentence(words: str) -> str:
    """Capitalise the first letter only (``str.capitalize`` would lower-case the pole names)."""
    return words[:1].upper() + words[1:]


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
) -> None:
    """The line, its five steps, and a marker (a hollow quiet ring when nothing is noted)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cy = rect.center().y()
    muted = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
    faint = QColor(muted)
    faint.setAlpha(120 if leaning is not None else 70)
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
    if leaning is None:
        paint_marker(painter, QPointF(step_x(rect, 0), cy), radius, "none", palette)
    else:
        if previous is not None and previous != leaning:
            paint_marker(painter, QPointF(step_x(rect, previous), cy), radius, "before", palette)
        paint_marker(painter, QPointF(step_x(rect, leaning), cy), radius, "latest", palette)
    painter.restore()


def marker_colour() -> QColor:
    """The marker's teal: on the dark look the lighter one, as the darker sinks into the base."""
    return QColor(accent_text() if theme.is_dark() else accent())


def paint_marker(
    painter: QPainter, centre: QPointF, radius: float, kind: str, palette: QPalette
) -> None:
    """'latest' (a filled dot), 'before' (a pale ring) or 'none' (a dotted grey ring)."""
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
    elif kind == "before":
        colour.setAlpha(150)
        painter.setPen(QPen(colour, 1.5))
        painter.drawEllipse(centre, radius - 2, radius - 2)
    else:
        painter.setPen(QPen(base, 2))  # a halo keeps the marker distinct from the line beneath
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
    painter.restore()


class ScaleLegend(QWidget):
    """What the overview's markers mean, drawn with the markers themselves."""

    ENTRIES = (
        ("latest", "latest leaning"),
        ("before", "the leaning before it"),
        ("none", "not noted yet"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(self.fontMetrics().height() + 6)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = sum(22 + metrics.horizontalAdvance(text) + 18 for _, text in self.ENTRIES)
        return QSize(width, self.fontMetrics().height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        cy = self.height() / 2
        x = float(self.width() - self.sizeHint().width())  # right-aligned, under the dates
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for kind, text in self.ENTRIES:
            paint_marker(painter, QPointF(x + 7, cy), 6, kind, self.palette())
            x += 20
            painter.drawText(QPointF(x, cy + metrics.ascent() / 2 - 1), text)
            x += metrics.horizontalAdvance(text) + 18


class ScaleMark(QWidget):
    """A small scale showing one leaning, e.g. beside a dated note."""

    def __init__(self, leaning: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaning = leaning
        self.setFixedSize(96, 18)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_scale(painter, QRectF(self.rect()), self.palette(), self.leaning)


class OverviewGeometry:
    """Where each part of an overview row goes, so every row's scale lines up."""

    PAD = 16
    DATE_WIDTH = 104
    SCALE_WIDTH, MIN_SCALE_WIDTH = 200, 120
    GAP = 14

    def __init__(self, rect: QRect) -> None:
        inner = rect.adjusted(self.PAD, 0, -self.PAD, 0)
        self.date = QRect(
            inner.right() - self.DATE_WIDTH, inner.top(), self.DATE_WIDTH, inner.height()
        )
        span = inner.width() - self.DATE_WIDTH - self.GAP
        centre = inner.left() + span // 2
        # In a narrow window the scale gives way before the poles' names do.
        scale = min(self.SCALE_WIDTH, max(self.MIN_SCALE_WIDTH, span // 4))
        self.scale = QRectF(centre - scale / 2, rect.center().y() - 8, scale, 16)
        left = int(self.scale.left()) - self.GAP
        right = int(self.scale.right()) + self.GAP
        self.first = QRect(inner.left(), inner.top(), left - inner.left(), inner.height())
        self.second = QRect(right, inner.top(), self.date.left() - self.GAP - right, inner.height())


class OverviewDelegate(QStyledItemDelegate):
    """One tension per row: first pole, the scale with its marker, second pole, latest date."""

    ROW_HEIGHT = 44

    def sizeHint(self, option: QStyleOptionViewItem, index: ItemIndex) -> QSize:
        return QSize(600, self.ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ItemIndex) -> None:
        tension: Tension = index.data(TENSION_ROLE)
        note: TensionNote | None = index.data(NOTE_ROLE)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        painter.save()
        self._background(painter, rect, palette, state)
        geo = OverviewGeometry(rect)
        leaning = note.leaning if note is not None else None
        for pole_rect, text, side in (
            (geo.first, tension.first_pole, -1),
            (geo.second, tension.second_pole, 1),
        ):
            self._pole(painter, option.font, palette, pole_rect, text, side, leaning)
        paint_scale(painter, geo.scale, palette, leaning, index.data(PREVIOUS_ROLE))
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.setFont(option.font)
        when = dates.short(note.noted_on) if note is not None else "Not noted yet"
        painter.drawText(
            geo.date, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, when
        )
        painter.restore()

    @staticmethod
    def _background(
        painter: QPainter, rect: QRect, palette: QPalette, state: QStyle.StateFlag
    ) -> None:
        line = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
        line.setAlpha(45)
        painter.setPen(line)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if state & QStyle.StateFlag.State_Selected:
            # A tint and a bar in the accent, not a solid fill: the marker must stay visible.
            tint = QColor(accent())
            tint.setAlpha(34)
            painter.fillRect(rect.adjusted(0, 0, 0, -1), tint)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height() - 1), QColor(accent()))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(
                rect.adjusted(0, 0, 0, -1), palette.color(QPalette.ColorRole.AlternateBase)
            )

    @staticmethod
    def _pole(
        painter: QPainter,
        font: QFont,
        palette: QPalette,
        rect: QRect,
        text: str,
        side: int,
        leaning: int | None,
    ) -> None:
        """A pole's name; the one the leaning points to reads a little stronger."""
        pole_font = QFont(font)
        toward = leaning is not None and leaning * side > 0
        if toward:
            pole_font.setWeight(QFont.Weight.DemiBold)
        role = QPalette.ColorRole.PlaceholderText if leaning is None else QPalette.ColorRole.Text
        painter.setFont(pole_font)
        painter.setPen(palette.color(role))
        shown = QFontMetrics(pole_font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        align = Qt.AlignmentFlag.AlignRight if side < 0 else Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)


class LeaningPicker(QWidget):
    """Five buttons between the two poles' names, with the choice read back in words."""

    chosen = Signal(int)

    def __init__(self, tension: Tension, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tension = tension
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        poles = QHBoxLayout()
        poles.addWidget(self._pole(f"← {tension.first_pole}", Qt.AlignmentFlag.AlignLeft))
        poles.addStretch(1)
        poles.addWidget(self._pole(f"{tension.second_pole} →", Qt.AlignmentFlag.AlignRight))
        row = QHBoxLayout()
        row.setSpacing(6)
        for leaning, word in zip(range(-2, 3), STEP_WORDS, strict=True):
            button = QPushButton(word)
            button.setObjectName("LeaningStep")
            button.setCheckable(True)
            button.setToolTip(sentence(leaning_words(tension, leaning)))
            button.setAccessibleName(leaning_words(tension, leaning))
            # Ids run 0…4: a button id of -1 would ask QButtonGroup to pick one itself.
            self.group.addButton(button, leaning + 2)
            row.addWidget(button, 1)
        self.words = QLabel("Choose where you lean today.")
        self.words.setObjectName("Hint")
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(poles)
        layout.addLayout(row)
        layout.addWidget(self.words)
        self.group.idClicked.connect(lambda step: self._picked(step - 2))
        theme.live_style(self, _step_style)

    @staticmethod
    def _pole(text: str, align: Qt.AlignmentFlag) -> QLabel:
        label = QLabel(text)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setStyleSheet("font-weight: 600")
        return label

    def leaning(self) -> int | None:
        """The chosen step, or None before one is picked."""
        picked = self.group.checkedId()
        return picked - 2 if self.group.checkedButton() is not None else None

    def step_button(self, leaning: int) -> QAbstractButton:
        """The button for a leaning, -2 … 2."""
        button = self.group.button(leaning + 2)
        assert button is not None, leaning
        return button

    def set_leaning(self, leaning: int) -> None:
        """Pick a step as if clicked."""
        button = self.group.button(leaning + 2)
        if button is not None:
            button.setChecked(True)
            self._picked(leaning)

    def _picked(self, leaning: int) -> None:
        self.words.setText(sentence(leaning_words(self.tension, leaning)) + ".")
        self.chosen.emit(leaning)


def _step_style() -> str:
    """The five steps' look, in the colours of the look on screen."""
    edge = theme.colour("leaning_step_edge")
    return (
        f"QPushButton#LeaningStep {{ border: 1px solid {edge}; border-radius: 4px;"
        " padding: 6px 10px; background: palette(button); }"
        f"QPushButton#LeaningStep:checked {{ background: {accent()};"
        f" border-color: {accent()}; color: {theme.colour('on_accent')}; }}"
    )
