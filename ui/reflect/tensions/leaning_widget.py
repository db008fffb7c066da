"""The leaning scale: two poles at either end of five steps, drawn the same everywhere.

The overview row, the small scale on each note and the legend draw with ``scale``, so a
leaning sits in the same place wherever it is shown; the note form picks one with the picker.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
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
from ui.kit.style import accent
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.reflect.tensions.scale import (
    STEPS,
    paint_marker,
    paint_scale,
    paint_scale_span,
)

TENSION_ROLE = RECORD  # the row's tension
NOTE_ROLE = RECORD + 1  # its latest note
PREVIOUS_ROLE = RECORD + 2  # the leaning before the latest, to show movement
STEP_WORDS = (
    QT_TRANSLATE_NOOP("leaning_widget", "Strongly"),
    QT_TRANSLATE_NOOP("leaning_widget", "Leaning"),
    QT_TRANSLATE_NOOP("leaning_widget", "Balanced"),
    QT_TRANSLATE_NOOP("leaning_widget", "Leaning"),
    QT_TRANSLATE_NOOP("leaning_widget", "Strongly"),
)


def sentence(words: str) -> str:
    """Capitalise the first letter only (``str.capitalize`` would lower-case the pole names)."""
    return words[:1].upper() + words[1:]


class ScaleLegend(QWidget):
    """What the overview's markers mean, drawn with the markers themselves."""

    ENTRIES = (
        ("latest", QT_TRANSLATE_NOOP("leaning_widget", "latest leaning")),
        ("before", QT_TRANSLATE_NOOP("leaning_widget", "the leaning before it")),
        ("both", QT_TRANSLATE_NOOP("leaning_widget", "no single side")),
        ("none", QT_TRANSLATE_NOOP("leaning_widget", "not noted yet")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(self.fontMetrics().height() + 6)

    SYMBOL: ClassVar[dict[str, int]] = {
        "both": 34
    }  # the span of a note holding both sides is drawn wider than a dot

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = sum(
            self.SYMBOL.get(kind, 14)
            + 6
            + metrics.horizontalAdvance(QCoreApplication.translate("leaning_widget", text))
            + 18
            for kind, text in self.ENTRIES
        )
        return QSize(width, self.fontMetrics().height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        cy = self.height() / 2
        x = float(self.width() - self.sizeHint().width())  # right-aligned, under the dates
        text_colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for kind, entry in self.ENTRIES:
            text = QCoreApplication.translate("leaning_widget", entry)
            symbol = self.SYMBOL.get(kind, 14)
            if kind == "both":
                paint_scale_span(painter, QPointF(x + 6, cy), QPointF(x + symbol - 6, cy))
                for end in (x + 6, x + symbol - 6):
                    paint_marker(painter, QPointF(end, cy), 6, kind, self.palette())
            else:
                paint_marker(painter, QPointF(x + 7, cy), 6, kind, self.palette())
            x += symbol + 6
            painter.setPen(text_colour)
            painter.drawText(QPointF(x, cy + metrics.ascent() / 2 - 1), text)
            x += metrics.horizontalAdvance(text) + 18


class ScaleMark(QWidget):
    """A small scale showing one note's leaning (None: both sides held), beside the note."""

    def __init__(self, leaning: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaning = leaning
        self.setFixedSize(96, 18)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_scale(painter, QRectF(self.rect()), self.palette(), self.leaning)


class OverviewGeometry:
    """Where each part of an overview row goes, so every row's scale lines up.

    A row whose latest note names a decision gives its lower part to that decision.
    """

    PAD = 16
    DATE_WIDTH = 104
    SCALE_WIDTH, MIN_SCALE_WIDTH = 200, 120
    GAP = 14
    DECISION_HEIGHT = 18

    def __init__(self, rect: QRect, *, decision: bool = False) -> None:
        inner = rect.adjusted(self.PAD, 0, -self.PAD, 0)
        if decision:
            inner.setBottom(inner.bottom() - self.DECISION_HEIGHT + 4)
        self.date = QRect(
            inner.right() - self.DATE_WIDTH, inner.top(), self.DATE_WIDTH, inner.height()
        )
        span = inner.width() - self.DATE_WIDTH - self.GAP
        centre = inner.left() + span // 2
        # In a narrow window the scale gives way before the poles' names do.
        scale = min(self.SCALE_WIDTH, max(self.MIN_SCALE_WIDTH, span // 4))
        self.scale = QRectF(centre - scale / 2, inner.center().y() - 8, scale, 16)
        left = int(self.scale.left()) - self.GAP
        right = int(self.scale.right()) + self.GAP
        self.first = QRect(inner.left(), inner.top(), left - inner.left(), inner.height())
        self.second = QRect(right, inner.top(), self.date.left() - self.GAP - right, inner.height())
        self.decision = QRect(
            inner.left(), inner.bottom() - 4, span, rect.bottom() - inner.bottom() + 2
        )


class OverviewDelegate(QStyledItemDelegate):
    """One tension per row: first pole, the scale with its marker, second pole, latest date,
    and under them the decision the latest note is about, if it names one."""

    ROW_HEIGHT = 50

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
        decision = note.decision if note is not None else ""
        geo = OverviewGeometry(rect, decision=bool(decision))
        leaning = note.leaning if note is not None else None
        for pole_rect, text, side in (
            (geo.first, tension.first_pole, -1),
            (geo.second, tension.second_pole, 1),
        ):
            self._pole(painter, option.font, palette, pole_rect, text, side, leaning, note)
        previous = index.data(PREVIOUS_ROLE)
        paint_scale(painter, geo.scale, palette, leaning, previous, noted=note is not None)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.setFont(option.font)
        when = dates.short(note.noted_on) if note is not None else self.tr("Not noted yet")
        painter.drawText(
            geo.date, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, when
        )
        if decision:
            self._decision(painter, option.font, geo.decision, decision)
        painter.restore()

    @staticmethod
    def _decision(painter: QPainter, font: QFont, rect: QRect, decision: str) -> None:
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
        else:  # a font sized in pixels
            small.setPixelSize(max(font.pixelSize() - 1, 9))
        small.setItalic(True)
        painter.setFont(small)
        shown = QFontMetrics(small).elidedText(
            f"Decision: {decision}", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)

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
        note: TensionNote | None,
    ) -> None:
        """A pole's name; the one the leaning points to reads a little stronger."""
        pole_font = QFont(font)
        toward = leaning is not None and leaning * side > 0
        if toward:
            pole_font.setWeight(QFont.Weight.DemiBold)
        role = QPalette.ColorRole.PlaceholderText if note is None else QPalette.ColorRole.Text
        painter.setFont(pole_font)
        painter.setPen(palette.color(role))
        shown = QFontMetrics(pole_font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        align = Qt.AlignmentFlag.AlignRight if side < 0 else Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)


class LeaningPicker(QWidget):
    """Five steps between the two poles' names and "No single side" beside them, the choice
    read back in words. No single side (no leaning given) is where a new note starts; Delete
    or Backspace on a step comes back to it."""

    chosen = Signal(object)  # the leaning, or None for no single side
    NONE_ID = STEPS  # the button ids run 0…4 for the steps; this one follows them

    def __init__(self, tension: Tension, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tension = tension
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        poles = QHBoxLayout()
        poles.addWidget(self._pole(f"← {tension.first_pole}", Qt.AlignmentFlag.AlignLeft))
        poles.addStretch(1)
        poles.addWidget(self._pole(f"{tension.second_pole} →", Qt.AlignmentFlag.AlignRight))
        poles.addSpacing(self._none_width())
        row = QHBoxLayout()
        row.setSpacing(6)
        for leaning, word in zip(range(-2, 3), STEP_WORDS, strict=True):
            button = QPushButton(QCoreApplication.translate("leaning_widget", word))
            button.setObjectName("LeaningStep")
            button.setCheckable(True)
            button.setToolTip(sentence(leaning_words(tension, leaning)))
            button.setAccessibleName(leaning_words(tension, leaning))
            button.installEventFilter(self)
            # Ids run 0…4: a button id of -1 would ask QButtonGroup to pick one itself.
            self.group.addButton(button, leaning + 2)
            row.addWidget(button, 1)
        self.none_button = QPushButton(self.tr("No single side"))
        self.none_button.setObjectName("LeaningStep")
        self.none_button.setCheckable(True)
        self.none_button.setToolTip(
            self.tr("No leaning given: you hold both, depending on the situation")
        )
        self.none_button.setAccessibleName(self.tr("No single side: no leaning given"))
        self.none_button.installEventFilter(self)
        self.group.addButton(self.none_button, self.NONE_ID)
        row.addSpacing(12)
        row.addWidget(self.none_button)
        self.words = QLabel()
        self.words.setObjectName("Hint")
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(poles)
        layout.addLayout(row)
        layout.addWidget(self.words)
        self.group.idClicked.connect(self._clicked)
        theme.live_style(self, _step_style)
        self.set_leaning(None)

    def _none_width(self) -> int:
        """Room above "No single side", so the poles' names sit over the five steps."""
        return (
            QFontMetrics(self.font()).horizontalAdvance(self.tr("No single side")) + 2 * 10 + 2 + 18
        )

    @staticmethod
    def _pole(text: str, align: Qt.AlignmentFlag) -> QLabel:
        label = QLabel(text)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setStyleSheet("font-weight: 600")
        return label

    def leaning(self) -> int | None:
        """The chosen step, or None for no single side."""
        picked = self.group.checkedId()
        return picked - 2 if 0 <= picked < self.NONE_ID else None

    def step_button(self, leaning: int | None) -> QAbstractButton:
        """The button for a leaning, -2 … 2, or None for "No single side"."""
        button = self.group.button(self.NONE_ID if leaning is None else leaning + 2)
        assert button is not None, leaning
        return button

    def set_leaning(self, leaning: int | None) -> None:
        """Pick a step (or no single side) as if clicked."""
        self.step_button(leaning).setChecked(True)
        self._picked(leaning)

    def _clicked(self, button_id: int) -> None:
        self._picked(button_id - 2 if button_id < self.NONE_ID else None)

    def _picked(self, leaning: int | None) -> None:
        self.words.setText(sentence(leaning_words(self.tension, leaning)) + ".")
        self.chosen.emit(leaning)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab lands on the current choice, as in a set of radio buttons (arrows then move
        along the steps); Delete or Backspace on a step takes the leaning back."""
        if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusIn:
            checked = self.group.checkedButton()
            tabbed = event.reason() in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
            )
            if tabbed and checked is not None and checked is not watched:
                checked.setFocus(event.reason())
        clears = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and isinstance(event, QKeyEvent) and event.key() in clears:
            self.set_leaning(None)
            return True
        return super().eventFilter(watched, event)


def _step_style() -> str:
    """The five steps' look, in the colours of the look on screen."""
    edge = theme.colour("leaning_step_edge")
    return (
        f"QPushButton#LeaningStep {{ border: 1px solid {edge}; border-radius: 4px;"
        " padding: 6px 10px; background: palette(button); }"
        f"QPushButton#LeaningStep:checked {{ background: {accent()};"
        f" border-color: {accent()}; color: {theme.colour('on_accent')}; }}"
    )
