"""One learning cycle as a guided page: where it stands on top, then a card for each phase."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iltdesk.cycle import (
    PHASES,
    ClosureGap,
    CycleNotReady,
    close_cycle,
    closure_problems,
    cycles_for,
    phase_title,
    reopen_cycle,
    update_cycle,
)
from iltdesk.models import CyclePhase, LearningCycle
from iltdesk.record_kinds import RecordKind
from ui.kit import history_panel
from ui.kit.context import AppContext, Autosaver, NotWritten, Save
from ui.kit.fields import LineBox
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import page_style, restyle
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.writing import write_or_say
from ui.lead.cycles.cards import IntentionCard, LearningCard, PracticeCard
from ui.lead.cycles.phases import EvaluationCard
from ui.lead.cycles.status import status_line
from ui.lead.cycles.step_indicator import StepIndicator
from ui.lead.observations.dialog import ObservationDialog

# On the buttons: one word each, so that "back" and "move on" fit side by side in a narrow
# window (the steps above carry the full titles).
SHORT_PHASES = (
    QT_TRANSLATE_NOOP("page", "Intention"),
    QT_TRANSLATE_NOOP("page", "Learning"),
    QT_TRANSLATE_NOOP("page", "Practice"),
    QT_TRANSLATE_NOOP("page", "Evaluation"),
)


class CyclePage(QWidget):
    """Shows and edits one cycle; text saves itself, moving between phases is a button."""

    saved = Signal(LearningCycle)  # text changed: the list row may need its new goal
    restructured = Signal(int)  # phase, closing or reopening changed: reload the list
    start_next = Signal(LearningCycle)  # start the next cycle from this one's next goal

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cycle: LearningCycle | None = None
        self.setStyleSheet(page_style())
        self.autosaver = Autosaver(context, self._save, self)
        self.goal_title = QLabel()
        self.goal_title.setObjectName("CycleGoal")
        self.goal_title.setWordWrap(True)
        self.steps = StepIndicator([phase_title(p) for p in PHASES])
        self.steps.step_clicked.connect(self.scroll_to_phase)
        self.status = QLabel()
        self.status.setWordWrap(True)  # on a line of its own: wraps only in a very narrow page
        self.problems = QLabel()
        self.problems.setObjectName("ErrorText")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.back_button = QPushButton()
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(lambda: self.move_phase(-1))
        self.next_button = QPushButton()
        self.next_button.setObjectName("Primary")
        self.next_button.clicked.connect(lambda: self.move_phase(1))
        self.close_button = QPushButton(self.tr("Close the cycle"))
        self.close_button.setObjectName("Primary")
        self.close_button.setToolTip(
            self.tr("Closing needs the outcome, its evidence and a reflection")
        )
        self.close_button.clicked.connect(self.close_cycle)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.clicked.connect(self.reopen)
        self.follow_button = QPushButton(self.tr("Start the next cycle from this next goal"))
        self.follow_button.setObjectName("Primary")
        self.follow_button.clicked.connect(lambda: self.cycle and self.start_next.emit(self.cycle))
        self.intention = IntentionCard()
        self.learning = LearningCard(context)
        self.learning.logged.connect(self._announce)
        self.practice = PracticeCard(context)
        self.practice.add_requested.connect(self.add_observation)
        self.evaluation = EvaluationCard()
        self.evaluation.outcome_chosen.connect(self._outcome_chosen)
        context.presenter.keep_private(self.evaluation.principal_column)
        self.cards = (self.intention, self.learning, self.practice, self.evaluation)
        self._wire_autosave()
        self._lay_out()
        history_panel.add_history_shortcut(self, self.show_history)

    def _lay_out(self) -> None:
        self.buttons, self.header = buttons, header = QHBoxLayout(), QVBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.next_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addWidget(self.follow_button)
        for button in (self.back_button, *self._moves()):
            button.hide()  # until a cycle is shown: all of them at once would widen the page
        header.setContentsMargins(20, 14, 20, 10)
        header.setSpacing(8)
        header.addWidget(self.goal_title)
        header.addWidget(self.steps)
        header.addWidget(self.status)
        header.addLayout(buttons)
        header.addWidget(self.problems)
        self.column = column = QWidget()
        cards = QVBoxLayout(column)
        cards.setContentsMargins(20, 6, 20, 24)
        cards.setSpacing(14)
        for card in self.cards:
            cards.addWidget(card)
        cards.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("The cycle's phases"))
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.scroller, 1)

    def _place_status(self) -> None:
        """The status beside the buttons when both fit on one line, else on its own line
        above them (squeezed beside them, "Week 7 of 4" wrapped word by word)."""
        spacing = self.buttons.spacing() + 8
        needed = 40 + self.status.fontMetrics().horizontalAdvance(self.status.text()) + spacing
        for button in (self.back_button, *self._moves()):
            if not button.isHidden():
                needed += button.sizeHint().width() + spacing
        beside = self.width() >= needed
        if beside == (self.buttons.indexOf(self.status) >= 0):
            return
        (self.header if beside else self.buttons).removeWidget(self.status)
        # Beside the buttons it asks for no width of its own: it is only there when it fits,
        # and a narrower window moves it back to its own line.
        policy = QSizePolicy.Policy.Ignored if beside else QSizePolicy.Policy.Preferred
        self.status.setSizePolicy(policy, QSizePolicy.Policy.Preferred)
        if beside:
            self.buttons.insertWidget(0, self.status, 1)
        else:
            self.header.insertWidget(self.header.indexOf(self.steps) + 1, self.status)
        # The gap between "back" and "move on" closes while the status takes the room.
        self.buttons.setStretch(self.buttons.indexOf(self.back_button) + 1, 0 if beside else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_status()

    def _moves(self) -> tuple[QPushButton, ...]:
        return (self.next_button, self.close_button, self.reopen_button, self.follow_button)

    def _wire_autosave(self) -> None:
        i, e = self.intention, self.evaluation
        for box in (i.goal, i.measure, i.baseline_numbers, i.baseline_seen, i.focus):
            self._watch(box)
        for box in (e.evidence, e.lead_reflection, e.principal_reflection, e.next_goal):
            self._watch(box)
        i.weeks.valueChanged.connect(self.autosaver.touch)
        i.started.dateChanged.connect(self.autosaver.touch)

    def _watch(self, box: LineBox | MarkdownEdit) -> None:
        box.edited.connect(self.autosaver.touch)
        box.focus_left.connect(self.autosaver.flush)

    # -- history --------------------------------------------------------------------------

    def show_history(self) -> None:
        """The History of the cycle's text with the cursor (what is typed saved first)."""
        if self.cycle is None:
            return
        i, e = self.intention, self.evaluation
        boxes: dict[str, QWidget] = {
            "goal": i.goal,
            "success_measure": i.measure,
            "baseline_quantitative": i.baseline_numbers,
            "baseline_qualitative": i.baseline_seen,
            "focus_indicator": i.focus,
            "outcome_evidence": e.evidence,
            "lead_reflection": e.lead_reflection,
            "principal_reflection": e.principal_reflection,
            "next_goal": e.next_goal,
        }
        where, field = ("learning_cycle", self.cycle.id or 0), history_panel.field_in_focus(boxes)
        history_panel.show_history(self, self.context, where, tuple(boxes), field,
                                   saved=self.autosaver.flush, reload=self._reread)  # fmt: skip

    def _reread(self) -> None:
        """Show the cycle as the journal has it now (after a restore)."""
        if self.cycle is None:
            return
        found = [c for c in cycles_for(self.context.journal, self.cycle.lead_id)
                 if c.id == self.cycle.id]  # fmt: skip
        if found and self.load(found[0]):
            self.saved.emit(found[0])

    # -- showing --------------------------------------------------------------------------

    def load(self, cycle: LearningCycle | None) -> bool:
        """Show ``cycle``; False (keeping the one on screen) if its unsaved text cannot be saved."""
        if not self.autosaver.flush():
            return False
        another = cycle is None or self.cycle is None or cycle.id != self.cycle.id
        self.cycle = cycle
        self.problems.hide()
        self.evaluation.show_missing([])
        if cycle is None:
            return True
        self.intention.load(cycle)
        self.evaluation.load(cycle)
        self.learning.load(cycle.id or 0)
        self.practice.load(cycle.id or 0)
        self._show_state()
        if another:
            # Open a cycle where it stands: its current phase (a closed one from the top),
            # once the cards have their new heights.
            phase = 0 if cycle.phase is CyclePhase.closed else PHASES.index(cycle.phase)
            QTimer.singleShot(0, self, lambda: self.scroll_to_phase(phase))
        return True

    def _show_state(self) -> None:
        cycle = self.cycle
        if cycle is None:
            return
        closed = cycle.phase is CyclePhase.closed
        current = len(PHASES) if closed else PHASES.index(cycle.phase)
        self.goal_title.setText(cycle.goal or self.tr("A new cycle: start with its goal below"))
        self.steps.set_step(current)
        text, late = status_line(cycle, date.today())
        self.status.setText(text)
        # Closed reads as a settled fact (accent), running late as a gentle warning (amber).
        restyle(self.status, "PhaseTag" if closed else "Overrun" if late else "Hint")
        for number, card in enumerate(self.cards):
            card.set_state("done" if number < current else "current" if number == current else "")
            card.set_read_only(closed)
        self.back_button.setVisible(0 < current < len(PHASES))
        if 0 < current < len(PHASES):
            self.back_button.setText(
                self.tr("← Back to {value}").format(
                    value=QCoreApplication.translate("page", SHORT_PHASES[current - 1])
                )
            )
        self.next_button.setVisible(current < len(PHASES) - 1)
        if current < len(PHASES) - 1:
            self.next_button.setText(
                self.tr("Move on to {value} →").format(
                    value=QCoreApplication.translate("page", SHORT_PHASES[current + 1])
                )
            )
        self.close_button.setVisible(current == len(PHASES) - 1)
        self.reopen_button.setVisible(closed)
        self.follow_button.setVisible(closed)
        self.follow_button.setText(
            self.tr("Start the next cycle from this next goal")
            if cycle.next_goal
            else self.tr("Start the next cycle")
        )
        self._place_status()

    def scroll_to_phase(self, number: int) -> None:
        """Bring a phase's card into view (clicking a step does this)."""
        column = self.column.layout()
        if column is not None:
            column.activate()  # positions are stale right after the cards' lists changed
        self.scroller.verticalScrollBar().setValue(self.cards[number].y() - 6)

    # -- saving and moving on ---------------------------------------------------------------

    def _save(self) -> Save[LearningCycle] | None:
        if self.cycle is None or self.cycle.phase is CyclePhase.closed:
            return None
        values = self.intention.values() | self.evaluation.values()
        journal, cycle_id = self.context.journal, self.cycle.id or 0
        return Save(lambda: update_cycle(journal, cycle_id, **values), self._saved)

    def _saved(self, cycle: LearningCycle) -> None:
        if self.cycle is None or self.cycle.id != cycle.id:  # another cycle is shown now
            self.saved.emit(cycle)
            return
        self.cycle = cycle
        self.goal_title.setText(cycle.goal or self.tr("A new cycle: start with its goal below"))
        if self.problems.isVisible():
            # Once closing was refused, the list of what is missing shrinks as it is filled in.
            self._show_missing(closure_problems(cycle))
        self.saved.emit(cycle)

    def _outcome_chosen(self) -> None:
        self.autosaver.touch()
        self.autosaver.flush()  # a click is a decision: keep it at once

    def move_phase(self, step: int) -> None:
        """Go to the next (1) or previous (-1) phase."""
        if self.cycle is None or not self.autosaver.flush():
            return
        phase = PHASES[PHASES.index(self.cycle.phase) + step]
        journal, cycle_id = self.context.journal, self.cycle.id or 0
        moved = self.context.write(lambda: update_cycle(journal, cycle_id, phase=phase))
        if isinstance(moved, NotWritten):
            return
        self.cycle = moved
        self._show_state()
        self.scroll_to_phase(PHASES.index(phase))
        self.restructured.emit(self.cycle.id or 0)
        self._announce()

    def close_cycle(self) -> None:
        """Close the cycle, or say exactly what it still needs."""
        if self.cycle is None or not self.autosaver.flush():
            return
        journal, cycle_id = self.context.journal, self.cycle.id or 0

        def attempt() -> LearningCycle | CycleNotReady:
            try:
                return close_cycle(journal, cycle_id)
            except CycleNotReady as exc:  # said on the cards it is about, not in one line
                return exc

        closed = write_or_say(self.context, attempt, None, self.problems)
        if isinstance(closed, NotWritten):
            return
        if isinstance(closed, CycleNotReady):
            self._show_missing(closed.missing)
            self.scroll_to_phase(len(PHASES) - 1)
            return
        self.cycle = closed
        self.load(self.cycle)
        self.restructured.emit(self.cycle.id or 0)
        self._announce()

    def _show_missing(self, missing: list[ClosureGap]) -> None:
        self.evaluation.show_missing(missing)
        if missing:
            self.problems.setText(
                self.tr("Not closed yet. It still needs {needs} (marked below).").format(
                    needs="; ".join(map(str, missing))
                )
            )
        else:
            self.problems.setText(self.tr("Everything is in: you can close the cycle now."))
        restyle(self.problems, "ErrorText" if missing else "Hint")
        self.problems.show()

    def reopen(self) -> None:
        """Reopen a closed cycle at its evaluation."""
        if self.cycle is None:
            return
        journal, cycle_id = self.context.journal, self.cycle.id or 0
        reopened = self.context.write(lambda: reopen_cycle(journal, cycle_id))
        if isinstance(reopened, NotWritten):
            return
        self.cycle = reopened
        self.load(self.cycle)
        self.restructured.emit(self.cycle.id or 0)
        self._announce()

    def _announce(self) -> None:
        """Tell the app this lead's cycle changed (its phase, its log)."""
        self.context.announce(RecordKind.CYCLE, self.cycle.lead_id if self.cycle else None)

    def add_observation(self) -> None:
        """Record an observation in this cycle."""
        if self.cycle is None or not self.autosaver.flush():
            return
        dialog = ObservationDialog(self.context, self.cycle.lead_id, self.cycle.id, self)
        if dialog.exec():
            self.practice.load(self.cycle.id or 0)
