"""The charter's view of meeting feedback: the latest plus/deltas, to read.

Each plus/delta is gathered at the end of an ILT meeting and kept with it (Team → ILT
meetings), where it is written and where the next meeting answers it. Here the charter page
only shows the most recent ones beside the team's purpose; Enter opens the meeting there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from iltdesk import dates
from iltdesk.charter import meeting_feedback
from iltdesk.models import MeetingFeedback
from iltdesk.record_kinds import RecordKind
from ui.kit.context import AppContext
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP

RECENT = 6  # a few meetings: the whole history lives with the meetings
EMPTY = QT_TRANSLATE_NOOP(
    "meeting_feedback",
    (
        "Nothing yet. The plus/delta that closes each ILT meeting is written in the meeting "
        "(Team → ILT meetings, Ctrl+Shift+M) and shows here too."
    ),
)


def entry_lines(entry: MeetingFeedback) -> tuple[str, str]:
    """A plus/delta in the list: the meeting's day, then what was said and answered."""
    said = [f"+ {entry.plus}" if entry.plus else "", f"Δ {entry.delta}" if entry.delta else ""]
    if entry.response:
        said.append(f"→ {entry.response}")
    return dates.with_weekday(entry.met_on), "   ".join(part for part in said if part)


class FeedbackList(QListWidget):
    """The entries; Enter opens the current one's meeting."""

    def __init__(self, log: FeedbackLog) -> None:
        super().__init__()
        self.log = log

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.log.open_current()
            return
        super().keyPressEvent(event)


class FeedbackLog(QFrame):
    """The latest meetings' plus/delta, last meeting first, read-only."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("Card")
        self.context = context
        title = QLabel(self.tr("Meeting feedback"))
        title.setObjectName("SectionTitle")
        title.setStyleSheet("margin-top: 0")
        self.open_button = QPushButton(self.tr("Open the meeting"))
        self.open_button.setToolTip(
            self.tr("Open the chosen plus/delta's meeting (Enter in the list)")
        )
        self.open_button.clicked.connect(self.open_current)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.open_button)
        self.empty = hint(QCoreApplication.translate("meeting_feedback", EMPTY))
        self.list = FeedbackList(self)
        self.list.setAccessibleName(self.tr("Latest meetings' plus/delta, last meeting first"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda *_: self.open_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(
            hint(
                self.tr(
                    "What the team said at the end of its latest meetings. They are kept, written "
                    "and answered with each meeting (Team → ILT meetings)."
                )
            )
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.list)

    def refresh(self) -> bool:
        """Reload the latest entries (nothing here is typed: always True)."""
        entries = meeting_feedback(self.context.journal)[:RECENT]
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem("\n".join(entry_lines(entry)))
            item.setData(RECORD_ID, entry.id)
            item.setToolTip(entry_lines(entry)[1])
            self.list.addItem(item)
        rows = self.list.sizeHintForRow(0) if entries else 0
        self.list.setFixedHeight(rows * len(entries) + 2 * self.list.frameWidth() + 2)
        self.list.setVisible(bool(entries))
        self.open_button.setEnabled(bool(entries))
        self.empty.setVisible(not entries)
        return True

    def entry_ids(self) -> list[int]:
        """The entries shown, top to bottom."""
        return [int(self.list.item(row).data(RECORD_ID)) for row in range(self.list.count())]

    def select(self, entry_id: int) -> bool:
        """Put the cursor on one entry; False if it is not among the latest."""
        for row in range(self.list.count()):
            if self.list.item(row).data(RECORD_ID) == entry_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def open_current(self) -> None:
        """Open the current entry's meeting, at its plus/delta."""
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self.context.open_record.emit(RecordKind.MEETING_FEEDBACK, int(item.data(RECORD_ID)))
