"""One framework's items as a table edited in place: F2 changes a cell, Delete removes the
row (after asking), Ctrl+Up and Ctrl+Down move it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from iltdesk.models import FrameworkItem
from ui.kit import theme
from ui.kit.roles import RECORD_ID
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.reflect.charter.scope_table import table_style

CODE, TITLE, DESCRIPTION = range(3)
# A two-line description needs air above and below, or it touches the next row's tint.
ROOMY_ROWS = "QTableWidget::item { padding: 4px 5px; border: none; }"
HEADERS = (
    QT_TRANSLATE_NOOP("item_table", "Code"),
    QT_TRANSLATE_NOOP("item_table", "Title"),
    QT_TRANSLATE_NOOP("item_table", "Description"),
)
TITLE_SHARE, TITLE_MIN = 0.38, 160  # of the width beside the code: the rest is the description
# The keys that move a row: Ctrl with an arrow, as in most list editors (Alt too, for macOS
# where Ctrl+arrows belong to the desktop).
MOVE_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
MOVE_MODIFIERS = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier)


class ItemTable(QTableWidget):
    """The items in the principal's order. ``edited(id, code, title, description)`` fires when
    a cell is changed; ``delete_requested`` and ``move_requested(step)`` when keys ask."""

    edited = Signal(int, str, str, str)
    delete_requested = Signal()
    move_requested = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setAccessibleName(name)
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("item_table", title) for title in HEADERS]
        )
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(CODE, 80)
        # A title is a few words, a description a sentence: the title column is sized in
        # resizeEvent, the description takes the rest, and rows refit as the width changes.
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        theme.live_style(self, lambda: table_style() + ROOMY_ROWS)
        self._loading = False
        self.itemChanged.connect(self._changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = self.viewport().width() - self.columnWidth(CODE)
        self.setColumnWidth(TITLE, max(TITLE_MIN, int(room * TITLE_SHARE)))
        super().resizeEvent(event)
        self.resizeRowsToContents()  # the descriptions wrap anew at the new width

    def load(self, items: list[FrameworkItem]) -> None:
        """Show ``items`` without their loading counting as edits; the current row stays."""
        row = self.currentRow()
        self._loading = True
        try:
            self.setRowCount(len(items))
            for index, item in enumerate(items):
                for column, text in enumerate((item.code, item.title, item.description)):
                    cell = QTableWidgetItem(text)
                    cell.setData(RECORD_ID, item.id)
                    cell.setToolTip(text or self.tr("F2 or a double-click writes here"))
                    self.setItem(index, column, cell)
        finally:
            self._loading = False
        self.resizeRowsToContents()
        if items:
            self.setCurrentCell(min(max(row, 0), len(items) - 1), TITLE)

    def item_id(self, row: int) -> int:
        """The framework item shown on ``row`` (0 if none)."""
        cell = self.item(row, TITLE)
        return int(cell.data(RECORD_ID)) if cell is not None else 0

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id`` (-1 if none)."""
        return next((r for r in range(self.rowCount()) if self.item_id(r) == item_id), -1)

    def texts(self, row: int) -> tuple[str, str, str]:
        """The code, title and description shown on ``row``."""
        cells = (self.item(row, column) for column in (CODE, TITLE, DESCRIPTION))
        code, title, description = (cell.text() if cell is not None else "" for cell in cells)
        return code, title, description

    def select_item(self, item_id: int) -> None:
        """Make the row showing ``item_id`` the current one."""
        row = self.row_of(item_id)
        if row >= 0:
            self.setCurrentCell(row, max(self.currentColumn(), CODE))

    def _changed(self, cell: QTableWidgetItem) -> None:
        if not self._loading:
            self.edited.emit(int(cell.data(RECORD_ID)), *self.texts(cell.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and self.currentRow() >= 0:
            step = MOVE_KEYS.get(Qt.Key(event.key()))
            if step is not None and event.modifiers() in MOVE_MODIFIERS:
                self.move_requested.emit(step)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_requested.emit()
                return
        super().keyPressEvent(event)
