"""ILT meetings: every meeting of the team, newest first, beside the open one.

A new meeting (Ctrl+Shift+M, or the button) starts from the agenda template; one made and
left untouched is dropped when it is left, like an accidental 1:1.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates, ilt_meeting
from iltdesk.errors import JournalError
from iltdesk.models import IltMeeting
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from ui.kit.context import AppContext, NotWritten
from ui.kit.list_detail import list_detail_layout
from ui.kit.record_actions import confirm_delete
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.meetings.editor import MeetingEditor
from ui.team.meetings.template_dialog import TemplateDialog

NEW_SHORTCUT = "Ctrl+Shift+M"  # the Team menu's "New ILT meeting"
EMPTY = QT_TRANSLATE_NOOP(
    "page", "No ILT meetings yet — Ctrl+Shift+M starts one from your agenda template."
)


def meeting_row(meeting: IltMeeting) -> tuple[str, str]:
    """A meeting in the list: its day, then its title (else what the team learned). The day
    and title on one line left the title cut to a word or two beside a 1024 px window."""
    return dates.with_weekday(meeting.held_on), meeting.title or meeting.pl_topic or " "


class MeetingList(QListWidget):
    """The meetings; Delete asks to delete the current one."""

    def __init__(self, page: MeetingsPage) -> None:
        super().__init__()
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.page.delete_current()
            return
        super().keyPressEvent(event)


class MeetingsPage(QWidget):
    """The list of ILT meetings and the open meeting's editor."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.fresh: int | None = None  # made here and not yet left: dropped if untouched
        self._watched: object = None
        self.list = MeetingList(self)
        self.list.setAccessibleName(self.tr("ILT meetings, newest first"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        self.editor = MeetingEditor(context)
        self.editor.meeting_saved.connect(self._saved)
        self.empty = hint(QCoreApplication.translate("page", EMPTY))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = list_detail_layout(self, self._buttons(), self.list, self.editor, self.empty)
        self.refresh()

    def _buttons(self) -> QWidget:
        self.new_button = QPushButton(self.tr("New meeting"))
        self.new_button.setObjectName("Primary")
        self.new_button.setToolTip(
            self.tr("Start a meeting from the agenda template ({NEW_SHORTCUT})").format(
                NEW_SHORTCUT=NEW_SHORTCUT
            )
        )
        self.new_button.clicked.connect(self.new_meeting)
        self.template_button = QPushButton(self.tr("Agenda &template…"))
        self.template_button.setToolTip(self.tr("The parts a new meeting starts from"))
        self.template_button.clicked.connect(self.edit_template)
        self.share_button = QPushButton(self.tr("&Share the summary…"))
        self.share_button.setToolTip(
            self.tr(
                "The open meeting's notes as a PDF to hand the team (your private notes left out)"
            )
        )
        self.share_button.clicked.connect(self.share_summary)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the open meeting (Delete in the list)"))
        self.delete_button.clicked.connect(self.delete_current)
        title = QLabel(self.tr("ILT meetings"))
        title.setObjectName("PageTitle")
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(title)
        column.addLayout(row)
        column.addWidget(self.template_button)
        column.addWidget(self.share_button)
        return box

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the meetings, keeping the open one (its typed text is saved first)."""
        if not self.editor.autosaver.flush():
            return
        current = self.current()
        self._reload(current.id if current else None, rebuild=False)
        if current is not None and self.current() is current:
            self.editor.reload()  # the charter's words, a new member's name, new items

    def _reload(self, meeting_id: int | None = None, *, rebuild: bool = True) -> None:
        """Fill the list and open ``meeting_id`` (the newest when it is gone or None)."""
        found = ilt_meeting.meetings(self.context.journal)
        same = self.editor.meeting is not None and self.editor.meeting.id == meeting_id
        self.list.blockSignals(True)
        self.list.clear()
        for meeting in found:
            item = QListWidgetItem("\n".join(meeting_row(meeting)))
            item.setData(RECORD_ID, meeting.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [m.id for m in found]
        if meeting_id not in ids:
            meeting_id = ids[0] if ids else None
        if meeting_id is None:
            self.editor.load(None)
            self.stack.setCurrentWidget(self.empty)
            self.delete_button.setEnabled(False)
            self.share_button.setEnabled(False)
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(ids.index(meeting_id))
        self.list.blockSignals(False)
        self.delete_button.setEnabled(True)
        self.share_button.setEnabled(True)
        self.stack.setCurrentWidget(self.editor)
        if rebuild or not same:
            self.editor.load(found[ids.index(meeting_id)])

    def current(self) -> IltMeeting | None:
        return self.editor.meeting if self.stack.currentWidget() is self.editor else None

    def _current_changed(
        self, item: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        meeting_id = int(item.data(RECORD_ID)) if item is not None else None
        meeting = ilt_meeting.get_meeting(self.context.journal, meeting_id) if meeting_id else None
        if not self.editor.load(meeting):  # unsaved text that cannot be saved yet: stay
            self.list.blockSignals(True)
            if previous is not None:
                self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.editor if meeting is not None else self.empty)
        if self.fresh is not None and meeting_id != self.fresh:
            QTimer.singleShot(0, self, self._leave_and_reload)

    def _saved(self, meeting: IltMeeting) -> None:
        """Show a saved meeting's new day or title in the list (re-sorted if the day moved)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(RECORD_ID) == meeting.id:
                item.setText("\n".join(meeting_row(meeting)))

    def open(self, where: Location) -> bool:
        """Open the meeting ``where`` points at, at the part, item or plus/delta it names."""
        meeting_id = where.meeting_id
        if where.kind is RecordKind.ILT_MEETING:
            meeting_id = where.record_id
        if meeting_id is None or not self.editor.autosaver.flush():
            return False
        if all(self.list.item(r).data(RECORD_ID) != meeting_id for r in range(self.list.count())):
            self._reload(meeting_id)
        self.select(meeting_id)
        shown = self.current()
        if shown is None or shown.id != meeting_id:
            return False
        if where.kind is RecordKind.MEETING_SECTION:
            self.editor.focus_part(where.record_id)
        elif where.kind is RecordKind.MEETING_AGENDA_ITEM:
            self.editor.focus_agenda_item(where.record_id)
        elif where.kind is RecordKind.ACTION_ITEM:
            self.editor.focus_action_item(where.record_id)
        elif where.kind is RecordKind.MEETING_FEEDBACK:
            self.editor.focus_plus_delta()
        else:
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def select(self, meeting_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(RECORD_ID) == meeting_id:
                self.list.setCurrentRow(row)
                return

    # -- making, leaving and deleting ---------------------------------------------------------

    def new_meeting(self) -> None:
        """Make a meeting today from the template and put the cursor in its first part."""
        if not self.editor.autosaver.flush():
            return
        self.leave()  # a second Ctrl+Shift+M leaves the first, if untouched
        journal = self.context.journal
        meeting = self.context.write(
            lambda: ilt_meeting.new_meeting(journal), Change(RecordKind.ILT_MEETING)
        )
        if isinstance(meeting, NotWritten):
            return
        self.fresh = meeting.id
        self._reload(meeting.id)
        self.editor.focus_part()

    def leave(self) -> bool:
        """The meeting just made is being left: drop it if nothing was put in it."""
        fresh, self.fresh = self.fresh, None
        if fresh is None or not self.editor.autosaver.flush():
            return False
        try:
            dropped = ilt_meeting.discard_if_untouched(self.context.journal, fresh)
        except JournalError:
            return False  # gone already, or the journal is closing
        if dropped:
            self.context.announce(RecordKind.ILT_MEETING)
        return dropped

    def _leave_and_reload(self) -> None:
        if self.leave():
            current = self.current()
            self._reload(current.id if current else None, rebuild=False)

    def hideEvent(self, event: QHideEvent) -> None:
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

    def delete_current(self) -> None:
        """Delete the open meeting after asking; its team action items stay."""
        meeting = self.current()
        if meeting is None:
            return
        what = self.tr(
            "Delete the ILT meeting of {day}, its notes, attendance, "
            "agenda and plus/delta? Its action items are kept."
        ).format(day=dates.long(meeting.held_on))
        if not confirm_delete(self, self.tr("Delete this meeting?"), what):
            return
        self.editor.autosaver.discard()
        journal, meeting_id = self.context.journal, meeting.id or 0
        gone = self.context.write(
            lambda: ilt_meeting.delete_meeting(journal, meeting_id),
            Change(RecordKind.ILT_MEETING),
            failed=self.tr("Not deleted"),
        )
        if isinstance(gone, NotWritten):
            self.editor.autosaver.touch()
            return
        if meeting_id == self.fresh:
            self.fresh = None
        self.editor.meeting = None
        self._reload()

    def share_summary(self) -> None:
        """Preview the open meeting's summary and export or print it (saved first)."""
        meeting = self.current()
        if meeting is None or not self.editor.autosaver.flush():
            return
        # Imported on first use: printing support is not needed to start the app.
        from ui.team.meetings.summary_export import export_meeting_summary

        export_meeting_summary(self.context, meeting.id or 0, self)

    def edit_template(self) -> None:
        """Edit the agenda template (for meetings still to come)."""
        TemplateDialog(self.context, self).exec()
