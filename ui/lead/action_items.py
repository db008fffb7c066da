"""A lead's action items as a table: tick done, edit text and due date, add new ones."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
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

from iltdesk import action_item, team_action
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.action_item_row import OWNERS
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import day_of, follow_locale, qdate
from ui.lead.action_item_pages import read_page
from ui.lead.action_items_model import OWNER_COLUMN as OWNER_COLUMN
from ui.lead.action_items_model import ActionItemsModel as ActionItemsModel


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
        self.table.setAccessibleName(
            self.tr("Action items (Space ticks one done, Ctrl+Z undoes it)")
        )
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
        self.show_done = QCheckBox(self.tr("Show done"))
        self.show_done.setChecked(True)
        self.show_done.toggled.connect(lambda *_: self.reload())
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("New action item, then Enter"))
        self.text.returnPressed.connect(self.add)
        self.owner = QComboBox()
        self.owner.addItems(
            [QCoreApplication.translate("action_item_row", label) for label, _ in OWNERS]
        )
        self.due = QDateEdit(qdate(action_item.next_step_due(date.today())))
        self.due.setCalendarPopup(True)
        follow_locale(self.due)
        self.due.setAccessibleName(self.tr("Due date of the new action item"))
        self.owner.setAccessibleName(self.tr("Who owns the new action item"))
        add = QPushButton(self.tr("Add"))
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
