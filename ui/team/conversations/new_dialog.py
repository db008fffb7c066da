"""Start planning a difficult conversation: whose it is, with whom, and what it is for.

Everything else (the opening words, the reactions, the rehearsal...) is written on the page,
where it saves itself; this asks only what the conversation cannot start without.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.conversation import add_conversation
from iltdesk.lead import LeadSummary
from iltdesk.models import ConversationHolder, DifficultConversation
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say

WHOSE = (
    (QT_TRANSLATE_NOOP("new_dialog", "A lead's, with teachers"), ConversationHolder.lead),
    (QT_TRANSLATE_NOOP("new_dialog", "My own"), ConversationHolder.principal),
)
NO_LEAD = QT_TRANSLATE_NOOP("new_dialog", "No lead")


class NewConversationDialog(GuardedDialog):
    """Whose conversation, the lead, with whom and the goal; Tab moves on, Enter (or
    Ctrl+Enter) starts it."""

    def __init__(
        self,
        context: AppContext,
        leads: list[LeadSummary],
        lead_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.leads = [lead for lead in leads if lead.active]
        self.saved: DifficultConversation | None = None
        self.setWindowTitle(self.tr("Plan a difficult conversation — iltdesk"))
        self.setMinimumWidth(560)
        self.whose = QComboBox()
        self.whose.setAccessibleName(self.tr("Whose conversation"))
        self.whose.addItems([QCoreApplication.translate("new_dialog", text) for text, _ in WHOSE])
        self.lead = QComboBox()
        self.lead.setAccessibleName(self.tr("The lead"))
        self.with_whom = QLineEdit()
        self.with_whom.setObjectName("NewWithWhom")
        self.with_whom.setAccessibleName(self.tr("With whom"))
        self.with_whom.setPlaceholderText(self.tr("The teacher or teachers, in your words"))
        self.goal = QLineEdit()
        self.goal.setPlaceholderText(self.tr("What should be true when it is over?"))
        self.goal.setObjectName("NewGoal")
        self.goal.setAccessibleName(self.tr("The goal"))
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.whose.currentIndexChanged.connect(lambda _i: self._fill_leads())
        self._fill_leads(lead_id)
        self._lay_out()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.whose.setFocus()
        self.mark_clean()
        self.keep_drafts("conversation", "new", context)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Whose conversation"), self.whose)
        form.addRow(self.tr("&Lead"), self.lead)
        form.addRow(self.tr("With &whom"), self.with_whom)
        form.addRow(self.tr("The &goal"), self.goal)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        start = QPushButton(self.tr("Start planning"))
        start.setObjectName("Primary")
        start.setToolTip(self.tr("Enter or Ctrl+Enter"))
        buttons.addButton(start, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(
            hint(
                self.tr(
                    "A hard conversation goes better planned, and better still rehearsed. Start "
                    "with who it is with and what it is for; the opening words, the likely "
                    "reactions and the rehearsal follow on the page."
                )
            )
        )
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Once in the dialog: made default before, the button box would make Cancel the
        # default on showing, and Enter would throw the plan away.
        start.setDefault(True)
        self.start_button = start

    def _fill_leads(self, lead_id: int | None = None) -> None:
        """A lead's conversation names the lead; the principal's own may concern one, or none."""
        keep = lead_id if lead_id is not None else self.lead.currentData()
        self.lead.blockSignals(True)
        self.lead.clear()
        if self.holder() is ConversationHolder.principal:
            self.lead.addItem(QCoreApplication.translate("new_dialog", NO_LEAD), None)
        for lead in self.leads:
            self.lead.addItem(lead.name, lead.id)
        found = self.lead.findData(keep) if keep is not None else -1
        self.lead.setCurrentIndex(max(found, 0))
        self.lead.blockSignals(False)

    def holder(self) -> ConversationHolder:
        return WHOSE[max(self.whose.currentIndex(), 0)][1]

    def unsaved_state(self) -> Hashable:
        return typed_texts(self)

    def save(self) -> None:
        """Start the conversation and close, or say why not and keep what was typed."""
        holder, lead_id = self.holder(), self.lead.currentData()
        with_whom, goal, journal = self.with_whom.text(), self.goal.text(), self.context.journal
        saved = write_or_say(
            self.context,
            lambda: add_conversation(
                journal, holder, lead_id=lead_id, with_whom=with_whom, goal=goal
            ),
            Change(RecordKind.CONVERSATION, lead_id),
            self.error,
        )
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()
