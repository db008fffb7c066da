"""A lead's 1:1s as a list model, newest first (paged by Qt, not built as widgets).

The model knows every 1:1's id and day from the start (the list's length, order, and where a
1:1 opened from search sits), and reads the notes of the rows drawn a page at a time: a lead
kept for years has thousands of 1:1s, and reading them whole made the tab slow to show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from iltdesk import dates
from iltdesk.models import OneOnOne
from iltdesk.one_on_one import clip, no_notes, said_lines
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
    return no_notes()


NotesReader = Callable[[Sequence[int]], dict[int, str]]
PAGE = 64  # rows whose notes are read together: a screenful or two


def _no_notes(ids: Sequence[int]) -> dict[int, str]:
    return {}


class OneOnOneListModel(QAbstractListModel):
    """Rows of ``date — first line of the notes``."""

    def __init__(self) -> None:
        super().__init__()
        self.days: list[tuple[int, date]] = []  # (id, day held), newest first
        self._rows: dict[int, int] = {}  # id -> row
        self._notes: dict[int, str] = {}  # by id, for the pages read so far
        self._read_notes: NotesReader = _no_notes
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
        """Replace the rows with these 1:1s, read whole."""
        notes = {m.id or 0: m.notes for m in meetings}
        self.set_days(
            [(m.id or 0, m.held_on) for m in meetings],
            lambda ids: {i: notes[i] for i in ids if i in notes},
        )

    def set_days(self, days: list[tuple[int, date]], read_notes: NotesReader) -> None:
        """Replace the rows: each 1:1's (id, day), newest first, and how to read the notes
        of some of them (called for the rows drawn, a page at a time)."""
        self.beginResetModel()
        self.days = days
        self._rows = {meeting_id: row for row, (meeting_id, _) in enumerate(days)}
        self._notes.clear()
        self._read_notes = read_notes
        self._summaries.clear()
        self.endResetModel()

    def meeting_id(self, row: int) -> int:
        """The id of the 1:1 on ``row``."""
        return self.days[row][0]

    def notes(self, row: int) -> str:
        """The notes of the 1:1 on ``row`` (read with the rest of its page, once)."""
        meeting_id = self.days[row][0]
        if meeting_id not in self._notes:
            first = row - row % PAGE
            page = [i for i, _ in self.days[first : first + PAGE] if i not in self._notes]
            self._notes.update(self._read_notes(page))
        return self._notes.get(meeting_id, "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            day = dates.list_date(self.days[row][1])
            if self._notes_hidden:
                return f"{day}\n1:1"
            return f"{day}\n{clip(self._summary(self.notes(row)), 120)}"
        if role == RECORD_ID:
            return self.days[row][0]
        if role == Qt.ItemDataRole.ToolTipRole and not self._notes_hidden:
            return self._summary(self.notes(row))
        return None

    def row_of(self, meeting_id: int) -> int:
        """The row showing ``meeting_id``, or -1."""
        return self._rows.get(meeting_id, -1)

    def update_meeting(self, meeting: OneOnOne) -> None:
        """Refresh one row after it was saved."""
        meeting_id = meeting.id or 0
        row = self.row_of(meeting_id)
        if row >= 0:
            old = self._notes.pop(meeting_id, None)
            if old is not None:
                self._summaries.pop(old, None)  # autosaves would pile up
            self.days[row] = (meeting_id, meeting.held_on)
            self._notes[meeting_id] = meeting.notes
            self.dataChanged.emit(self.index(row), self.index(row))
