"""The year's scope and sequence: one row per period, edited in place, strands colour-tagged."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFrame,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from iltdesk import dates
from iltdesk.charter import FOCUS_TITLES
from iltdesk.models import FocusKind, ScopeItem
from ui.kit import theme
from ui.kit.fields import day_of, qdate
from ui.kit.rich_delegate import ItemIndex
from ui.kit.roles import RECORD_ID, VALUE

PERIOD, STARTS, STRAND, FOCUS = range(4)
HEADERS = ("Period", "Starts", "Strand", "Focus")


def strand_colour(kind: FocusKind) -> QColor:
    """The strand's colour in the look on screen (``strand_<kind>`` in ui.kit.palette)."""
    return QColor(theme.colour(f"strand_{kind.value}"))


def table_style() -> str:
    """A quiet table: a ruled header, padded cells, and a tinted (not solid) selection.

    A solid accent selection would swallow the strand tags' colours.
    """
    selected = theme.colour("scope_selected_bg")
    return f"""
    QTableWidget {{ background: palette(base); alternate-background-color: palette(window);
                    border: none; selection-background-color: {selected};
                    selection-color: palette(text); }}
    QTableWidget::item {{ padding: 0 5px; border: none; }}
    QHeaderView::section {{ background: palette(base); border: none;
                            border-bottom: 1px solid palette(mid); padding: 6px 8px;
                            color: palette(placeholder-text); font-weight: 600; }}
    """


def iso(day: date | None) -> str:
    """A date as text for an item's data ("" for none)."""
    return day.isoformat() if day else ""


class StrandDelegate(QStyledItemDelegate):
    """Draws the strand as a tinted tag and edits it with a drop-down of the three strands."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ItemIndex) -> None:
        blank = QStyleOptionViewItem(option)
        self.initStyleOption(blank, index)
        blank.text = ""
        style = blank.widget.style() if blank.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter, blank.widget)
        value = index.data(VALUE)
        if value not in set(FocusKind):
            return
        kind = FocusKind(value)
        text = FOCUS_TITLES[kind]
        font = QFont(blank.font)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        rect: QRect = blank.rect
        tag = QRect(rect.left() + 8, rect.center().y() - metrics.height() // 2 - 3, 0, 0)
        tag.setSize(QSize(metrics.horizontalAdvance(text) + 22, metrics.height() + 6))
        tag = tag.intersected(rect.adjusted(0, 0, -4, 0))
        colour = strand_colour(kind)
        tint = QColor(colour)
        tint.setAlpha(60 if theme.is_dark() else 30)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2)
        painter.setBrush(colour)
        painter.drawEllipse(tag.left() + 7, tag.center().y() - 3, 6, 6)
        painter.setPen(colour)
        painter.setFont(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, tag.width() - 20)
        painter.drawText(tag.adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ItemIndex
    ) -> QWidget:
        box = QComboBox(parent)
        for kind, title in FOCUS_TITLES.items():
            box.addItem(title, kind.value)
        # Picking a strand is the whole edit: keep it at once rather than on leaving the cell.
        box.activated.connect(lambda _index: self.commitData.emit(box))
        box.activated.connect(lambda _index: self.closeEditor.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: ItemIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(VALUE)), 0))
        # Open the list once the editor is in place: changing a strand takes one pick.
        QTimer.singleShot(0, editor, editor.showPopup)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ItemIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), VALUE)


class DateDelegate(QStyledItemDelegate):
    """Edits a period's start with a calendar."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ItemIndex
    ) -> QWidget:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def setEditorData(self, editor: QWidget, index: ItemIndex) -> None:
        assert isinstance(editor, QDateEdit)
        value = index.data(VALUE)
        editor.setDate(qdate(date.fromisoformat(value) if value else date.today()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ItemIndex) -> None:
        assert isinstance(editor, QDateEdit)
        picked = day_of(editor)
        model.setData(index, picked.isoformat(), VALUE)


class ScopeTable(QTableWidget):
    """The periods in order. ``edited(item_id, field, value)`` fires when a cell is changed."""

    edited = Signal(int, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setAccessibleName("Scope and sequence")
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        for column, width in ((PERIOD, 130), (STARTS, 120), (STRAND, 230)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(FOCUS, QHeaderView.ResizeMode.Stretch)
        self.setItemDelegateForColumn(STARTS, DateDelegate(self))
        self.setItemDelegateForColumn(STRAND, StrandDelegate(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        theme.live_style(self, table_style)
        self._loading = False
        self.itemChanged.connect(self._changed)

    def load(self, items: list[ScopeItem]) -> None:
        """Show ``items`` without their loading counting as edits."""
        self._loading = True
        try:
            self.setRowCount(len(items))
            for row, item in enumerate(items):
                self._fill(row, item)
        finally:
            self._loading = False
        self.fit()

    def _fill(self, row: int, item: ScopeItem) -> None:
        cells = (
            (item.period, None),
            (dates.short(item.starts_on) if item.starts_on else "—", iso(item.starts_on)),
            (FOCUS_TITLES[item.kind], item.kind.value),
            (item.focus, None),
        )
        for column, (text, value) in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(RECORD_ID, item.id)
            cell.setData(VALUE, value)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if column == STRAND:
                cell.setToolTip("Double-click to change the strand")
            self.setItem(row, column, cell)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # wrapping changes with the width
            self.fit()

    def fit(self) -> None:
        """Grow to show every row: the page scrolls, not the table inside it."""
        # Measured here: Qt's own row sizing misjudges wrapped text under a style sheet.
        metrics = self.fontMetrics()
        # The stretched column's own width lags behind a resize, so derive it from the view's.
        fixed = sum(self.columnWidth(c) for c in (PERIOD, STARTS, STRAND))
        width = max(self.viewport().width() - fixed - 20, 80)
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.rowCount()):
            cell = self.item(row, FOCUS)
            text = cell.text() if cell is not None else ""
            height = metrics.boundingRect(0, 0, width, 10_000, flags, text).height()
            self.setRowHeight(row, max(height + 16, 38))
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth() + 2)

    def item_id(self, row: int) -> int:
        """The scope item shown on ``row``."""
        cell = self.item(row, PERIOD)
        return int(cell.data(RECORD_ID)) if cell is not None else 0

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id`` (-1 if none)."""
        return next((r for r in range(self.rowCount()) if self.item_id(r) == item_id), -1)

    def _changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        column, item_id = cell.column(), int(cell.data(RECORD_ID))
        value = cell.data(VALUE)
        if column == STARTS and value:
            self.edited.emit(item_id, "starts_on", date.fromisoformat(value))
        elif column == STRAND and value:
            self.edited.emit(item_id, "kind", FocusKind(value))
        elif column in (PERIOD, FOCUS):
            self.edited.emit(item_id, "period" if column == PERIOD else "focus", cell.text())

    def sizeHint(self) -> QSize:
        return QSize(600, self.height())

    def edit_cell(self, row: int, column: int) -> None:
        """Open a cell's editor (after adding a period, its focus is the thing to write)."""
        self.setCurrentCell(row, column)
        cell = self.item(row, column)
        if cell is not None:
            self.editItem(cell)
