"""The welcome window: create a journal, open one, or pick a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.paths import JOURNAL_SUFFIX
from iltdesk.store.journal import Journal
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.recent import recent_journals
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD


class WelcomeWindow(QWidget):
    """Shown when there is no journal to open yet."""

    journal_chosen = Signal(Path)  # an existing journal to unlock
    journal_created = Signal(Journal)

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Welcome — iltdesk"))
        self.setMinimumSize(560, 420)
        title = QLabel("iltdesk")
        title.setObjectName("PageTitle")
        subtitle = QLabel(
            self.tr("A private, encrypted journal for coaching your Instructional Leadership Team.")
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)
        create = QPushButton(self.tr("Create a new journal…"))
        create.setObjectName("Primary")
        create.clicked.connect(self.create_journal)
        # Enter creates, and the ring shows where Enter goes: in a window that is not a
        # dialog a push button neither takes Enter nor is focused unless told.
        create.setAutoDefault(True)
        create.setDefault(True)
        self.create_button = create
        open_button = QPushButton(self.tr("Open a journal…"))
        open_button.clicked.connect(self.browse)
        open_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(create)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        recent_title = QLabel(self.tr("Recent journals"))
        recent_title.setObjectName("SectionTitle")
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent journals"))
        self.recent.setItemDelegate(TwoLineDelegate(self.recent))
        self.recent.itemActivated.connect(self._open_item)
        self._fill_recent()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 1)
        create.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_recent(self) -> None:
        self.recent.clear()
        for path in recent_journals():
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(RECORD, str(path))
            if not path.exists():
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                missing = self.tr("{name}  (missing)\n{folder}")
                item.setText(missing.format(name=path.name, folder=path.parent))
            self.recent.addItem(item)
        if not self.recent.count():
            placeholder = QListWidgetItem(
                self.tr("No journals yet\nJournals you open will be listed here.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)
        elif self.recent.item(0).flags() & Qt.ItemFlag.ItemIsEnabled:
            self.recent.setCurrentRow(0)

    def _open_item(self, item: QListWidgetItem) -> None:
        value = item.data(RECORD)
        if value:
            self.journal_chosen.emit(Path(str(value)))

    def create_journal(self) -> None:
        """Ask for what a new journal needs, then hand it over open."""
        dialog = CreateJournalDialog(self)
        if dialog.exec() and dialog.journal is not None:
            self.journal_created.emit(dialog.journal)

    def browse(self) -> None:
        """Pick an existing journal file."""
        kinds = self.tr("iltdesk journal (*{suffix});;All files (*)").format(suffix=JOURNAL_SUFFIX)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a journal"), "", kinds)
        if chosen:
            self.journal_chosen.emit(Path(chosen))
