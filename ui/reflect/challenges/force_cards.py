"""A force card: how it looks (rounded, with its leads as chips) and the list that holds a column.

The list never rearranges its own rows: moves, drops, edits and deletes are asked of the board,
which saves them and reloads, so the screen always matches the journal.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from iltdesk.challenge import force_title
from iltdesk.lead import LeadSummary
from iltdesk.lead_names import short_name
from iltdesk.models import ForceKind
from ui.kit import theme
from ui.kit.rich_delegate import ItemIndex
from ui.kit.roles import RECORD, RECORD_ID
from ui.kit.style import accent

CARD_ID = RECORD_ID  # a card row's id
NAMES_ROLE = RECORD  # the first names of the leads a card concerns
GAP = 3  # above and below each card, so neighbours never touch
PAD_X, PAD_Y = 12, 9
STRIP = 4  # the column's colour along the card's left edge
RADIUS = 7
CHIP_PAD = 6  # inside a chip, each side of the name
WRAP = int(Qt.TextFlag.TextWordWrap)
CARD_MIME = "application/x-iltdesk-force-card"
ARROWS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}

# The board's parts, each a colour of the look (``board_<part>`` in ui.kit.palette).
BOARD_PARTS = ("column", "card", "edge", "selected", "chip", "chip_text")


def kind_colour(kind: ForceKind) -> str:
    """The column's colour in the look on screen."""
    return theme.colour(f"force_{kind.value}")


def board_colours() -> dict[str, str]:
    """Column, card and chip colours of the look on screen."""
    return {part: theme.colour(f"board_{part}") for part in BOARD_PARTS}


def short_names(leads: list[LeadSummary]) -> dict[int, str]:
    """How a sentence names each lead ("Amara", "Dr. Okafor", never "Dr."), with a last
    initial where two leads share a first name (the whole name if even that is shared)."""
    firsts = [short_name(lead.name, "?") for lead in leads]
    names: dict[int, str] = {}
    for lead, first in zip(leads, firsts, strict=True):
        parts = lead.name.split()
        if firsts.count(first) < 2 or len(parts) < 2:
            names[lead.id] = first
        elif first == parts[0]:
            names[lead.id] = f"{first} {parts[-1][0]}."
        else:
            names[lead.id] = " ".join(parts)
    return names


@dataclass(frozen=True)
class CardShape:
    """Where a card's text and chips go, relative to the card's padded inside."""

    text_height: int
    chips: list[QRect]
    height: int


class CardDelegate(QStyledItemDelegate):
    """Draws each row as a card: wrapped text, then the leads it names as small chips."""

    def __init__(self, view: QAbstractItemView, kind: ForceKind) -> None:
        super().__init__(view)
        self._view = view
        self._kind = kind

    @staticmethod
    def chip_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.86, 7.0))
        small.setWeight(QFont.Weight.DemiBold)
        return small

    def shape(self, font: QFont, width: int, text: str, names: list[str]) -> CardShape:
        inner = max(width - 2 * PAD_X - STRIP, 40)
        text_height = QFontMetrics(font).boundingRect(QRect(0, 0, inner, 10_000), WRAP, text)
        y = text_height.height()
        chips: list[QRect] = []
        if names:
            metrics = QFontMetrics(self.chip_font(font))
            height = metrics.height() + 4
            x, y = 0, y + 7
            for name in names:
                w = min(metrics.horizontalAdvance(name) + 16, inner)
                if x and x + w > inner:  # chips wrap like words do
                    x, y = 0, y + height + 4
                chips.append(QRect(x, y, w, height))
                x += w + 5
            y += height
        return CardShape(text_height.height(), chips, y + 2 * PAD_Y)

    def _width(self) -> int:
        return self._view.viewport().width() - 2

    def sizeHint(self, option: QStyleOptionViewItem, index: ItemIndex) -> QSize:
        names = list(index.data(NAMES_ROLE) or [])
        shape = self.shape(option.font, self._width(), str(index.data() or ""), names)
        return QSize(self._width(), shape.height + 2 * GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ItemIndex) -> None:
        colours = board_colours()
        rect: QRect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        card = QRectF(rect).adjusted(1.5, GAP + 0.5, -1.5, -GAP - 0.5)
        path = QPainterPath()
        path.addRoundedRect(card, RADIUS, RADIUS)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(path, QColor(colours["selected" if selected else "card"]))
        painter.setClipPath(path)  # the strip follows the rounded corners
        painter.fillRect(QRectF(card.left(), card.top(), STRIP, card.height()), self._strip())
        painter.setClipping(False)
        edge = accent() if selected else kind_colour(self._kind) if hovered else colours["edge"]
        painter.setPen(QPen(QColor(edge), 2 if selected else 1))
        painter.drawPath(path)
        self._draw_content(painter, option, index, card.toRect())
        painter.restore()

    def _strip(self) -> QColor:
        return QColor(kind_colour(self._kind))

    def _draw_content(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ItemIndex, card: QRect
    ) -> None:
        font: QFont = option.font
        text = str(index.data() or "")
        names = list(index.data(NAMES_ROLE) or [])
        shape = self.shape(font, self._width(), text, names)
        left, top = card.left() + STRIP + PAD_X, card.top() + PAD_Y
        inner = card.width() - STRIP - 2 * PAD_X
        painter.setFont(font)
        painter.setPen(option.palette.text().color())
        painter.drawText(QRect(left, top, inner, shape.text_height), WRAP, text)
        colours = board_colours()
        painter.setFont(self.chip_font(font))
        metrics = QFontMetrics(self.chip_font(font))
        for chip, name in zip(shape.chips, names, strict=True):
            box = QRectF(chip.translated(left, top))
            pill = QPainterPath()
            pill.addRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.fillPath(pill, QColor(colours["chip"]))
            painter.setPen(QColor(colours["chip_text"]))
            shown = chip_text(metrics, name, chip.width())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), shown)


