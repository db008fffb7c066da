"""A lead's 1:1s as a list model, newest first (paged by Qt, not built as widgets)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from iltdesk import dates
from iltdesk.models import OneOnOne
from iltdesk.one_on_one import NO_NOTES, clip, said_lines
from iltdesk.report.markdown import plain_text
from ui.kit.roles import RECORD_ID

Index = QModelIndex | QPersistentModelIndex


def summary(notes: str, width: int) -> str:
    """The first line of a 1:1's notes that says something, as it reads: its Markdown marks
    (``**``, ``_``, links, list signs) gone, read as the editor reads them."""
    for line in said_lines(notes):
        # One line at a time: a few dozen microseconds each, so thousands of 1:1s stay quick.
        text = " ".join(plain_text(line).split())
        if text:
            return clip(text, width)
    return NO_NOTES


class OneOnOneListModel(QAbstractListModel):
    """Rows of ``date — first line of the notes``."""

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list[OneOnOne] = []
        # By the notes they sum up: a row is drawn many times, and its notes may change.
        self._summaries: dict[str, str] = {}
        self._notes_hidden = False  # presenter mode: the notes are the principal's own

    def hide_notes(self, hidden: bool) -> None:
        """Show each row's day only (presenter mode), or its notes' first line too."""
        self.beginResetModel()
        self._notes_hidden = hidden
        self.endResetModel()

    def _summary(self, notes: str) -> str:
        if notes not in self._summaries:
            self._summaries[notes] = summary(notes, 200)
        return self._summaries[notes]

    def set_meetings(self, meetings: list[OneOnOne]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.meetings = meetings
        self._summaries.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.meetings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        meeting = self.meetings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self._notes_hidden:
                return f"{dates.list_date(meeting.held_on)}\n1:1"
            return f"{dates.list_date(meeting.held_on)}\n{clip(self._summary(meeting.notes), 120)}"
        if role == RECORD_ID:
            return meeting.id
        if role == Qt.ItemDataRole.ToolTipRole and not self._notes_hidden:
            return self._summary(meeting.notes)
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
            self._summaries.pop(self.meetings[row].notes, None)  # autosaves would pile up
            self.meetings[row] = meeting
            self.dataChanged.emit(self.index(row), self.index(row))
