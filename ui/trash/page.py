"""The Trash: what "Delete…" took away in the last 30 days, to restore or remove for good.

Return restores the selected record, Delete removes it for good (after a question), and
"Empty Trash…" removes everything (after a question). A restored record is back on its page:
the pages hear of it as of any other change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates, trash
from iltdesk.errors import UsageError
from iltdesk.record_kinds import Change
from iltdesk.records import Location
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import ask_destructive
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP

PURPOSE = QT_TRANSLATE_NOOP(
    "page",
    (
        "What you deleted in the last 30 days, the latest first. Restore puts a record back where "
        "it was, with everything that was under it; after 30 days it is removed for good."
    ),
)
EMPTY = QT_TRANSLATE_NOOP("page", "The Trash is empty.")
COLUMNS = (
    QT_TRANSLATE_NOOP("page", "What"),
    QT_TRANSLATE_NOOP("page", "Title"),
    QT_TRANSLATE_NOOP("page", "Lead"),
    QT_TRANSLATE_NOOP("page", "Deleted"),
    QT_TRANSLATE_NOOP("page", "Kept for"),
)
ENTRY_ID = Qt.ItemDataRole.UserRole


def days_words(days: int) -> str:
    """How long an item stays: "30 days", "1 day", or that it goes at the next opening."""
    if days <= 0:
        return QCoreApplication.translate("page", "until the journal is next opened")
    if days == 1:
        return QCoreApplication.translate("page", "1 more day")
    return QCoreApplication.translate("page", "{days} more days").format(days=days)


def row_texts(item: trash.TrashItem) -> list[str]:
    """The columns of one item, in words."""
    moment = item.deleted_at.astimezone()
    deleted = f"{dates.list_date(moment.date())}, {moment:%H:%M}"
    return [item.label, item.title, item.lead_name, deleted, days_words(item.days_left)]


MAX_WIDTH = 1200


class TrashPage(QWidget):
    """The Trash's list and its three actions."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = QLabel(self.tr("Trash"))
        title.setObjectName("PageTitle")
        purpose = QLabel(QCoreApplication.translate("page", PURPOSE))
        purpose.setObjectName("PageSubtitle")
        purpose.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Deleted records, the latest first"))
        self.list.setHeaderLabels([QCoreApplication.translate("page", name) for name in COLUMNS])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):  # the title takes the room the others leave
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.list.itemActivated.connect(lambda *_: self.restore_selected())  # Return, double-click
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setToolTip(
            self.tr("Put the selected record back where it was (Return)")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button = QPushButton(self.tr("&Delete forever…"))
        self.delete_button.setToolTip(self.tr("Remove the selected record for good (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty_button = QPushButton(self.tr("Empty &Trash…"))
        self.empty_button.setToolTip(self.tr("Remove everything in the Trash for good"))
        self.empty_button.clicked.connect(self.empty)
        self.show_button = QPushButton(self.tr("&Show it"))
        self.show_button.setToolTip(self.tr("Open the record just restored where it lives"))
        self.show_button.clicked.connect(self.show_restored)
        self.show_button.hide()
        self.restored: trash.Restored | None = None
        self.empty_hint = hint(QCoreApplication.translate("page", EMPTY))
        self.message = hint()
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        # Wide screens: the title stays near its lead and dates (at 1920 px they sat 1,000 px
        # apart).
        body = QWidget(self)
        body.setMaximumWidth(MAX_WIDTH)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(body, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        shown = QHBoxLayout()
        shown.addWidget(self.message, 1)
        shown.addWidget(self.show_button)
        layout.addLayout(shown)
        forever = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        forever.setContext(Qt.ShortcutContext.WidgetShortcut)
        forever.activated.connect(self.delete_selected)
        context.changed.connect(self._changed_elsewhere)
        self.refresh()

    # -- what the shell asks of a page ----------------------------------------------------

    def refresh(self) -> None:
        """Re-read the Trash, keeping the selection where it can."""
        kept = self.selected_id()
        self.show_button.hide()  # what was restored may have been deleted again meanwhile
        self.list.clear()
        for entry in trash.trash_items(self.context.journal):
            row = QTreeWidgetItem(row_texts(entry))
            row.setData(0, ENTRY_ID, entry.id)
            row.setToolTip(1, entry.title)
            self.list.addTopLevelItem(row)
            if entry.id == kept:
                self.list.setCurrentItem(row)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.empty_hint.setVisible(self.list.topLevelItemCount() == 0)
        self._enable()

    def open(self, where: Location) -> bool:
        """No record lives here: a search hit never points at the Trash."""
        return False

    def selected_id(self) -> int | None:
        row = self.list.currentItem()
        return None if row is None else int(row.data(0, ENTRY_ID))

    def _enable(self) -> None:
        chosen = self.selected_id() is not None
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.empty_button.setEnabled(self.list.topLevelItemCount() > 0)

    def _changed_elsewhere(self, _change: Change) -> None:
        if self.isVisible():  # something was deleted or restored: the list may differ
            self.refresh()

    # -- the actions ----------------------------------------------------------------------

    def restore_selected(self) -> None:
        """Put the selected record back; say so, or say what has to come back first."""
        entry_id, row = self.selected_id(), self.list.currentItem()
        if entry_id is None or row is None:
            return
        name = f"{row.text(0)} “{row.text(1)}”"
        journal = self.context.journal
        try:
            back = self.context.write(
                lambda: trash.restore(journal, entry_id), failed=self.tr("Not restored")
            )
        except UsageError as exc:
            QMessageBox.information(self, self.tr("Not restored yet"), str(exc))
            return
        if isinstance(back, NotWritten):
            return
        if back.change_kind is not None:
            self.context.announce(back.change_kind, back.lead_id)  # its page shows it again
        self.refresh()
        self.message.setText(self.tr("Restored {name}: it is back where it was.").format(name=name))
        self.restored = back
        self.show_button.setVisible(back.change_kind is not None)
        self.list.setFocus()

    def show_restored(self) -> None:
        """Open the record just restored on its page."""
        back = self.restored
        if back is not None and back.change_kind is not None:
            self.context.open_record.emit(back.change_kind, back.record_id)

    def delete_selected(self) -> None:
        """Remove the selected record for good, once the person says so."""
        entry_id, row = self.selected_id(), self.list.currentItem()
        if entry_id is None or row is None:
            return
        name = f"{row.text(0)} “{row.text(1)}”"
        question = self.tr("{name}\n\nIt can't be restored after this.").format(name=name)
        if not self._ask(self.tr("Delete forever?"), question):
            return
        journal = self.context.journal
        if not isinstance(
            self.context.write(
                lambda: trash.delete_forever(journal, entry_id), failed=self.tr("Not deleted")
            ),
            NotWritten,
        ):
            self.refresh()
            self.message.setText(self.tr("Deleted {name} for good.").format(name=name))
        self.list.setFocus()

    def empty(self) -> None:
        """Remove everything in the Trash for good, once the person says so."""
        count = self.list.topLevelItemCount()
        if not count:
            return
        if count == 1:
            question = self.tr("This removes 1 deleted record for good.")
        else:
            question = self.tr("This removes all {count} deleted records for good.").format(
                count=count
            )
        if not self._ask(self.tr("Empty the Trash?"), question):
            return
        journal = self.context.journal
        if not isinstance(
            self.context.write(lambda: trash.empty_trash(journal), failed=self.tr("Not emptied")),
            NotWritten,
        ):
            self.refresh()
            self.message.setText(self.tr("The Trash is empty."))
        self.list.setFocus()

    def _ask(self, title: str, text: str) -> bool:
        """A question with Cancel as the default: True only for an explicit "Delete forever"."""
        return ask_destructive(
            self, title, text, self.tr("Delete forever"), QMessageBox.Icon.Warning
        )
