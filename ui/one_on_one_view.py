"""A lead's 1:1s: the timeline on the left, the open 1:1 on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates, one_on_one
from iltdesk.models import OneOnOne
from ui.context import AppContext
from ui.icons import icon
from ui.one_on_one_editor import OneOnOneEditor
from ui.rich_delegate import TwoLineDelegate
from ui.timeline_model import OneOnOneListModel


class OneOnOnesView(QWidget):
    """Timeline and editor for one lead's 1:1s."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.model = OneOnOneListModel()
        self.timeline = QListView()
        self.timeline.setModel(self.model)
        self.timeline.setAccessibleName("1:1s, newest first")
        self.timeline.setUniformItemSizes(True)  # every row is two lines: fast with 1,000s
        self.timeline.setItemDelegate(TwoLineDelegate(self.timeline))
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button = QPushButton(icon("meeting", "#ffffff"), "New 1:1")
        self.new_button.setObjectName("Primary")
        self.new_button.setToolTip("Start a 1:1 from the agenda template (Ctrl+N)")
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 8, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.timeline, 1)
        self.editor = OneOnOneEditor(context)
        self.editor.meeting_saved.connect(self.model.update_meeting)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_lead(self, lead_id: int) -> bool:
        """Load a lead's 1:1s and open the newest; False if unsaved text must stay on screen."""
        if not self.editor.autosaver.flush():
            return False
        self.lead_id = lead_id
        self.model.set_meetings(one_on_one.one_on_ones_for(self.context.journal, lead_id))
        self.select(self.model.meetings[0].id or 0 if self.model.meetings else None)
        return True

    def select(self, meeting_id: int | None) -> None:
        """Open one 1:1 (or none)."""
        row = -1 if meeting_id is None else self.model.row_of(meeting_id)
        if row < 0:
            self.editor.load(None)
            self.delete_button.setEnabled(False)
            return
        index = self.model.index(row)
        self.timeline.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.timeline.scrollTo(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        meeting = self.model.meetings[current.row()] if current.isValid() else None
        if not self.editor.load(meeting):
            # The open 1:1 holds text that could not be saved: stay on it.
            selection = self.timeline.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(previous, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            return
        self.delete_button.setEnabled(meeting is not None)

    def start_new(self) -> None:
        """Start a 1:1 today from the template and put the cursor in its notes."""
        if self.lead_id is None:
            return
        meeting = one_on_one.start_one_on_one(self.context.journal, self.lead_id)
        self.show_lead(self.lead_id)
        self.select(meeting.id)
        self.editor.notes.setFocus()
        self.context.changed.emit("one_on_one")

    def current(self) -> OneOnOne | None:
        """The open 1:1."""
        index = self.timeline.currentIndex()
        return self.model.meetings[index.row()] if index.isValid() else None

    def delete_current(self) -> None:
        """Delete the open 1:1 after asking."""
        meeting = self.current()
        if meeting is None or self.lead_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this 1:1?",
            f"Delete the 1:1 of {dates.long(meeting.held_on)} and its agenda? "
            "Its action items are kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editor.autosaver.discard()
        one_on_one.delete_one_on_one(self.context.journal, meeting.id or 0)
        self.show_lead(self.lead_id)
        self.context.changed.emit("one_on_one")

    def open_meeting_of(self, meeting_id: int) -> None:
        """Select a 1:1 by id (from search or Today)."""
        self.select(meeting_id)
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
