"""Difficult conversations: the list (by lead, each with its stage) beside the one open, laid
out as the conversation goes: plan, rehearse, hold, debrief, follow up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.conversation import (
    conversation_title,
    conversations,
    delete_conversation,
    stage_of,
    stage_title,
)
from iltdesk.lead import LeadSummary, lead_summaries
from iltdesk.models import DifficultConversation
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.icons import icon
from ui.kit.list_detail import list_detail_layout
from ui.kit.record_actions import confirm_delete
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.conversations.editor import ConversationEditor
from ui.team.conversations.new_dialog import NewConversationDialog

NEW_SHORTCUT = "Ctrl+Shift+D"
PURPOSE = QT_TRANSLATE_NOOP(
    "page",
    (
        "Hard conversations your leads hold with teachers, and your own: plan them, rehearse "
        "them, then debrief what happened and what follows."
    ),
)
EMPTY = QT_TRANSLATE_NOOP(
    "page",
    (
        "No difficult conversations yet.\n\nWhen a lead has to tell a teacher something hard, "
        "plan it here together:\nthe goal, the first words, the likely reactions; then rehearse it."
    ),
)
ALL_LEADS = QT_TRANSLATE_NOOP("page", "Everyone's")  # also the filter's data: compared untranslated
NO_LEAD_FILTER = QT_TRANSLATE_NOOP("page", "Mine, with no lead")


def conversation_row(c: DifficultConversation, leads: dict[int, str], today: date) -> str:
    """A conversation as two list lines: with whom, then its stage, day and lead."""
    day = c.held_on or c.planned_on
    mine = QCoreApplication.translate("page", "mine")
    whose = leads.get(c.lead_id or 0, "") if c.lead_id is not None else mine
    if c.holder == "principal" and c.lead_id is not None:
        whose = QCoreApplication.translate("page", "mine, with {lead}").format(lead=whose)
    stage = stage_title(stage_of(c, today))
    return f"{conversation_title(c)}\n{stage} · {dates.list_date(day, today)} · {whose}"


class ConversationsPage(QWidget):
    """The Team section's difficult conversations."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.leads: list[LeadSummary] = []
        self.shown: list[DifficultConversation] = []
        title = QLabel(self.tr("Difficult conversations"))
        title.setObjectName("PageTitle")
        purpose = QLabel(QCoreApplication.translate("page", PURPOSE))
        purpose.setObjectName("PageSubtitle")
        purpose.setWordWrap(True)
        self.new_button = QPushButton(
            icon("add", theme.colour("on_accent")), self.tr("New conversation…")
        )
        self.new_button.setObjectName("Primary")
        self.new_button.setToolTip(
            self.tr("Plan a difficult conversation ({NEW_SHORTCUT})").format(
                NEW_SHORTCUT=NEW_SHORTCUT
            )
        )
        self.new_button.clicked.connect(self.new_conversation)
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show the conversations of"))
        self.filter.currentIndexChanged.connect(lambda _i: self._show_list())
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conversations, the latest first"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        self.editor = ConversationEditor(context)
        self.editor.saved.connect(self._update_row)
        self.editor.delete_requested.connect(self.delete)
        self.empty = hint(QCoreApplication.translate("page", EMPTY))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head = QWidget()
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(0, 0, 0, 0)
        head_layout.addWidget(self.new_button)
        head_layout.addWidget(self.filter)
        body = QWidget()
        self.stack = list_detail_layout(body, head, self.list, self.editor, self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addWidget(body, 1)
        new = QShortcut(QKeySequence(NEW_SHORTCUT), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.new_conversation)
        context.changed.connect(self._changed_elsewhere)
        self.refresh()

    # -- showing ------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Re-read the leads and conversations, keeping (or moving) the selection."""
        if not self.editor.autosaver.flush():
            return
        self.leads = lead_summaries(self.context.journal, include_archived=True)
        kept = self.filter.currentData() if self.filter.count() else ALL_LEADS
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(QCoreApplication.translate("page", ALL_LEADS), ALL_LEADS)
        self.filter.addItem(QCoreApplication.translate("page", NO_LEAD_FILTER), None)
        for lead in self.leads:
            if lead.active:
                self.filter.addItem(lead.name, lead.id)
        self.filter.setCurrentIndex(max(self.filter.findData(kept), 0))
        self.filter.blockSignals(False)
        self._show_list(select_id)

    def _show_list(self, select_id: int | None = None) -> None:
        current = self.editor.conversation
        keep = select_id or (current.id if current else None)
        wanted = self.filter.currentData()
        found = conversations(self.context.journal)
        if wanted != ALL_LEADS:
            found = [c for c in found if c.lead_id == wanted]
        self.shown = found
        names = {lead.id: lead.name for lead in self.leads}
        today = date.today()
        self.list.blockSignals(True)
        self.list.clear()
        for c in found:
            item = QListWidgetItem(conversation_row(c, names, today))
            item.setData(RECORD_ID, c.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in found]
        self.select(keep if keep in ids else (ids[0] if ids else None))

    def select(self, conversation_id: int | None) -> bool:
        """Open one conversation of the list (or none); False if it is not listed."""
        ids = [c.id for c in self.shown]
        if conversation_id is None or conversation_id not in ids:
            self.editor.load(None, self.leads)
            self.stack.setCurrentWidget(self.empty)
            return False
        row = ids.index(conversation_id)
        if self.list.currentRow() == row:
            self._current_changed(self.list.item(row), None)
        else:
            self.list.setCurrentRow(row)
        return True

    def open(self, where: Location) -> bool:
        """Show the conversation ``where`` points at, whichever lead the list showed."""
        if where.kind is not RecordKind.CONVERSATION:
            return False
        self.refresh()
        if where.record_id not in [c.id for c in self.shown]:
            self.filter.setCurrentIndex(0)  # everyone's: the list then holds it
        found = self.select(where.record_id)
        if found:
            self.editor.with_whom.setFocus(Qt.FocusReason.OtherFocusReason)
        return found

    def _current_changed(self, item: QListWidgetItem | None, previous: object) -> None:
        chosen = next((c for c in self.shown if item and c.id == item.data(RECORD_ID)), None)
        if not self.editor.load(chosen, self.leads):
            # Text that could not be saved stays on screen with its conversation.
            kept = self.editor.conversation
            self.list.blockSignals(True)
            ids = [c.id for c in self.shown]
            self.list.setCurrentRow(ids.index(kept.id) if kept and kept.id in ids else -1)
            self.list.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.editor if chosen else self.empty)

    def _update_row(self, saved: DifficultConversation) -> None:
        names = {lead.id: lead.name for lead in self.leads}
        for row, known in enumerate(self.shown):
            if known.id == saved.id:
                self.shown[row] = saved
                self.list.item(row).setText(conversation_row(saved, names, date.today()))

    # -- adding and removing ------------------------------------------------------------------

    def new_conversation(self) -> None:
        """Ask whose conversation and with whom, then open it to plan."""
        if not self.editor.autosaver.flush():
            return
        wanted = self.filter.currentData()
        lead_id = wanted if isinstance(wanted, int) else None
        dialog = NewConversationDialog(self.context, self.leads, lead_id, self)
        if dialog.exec() and dialog.saved is not None:
            self.filter.setCurrentIndex(0)
            self.refresh(dialog.saved.id)
            self.editor.opening.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete(self, conversation_id: int) -> None:
        """Remove a conversation after asking; its follow-up items stay as action items."""
        c = next((c for c in self.shown if c.id == conversation_id), None)
        if c is None:
            return
        what = self.tr(
            "{title}, planned {day}. Its follow-up items stay on the action items lists."
        ).format(title=conversation_title(c), day=dates.short(c.planned_on))
        if not confirm_delete(self, self.tr("Delete this conversation?"), what):
            return
        self.editor.autosaver.discard()
        gone = self.context.write(
            lambda: delete_conversation(self.context.journal, conversation_id),
            Change(RecordKind.CONVERSATION, c.lead_id),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.editor.conversation = None
            self.refresh()

    def _changed_elsewhere(self, change: Change) -> None:
        # Its own saves update their row as they happen; a lead renamed, added or archived
        # changes the names and the filter.
        if change.about(RecordKind.LEAD) and self.isVisible():
            self.refresh()
