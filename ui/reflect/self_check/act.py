"""Turn a weak action of the selected check-in into work: a scope-and-sequence period, a lead's
learning-cycle goal, an action item for a lead or an ILT action item the team owns (its owners
ticked with Space), all by keys, confirmed in a line below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.charter import focus_title
from iltdesk.lead import lead_summaries
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.self_check import CheckIn, as_sentence, frequency_label
from iltdesk.self_check_actions import (
    OUTCOME_LABELS,
    Outcome,
    add_lead_action,
    add_team_action,
    outcome_label,
    plan_scope_period,
    start_cycle_goal,
    strand_for,
    suggested_text,
)
from iltdesk.self_check_compare import WeakItem, weak_items
from iltdesk.today_words import owner_words
from ui.kit.context import AppContext, NotWritten
from ui.kit.roles import RECORD_ID
from ui.kit.translation import QT_TRANSLATE_NOOP

KINDS = {
    Outcome.scope_period: RecordKind.SCOPE_ITEM,
    Outcome.cycle_goal: RecordKind.CYCLE,
    Outcome.action_item: RecordKind.ACTION_ITEM,
    Outcome.team_item: RecordKind.ACTION_ITEM,
}
PRINCIPAL_OWNER = QT_TRANSLATE_NOOP("act", "You (the principal)")


class WeakActionPanel(QWidget):
    """The weak actions of one check-in ('rarely' or 'never'), and what to make of one."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._weak: list[WeakItem] = []
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Actions rated rarely or never"))
        self.items.setMaximumHeight(110)
        # Long actions wrap onto a second line rather than hiding behind a sideways scroll.
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.currentRowChanged.connect(lambda *_: self._item_changed())
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Make it into"))
        # Narrow enough for a small window's column; the open list shows the whole words.
        self.outcome.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outcome.setMinimumContentsLength(12)
        for outcome in OUTCOME_LABELS:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.outcome.currentIndexChanged.connect(lambda *_: self._outcome_changed())
        self.lead = QComboBox()
        self.lead.setAccessibleName(self.tr("Lead"))
        self.owners = QListWidget()
        self.owners.setAccessibleName(self.tr("Who owns the ILT action item"))
        self.owners.setToolTip(self.tr("Space ticks an owner: you, members, or both"))
        self.owners.setMaximumHeight(90)
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("e.g. November or Quarter 2"))
        self.period.setAccessibleName(self.tr("Period"))
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("The work"))
        self.make_button = QPushButton(self.tr("Make it"))
        self.make_button.clicked.connect(self.make)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("Hint")
        self.confirmation.setWordWrap(True)
        self._lay_out()
        self._outcome_changed()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Make it into"), self.outcome)
        form.addRow(self.tr("Lead"), self.lead)
        form.addRow(self.tr("Owners"), self.owners)
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("The work"), self.text)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.items)
        column.addLayout(form)
        column.addWidget(self.make_button)
        column.addWidget(self.confirmation)

    def set_check_in(self, entry: CheckIn | None) -> None:
        """Offer this check-in's weak actions (none for no check-in)."""
        self._weak = weak_items(entry) if entry is not None else []
        self.items.clear()
        for index, weak in enumerate(self._weak):
            row = QListWidgetItem(f"{frequency_label(weak.rating)}: {as_sentence(weak.item.text)}")
            row.setData(RECORD_ID, index)
            self.items.addItem(row)
        self.setVisible(bool(self._weak))
        self._fill_leads()
        if self._weak:
            self.items.setCurrentRow(0)

    def _fill_leads(self) -> None:
        self.lead.clear()
        self.owners.clear()
        self._add_owner(QCoreApplication.translate("act", PRINCIPAL_OWNER), None)
        for lead in lead_summaries(self._context.journal):
            self.lead.addItem(lead.name, lead.id)
            self._add_owner(lead.name, lead.id)
        self.owners.setCurrentRow(0)

    def _add_owner(self, name: str, lead_id: int | None) -> None:
        row = QListWidgetItem(name, self.owners)
        row.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        row.setCheckState(Qt.CheckState.Unchecked)
        row.setData(RECORD_ID, lead_id)

    def chosen_owners(self) -> tuple[list[int], bool]:
        """The members ticked as owners, and whether the principal is ticked."""
        members, principal = [], False
        for index in range(self.owners.count()):
            row = self.owners.item(index)
            if row.checkState() != Qt.CheckState.Checked:
                continue
            lead_id = row.data(RECORD_ID)
            if lead_id is None:
                principal = True
            else:
                members.append(int(lead_id))
        return members, principal

    def selected(self) -> WeakItem | None:
        """The weak action chosen in the list."""
        row = self.items.currentRow()
        return self._weak[row] if 0 <= row < len(self._weak) else None

    def chosen_outcome(self) -> Outcome:
        """What the action is to become."""
        return Outcome(str(self.outcome.currentData()))

    def _item_changed(self) -> None:
        weak = self.selected()
        self.text.setText(suggested_text(weak) if weak is not None else "")
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        outcome = self.chosen_outcome()
        one_lead = outcome in (Outcome.cycle_goal, Outcome.action_item)
        self.lead.setEnabled(one_lead and self.lead.count() > 0)
        self.owners.setEnabled(outcome is Outcome.team_item)
        self.period.setEnabled(outcome is Outcome.scope_period)
        self.make_button.setEnabled(self.selected() is not None)

    def make(self) -> None:
        """Write the chosen work; the line below says what was made, or why not."""
        weak, outcome = self.selected(), self.chosen_outcome()
        if weak is None:
            return
        work = self._work(weak, outcome)
        if work is None:
            return
        refused: list[str] = []  # the status bar's words, repeated beside the button
        self._context.save_failed.connect(refused.append)
        try:
            done = self._context.write(work, Change(KINDS[outcome]), failed=self.tr("Not made"))
        finally:
            self._context.save_failed.disconnect(refused.append)
        if isinstance(done, NotWritten):
            self.confirmation.setText(" ".join(refused))
        else:
            self.confirmation.setText(self._made(weak, outcome))

    def _work(self, weak: WeakItem, outcome: Outcome) -> Callable[[], object] | None:
        journal, text = self._context.journal, self.text.text()
        if outcome is Outcome.scope_period:
            period = self.period.text()
            return lambda: plan_scope_period(journal, weak, period=period, text=text)
        if outcome is Outcome.team_item:
            members, principal = self.chosen_owners()
            return lambda: add_team_action(
                journal, weak, owners=members, principal=principal, text=text
            )
        lead_id = self.lead.currentData()
        if lead_id is None:
            self.confirmation.setText(self.tr("Add a lead first: this needs someone to lead it."))
            return None
        if outcome is Outcome.cycle_goal:
            return lambda: start_cycle_goal(journal, int(lead_id), weak, text=text)
        return lambda: add_lead_action(journal, int(lead_id), weak, text=text)

    def _owner_words(self) -> str:
        ticked = [
            self.owners.item(i)
            for i in range(self.owners.count())
            if self.owners.item(i).checkState() == Qt.CheckState.Checked
        ]
        names = [row.text() for row in ticked if row.data(RECORD_ID) is not None]
        you = any(row.data(RECORD_ID) is None for row in ticked)
        return owner_words(you, names, in_sentence=True)

    def _made(self, weak: WeakItem, outcome: Outcome) -> str:
        lead = self.lead.currentText()
        if outcome is Outcome.scope_period:
            strand = focus_title(strand_for(weak.item.key)).lower()
            return self.tr("Added {period} to the scope and sequence ({strand}).").format(
                period=self.period.text().strip(), strand=strand
            )
        if outcome is Outcome.cycle_goal:
            return self.tr("Started a learning cycle for {lead} with this goal.").format(lead=lead)
        if outcome is Outcome.team_item:
            return self.tr(
                "Added an ILT action item for {owners}; the next meeting takes it up."
            ).format(owners=self._owner_words())
        return self.tr("Added an action item for {lead}, yours to follow up.").format(lead=lead)
