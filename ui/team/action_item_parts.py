"""The parts of the team action items view: the owners list (the principal and the members,
ticked with Space), the edit dialog, the items tree whose rows wrap, and the new item's field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)

from iltdesk import team_action
from iltdesk.due import next_step_due
from iltdesk.models import ActionItem, ActionSource
from ui.kit.fields import date_edit, day_of
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog

PRINCIPAL_ROW = QT_TRANSLATE_NOOP("TeamActionItems", "You (the principal)")
COLUMNS = (
    QT_TRANSLATE_NOOP("TeamActionItems", "Done"),
    QT_TRANSLATE_NOOP("TeamActionItems", "Action"),
    QT_TRANSLATE_NOOP("TeamActionItems", "Owners"),
    QT_TRANSLATE_NOOP("TeamActionItems", "Due"),
    QT_TRANSLATE_NOOP("TeamActionItems", "From"),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole
SOURCE_WORDS = {
    ActionSource.meeting: QT_TRANSLATE_NOOP("TeamActionItems", "ILT meeting"),
    ActionSource.self_check: QT_TRANSLATE_NOOP("TeamActionItems", "Self-check"),
    ActionSource.conversation: QT_TRANSLATE_NOOP("TeamActionItems", "Conversation"),
}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
COLUMN_SHARES = {2: 0.3, 3: 0.15, 4: 0.17}  # at most this much of the width: Action has the rest


class OwnersList(QListWidget):
    """Who owns an item: the principal and the active members, each ticked with Space."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setToolTip(self.tr("Space ticks an owner; tick as many as share the item"))

    def fill(self, members: list[tuple[int, str]], owners: list[int], principal: bool) -> None:
        """Offer the principal and ``members``, ticking the current owners."""
        self.clear()
        for lead_id, name, ticked in [
            (None, QCoreApplication.translate("TeamActionItems", PRINCIPAL_ROW), principal),
            *((m_id, m_name, m_id in owners) for m_id, m_name in members),
        ]:
            row = QListWidgetItem(name, self)
            row.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            row.setData(ITEM_ROLE, lead_id)
        self.setCurrentRow(0)
        # Everyone in sight (up to a large ILT's ten), not a list scrolling inside the page.
        shown = min(self.count(), 10)
        self.setFixedHeight(self.sizeHintForRow(0) * shown + 2 * self.frameWidth() + 4)

    def chosen(self) -> tuple[list[int], bool]:
        """The ticked members' ids, and whether the principal is ticked."""
        members, principal = [], False
        for index in range(self.count()):
            row = self.item(index)
            if row.checkState() != Qt.CheckState.Checked:
                continue
            lead_id = row.data(ITEM_ROLE)
            if lead_id is None:
                principal = True
            else:
                members.append(int(lead_id))
        return members, principal

    def clear_ticks(self) -> None:
        for index in range(self.count()):
            self.item(index).setCheckState(Qt.CheckState.Unchecked)


class TeamItemDialog(GuardedDialog):
    """Change a team item's words, owners and due date."""

    def __init__(
        self,
        item: ActionItem,
        members: list[tuple[int, str]],
        owners: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team action item"))
        self.setMinimumWidth(520)  # the item's words in full, not scrolled sideways
        self.text = QLineEdit(item.text)
        self.text.setAccessibleName(self.tr("What the team will do"))
        self.owners = OwnersList(self.tr("Who owns it"))
        self.owners.fill(members, owners, team_action.principal_owns(item))
        self.has_due = QCheckBox(self.tr("Due by"))
        self.has_due.setChecked(item.due_on is not None)
        self.due = date_edit(item.due_on or next_step_due(date.today()), self.tr("Due date"))
        self.due.setEnabled(item.due_on is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Ok)
        save.setText(self.tr("Save"))  # and in the app's primary look, like its other dialogs
        save.setObjectName("Primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.setContentsMargins(22, 18, 22, 16)
        form.addRow(self.tr("&Action"), self.text)
        form.addRow(self.tr("&Owners"), self.owners)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(due_row)
        form.addRow(buttons)
        self.keep_drafts("team_item", f"item:{item.id}")  # the window's journal keeps it

    def due_on(self) -> date | None:
        return day_of(self.due) if self.has_due.isChecked() else None


class WrappingRows(QStyledItemDelegate):
    """Rows as tall as their wrapped words at the columns' widths (a tree measures a row
    without its columns' widths, so long words would be cut short instead)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        opt = QStyleOptionViewItem(option)
        if isinstance(view, QTreeWidget):
            opt.rect = QRect(0, 0, view.columnWidth(index.column()), 1)
        size = super().sizeHint(opt, index)
        return QSize(size.width(), size.height() + 6)  # rows of several lines stand apart


class ItemsTree(QTreeWidget):
    """The list: Space ticks the current item, Enter or F2 asks to edit it. The action's words
    get the room; owners, due date and origin wrap in narrower columns (no sideways scroll)."""

    tick_requested = Signal()
    edit_requested = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        room = self.viewport().width()
        for column in (0, *COLUMN_SHARES):
            # Measured unwrapped: the rows' own size hints are wrapped to the present width.
            rows = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
            texts = [row.text(column) for row in rows if row is not None]
            longest = max((self.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
            wanted = max(longest + 8, self.header().sectionSizeHint(column))
            self.setColumnWidth(column, min(wanted + 12, int(room * COLUMN_SHARES.get(column, 1))))
        self.scheduleDelayedItemsLayout()  # rows measured again, to wrap at the new widths
        # Tall enough for the rows as wrapped (up to a point), not a list scrolling in a page.
        tall = sum(self.sizeHintForRow(i) for i in range(self.topLevelItemCount()))
        header = self.header().sizeHint().height() + 2 * self.frameWidth()
        self.setMinimumHeight(header + min(max(tall, 72), 400))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() == Qt.Key.Key_Space and plain:
            self.tick_requested.emit()
        elif (event.key() in ENTER_KEYS and plain) or event.key() == Qt.Key.Key_F2:
            self.edit_requested.emit()
        else:
            super().keyPressEvent(event)


class NewItemText(QLineEdit):
    """The new item's words; Enter asks to add it."""

    add_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            self.add_requested.emit()
            return
        super().keyPressEvent(event)
