"""A lead's 1:1s as a list model, newest first (paged by Qt, not built as widgets)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from iltdesk import dates
from iltdesk.models import OneOnOne
from iltdesk.one_on_one import summary_line
from ui.kit.roles import RECORD_ID

Index = QModelIndex | QPersistentModelIndex


class OneOnOneListModel(QAbstractListModel):
    """Rows of ``date — first line of the notes``."""

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list[OneOnOne] = []

    def set_meetings(self, meetings: list[OneOnOne]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.meetings = meetings
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.meetings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        meeting = self.meetings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{dates.list_date(meeting.held_on)}\n{summary_line(meeting, 120)}"
        if role == RECORD_ID:
            return meeting.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return summary_line(meeting, 200)
        return None

    def row_of(self, meeting_id: int) -> int:
        """The row showing ``meeting_id``, or -1."""
        for row, meeting in enumerate(self.meetings):
            if meeting.id == meeting_id:
                return row
        return -1

    def update_meeting(self, meeting: OneOnOne) -> None:
        """Refresh one row after it was saved."""
        row = self.row_of(meeting.id or 0)
        if row >= 0:
            self.meetings[row] = meeting
            self.dataChanged.emit(self.index(row), self.index(row))
