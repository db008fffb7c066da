"""A lead's learning cycles: the list on the left, the chosen cycle as a guided page beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.cycle import (
    PHASES,
    current_cycle,
    cycles_for,
    length_warning,
    outcome_title,
    planned_end,
    standing,
    start_cycle,
)
from iltdesk.errors import JournalError
from iltdesk.models import CyclePhase, LearningCycle
from iltdesk.record_kinds import Change, RecordKind
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.fields import LineBox, date_edit, day_of
from ui.kit.icons import icon
from ui.kit.list_detail import list_detail_layout
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID
from ui.kit.style import field_label, hint, page_style
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog
from ui.lead.cycles.page import CyclePage

LIST_PHASES = (
    QT_TRANSLATE_NOOP("view", "Intention"),
    QT_TRANSLATE_NOOP("view", "Learning"),
    QT_TRANSLATE_NOOP("view", "Practice"),
    QT_TRANSLATE_NOOP("view", "Evaluation"),
)  # the list is narrow


def cycle_row(cycle: LearningCycle, today: date) -> str:
    """A cycle as two list lines: its goal, then its dates and where it stands."""
    goal = " ".join(cycle.goal.split()) or QCoreApplication.translate(
        "view", "A cycle with no goal yet"
    )
    when = dates.day_month(cycle.started_on)
    if cycle.phase is CyclePhase.closed and cycle.closed_on is not None:
        outcome = (
            outcome_title(cycle.outcome)
            if cycle.outcome
            else QCoreApplication.translate("view", "closed")
        )
        return QCoreApplication.translate(
            "view", "{goal}\n{start} – {end} · Closed · {outcome}"
        ).format(goal=goal, start=when, end=dates.day_month(cycle.closed_on), outcome=outcome)
    now = standing(cycle, today)
    phase = QCoreApplication.translate("view", LIST_PHASES[PHASES.index(cycle.phase)])
    row = (
        QCoreApplication.translate("view", "{goal}\n{start} – {end} · {phase} · past the plan")
        if now.overrun
        else QCoreApplication.translate("view", "{goal}\n{start} – {end} · {phase}")
    )
    return row.format(goal=goal, start=when, end=dates.day_month(planned_end(cycle)), phase=phase)


class GoalBox(LineBox):
    """The goal in "Start a cycle": Enter starts the cycle (the date and length have their
    defaults), as Enter does in any one-question dialog; Tab still moves on to them."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class StartCycleDialog(GuardedDialog):
    """Ask for the goal and the planned length; offer the last cycle's next goal."""

    def __init__(
        self,
        context: AppContext,
        lead_id: int,
        previous: LearningCycle | None = None,
        *,
        from_next_goal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.lead_id, self.previous = context, lead_id, previous
        self.cycle: LearningCycle | None = None
        self.follows_on = from_next_goal  # opened from a closed cycle: link to it either way
        self.setWindowTitle(self.tr("Start a learning cycle — iltdesk"))
        self.setStyleSheet(page_style())
        self.setMinimumWidth(520)
        self.use_next = QCheckBox(self.tr("Start from the last cycle's next goal"))
        self.use_next.setVisible(bool(previous and previous.next_goal))
        self.use_next.toggled.connect(self._use_next_goal)
        self.goal = GoalBox(self.tr("One measurable goal for the next few weeks"))
        self.goal.setMinimumHeight(self.goal.height() * 2)
        self.goal.submitted.connect(self.save)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 16)
        self.weeks.setValue(4)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.weeks_note = hint()
        self.weeks.valueChanged.connect(lambda w: self.weeks_note.setText(length_warning(w) or ""))
        self.started = date_edit()
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self._lay_out(current_cycle(context.journal, lead_id))
        self.use_next.setChecked(from_next_goal and self.use_next.isVisibleTo(self))
        self.keep_drafts("cycle_start", f"lead:{lead_id}", context)  # a lock keeps the goal

    def _lay_out(self, still_open: LearningCycle | None) -> None:
        timing = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Starting")),
            self.started,
            QLabel(self.tr("  for")),
            self.weeks,
        ):
            timing.addWidget(widget)
        timing.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        start = buttons.addButton(
            self.tr("Start the cycle"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        start.setObjectName("Primary")
        start.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(6)
        layout.addWidget(
            hint(
                self.tr(
                    "A cycle is a few weeks of coaching toward one goal you choose together. The "
                    "baseline and the rest can wait for the cycle's page."
                )
            )
        )
        layout.addSpacing(6)
        layout.addWidget(self.use_next)
        layout.addWidget(field_label(self.tr("The goal")))
        layout.addWidget(self.goal)
        layout.addSpacing(4)
        layout.addLayout(timing)
        layout.addWidget(self.weeks_note)
        if still_open is not None:
            layout.addWidget(
                hint(
                    self.tr(
                        "The current cycle is still open. It stays open beside the new one: close "
                        "it once you have looked back on it together."
                    )
                )
            )
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _use_next_goal(self, on: bool) -> None:
        next_goal = self.previous.next_goal if self.previous else ""
        if on:
            self.goal.set_text(next_goal)
        elif self.goal.text() == " ".join(next_goal.split()):
            self.goal.set_text("")

    def save(self) -> None:
        """Start the cycle; stay open with a message if something is missing or fails."""
        if not self.goal.text():
            self.error.setText(
                self.tr("Write the goal first. A sentence is enough; sharpen it later.")
            )
            self.error.show()
            return
        started = day_of(self.started)
        try:
            self.cycle = start_cycle(
                self.context.journal,
                self.lead_id,
                goal=self.goal.text(),
                planned_weeks=self.weeks.value(),
                started_on=started,
                previous=self.previous if self.use_next.isChecked() or self.follows_on else None,
            )
        except JournalError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class CyclesView(QWidget):
    """The "Learning cycles" tab of a lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.cycles: list[LearningCycle] = []
        self.start_button = QPushButton(
            icon("add", theme.colour("on_accent")), self.tr("Start a cycle…")
        )
        self.start_button.setObjectName("Primary")
        self.start_button.clicked.connect(lambda: self.start_new())
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Learning cycles, newest first"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        self.page = CyclePage(context)
        self.page.saved.connect(self._update_row)
        self.page.restructured.connect(self.reload)
        self.page.start_next.connect(lambda cycle: self.start_new(cycle, from_next_goal=True))
        self.empty = hint()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = list_detail_layout(self, self.start_button, self.list, self.page, self.empty)
        context.changed.connect(self._changed_elsewhere)

    def show_lead(self, lead_id: int) -> bool:
        """Load a lead's cycles and open the newest; False if unsaved text must stay on screen."""
        if not self.page.autosaver.flush():
            return False
        self.lead_id = lead_id
        self.page.load(None)  # so the lead's own current cycle opens, not the last one seen
        now = current_cycle(self.context.journal, lead_id)
        self.reload(now.id if now else None)
        return True

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the cycles, keeping (or moving to) a selection."""
        if self.lead_id is None:
            return
        keep = select_id or (self.page.cycle.id if self.page.cycle else None)
        self.cycles = cycles_for(self.context.journal, self.lead_id)
        self.list.blockSignals(True)
        self.list.clear()
        today = date.today()
        for cycle in self.cycles:
            item = QListWidgetItem(cycle_row(cycle, today))
            item.setData(RECORD_ID, cycle.id)
            item.setToolTip(cycle.goal)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in self.cycles]
        self.select_cycle(keep if keep in ids else (ids[0] if ids else None))

    def select_cycle(self, cycle_id: int | None) -> None:
        """Open one of the shown lead's cycles (or none, showing how to start)."""
        ids = [c.id for c in self.cycles]
        if cycle_id is None or cycle_id not in ids:
            self.page.load(None)
            self.empty.setText(
                self.tr(
                    "No learning cycles yet.\n\nA cycle is three to five weeks of coaching toward "
                    "one goal:\nchoose it together, learn, practise with feedback, then look back."
                )
            )
            self.stack.setCurrentWidget(self.empty)
            return
        row = ids.index(cycle_id)
        if self.list.currentRow() == row:
            self._current_changed(self.list.item(row), None)
        else:
            self.list.setCurrentRow(row)

    def _current_changed(self, item: QListWidgetItem | None, previous: object) -> None:
        cycle = next((c for c in self.cycles if item and c.id == item.data(RECORD_ID)), None)
        if not self.page.load(cycle):
            # The open cycle holds text that could not be saved: stay on it.
            self.list.blockSignals(True)
            ids = [c.id for c in self.cycles]
            self.list.setCurrentRow(ids.index(self.page.cycle.id) if self.page.cycle else -1)
            self.list.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.page if cycle else self.empty)

    def _update_row(self, cycle: LearningCycle) -> None:
        for row, known in enumerate(self.cycles):
            if known.id == cycle.id:
                self.cycles[row] = cycle
                self.list.item(row).setText(cycle_row(cycle, date.today()))

    def start_new(
        self, previous: LearningCycle | None = None, *, from_next_goal: bool = False
    ) -> None:
        """Ask for a goal and start a cycle, by default offering the last one's next goal."""
        if self.lead_id is None or not self.page.autosaver.flush():
            return
        if previous is None and self.cycles:
            previous = self.cycles[0]
        dialog = StartCycleDialog(
            self.context, self.lead_id, previous, from_next_goal=from_next_goal, parent=self
        )
        if not dialog.exec() or dialog.cycle is None:
            return
        self.reload(dialog.cycle.id)
        self.page.intention.measure.setFocus()
        self.context.announce(RecordKind.CYCLE, self.lead_id)

    def _changed_elsewhere(self, change: Change) -> None:
        if change.kind is RecordKind.CYCLE:  # from here or elsewhere (Today): cheap to re-read
            self.reload()
        elif change.kind is RecordKind.OBSERVATION and self.page.cycle is not None:
            self.page.practice.load(self.page.cycle.id or 0)