def chip_text(metrics: QFontMetrics, name: str, width: int) -> str:
    """A lead's name as it fits a chip ``width`` wide: a name longer than the card ends in
    "…" rather than being cut off at both ends."""
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - 2 * CHIP_PAD)


def card_id(item: QListWidgetItem) -> int:
    """The id of the card a row shows."""
    return int(item.data(CARD_ID))


class CardList(QListWidget):
    """One column's cards. Moves, edits and deletes are asked of the board, which saves them."""

    move_requested = Signal(int, int, int)  # card id, column number, position in that column
    edit_requested = Signal(int, bool)  # card id, whether to start at the leads
    delete_requested = Signal(int)
    focus_column = Signal(int)  # -1 or 1: the neighbouring column

    def __init__(self, kind: ForceKind, column: int) -> None:
        super().__init__()
        self.kind, self.column = kind, column
        self.setObjectName("ForceList")
        self.setAccessibleName(self.tr("{value}: cards").format(value=force_title(kind)))
        self.setItemDelegate(CardDelegate(self, kind))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page scrolls
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMouseTracking(True)
        self.itemDoubleClicked.connect(lambda item: self.edit_requested.emit(card_id(item), False))

    def card_ids(self) -> list[int]:
        """The cards shown, top to bottom."""
        return [card_id(self.item(row)) for row in range(self.count())]

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def startDrag(self, actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        mime = QMimeData()
        mime.setData(CARD_MIME, QByteArray(str(card_id(item)).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        rect = self.visualItemRect(item)
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(QPoint(24, rect.height() // 2))
        # The board saves the move and reloads every column; nothing is removed here afterwards.
        drag.exec(Qt.DropAction.MoveAction)

    def drop_row(self, pos: QPoint) -> int:
        """Where a drop at ``pos`` (viewport coordinates) lands among the rows shown."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.count()
        return index.row() + (1 if pos.y() >= self.visualRect(index).center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:
        # Leave the dragging state as Qt's own handler would, without letting it move rows.
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        data = event.mimeData().data(CARD_MIME)
        if data.isEmpty():
            event.ignore()
            return
        dropped = int(bytes(data.data()).decode())
        row = self.drop_row(event.position().toPoint())
        shown = self.card_ids()
        if dropped in shown and shown.index(dropped) < row:
            row -= 1  # move_card counts positions as if the card were already lifted out
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.move_requested.emit(dropped, self.column, row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, item = Qt.Key(event.key()), self.currentItem()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in ARROWS and (alt or key in (Qt.Key.Key_Left, Qt.Key.Key_Right)):
            step = ARROWS[key]
            if not alt:
                self.focus_column.emit(step)
            elif item is not None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                if 0 <= self.row(item) + step < self.count():
                    self.move_requested.emit(card_id(item), self.column, self.row(item) + step)
            elif item is not None:
                self.move_requested.emit(card_id(item), self.column + step, self.row(item))
            return
        if item is not None and key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(card_id(item), False)
            return
        if item is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(card_id(item))
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(
            self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No cards yet")
        )
