"""One difficult conversation laid out as it unfolds: plan, rehearse, hold, debrief, follow up.

Every change saves itself (``Autosaver``); the follow-up items are action items, written as
they are added or ticked (``FollowUpPanel``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.conversation import (
    stage_of,
    stage_title,
    update_conversation,
)
from iltdesk.cycle import cycles_for
from iltdesk.errors import UsageError
from iltdesk.lead import LeadSummary
from iltdesk.models import ConversationHolder, DifficultConversation
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, Autosaver, Save
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.conversations.arc import arc_text, seen_elsewhere, step_prompt
from ui.team.conversations.follow_up import FollowUpPanel
from ui.team.conversations.new_dialog import NO_LEAD, WHOSE
from ui.team.conversations.notes_box import GrowingNotes

NO_CYCLE = QT_TRANSLATE_NOOP("editor", "Not part of a learning cycle")


READABLE_WIDTH = 900


class ConversationEditor(QScrollArea):
    """Edits one conversation; ``saved`` carries it after each save."""

    saved = Signal(DifficultConversation)
    delete_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("The conversation"))
        self.context = context
        self.conversation: DifficultConversation | None = None
        self.leads: list[LeadSummary] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.autosaver = Autosaver(context, self._save, self)
        self._make_fields()
        self.follow_up = FollowUpPanel(context, lambda: self.conversation, self._due_from, self)
        self.setWidget(self._lay_out())

    def _make_fields(self) -> None:
        self.whose = QComboBox()
        self.whose.setAccessibleName(self.tr("Whose conversation"))
        self.whose.addItems([QCoreApplication.translate("new_dialog", text) for text, _ in WHOSE])
        self.lead = QComboBox()
        self.lead.setAccessibleName(self.tr("The lead"))
        self.cycle = QComboBox()
        self.cycle.setAccessibleName(self.tr("Learning cycle"))
        # Long names and goals are cut short in the box (whole in the list and tooltip), so
        # the form never grows wider than the room beside the list.
        for combo in (self.whose, self.lead, self.cycle):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.planned_on = date_edit(name=self.tr("Planning started on"))
        self.stage = QLabel()
        self.stage.setAccessibleName(self.tr("Stage"))
        self.with_whom = QLineEdit()
        self.with_whom.setObjectName("WithWhom")
        self.with_whom.setAccessibleName(self.tr("With whom"))
        self.with_whom.setPlaceholderText(self.tr("The teacher or teachers"))
        self.goal = LineBox(self.tr("What should be true when it is over?"))
        self.goal.setObjectName("Goal")
        self.goal.setAccessibleName(self.tr("The goal"))
        self.opening = self._notes(
            "OpeningWords", self.tr("Opening words"), self.tr("The first thing you will say")
        )
        self.reactions = self._notes(
            "Reactions",
            self.tr("Likely reactions and responses"),
            self.tr("- They might say… → I will…"),
            120,
        )
        self.rehearsed = QCheckBox(self.tr("Rehearsed on"))
        self.rehearsed_on = date_edit(name=self.tr("Rehearsed on"))
        self.rehearsed_with = QLineEdit()
        self.rehearsed_with.setObjectName("RehearsedWith")
        self.rehearsed_with.setAccessibleName(self.tr("Rehearsed with"))
        self.rehearsed_with.setPlaceholderText(self.tr("With whom: me, an ILT peer"))
        self.rehearsal = self._notes(
            "Rehearsal", self.tr("What changed"), self.tr("What you changed, and why")
        )
        self.held = QCheckBox(self.tr("Held (or set for)"))
        self.held_on = date_edit(name=self.tr("Held on"))
        self.what_happened = self._notes(
            "WhatHappened", self.tr("What happened"), self.tr("What was said and done")
        )
        self.debrief = self._notes(
            "Debrief", self.tr("Debrief"), self.tr("What worked, what you would change"), 110
        )
        self.delete_button = QPushButton(self.tr("Delete this conversation…"))
        self.delete_button.clicked.connect(
            lambda: (
                self.delete_requested.emit(self.conversation.id or 0) if self.conversation else None
            )
        )
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.whose.currentIndexChanged.connect(lambda _i: self._whose_changed())
        self.lead.currentIndexChanged.connect(lambda _i: self._lead_changed())
        self.cycle.currentIndexChanged.connect(lambda _i: self._changed_now())
        self.rehearsed.toggled.connect(self.rehearsed_on.setEnabled)
        self.held.toggled.connect(self.held_on.setEnabled)
        for signal in (
            self.planned_on.dateChanged,
            self.rehearsed_on.dateChanged,
            self.held_on.dateChanged,
            self.rehearsed.toggled,
            self.held.toggled,
            self.with_whom.textEdited,
            self.rehearsed_with.textEdited,
            self.goal.edited,
        ):
            signal.connect(self.autosaver.touch)

    def _notes(self, name: str, title: str, placeholder: str, height: int = 90) -> MarkdownEdit:
        edit = GrowingNotes(height, placeholder)
        edit.setObjectName(name)
        edit.setAccessibleName(title)
        edit.edited.connect(self.autosaver.touch)
        edit.focus_left.connect(self.autosaver.flush)
        return edit

    def _lay_out(self) -> QWidget:
        page = QWidget()
        page.setMaximumWidth(READABLE_WIDTH)  # at 1920 px the lines ran 1,350 px, hard to read
        top = QGridLayout()
        top.setHorizontalSpacing(10)
        top.setVerticalSpacing(2)
        cells = (
            (self.tr("Whose"), self.whose, 0, 0),
            (self.tr("Lead"), self.lead, 0, 1),
            (self.tr("Learning cycle"), self.cycle, 2, 0),
            (self.tr("Planning started"), self.planned_on, 2, 1),
        )
        for label, widget, row, column in cells:
            top.addWidget(field_label(label, widget), row, column)
            top.addWidget(widget, row + 1, column)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 12, 20, 20)
        layout.setSpacing(6)
        layout.addWidget(self.stage)
        layout.addLayout(top)
        layout.addWidget(field_label(self.tr("With whom"), self.with_whom))
        layout.addWidget(self.with_whom)
        self._step(layout, self.tr("1 · Plan"), "plan")
        plan: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Goal"), self.goal),
            (self.tr("Opening words"), self.opening),
            (self.tr("Likely reactions and your responses"), self.reactions),
        )
        for label, field in plan:
            layout.addWidget(field_label(label, field))
            layout.addWidget(field)
        self._step(layout, self.tr("2 · Rehearse"), "rehearse")
        layout.addLayout(self._dated(self.rehearsed, self.rehearsed_on, self.rehearsed_with))
        layout.addWidget(self.rehearsal)
        self._step(layout, self.tr("3 · Hold"), "hold")
        layout.addLayout(self._dated(self.held, self.held_on))
        layout.addWidget(self.what_happened)
        self._step(layout, self.tr("4 · Debrief"), "debrief")
        layout.addWidget(self.debrief)
        self._step(layout, self.tr("5 · Follow-up"), "follow_up")
        layout.addLayout(self.follow_up.build())
        layout.addWidget(self.error)
        layout.addSpacing(10)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    @staticmethod
    def _step(layout: QVBoxLayout, title: str, prompt: str) -> None:
        heading = QLabel(title)
        heading.setObjectName("SectionTitle")
        heading.setIndent(0)  # the shared style's margin would set it in from the fields
        layout.addSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(hint(step_prompt(prompt)))

    @staticmethod
    def _dated(box: QCheckBox, day: QDateEdit, beside: QWidget | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(box)
        row.addWidget(day)
        if beside is not None:
            row.addWidget(beside, 1)
        else:
            row.addStretch(1)
        return row

    # -- loading --------------------------------------------------------------------------------

    def load(self, conversation: DifficultConversation | None, leads: list[LeadSummary]) -> bool:
        """Show ``conversation``; False (keeping the one on screen) if its text cannot be saved."""
        if not self.autosaver.flush():
            return False
        self.conversation, self.leads = conversation, leads
        self.setEnabled(conversation is not None)
        if conversation is None:
            return True
        c = conversation
        combos = (self.whose, self.lead, self.cycle)
        dated = (self.planned_on, self.rehearsed_on, self.held_on, self.rehearsed, self.held)
        for widget in (*combos, *dated):
            widget.blockSignals(True)
        self.whose.setCurrentIndex([h for _, h in WHOSE].index(ConversationHolder(c.holder)))
        self._fill_leads(c.lead_id)
        self._fill_cycles(c.cycle_id)
        self.planned_on.setDate(qdate(c.planned_on))
        for box, field, day in (
            (self.rehearsed, self.rehearsed_on, c.rehearsed_on),
            (self.held, self.held_on, c.held_on),
        ):
            box.setChecked(day is not None)
            field.setEnabled(day is not None)
            field.setDate(qdate(day or date.today()))
        for widget in (*combos, *dated):
            widget.blockSignals(False)
        self.with_whom.setText(c.with_whom)
        self.rehearsed_with.setText(c.rehearsed_with)
        self.goal.set_text(c.goal)
        for edit, text in (
            (self.opening, c.opening_words),
            (self.reactions, c.reactions),
            (self.rehearsal, c.rehearsal_notes),
            (self.what_happened, c.what_happened),
            (self.debrief, c.debrief),
        ):
            edit.set_markdown(text)
        self.error.hide()
        self._show_stage()
        self.follow_up.set_team_item(c.lead_id is None)
        self.follow_up.show_due()
        self.refresh_follow_ups()
        return True

    def _fill_leads(self, lead_id: int | None) -> None:
        """Active leads (and the one named, if archived); the principal's own may have none."""
        self.lead.clear()
        if self._holder() is ConversationHolder.principal:
            self.lead.addItem(QCoreApplication.translate("new_dialog", NO_LEAD), None)
        for lead in self.leads:
            if lead.active or lead.id == lead_id:
                self.lead.addItem(lead.name, lead.id)
        self.lead.setCurrentIndex(max(self.lead.findData(lead_id), 0))

    def _fill_cycles(self, cycle_id: int | None) -> None:
        self.cycle.clear()
        self.cycle.addItem(QCoreApplication.translate("editor", NO_CYCLE), None)
        lead_id = self.lead.currentData()
        for cycle in cycles_for(self.context.journal, lead_id) if lead_id is not None else []:
            goal = " ".join(cycle.goal.split()) or self.tr("No goal written yet")
            self.cycle.addItem(f"{dates.short_month_year(cycle.started_on)}: {goal}", cycle.id)
            self.cycle.setItemData(self.cycle.count() - 1, goal, Qt.ItemDataRole.ToolTipRole)
        self.cycle.setCurrentIndex(max(self.cycle.findData(cycle_id), 0))
        self.cycle.setEnabled(lead_id is not None)

    def _holder(self) -> ConversationHolder:
        return WHOSE[max(self.whose.currentIndex(), 0)][1]

    def _show_stage(self) -> None:
        if self.conversation is None:
            return
        current = stage_of(self.conversation, date.today())
        self.stage.setText(arc_text(current))
        self.stage.setAccessibleDescription(
            self.tr("Stage: {value}").format(value=stage_title(current))
        )

    def refresh_follow_ups(self) -> None:
        self.follow_up.refresh()

    # -- saving --------------------------------------------------------------------------------

    def _whose_changed(self) -> None:
        for combo in (self.lead, self.cycle):
            combo.blockSignals(True)
        self._fill_leads(self.lead.currentData())
        self._fill_cycles(self.cycle.currentData())
        for combo in (self.lead, self.cycle):
            combo.blockSignals(False)
        self._changed_now()

    def _lead_changed(self) -> None:
        self.cycle.blockSignals(True)
        self._fill_cycles(None)  # a cycle is one lead's: another lead's cannot stay linked
        self.cycle.blockSignals(False)
        self._changed_now()

    def _changed_now(self) -> None:
        """Whose it is, the lead, the cycle: saved at once, since the follow-ups move too."""
        self.autosaver.touch()
        self.autosaver.flush()
        self.follow_up.set_team_item(self.lead.currentData() is None)
        self.refresh_follow_ups()

    def _due_from(self) -> date:
        """An undated follow-up is due a week after the conversation (or after today)."""
        if self.held.isChecked() and day_of(self.held_on) >= date.today():
            return day_of(self.held_on)
        return date.today()

    def _save(self) -> Save[DifficultConversation | UsageError] | None:
        if self.conversation is None:
            return None
        changes: dict[str, Any] = {
            "holder": self._holder(),
            "lead_id": self.lead.currentData(),
            "cycle_id": self.cycle.currentData(),
            "planned_on": day_of(self.planned_on),
            "with_whom": self.with_whom.text(),
            "goal": self.goal.text(),
            "opening_words": self.opening.markdown(),
            "reactions": self.reactions.markdown(),
            "rehearsed_on": day_of(self.rehearsed_on) if self.rehearsed.isChecked() else None,
            "rehearsed_with": self.rehearsed_with.text(),
            "rehearsal_notes": self.rehearsal.markdown(),
            "held_on": day_of(self.held_on) if self.held.isChecked() else None,
            "what_happened": self.what_happened.markdown(),
            "debrief": self.debrief.markdown(),
        }
        journal, conversation_id = self.context.journal, self.conversation.id or 0
        before = (seen_elsewhere(self.conversation), self.conversation.lead_id)

        def write() -> DifficultConversation | UsageError:
            try:
                return update_conversation(journal, conversation_id, **changes)
            except UsageError as exc:  # the form stays as typed, with why under it
                return exc

        return Save(write, lambda saved: self._saved(saved, *before))

    def _saved(
        self,
        saved: DifficultConversation | UsageError,
        seen_before: object,
        lead_before: int | None,
    ) -> None:
        if isinstance(saved, UsageError):
            self.error.setText(str(saved))
            self.error.show()
            return
        self.error.hide()
        if self.conversation is not None and self.conversation.id == saved.id:
            self.conversation = saved
            self._show_stage()
        self.saved.emit(saved)
        if seen_elsewhere(saved) != seen_before:  # Today and the timelines show it: tell them
            for lead_id in {lead_before, saved.lead_id}:
                self.context.changed.emit(Change(RecordKind.CONVERSATION, lead_id))
