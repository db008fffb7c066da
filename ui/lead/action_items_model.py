"""The model behind a lead's action items table: its rows read a page at a time, ticked and
edited in place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from iltdesk import action_item, dates
from iltdesk.models import ActionItem
from iltdesk.record_kinds import RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.style import overdue_colour
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.lead.action_item_pages import PAGE, Page, PageReader, nothing

OWNER_COLUMN = 2

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ActionItems", "Done"),
    QT_TRANSLATE_NOOP("ActionItems", "Action"),
    QT_TRANSLATE_NOOP("ActionItems", "Owner"),
    QT_TRANSLATE_NOOP("ActionItems", "Due"),
    QT_TRANSLATE_NOOP("ActionItems", "From"),
)
SOURCES = {
    "one_on_one": "1:1",
    "observation": QT_TRANSLATE_NOOP("ActionItems", "Observation"),
    "cycle": QT_TRANSLATE_NOOP("ActionItems", "Cycle"),
    "manual": QT_TRANSLATE_NOOP("ActionItems", "Added"),
    "meeting": QT_TRANSLATE_NOOP("ActionItems", "ILT meeting"),
    "conversation": QT_TRANSLATE_NOOP("ActionItems", "Conversation"),
    "self_check": QT_TRANSLATE_NOOP("ActionItems", "Self-check"),
}
OWNER_NAMES = {
    "lead": QT_TRANSLATE_NOOP("ActionItems", "Lead"),
    "principal": QT_TRANSLATE_NOOP("ActionItems", "Me"),
    "both": QT_TRANSLATE_NOOP("ActionItems", "Both"),
}


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
            return QCoreApplication.translate("ActionItems", COLUMNS[section])
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
                return self.team_owners.get(item.id or 0, self.tr("Team"))
            return QCoreApplication.translate("ActionItems", OWNER_NAMES[item.owner.value])
        if column == 3:
            return dates.list_date(item.due_on) if item.due_on else "—"
        if column == 4:
            return self._origin(item)
        return None

    def _origin(self, item: ActionItem) -> str:
        source = QCoreApplication.translate("ActionItems", SOURCES[item.source.value])
        if item.lead_id is not None:
            return source
        day = self.team_days.get(item.id or 0)
        if day:
            return self.tr("Team · ILT {day}").format(day=dates.list_date(day))
        return self.tr("Team · {source}").format(source=source)

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
            failed=self.tr("Not undone"),
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
