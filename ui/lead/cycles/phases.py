"""Pieces of a learning cycle's page: the card each phase sits in, short text boxes, and the
evaluation card (the one that decides whether a cycle may close)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.cycle import OUTCOME_TITLES, ClosureGap, outcome_title, phase_title
from iltdesk.models import CyclePhase, LearningCycle
from ui.kit.fields import LineBox
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint, mark_missing

OUTCOMES = tuple(OUTCOME_TITLES)


class PhaseCard(QFrame):
    """One phase of the cycle as a card: number, title, a prompt, then its fields."""

    def __init__(self, number: int, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PhaseCard")
        self.number = QLabel(f"{number}")
        self.number.setObjectName("PhaseNumber")
        self.number.setFixedSize(22, 22)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(title)
        self.title.setObjectName("SectionTitle")
        self.title.setStyleSheet("margin-top: 0")
        # "Practice, observation and feedback" beside "Where you are now" would otherwise
        # make the card wider than the page in a 1024 px window.
        self.title.setWordWrap(True)
        self.tag = QLabel()
        self.tag.setObjectName("PhaseTag")
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.number)
        head.addWidget(self.title, 1)
        head.addWidget(self.tag)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(hint(prompt))
        layout.addSpacing(6)
        layout.addLayout(self.body)

    def set_state(self, state: str) -> None:
        """'done', 'current' or 'todo': the current phase's card is outlined in the accent."""
        tags = {"done": self.tr("Done ✓"), "current": self.tr("Where you are now")}
        self.tag.setText(tags.get(state, ""))
        self.setProperty("state", state)
        for widget in (self, self.number, self.tag):  # children style by the card's state too
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def set_read_only(self, read_only: bool) -> None:
        """Closed cycles are shown, not edited; each card knows which of its parts that means."""

    def add_field(self, label: str, widget: QWidget, note: QLabel | None = None) -> None:
        """A labelled field, with room for a note under it."""
        self.body.addSpacing(4)
        self.body.addWidget(field_label(label, widget))
        self.body.addWidget(widget)
        if note is not None:
            self.body.addWidget(note)


class EvaluationCard(PhaseCard):
    """Phase 4: was the goal met, what shows it, what each of you makes of it, what next."""

    outcome_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            4,
            phase_title(CyclePhase.evaluation),
            self.tr(
                "Go back to the goal and the baseline together. Was it met? What does the evidence "
                "say, what do they make of it, and is there a next goal?"
            ),
            parent,
        )
        self.outcome_row = QFrame()
        self.outcome_row.setAccessibleName(self.tr("Outcome"))
        # Three toggle buttons read as a choice at a glance, in either theme (Fusion's radio
        # circles all but vanish on the dark cards).
        self.outcomes = QButtonGroup(self)
        row = QHBoxLayout(self.outcome_row)
        row.setContentsMargins(3, 3, 3, 3)
        row.setSpacing(6)
        for number, outcome in enumerate(OUTCOME_TITLES):
            button = QPushButton(outcome_title(outcome))
            button.setObjectName("OutcomeChoice")
            button.setCheckable(True)
            self.outcomes.addButton(button, number)
            row.addWidget(button)
        self.outcomes.idClicked.connect(lambda *_: self.outcome_chosen.emit())
        self.evidence = MarkdownEdit(
            placeholder=self.tr(
                "What the numbers and your observations show now, next to the baseline"
            )
        )
        self.lead_reflection = MarkdownEdit(
            placeholder=self.tr("In their words: learned, hard, next")
        )
        self.principal_reflection = MarkdownEdit(
            placeholder=self.tr("Their growth, and your coaching")
        )
        for box in (self.evidence, self.lead_reflection, self.principal_reflection):
            box.setFixedHeight(128)  # four lines of notes text
        self.next_goal = LineBox(self.tr("If there is a next cycle, its goal"))
        self.notes = {name: _note() for name in ("outcome", "evidence", "reflection")}
        self._lay_out()

    def _lay_out(self) -> None:
        self.body.addWidget(field_label(self.tr("Outcome")))
        # Hugging the buttons, so the "still needed" outline is around the choice only.
        self.body.addWidget(self.outcome_row, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.notes["outcome"])
        self.add_field(self.tr("Evidence for the outcome"), self.evidence, self.notes["evidence"])
        # Hers alone (``principal_column``): the page hides it while she presents, and the
        # lead's column then takes the whole width.
        self.principal_label = field_label(
            self.tr("What I take from it"), self.principal_reflection
        )
        pair = QHBoxLayout()
        pair.setSpacing(16)
        columns = []
        for label, box in (
            (
                field_label(self.tr("What the lead says"), self.lead_reflection),
                self.lead_reflection,
            ),
            (self.principal_label, self.principal_reflection),
        ):
            columns.append(column := QWidget())
            stacked = QVBoxLayout(column)
            stacked.setContentsMargins(0, 0, 0, 0)
            stacked.addWidget(label)
            stacked.addWidget(box)
            pair.addWidget(column, 1)
        self.principal_column = columns[1]
        self.body.addSpacing(4)
        self.body.addLayout(pair)
        self.body.addWidget(self.notes["reflection"])
        self.add_field(self.tr("Next goal"), self.next_goal)

    def load(self, cycle: LearningCycle) -> None:
        """Show a cycle's evaluation without it counting as an edit."""
        self.outcomes.setExclusive(False)  # the only way to show "not chosen yet"
        for number, outcome in enumerate(OUTCOMES):
            self.outcomes.button(number).setChecked(cycle.outcome is outcome)
        self.outcomes.setExclusive(True)
        self.evidence.set_markdown(cycle.outcome_evidence)
        self.lead_reflection.set_markdown(cycle.lead_reflection)
        self.principal_reflection.set_markdown(cycle.principal_reflection)
        self.next_goal.set_text(cycle.next_goal)

    def values(self) -> dict[str, object]:
        """The fields as ``update_cycle`` takes them."""
        chosen = self.outcomes.checkedId()
        return {
            "outcome": OUTCOMES[chosen] if chosen >= 0 else None,
            "outcome_evidence": self.evidence.markdown(),
            "lead_reflection": self.lead_reflection.markdown(),
            "principal_reflection": self.principal_reflection.markdown(),
            "next_goal": self.next_goal.text(),
        }

    def show_missing(self, missing: list[ClosureGap]) -> None:
        """Say under each field what closing still needs, and outline those fields."""
        needs = {gap.part: gap.words for gap in missing}
        fields: dict[str, tuple[QWidget, ...]] = {
            "outcome": (self.outcome_row,),
            "evidence": (self.evidence,),
            "reflection": (self.lead_reflection, self.principal_reflection),
        }
        for name, widgets in fields.items():
            note = self.notes[name]
            note.setText(
                self.tr("Still needed: {needs}.").format(needs=needs[name]) if name in needs else ""
            )
            note.setVisible(name in needs)
            for widget in widgets:
                mark_missing(widget, name in needs)

    def set_read_only(self, read_only: bool) -> None:
        """A closed cycle is shown, not edited."""
        for button in self.outcomes.buttons():
            button.setEnabled(not read_only)
        for box in (self.evidence, self.lead_reflection, self.principal_reflection):
            box.setReadOnly(read_only)
        self.next_goal.setReadOnly(read_only)


def _note() -> QLabel:
    label = QLabel()
    label.setObjectName("FieldNote")
    label.setWordWrap(True)
    label.hide()
    return label
