"""A lead's action items as a table: tick done, edit text and due date, add new ones."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iltdesk import action_item, dates
from iltdesk.errors import JournalError
from iltdesk.models import ActionItem
from ui.context import AppContext
from ui.one_on_one_editor import OWNERS

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Done", "Action", "Owner", "Due", "From")
SOURCES = {"one_on_one": "1:1", "observation": "Observation", "cycle": "Cycle", "manual": "Added"}
OWNER_NAMES = {"lead": "Lead", "principal": "Me", "both": "Both"}
OVERDUE = QColor("#c0392b")


class ActionItemsModel(QAbstractTableModel):
    """Action items of one lead; the Done column is checkable and saves at once."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.items: list[ActionItem] = []

    def set_items(self, items: list[ActionItem]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item, column = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if item.done_on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done_on is not None:  # done items recede so the open ones stand out
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            if column == 3 and action_item.is_overdue(item, date.today()):
                return QBrush(OVERDUE)
        return None

    @staticmethod
    def _text(item: ActionItem, column: int) -> str | None:
        if column == 1:
            return item.text
        if column == 2:
            return OWNER_NAMES[item.owner.value]
        if column == 3:
            return dates.short(item.due_on) if item.due_on else "—"
        if column == 4:
            return SOURCES[item.source.value]
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.items[index.row()]
        try:
            if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
                done = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[call-overload]
                updated = action_item.set_done(self.context.journal, item.id or 0, done)
            elif index.column() == 1 and role == Qt.ItemDataRole.EditRole and str(value).strip():
                updated = action_item.update_action_item(
                    self.context.journal, item.id or 0, text=str(value).strip()
                )
            else:
                return False
        except JournalError as exc:
            self.context.save_failed.emit(f"Not saved: {exc}")
            return False
        self.items[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.context.changed.emit("action_item")
        return True

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1."""
        return next((r for r, i in enumerate(self.items) if i.id == item_id), -1)


class ActionItemsView(QWidget):
    """The Action items tab of a lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.model = ActionItemsModel(context)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.show_done = QCheckBox("Show done")
        self.show_done.setChecked(True)
        self.show_done.toggled.connect(lambda *_: self.reload())
        self.text = QLineEdit()
        self.text.setPlaceholderText("New action item, then Enter")
        self.text.returnPressed.connect(self.add)
        self.owner = QComboBox()
        self.owner.addItems([label for label, _ in OWNERS])
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        row = QHBoxLayout()
        for widget, stretch in ((self.text, 1), (self.owner, 0), (self.due, 0), (add, 0)):
            row.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.show_done)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        context.changed.connect(lambda kind: kind == "action_item" and self.reload())

    def show_lead(self, lead_id: int) -> None:
        """Load a lead's action items."""
        self.lead_id = lead_id
        self.reload()

    def reload(self) -> None:
        """Re-read the items from the journal."""
        if self.lead_id is None:
            return
        items = action_item.action_items_for(
            self.context.journal, self.lead_id, open_only=not self.show_done.isChecked()
        )
        self.model.set_items(items)

    def add(self) -> None:
        """Add the typed action item."""
        if self.lead_id is None or not self.text.text().strip():
            return
        due: date = self.due.date().toPython()  # type: ignore[assignment]
        owner = OWNERS[self.owner.currentIndex()][1]
        action_item.add_action_item(
            self.context.journal, self.lead_id, self.text.text(), owner=owner, due_on=due
        )
        self.text.clear()
        self.context.changed.emit("action_item")

    def select_item(self, item_id: int) -> None:
        """Select one action item (from Today or search)."""
        row = self.model.row_of(item_id)
        if row < 0 and not self.show_done.isChecked():
            self.show_done.setChecked(True)
            row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 1))
