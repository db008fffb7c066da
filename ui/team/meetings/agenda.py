"""Members' agenda items: who put each on the agenda, its words, and whether it was reached.

Each change is written at once (like the 1:1's agenda): Enter adds the item typed below the
list, Space ticks it off, F2 edits its words, Delete removes it after asking. Items not
reached come forward into the next meeting (``ilt_meeting.new_meeting``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import meeting_members
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import Lead, MeetingAgendaItem
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import confirm_delete
from ui.kit.roles import RECORD_ID
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.action_item_parts import WrappingRows

PRINCIPAL = QT_TRANSLATE_NOOP("agenda", "Me")


class AgendaTree(QTreeWidget):
    """The agenda's items; Delete asks to remove the current one."""

    def __init__(self, on_delete: Callable[[], None]) -> None:
        super().__init__()
        self.on_delete = on_delete

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # long items wrap again at the new width

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.on_delete()
            return
        super().keyPressEvent(event)


class MemberAgenda(QWidget):
    """The members' items of one meeting, and a row to add one."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: int | None = None
        self.names: dict[int, str] = {}
        self.items = AgendaTree(self.delete_current)
        self.items.setAccessibleName(self.tr("Members' agenda items"))
        self.items.setColumnCount(2)
        self.items.setHeaderLabels(
            [self.tr("Item (ticked once discussed; F2 edits)"), self.tr("Added by")]
        )
        self.items.setRootIsDecorated(False)
        self.items.setWordWrap(True)
        self.items.setItemDelegate(WrappingRows(self.items))  # a long item in full, not cut
        header = self.items.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.items.setMinimumHeight(72)
        self.items.setMaximumHeight(150)
        self.items.itemChanged.connect(self._changed)
        self.text = QLineEdit()
        self.text.setObjectName("new_member_item")
        self.text.setPlaceholderText(self.tr("Add an agenda item and press Enter"))
        self.text.setAccessibleName(self.tr("New agenda item"))
        self.text.returnPressed.connect(self.add)
        self.by = QComboBox()
        self.by.setAccessibleName(self.tr("Who added the agenda item"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.text, 1)
        add_row.addWidget(self.by)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items)
        layout.addLayout(add_row)
        QWidget.setTabOrder(self.items, self.text)
        QWidget.setTabOrder(self.text, self.by)

    def set_members(self, leads: list[Lead]) -> None:
        """Who can have added an item: the members, then the principal."""
        self.names = {lead.id or 0: lead.name for lead in leads}
        # A member's item is the usual case: the first member is offered (kept if refilled).
        chosen = self.by.currentData() if self.by.count() else (leads[0].id if leads else None)
        self.by.clear()
        for lead in leads:
            self.by.addItem(
                self.tr("Added by {value}").format(value=short_name(lead.name)), lead.id
            )
        self.by.addItem(self.tr("Added by me"), None)
        index = self.by.findData(chosen)
        self.by.setCurrentIndex(max(index, 0))

    def load(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        current = self.items.currentItem()
        keep = current.data(0, RECORD_ID) if current is not None else None
        self.items.blockSignals(True)
        self.items.clear()
        if self.meeting_id is not None:
            for item in meeting_members.agenda_items(self.context.journal, self.meeting_id):
                row = self._row(item)
                if item.id == keep:
                    self.items.setCurrentItem(row)
        self.items.blockSignals(False)

    def _row(self, item: MeetingAgendaItem) -> QTreeWidgetItem:
        who = self._name(item.added_by_lead_id) if item.added_by_lead_id else ""
        row = QTreeWidgetItem(
            self.items,
            [
                item.text,
                short_name(who) if who else QCoreApplication.translate("agenda", PRINCIPAL),
            ],
        )
        row.setData(0, RECORD_ID, item.id)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        row.setCheckState(0, Qt.CheckState.Checked if item.discussed else Qt.CheckState.Unchecked)
        row.setData(0, Qt.ItemDataRole.UserRole, item.text)  # the words as saved
        return row

    def _name(self, lead_id: int) -> str:
        """A member's name, also of one who has left the ILT since (not offered any more)."""
        if lead_id not in self.names:
            self.names[lead_id] = get_lead(self.context.journal, lead_id).name
        return self.names[lead_id]

    def add(self) -> None:
        """Add the item typed, as added by the member chosen beside it."""
        if self.meeting_id is None or not self.text.text().strip():
            return
        journal, meeting_id, text = self.context.journal, self.meeting_id, self.text.text()
        by = self.by.currentData()
        added = self.context.write(
            lambda: meeting_members.add_agenda_item(journal, meeting_id, text, added_by_lead_id=by),
            Change(RecordKind.MEETING_AGENDA_ITEM),
        )
        if isinstance(added, NotWritten):
            return  # the typed item stays to try again
        self.text.clear()
        self.refresh()

    def _changed(self, row: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        journal, item_id = self.context.journal, int(row.data(0, RECORD_ID))
        discussed = row.checkState(0) == Qt.CheckState.Checked
        text = row.text(0).strip()
        changes: dict[str, object] = {"discussed": discussed}
        if text and text != row.data(0, Qt.ItemDataRole.UserRole):
            changes["text"] = text
        done = self.context.write(
            lambda: meeting_members.update_agenda_item(journal, item_id, **changes),
            Change(RecordKind.MEETING_AGENDA_ITEM),
        )
        if isinstance(done, NotWritten) or not text:
            self.refresh()  # shown as the journal has it (the status bar says why)
            return
        self.items.blockSignals(True)
        row.setData(0, Qt.ItemDataRole.UserRole, text)
        self.items.blockSignals(False)

    def delete_current(self) -> None:
        row = self.items.currentItem()
        if row is None:
            return
        if not confirm_delete(
            self,
            self.tr("Delete agenda item"),
            self.tr("Delete “{item}”?").format(item=row.text(0)),
        ):
            return
        journal, item_id = self.context.journal, int(row.data(0, RECORD_ID))
        self.context.write(
            lambda: meeting_members.delete_agenda_item(journal, item_id),
            Change(RecordKind.MEETING_AGENDA_ITEM),
            failed=self.tr("Not deleted"),
        )
        self.refresh()

    def select(self, item_id: int) -> bool:
        """Put the cursor on one item (from search)."""
        for index in range(self.items.topLevelItemCount()):
            row = self.items.topLevelItem(index)
            if row is not None and row.data(0, RECORD_ID) == item_id:
                self.items.setCurrentItem(row)
                self.items.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False
