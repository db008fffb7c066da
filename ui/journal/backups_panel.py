"""Settings' Backups section: automatic backups on or off, their folder, the list, restore."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.errors import JournalError
from iltdesk.messages import backup_not_written
from iltdesk.store.backups import rotation
from ui.journal.measured import run_measured
from ui.kit.context import NOT_WRITTEN, AppContext
from ui.kit.roles import RECORD
from ui.kit.translation import QT_TRANSLATE_NOOP

KINDS: dict[str, str] = {
    "automatic": QT_TRANSLATE_NOOP("backups_panel", "Automatic"),
    "manual": QT_TRANSLATE_NOOP("backups_panel", "Made by you"),
    "before-update": QT_TRANSLATE_NOOP("backups_panel", "Before an update"),
    "before-restore": QT_TRANSLATE_NOOP("backups_panel", "Before a restore"),
}


def when_text(moment: datetime, today: date) -> str:
    """'Today, 08:05', 'Yesterday, 17:40', else 'Mon 2 Mar 2026, 08:05'."""
    clock = f"{moment:%H:%M}"
    if moment.date() == today:
        return QCoreApplication.translate("backups_panel", "Today, {clock}").format(clock=clock)
    if moment.date() == today - timedelta(days=1):
        return QCoreApplication.translate("backups_panel", "Yesterday, {clock}").format(clock=clock)
    return f"{dates.with_weekday(moment.date())}, {clock}"


def size_text(size: int) -> str:
    """Bytes as a person reads them: '812 KB', '3.4 MB'."""
    if size < 1024 * 1024:
        return QCoreApplication.translate("backups_panel", "{size} KB").format(
            size=max(1, round(size / 1024))
        )
    return QCoreApplication.translate("backups_panel", "{size} MB").format(
        size=f"{size / (1024 * 1024):.1f}"
    )


class BackupsPanel(QGroupBox):
    """Changes here apply at once (like the passphrase buttons), not at Save.

    ``restore_requested`` carries the chosen backup and how it is described; the dialog does
    the restore, because it must close and reopen the journal.
    """

    restore_requested = Signal(Path, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Backups", parent)
        self.context = context
        self.automatic = QCheckBox(self.tr("Back up automatically, once a day, when you unlock"))
        self.automatic.toggled.connect(self._set_automatic)
        # Lines broken by hand: a word-wrapped label is not counted in the dialog's minimum
        # height, so on a short screen the list below would overlap it.
        note = QLabel(
            self.tr(
                "Each backup is an encrypted copy, checked after it is written. It opens with\n"
                "the passphrase the journal had that day. The last "
                "{KEEP_DAILY} days and {KEEP_WEEKLY} weeks are kept."
            ).format(KEEP_DAILY=rotation.KEEP_DAILY, KEEP_WEEKLY=rotation.KEEP_WEEKLY)
        )
        note.setObjectName("Hint")
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button = QPushButton(self.tr("Use the default"))
        self.default_button.clicked.connect(self.use_default_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder")))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        self.list = self._backup_list()
        self.status = QLabel()  # one short line, always there, so that the layout never jumps
        self.status.setObjectName("Hint")
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.now_button)
        self.buttons.addWidget(self.restore_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.automatic)
        layout.addWidget(note)
        layout.addLayout(folder_row)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        layout.addLayout(self.buttons)
        self.refresh()

    def _backup_list(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Kind")])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setMinimumHeight(140)
        tree.setMaximumHeight(200)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.itemSelectionChanged.connect(self._selection_changed)
        tree.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        return tree

    def add_button(self, button: QPushButton) -> None:
        """Put one of the dialog's own backup buttons in this section's row."""
        self.buttons.addWidget(button)

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the journal's current backup settings and backups."""
        journal = self.context.journal
        chosen = rotation.chosen_folder(journal)
        self.automatic.blockSignals(True)
        self.automatic.setChecked(rotation.is_enabled(journal))
        self.automatic.blockSignals(False)
        self.folder.setText(str(rotation.backup_folder(journal)))
        self.folder.setCursorPosition(0)
        self.folder.setToolTip(
            self.tr("Chosen in Settings.")
            if chosen
            else self.tr("The default: a private folder beside the journal.")
        )
        self.default_button.setEnabled(chosen is not None)
        today = datetime.now().date()
        self.list.clear()
        for entry in rotation.list_backups(journal.path, chosen):
            item = QTreeWidgetItem(
                [
                    when_text(entry.taken_at, today),
                    size_text(entry.size),
                    QCoreApplication.translate("backups_panel", KINDS[entry.kind]),
                ]
            )
            item.setData(0, RECORD, str(entry.path))
            item.setToolTip(0, str(entry.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        count = self.list.topLevelItemCount()
        self.status.setText(
            self.tr("{count} backups.").format(count=count) if count != 1 else self.tr("1 backup.")
        )
        if count == 0:
            self.status.setText(self.tr("No backups yet."))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    # -- changing -------------------------------------------------------------------------

    def _set_automatic(self, on: bool) -> None:
        journal = self.context.journal
        turned = self.context.write(
            lambda: rotation.set_enabled(journal, on), failed=self.tr("Not changed")
        )
        if turned is NOT_WRITTEN:
            self.refresh()  # said in the status bar; the box shows what the journal keeps

    def choose_folder(self) -> None:
        """Pick another folder for automatic backups (a drive you keep elsewhere, say)."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), str(rotation.backup_folder(self.context.journal))
        )
        if chosen:
            self._set_folder(Path(chosen))

    def use_default_folder(self) -> None:
        """Go back to the private folder beside the journal."""
        self._set_folder(None)

    def _set_folder(self, folder: Path | None) -> None:
        journal = self.context.journal
        self.context.write(
            lambda: rotation.set_folder(journal, folder), failed=self.tr("Folder not changed")
        )
        self.refresh()

    def back_up_now(self) -> None:
        """Write and check a backup into the backups folder now (kept by the same rule)."""
        self.context.flush_all()
        journal = self.context.journal
        try:
            entry, rate = run_measured(
                self,
                self.tr("Writing and checking the backup"),
                lambda told: rotation.take(journal, datetime.now(), told),
            )
        except JournalError as exc:
            self.status.setText(self.tr("Not backed up (see why in the message)."))
            QMessageBox.warning(self, self.tr("Backup failed"), backup_not_written(exc))
            return
        self.refresh()
        self.status.setText(
            self.tr("Backed up and checked ({value}).").format(value=rate.summary())
        )
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, RECORD) == str(entry.path):
                self.list.setCurrentItem(item)

    def restore_selected(self) -> None:
        """Ask the dialog to restore the backup selected in the list."""
        items = self.list.selectedItems()
        if items:
            item = items[0]
            self.restore_requested.emit(
                Path(str(item.data(0, RECORD))), f"{item.text(0)} ({item.text(2).lower()})"
            )
