"""A lead's 1:1s: the timeline on the left, the open 1:1 on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates, one_on_one
from iltdesk.errors import JournalError
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import OneOnOne
from iltdesk.presenting import summary_shown
from iltdesk.record_kinds import RecordKind
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.icons import icon
from ui.kit.record_actions import TO_TRASH
from ui.kit.rich_delegate import TwoLineDelegate
from ui.lead.one_on_ones.editor import OneOnOneEditor
from ui.lead.one_on_ones.list_model import OneOnOneListModel


class OneOnOnesView(QWidget):
    """Timeline and editor for one lead's 1:1s."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.model = OneOnOneListModel()
        self.timeline = QListView()
        self.timeline.setModel(self.model)
        self.timeline.setAccessibleName(self.tr("1:1s, newest first"))
        self.timeline.setUniformItemSizes(True)  # every row is two lines: fast with 1,000s
        self.timeline.setItemDelegate(TwoLineDelegate(self.timeline))
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button = QPushButton(
            icon("meeting", theme.colour("on_accent")), self.tr("New 1:1")
        )
        self.new_button.setObjectName("Primary")
        self.new_button.setToolTip(self.tr("Start a 1:1 from the agenda template (Ctrl+N)"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("Delete…"))
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
        self._present(self.context.presenter.on)
        self.context.presenter.changed.connect(self._present)
        self.editor.setAccessibleName(self.tr("The open 1:1"))
        # With no 1:1 open, an empty state stands in for the editor, which may still hold
        # the previous lead's 1:1: nothing of it shows under another lead's name.
        self.empty = QLabel()
        self.empty.setObjectName("Hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor)
        self.fresh: int | None = None  # a 1:1 started here and not yet left: dropped if untouched
        self._watched: object = None  # the window whose lock or quit this view leaves with
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_lead(self, lead_id: int) -> bool:
        """Load a lead's 1:1s and open the newest; False if unsaved text must stay on screen."""
        if not self.editor.autosaver.flush():
            return False
        if lead_id != self.lead_id:
            self.leave()
        self.lead_id = lead_id
        name = short_name(get_lead(self.context.journal, lead_id).name)
        self.empty.setText(
            self.tr("No 1:1s with {name} yet — Ctrl+N starts one.").format(name=name)
        )
        self._reload()
        return True

    def _reload(self, meeting_id: int | None = None) -> None:
        """Re-read the lead's 1:1s and open ``meeting_id`` (by default the newest)."""
        if self.lead_id is None:
            return
        journal = self.context.journal
        self.model.set_days(
            one_on_one.one_on_one_days(journal, self.lead_id),
            lambda ids: one_on_one.notes_of(journal, ids),
        )
        if meeting_id is None or self.model.row_of(meeting_id) < 0:
            meeting_id = self.model.meeting_id(0) if self.model.rowCount() else None
        self.select(meeting_id)

    def _present(self, presenting: bool) -> None:
        shown = summary_shown(RecordKind.ONE_ON_ONE, presenting=presenting)
        self.model.hide_notes(not shown)

    def select(self, meeting_id: int | None) -> None:
        """Open one 1:1 (or none: the empty state)."""
        row = -1 if meeting_id is None else self.model.row_of(meeting_id)
        if row < 0 and meeting_id is not None and self.model.rowCount():
            row = 0  # gone (dropped or deleted): the newest instead
        if row < 0:
            self.editor.load(None)
            self.delete_button.setEnabled(False)
            self.right.setCurrentWidget(self.empty)
            return
        index = self.model.index(row)
        self.timeline.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.timeline.scrollTo(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        meeting = None
        if current.isValid():  # the list holds days and first lines: the 1:1 is read whole
            meeting = one_on_one.get_one_on_one(
                self.context.journal, self.model.meeting_id(current.row())
            )
        if not self.editor.load(meeting):
            # The open 1:1 holds text that could not be saved: stay on it.
            selection = self.timeline.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(previous, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            return
        self.delete_button.setEnabled(meeting is not None)
        self.right.setCurrentWidget(self.editor if meeting is not None else self.empty)
        if self.fresh is not None and meeting is not None and meeting.id != self.fresh:
            # Moved to another 1:1: the one just started is left. (Not while the model is
            # telling its views about this change.)
            QTimer.singleShot(0, self, self._leave_and_reload)

    def start_new(self) -> None:
        """Start a 1:1 today from the template and put the cursor in its notes."""
        if self.lead_id is None or not self.editor.autosaver.flush():
            return
        self.leave()  # a second Ctrl+N leaves the first, if untouched
        journal, lead_id = self.context.journal, self.lead_id
        meeting = self.context.write(lambda: one_on_one.start_one_on_one(journal, lead_id))
        if isinstance(meeting, NotWritten):
            return
        self.fresh = meeting.id
        self._reload(meeting.id)
        self.editor.notes.setFocus()
        self.context.announce(RecordKind.ONE_ON_ONE, lead_id)

    # -- leaving a 1:1 just started -------------------------------------------------------

    def leave(self) -> bool:
        """The 1:1 just started is being left (another lead, 1:1 or page; lock; quit): drop
        it if nothing was put in it (an accidental Ctrl+N must not count as a meeting).
        True if it was dropped."""
        fresh, self.fresh = self.fresh, None
        if fresh is None or not self.editor.autosaver.flush():
            return False
        try:
            dropped = one_on_one.discard_if_untouched(self.context.journal, fresh)
        except JournalError:
            return False  # gone already, or the journal is closing: nothing to drop
        if dropped:
            self.context.announce(RecordKind.ONE_ON_ONE, self.lead_id)
        return dropped

    def _leave_and_reload(self) -> None:
        if self.leave():
            current = self.current()
            self._reload(current.id if current else None)

    def hideEvent(self, event: QHideEvent) -> None:
        # Another tab or page (not the window being minimised: that is the system's hide).
        if not event.spontaneous() and self.fresh is not None:
            self._leave_and_reload()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        finishing = getattr(window, "finishing", None)  # MainWindow: lock or quit is coming
        if finishing is not None and self._watched is not window:
            self._watched = window
            finishing.connect(lambda *_: self.leave())

    def current(self) -> OneOnOne | None:
        """The open 1:1."""
        # The editor holds the one selected, as last saved.
        return self.editor.meeting if self.timeline.currentIndex().isValid() else None

    def delete_current(self) -> None:
        """Delete the open 1:1 after asking."""
        meeting = self.current()
        if meeting is None or self.lead_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete this 1:1?"),
            self.tr(
                "Delete the 1:1 of {value} and its agenda? Its action items are kept. {TO_TRASH}"
            ).format(
                value=dates.long(meeting.held_on),
                TO_TRASH=QCoreApplication.translate("record_actions", TO_TRASH),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editor.autosaver.discard()
        journal, meeting_id = self.context.journal, meeting.id or 0
        gone = self.context.write(
            lambda: one_on_one.delete_one_on_one(journal, meeting_id), failed=self.tr("Not deleted")
        )
        if isinstance(gone, NotWritten):
            self.editor.autosaver.touch()  # still there: what is on screen is saved again
            return
        if meeting.id == self.fresh:
            self.fresh = None
        self._reload()
        self.context.announce(RecordKind.ONE_ON_ONE, self.lead_id)

    def open_meeting_of(self, meeting_id: int) -> None:
        """Select a 1:1 by id (from search or Today)."""
        self.select(meeting_id)
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
