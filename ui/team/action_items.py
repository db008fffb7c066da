"""The team's action items: a meeting's own next steps and the open ones carried into it.

Embedded by the ILT meetings page in its next-steps part (``TeamItemsView(context,
meeting_id)``); with no meeting it lists every team item. Keyboard: type the item, Tab to the
owners (Space ticks one), Tab to the due date, Enter adds. In the list, Space ticks an item
done (or open again) and Enter or F2 edits its words, owners and due date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import action_item, dates, team_action
from iltdesk.due import next_step_due
from iltdesk.models import ActionItem, ActionSource
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of, qdate
from ui.team.action_item_parts import (
    COLUMNS,
    ITEM_ROLE,
    SOURCE_WORDS,
    ItemsTree,
    NewItemText,
    OwnersList,
    TeamItemDialog,
    WrappingRows,
)


class TeamItemsView(QWidget):
    """Team action items, of one meeting (its own and those carried in) or of the whole ILT."""

    def __init__(
        self, context: AppContext, meeting_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.items: list[ActionItem] = []
        self.carried: set[int] = set()
        self.ticked_here: set[int] = set()
        self._announcing = False
        self.tree = ItemsTree()
        self.tree.setHeaderLabels(
            [QCoreApplication.translate("TeamActionItems", name) for name in COLUMNS]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(WrappingRows(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(
            self.tr(
                "Team action items (Space ticks one done, Enter changes its owners or due date)"
            )
        )
        self.tree.tick_requested.connect(self.tick_current)
        self.tree.edit_requested.connect(self.edit_current)
        self.text = NewItemText()
        self.text.setPlaceholderText(
            self.tr("A new team action item: what the team will do (Enter adds it)")
        )
        self.text.setAccessibleName(self.tr("New team action item"))
        self.text.add_requested.connect(self.add)
        self.owners = OwnersList(self.tr("Who owns the new item"))
        self.due = date_edit(self._default_due(), self.tr("Due date of the new item"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add)
        # The whole ILT's list is for what is still to do; a meeting's keeps its done items.
        self.show_done = QCheckBox(self.tr("Show done"))
        self.show_done.toggled.connect(lambda *_: self.refresh())
        self._build_layout(add)
        # Only once it is in the layout: a parentless widget made visible is a window.
        self.show_done.setHidden(meeting_id is not None)
        self.refresh()
        context.changed.connect(self._changed)

    def _build_layout(self, add: QPushButton) -> None:
        # Laid out in the order Tab walks: words, owners, due date, Add.
        owners = QLabel(self.tr("Owned by: tick the principal and/or members with Space"))
        owners.setObjectName("Hint")
        owners.setBuddy(self.owners)
        due = QLabel(self.tr("Due"))
        due.setBuddy(self.due)
        entry = QHBoxLayout()
        entry.addWidget(due)
        entry.addWidget(self.due)
        entry.addStretch(1)
        entry.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        for widget in (self.show_done, self.tree, self.text, owners, self.owners):
            layout.addWidget(widget, 1 if widget is self.tree else 0)
        layout.addLayout(entry)
        for first, then in (
            (self.tree, self.text),
            (self.text, self.owners),
            (self.owners, self.due),
            (self.due, add),
        ):
            self.setTabOrder(first, then)

    def _default_due(self) -> date:
        # A week after the meeting the team agreed it in (a week from today without one).
        day = date.today()
        if self.meeting_id is not None:
            day = team_action.meeting_day(self.context.journal, self.meeting_id)
        return next_step_due(day)

    def _changed(self, change: Change) -> None:
        if self._announcing:
            return
        if change.kind is RecordKind.ACTION_ITEM:
            self.refresh()
        elif change.kind is RecordKind.LEAD:
            self._fill_owners()

    def _fill_owners(self) -> None:
        members, principal = self.owners.chosen()
        self.owners.fill(team_action.active_members(self.context.journal), members, principal)

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show another meeting's items (the meetings page reuses one view)."""
        self.meeting_id = meeting_id
        self.ticked_here.clear()
        self.show_done.setVisible(meeting_id is None)
        self.due.setDate(qdate(self._default_due()))
        self.refresh()

    def refresh(self) -> None:
        """Read the items and the members again."""
        journal = self.context.journal
        if self.meeting_id is None:
            own, carried = team_action.team_items(journal), []
            if not self.show_done.isChecked():
                own = [i for i in own if i.done_on is None or i.id in self.ticked_here]
        else:
            own = team_action.team_items(journal, meeting_id=self.meeting_id)
            carried = team_action.carried_into(journal, self.meeting_id)
            # A carried item ticked done here stays in sight (done), so it can be unticked.
            listed = {i.id for i in carried}
            carried += [
                i
                for i in team_action.team_items(journal)
                if i.id in self.ticked_here
                and i.id not in listed
                and i.meeting_id != self.meeting_id
            ]
        self.items = own + carried
        self.carried = {i.id or 0 for i in carried}
        if self.owners.count() == 0:
            self._fill_owners()
        self._show_items()

    def _show_items(self) -> None:
        journal, today = self.context.journal, date.today()
        whose = team_action.owner_phrases(journal, self.items)
        days = team_action.meeting_days(journal, self.items)
        current = self.current_item()
        self.tree.clear()
        for item in self.items:
            item_id = item.id or 0
            row = QTreeWidgetItem(
                self.tree,
                [
                    "✓" if item.done_on else "",
                    item.text,
                    whose.get(item_id, ""),
                    dates.list_date(item.due_on, today) if item.due_on else "—",
                    self._origin(item, days.get(item_id), today),
                ],
            )
            row.setData(0, ITEM_ROLE, item_id)
            row.setToolTip(1, item.text)
            row.setToolTip(2, row.text(2))
            if action_item.is_overdue(item, today):
                row.setText(3, f"{row.text(3)} (overdue)")
            if current is not None and item_id == current.id:
                self.tree.setCurrentItem(row)
        rows = self._rows()
        if self.tree.currentItem() is None and rows:
            self.tree.setCurrentItem(rows[0])
        self.tree.fit_columns()

    def _origin(self, item: ActionItem, day: date | None, today: date) -> str:
        if item.id in self.carried:
            if day:
                return self.tr("Carried from {day}").format(day=dates.list_date(day, today))
            return self.tr("Carried over")
        if item.source is ActionSource.meeting and self.meeting_id is not None:
            return self.tr("This meeting")
        if day is not None:
            return self.tr("ILT meeting, {day}").format(day=dates.list_date(day, today))
        if item.source in SOURCE_WORDS:
            return QCoreApplication.translate("TeamActionItems", SOURCE_WORDS[item.source])
        return self.tr("Added")

    def current_item(self) -> ActionItem | None:
        row = self.tree.currentItem()
        if row is None:
            return None
        item_id = row.data(0, ITEM_ROLE)
        return next((i for i in self.items if i.id == item_id), None)

    def add(self) -> None:
        """Add the typed item with the ticked owners and the due date shown."""
        text = self.text.text()
        if not text.strip():
            return
        journal, meeting_id, due = self.context.journal, self.meeting_id, day_of(self.due)
        members, principal = self.owners.chosen()
        added = self.context.write(
            lambda: team_action.add_team_item(
                journal, text, owners=members, principal=principal, due_on=due,
                meeting_id=meeting_id,
                source=ActionSource.meeting if meeting_id is not None else ActionSource.manual,
            ),
            Change(RecordKind.ACTION_ITEM, None),
        )  # fmt: skip
        if isinstance(added, NotWritten):  # refused (no owner): what was typed stays
            return
        self.text.clear()
        self.owners.clear_ticks()
        self.select_item(added.id or 0)
        self.text.setFocus()

    def tick_current(self) -> None:
        """Tick the current item done, or open again."""
        item = self.current_item()
        if item is None:
            return
        journal, item_id, done = self.context.journal, item.id or 0, item.done_on is None
        self.ticked_here.add(item_id)
        self._write(lambda: action_item.set_done(journal, item_id, done))

    def edit_current(self) -> None:
        """Change the current item's words, owners and due date in a small dialog."""
        item = self.current_item()
        if item is None:
            return
        journal, item_id = self.context.journal, item.id or 0
        owners = team_action.owners_of(journal, [item_id])[item_id]
        # A member who has left still shows while they own it, so it can be passed on.
        members = team_action.active_members(journal, keep=owners)
        dialog = TeamItemDialog(item, members, owners, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text, due = dialog.text.text(), dialog.due_on()
        chosen, principal = dialog.owners.chosen()
        self._write(
            lambda: team_action.update_team_item(
                journal, item_id, text=text, owners=chosen, principal=principal, due_on=due
            )
        )

    def _write(self, work: Callable[[], object]) -> None:
        self._announcing = True
        try:
            self.context.write(work, Change(RecordKind.ACTION_ITEM, None))
        finally:
            self._announcing = False
        self.refresh()
        self.tree.setFocus()

    def _rows(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row for row in found if row is not None]

    def select_item(self, item_id: int) -> bool:
        """Put the cursor on an item (from Today or search); False if it is not listed here.
        A done item hidden from the whole ILT's list is shown for it."""
        listed = any(row.data(0, ITEM_ROLE) == item_id for row in self._rows())
        if not listed and self.meeting_id is None:
            self.show_done.setChecked(True)
        for row in self._rows():
            if row.data(0, ITEM_ROLE) == item_id:
                self.tree.setCurrentItem(row)
                self.tree.scrollToItem(row)
                return True
        return False
