"""Choosing members by keys: a list to tick the leads who took part, and a table of who led
or came to a learning event and what each brought."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
)

from iltdesk.lead import lead_summaries
from iltdesk.models import LearningRole
from iltdesk.store.journal import Journal
from iltdesk.team_learning import Member
from ui.kit.roles import RECORD_ID
from ui.kit.translation import QT_TRANSLATE_NOOP


def roster(journal: Journal, keep: Iterable[int] = ()) -> list[tuple[int, str]]:
    """The leads to choose from: the active ones, and any others already on the record."""
    kept = set(keep)
    return [
        (lead.id, lead.name)
        for lead in lead_summaries(journal, include_archived=True)
        if lead.active or lead.id in kept
    ]


class LeadChecklist(QListWidget):
    """Leads to tick: arrows move, Space ticks or unticks."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)

    def fill(self, leads: list[tuple[int, str]], chosen: Iterable[int]) -> None:
        ticked = set(chosen)
        self.clear()
        for lead_id, name in leads:
            item = QListWidgetItem(name)
            item.setData(RECORD_ID, lead_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if lead_id in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)
            # Tall enough for every lead of a usual ILT, not a row and a half cut short.
            shown = min(self.count(), 7)
            self.setFixedHeight(self.sizeHintForRow(0) * shown + 2 * self.frameWidth() + 4)

    def chosen(self) -> list[int]:
        """The ticked leads, in the list's order."""
        return [
            int(self.item(row).data(RECORD_ID))
            for row in range(self.count())
            if self.item(row).checkState() is Qt.CheckState.Checked
        ]


ROLE_WORDS = {
    None: "—",
    LearningRole.came: QT_TRANSLATE_NOOP("members", "Came"),
    LearningRole.led: QT_TRANSLATE_NOOP("members", "Led"),
}
# Space steps a member through: not there, came, led, and back.
NEXT_ROLE = {None: LearningRole.came, LearningRole.came: LearningRole.led, LearningRole.led: None}
NAME, PART, BROUGHT = range(3)


class MemberTable(QTableWidget):
    """Each lead with their part in a learning event (Space: none, came, led) and what they
    brought or came about (F2 or typing writes it)."""

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setAccessibleName(self.tr("Who led and who came"))
        self.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Part"), self.tr("Brought or came about")]
        )
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # Tab moves on to the next field, as elsewhere
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PART, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BROUGHT, QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(150)

    def fill(self, leads: list[tuple[int, str]], members: Iterable[Member]) -> None:
        parts = {m.lead_id: m for m in members}
        self.setRowCount(len(leads))
        for row, (lead_id, name) in enumerate(leads):
            member = parts.get(lead_id)
            who = QTableWidgetItem(name)
            who.setData(RECORD_ID, lead_id)
            who.setFlags(who.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, NAME, who)
            self._set_role(row, member.role if member else None)
            self.setItem(row, BROUGHT, QTableWidgetItem(member.brought if member else ""))
        if leads:
            self.setCurrentCell(0, PART)
            # Every member of a usual ILT in sight (the last was cut in half at 150 px).
            shown = min(len(leads), 6)
            header = self.horizontalHeader().sizeHint().height()
            self.setMinimumHeight(self.rowHeight(0) * shown + header + 2 * self.frameWidth())

    def _set_role(self, row: int, role: LearningRole | None) -> None:
        item = QTableWidgetItem(QCoreApplication.translate("members", ROLE_WORDS[role]))
        item.setData(Qt.ItemDataRole.UserRole, role.value if role else "")
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setItem(row, PART, item)

    def role(self, row: int) -> LearningRole | None:
        item = self.item(row, PART)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        return LearningRole(value) if value else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentColumn() != BROUGHT:
            row = self.currentRow()
            if row >= 0:
                self._set_role(row, NEXT_ROLE[self.role(row)])
                self.setCurrentCell(row, PART)
            return
        super().keyPressEvent(event)

    def members(self) -> list[Member]:
        """The leads who led or came, with what they brought; someone who only brought
        something came."""
        found = []
        for row in range(self.rowCount()):
            name, brought = self.item(row, NAME), self.item(row, BROUGHT)
            text = brought.text().strip() if brought is not None else ""
            role = self.role(row) or (LearningRole.came if text else None)
            if name is not None and role is not None:
                found.append(Member(int(name.data(RECORD_ID)), role, text))
        return found

    def parts(self) -> Hashable:
        """What the table holds, to tell whether anything changed."""
        return tuple((m.lead_id, m.role.value, m.brought) for m in self.members())
