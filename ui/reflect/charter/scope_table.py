"""The year's scope and sequence: one row per period (its name, start and overarching focus,
then what each of the three strands does in it), edited in place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from iltdesk import dates
from iltdesk.charter import focus_title
from iltdesk.models import FocusKind, ScopeItem
from ui.kit import theme
from ui.kit.fields import day_of, follow_locale, qdate
from ui.kit.rich_delegate import ItemIndex
from ui.kit.roles import RECORD_ID, VALUE
from ui.kit.translation import QT_TRANSLATE_NOOP

PERIOD, STARTS, FOCUS, DATA, OBSERVATION, LEARNING = range(6)
# The strands' columns, in FocusKind order: each is named after its ScopeItem column.
STRAND_COLUMNS = dict(zip(FocusKind, (DATA, OBSERVATION, LEARNING), strict=True))
TEXT_COLUMNS = {FOCUS: "focus", **{column: kind.value for kind, column in STRAND_COLUMNS.items()}}

HEADERS = (
    QT_TRANSLATE_NOOP("scope_table", "Period"),
    QT_TRANSLATE_NOOP("scope_table", "Starts"),
    QT_TRANSLATE_NOOP("scope_table", "Focus"),
)  # then the strands' titles: header_titles
# Cells hold their text at the top: air above it balances the room fit() leaves below.
AIRY_CELLS = "QTableWidget::item { padding: 8px 5px 0 5px; border: none; }"
TIPS = {
    FOCUS: QT_TRANSLATE_NOOP("scope_table", "The period's overarching focus"),
    DATA: QT_TRANSLATE_NOOP("scope_table", "What the team does with data in this period"),
    OBSERVATION: QT_TRANSLATE_NOOP(
        "scope_table", "What observation and feedback look like in this period"
    ),
    LEARNING: QT_TRANSLATE_NOOP("scope_table", "The professional learning planned for this period"),
}


def header_titles() -> list[str]:
    """The columns' titles as shown: the table's own, then each strand's (iltdesk.charter)."""
    own = [QCoreApplication.translate("scope_table", title) for title in HEADERS]
    return own + [focus_title(kind) for kind in FocusKind]


def strand_colour(kind: FocusKind) -> QColor:
    """The strand's colour in the look on screen (``strand_<kind>`` in ui.kit.palette)."""
    return QColor(theme.colour(f"strand_{kind.value}"))


def table_style() -> str:
    """A quiet table: a ruled header, padded cells, and a tinted (not solid) selection."""
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


class DateDelegate(QStyledItemDelegate):
    """Edits a period's start with a calendar."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ItemIndex
    ) -> QWidget:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        follow_locale(edit, weekday=False)
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
        super().__init__(0, len(HEADERS) + len(FocusKind), parent)
        self.setAccessibleName(self.tr("Scope and sequence"))
        self.setHorizontalHeaderLabels(header_titles())
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
        # A long strand name wraps onto a second line rather than being cut in a small window.
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        header.setHighlightSections(False)
        for column, width in ((PERIOD, 96), (STARTS, 104)):  # "September", "10 Sep 2026"
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)
        for column, tip in TIPS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            heading = self.horizontalHeaderItem(column)
            if heading is not None:
                heading.setToolTip(QCoreApplication.translate("scope_table", tip))
        self.setItemDelegateForColumn(STARTS, DateDelegate(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        theme.live_style(self, lambda: table_style() + AIRY_CELLS)
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
        cells = [
            (item.period, None),
            (dates.short(item.starts_on) if item.starts_on else "—", iso(item.starts_on)),
            *((getattr(item, name), None) for name in TEXT_COLUMNS.values()),
        ]
        for column, (text, value) in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(RECORD_ID, item.id)
            cell.setData(VALUE, value)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if column in TIPS:
                cell.setToolTip(
                    self.tr("{value} (F2 or a double-click changes it)").format(
                        value=QCoreApplication.translate("scope_table", TIPS[column])
                    )
                )
            self.setItem(row, column, cell)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # wrapping changes with the width
            self.fit()

    def fit(self) -> None:
        """Grow to show every row: the page scrolls, not the table inside it."""
        # Measured here: Qt's own row sizing misjudges wrapped text under a style sheet.
        metrics = self.fontMetrics()
        # The stretched columns' own widths lag behind a resize, so derive them from the view's.
        fixed = sum(self.columnWidth(c) for c in (PERIOD, STARTS))
        width = max((self.viewport().width() - fixed) // len(TEXT_COLUMNS) - 14, 60)
        self._fit_header(width + 14)
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.rowCount()):
            texts = [cell.text() for c in TEXT_COLUMNS if (cell := self.item(row, c)) is not None]
            height = max(
                (metrics.boundingRect(0, 0, width, 10_000, flags, t).height() for t in texts),
                default=0,
            )
            self.setRowHeight(row, max(height + 16, 38))
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth() + 2)

    def _fit_header(self, column: int) -> None:
        """Two lines for the headings when a strand's name no longer fits its column (they
        wrap), one otherwise; 6 px padding above and below, and the rule under them."""
        header = self.horizontalHeader()
        bold = QFont(header.font())
        bold.setWeight(QFont.Weight.DemiBold)  # as the style sheet draws them
        metrics = QFontMetrics(bold)
        room = column - 16  # 8 px padding each side
        long = any(metrics.horizontalAdvance(title) > room for title in header_titles()[FOCUS:])
        header.setFixedHeight((2 if long else 1) * metrics.lineSpacing() + 14)

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
        elif column == PERIOD:
            self.edited.emit(item_id, "period", cell.text())
        elif column in TEXT_COLUMNS:
            self.edited.emit(item_id, TEXT_COLUMNS[column], cell.text())

    def sizeHint(self) -> QSize:
        return QSize(600, self.height())

    def edit_cell(self, row: int, column: int) -> None:
        """Open a cell's editor (after adding a period, its focus is the first thing to write)."""
        self.setCurrentCell(row, column)
        cell = self.item(row, column)
        if cell is not None:
            self.editItem(cell)
