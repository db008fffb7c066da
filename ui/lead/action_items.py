"""A lead's action items as a table: tick done, edit text and due date, add new ones."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
)
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

from iltdesk import action_item, dates, team_action
from iltdesk.models import ActionItem
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.action_item_row import OWNERS
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import day_of, qdate
from ui.kit.style import overdue_colour
from ui.lead.action_item_pages import PAGE, Page, PageReader, nothing, read_page

OWNER_COLUMN = 2

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Done", "Action", "Owner", "Due", "From")
SOURCES = {
    "one_on_one": "1:1",
    "observation": "Observation",
    "cycle": "Cycle",
    "manual": "Added",
    "meeting": "ILT meeting",
    "conversation": "Conversation",
    "self_check": "Self-check",
}
OWNER_NAMES = {"lead": "Lead", "principal": "Me", "both": "Both"}


class ActionItemsModel(QAbstractTableModel):
    """Action items of one lead; the Done column is checkable and saves at once."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        # Every item's id in list order; the items of the rows read so far (a long list is
        # read a page at a time as the table scrolls, so the tab shows at once).
        self.ids: list[int] = []
        self.items: list[ActionItem] = []
        self._read: PageReader = nothing
        # The team items among them: who owns each, and the day of the meeting it came from.
        self.team_owners: dict[int, str] = {}
        self.team_days: dict[int, date] = {}
        # Ticks to undo, latest last: the item and when it was done before (None: open).
        self.ticks: list[tuple[int, date | None]] = []
        self.unsorted = False  # a row was ticked in place: the order is stale until a reload
        self.announcing = False  # while this model tells the app about its own change

    def set_items(
        self,
        items: list[ActionItem],
        team_owners: dict[int, str] | None = None,
        team_days: dict[int, date] | None = None,
    ) -> None:
        """Replace the rows (a team item's owners and meeting day come with them)."""
        self.beginResetModel()
        self.ids = [i.id or 0 for i in items]
        self.items = items
        self.team_owners = team_owners or {}
        self.team_days = team_days or {}
        self.unsorted = False
        self.endResetModel()

    def set_ids(self, ids: list[int], read: PageReader) -> None:
        """Replace the rows with the items of ``ids``, in that order, read a page at a time
        with ``read`` (the first page at once, the next as the table scrolls to them)."""
        self.beginResetModel()
        self.ids, self.items, self._read = ids, [], read
        self.team_owners, self.team_days = {}, {}
        self.unsorted = False
        self._take(self._read_up_to(PAGE - 1))
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.items) < len(self.ids)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self.fetch_to(len(self.items) + PAGE - 1)

    def fetch_to(self, row: int) -> None:
        """Make sure the rows up to ``row`` are read (a page or more at a time)."""
        first = len(self.items)
        if row < first or first >= len(self.ids):
            return
        page = self._read_up_to(row)
        if page.items:
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._take(page)
            self.endInsertRows()

    def _read_up_to(self, row: int) -> Page:
        wanted = self.ids[len(self.items) : row + 1]
        page = self._read(wanted)
        if len(page.items) != len(wanted):  # gone since the ids were read: not listed
            gone = set(wanted) - {i.id for i in page.items}
            self.ids = [i for i in self.ids if i not in gone]
        return page

    def _take(self, page: Page) -> None:
        self.items.extend(page.items)
        self.team_owners.update(page.team_owners)
        self.team_days.update(page.team_days)

    def place_of(self, item_id: int) -> int:
        """Where ``item_id`` is in the whole list (read or not), or -1."""
        return next((r for r, i in enumerate(self.ids) if i == item_id), -1)

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
        if role == Qt.ItemDataRole.ToolTipRole and column == OWNER_COLUMN:
            return self._text(item, column)  # whole, when the cell cuts a long list of names
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done_on is not None:  # done items recede so the open ones stand out
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            if column == 3 and action_item.is_overdue(item, date.today()):
                # Read when drawn, so it follows a change of look (4.5:1 in either).
                return QBrush(QColor(overdue_colour()))
        return None

    def _text(self, item: ActionItem, column: int) -> str | None:
        if column == 1:
            return item.text
        if column == 2:
            if item.lead_id is None:  # a team item: everyone who shares it
                return self.team_owners.get(item.id or 0, "Team")
            return OWNER_NAMES[item.owner.value]
        if column == 3:
            return dates.list_date(item.due_on) if item.due_on else "—"
        if column == 4:
            return self._origin(item)
        return None

    def _origin(self, item: ActionItem) -> str:
        if item.lead_id is not None:
            return SOURCES[item.source.value]
        day = self.team_days.get(item.id or 0)
        return (
            f"Team · ILT {dates.list_date(day)}" if day else f"Team · {SOURCES[item.source.value]}"
        )

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.items[index.row()]
        journal, item_id, text = self.context.journal, item.id or 0, str(value).strip()
        # The change is announced by _replace, once the row shows it.
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            updated = self.context.write(lambda: action_item.set_done(journal, item_id, done))
            if isinstance(updated, NotWritten):
                return False
            self.ticks.append((item_id, item.done_on))
            self.unsorted = True
        elif index.column() == 1 and role == Qt.ItemDataRole.EditRole and text:
            updated = self.context.write(
                lambda: action_item.update_action_item(journal, item_id, text=text)
            )
            if isinstance(updated, NotWritten):
                return False
        else:
            return False
        self._replace(index.row(), updated)
        return True

    def undo_tick(self) -> int:
        """Undo the latest tick (its done date comes back too); the row it is on, or -1."""
        if not self.ticks:
            return -1
        item_id, done_on = self.ticks.pop()
        journal = self.context.journal
        updated = self.context.write(
            lambda: action_item.set_done(journal, item_id, done_on is not None, on=done_on),
            failed="Not undone",
        )
        if isinstance(updated, NotWritten):
            return -1
        row = self.row_of(item_id)
        if row >= 0:
            self._replace(row, updated)
        return row

    def _replace(self, row: int, item: ActionItem) -> None:
        """Show ``item``'s change in place (the row does not move), and tell the app."""
        self.items[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.announcing = True
        try:
            self.context.announce(RecordKind.ACTION_ITEM, item.lead_id)
        finally:
            self.announcing = False

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1."""
        return next((r for r, i in enumerate(self.items) if i.id == item_id), -1)


class ItemsTable(QTableView):
    """The items' table: Space ticks the current row whatever its column; Ctrl+Z undoes the
    latest tick."""

    tick_requested = Signal()
    undo_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() == Qt.Key.Key_Space and plain:
            self.tick_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        else:
            end = event.matches(QKeySequence.StandardKey.MoveToEndOfDocument)
            while end and self.model().canFetchMore(QModelIndex()):  # Ctrl+End: the very last
                self.model().fetchMore(QModelIndex())
            super().keyPressEvent(event)

    def fit_owner_column(self) -> None:
        """The owner column as wide as its names but never more than a quarter of the table:
        a team item shared by four leads names them all, and it took the action's room (cut
        in the cell, whole in the tooltip)."""
        self.resizeColumnToContents(OWNER_COLUMN)
        cap = max(self.viewport().width() // 4, 90)
        if self.columnWidth(OWNER_COLUMN) > cap:
            self.setColumnWidth(OWNER_COLUMN, cap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_owner_column()


class ActionItemsView(QWidget):
    """The Action items tab of a lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.model = ActionItemsModel(context)
        self.table = ItemsTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Action items (Space ticks one done, Ctrl+Z undoes it)")
        self.table.tick_requested.connect(self.tick_current)
        self.table.undo_requested.connect(self.undo_tick)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OWNER_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.show_done = QCheckBox("Show done")
        self.show_done.setChecked(True)
        self.show_done.toggled.connect(lambda *_: self.reload())
        self.text = QLineEdit()
        self.text.setPlaceholderText("New action item, then Enter")
        self.text.returnPressed.connect(self.add)
        self.owner = QComboBox()
        self.owner.addItems([label for label, _ in OWNERS])
        self.due = QDateEdit(qdate(action_item.next_step_due(date.today())))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(dates.DATE_FIELD_FORMAT)
        self.due.setAccessibleName("Due date of the new action item")
        self.owner.setAccessibleName("Who owns the new action item")
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
        context.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        # A tick here keeps its row where it is, under the cursor, until the view is left.
        if change.kind is RecordKind.ACTION_ITEM and not self.model.announcing:
            self.reload()

    def show_lead(self, lead_id: int) -> None:
        """Load a lead's action items."""
        if lead_id != self.lead_id:
            self.model.ticks.clear()
        self.lead_id = lead_id
        self.reload()

    def tick_current(self) -> None:
        """Tick the current row done, or open again; it stays where it is."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        box = self.model.index(index.row(), 0)
        checked = self.model.data(box, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        self.model.setData(box, state, Qt.ItemDataRole.CheckStateRole)

    def undo_tick(self) -> None:
        """Ctrl+Z: undo the latest tick and put the cursor on its row."""
        row = self.model.undo_tick()
        if row >= 0:
            column = max(self.table.currentIndex().column(), 0)
            self.table.setCurrentIndex(self.model.index(row, column))

    def hideEvent(self, event: QHideEvent) -> None:
        # Left: the next visit shows the items in their order again.
        if self.model.unsorted and not event.spontaneous():
            self.reload()
        super().hideEvent(event)

    def reload(self) -> None:
        """Re-read the items from the journal."""
        if self.lead_id is None:
            return
        # The lead's own items and the team items they help own, in one list.
        journal = self.context.journal
        ids = team_action.ids_owned_by(
            journal, self.lead_id, open_only=not self.show_done.isChecked()
        )
        self.model.set_ids(ids, lambda wanted: read_page(journal, wanted))
        self.table.fit_owner_column()

    def add(self) -> None:
        """Add the typed action item."""
        if self.lead_id is None or not self.text.text().strip():
            return
        journal, lead_id, text = self.context.journal, self.lead_id, self.text.text()
        due = day_of(self.due)
        owner = OWNERS[self.owner.currentIndex()][1]
        added = self.context.write(
            lambda: action_item.add_action_item(journal, lead_id, text, owner=owner, due_on=due),
            Change(RecordKind.ACTION_ITEM, lead_id),
        )
        if not isinstance(added, NotWritten):  # refused: the typed text stays to try again
            self.text.clear()

    def select_item(self, item_id: int) -> None:
        """Select one action item (from Today or search), reading the list down to it."""
        row = self.model.place_of(item_id)
        if row < 0 and not self.show_done.isChecked():
            self.show_done.setChecked(True)
            row = self.model.place_of(item_id)
        self.model.fetch_to(row)
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 1))
