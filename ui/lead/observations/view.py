"""A lead's observations: the list on the left, the chosen one beside it, saving as you type."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk import observation as observations
from iltdesk.cycle import cycles_for
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import LearningCycle, Observation
from iltdesk.observation import ObservationRow, observations_for, setting_title, update_observation
from iltdesk.record_kinds import Change, RecordKind
from ui.kit import history_panel, theme
from ui.kit.context import AppContext, Autosaver, Save
from ui.kit.elided_combo import ElidedCombo
from ui.kit.fields import date_edit, day_of, qdate
from ui.kit.icons import icon
from ui.kit.list_detail import list_detail_layout
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID
from ui.kit.style import field_label, hint, page_style
from ui.lead.observations.dialog import (
    NO_CYCLE,
    TEAM_SETTINGS,
    ObservationDialog,
    fill_cycle_combo,
    fill_team_combo,
    setting_combo,
)


def list_day(day: date, today: date) -> str:
    """'Fri 6 Nov', with the year only when it is not this year's (lists are narrow)."""
    return dates.list_date(day, today)


def observation_row(observation: Observation | ObservationRow, goals: dict[int, str]) -> str:
    """An observation as two list lines: when and where, then the cycle it belongs to."""
    day = list_day(observation.observed_on, date.today())
    title = f"{day} · {setting_title(observation.setting)}"
    goal = goals.get(observation.cycle_id or 0)
    cycle = (
        QCoreApplication.translate("view", "Cycle: {goal}").format(goal=goal)
        if goal
        else QCoreApplication.translate("dialog", NO_CYCLE)
    )
    return f"{title}\n{cycle}"


class ObservationEditor(QScrollArea):
    """One observation's details; every change saves itself (the next step lives on as an
    action item, so it is shown here and changed in Action items)."""

    saved = Signal(Observation)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("The observation"))
        self.context = context
        self.observation: Observation | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.autosaver = Autosaver(context, self._save, self)
        self.observed_on = date_edit()
        self.setting = setting_combo()
        self.cycle = ElidedCombo()
        self.cycle.setAccessibleName(self.tr("Learning cycle"))
        self.cycle.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # Whose meeting it was, for a teacher-team meeting: a wrong or missing team is put
        # right here (the team's page lists the observations that name it).
        self.team = ElidedCombo()
        self.team.setAccessibleName(self.tr("Teacher team"))
        self.team.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.team_label = field_label(self.tr("Teacher team"), self.team)
        self.setting.currentIndexChanged.connect(lambda _i: self._offer_teams())
        self.evidence = MarkdownEdit(placeholder=self.tr("What you saw and heard"))
        self.evidence.setMinimumHeight(220)
        self.feedback = MarkdownEdit(placeholder=self.tr("The feedback you gave"))
        self.feedback.setFixedHeight(110)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.step.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_note = hint()
        self.has_follow_up = QCheckBox(self.tr("Follow up on"))
        self.follow_up = date_edit()
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        for signal in (
            self.observed_on.dateChanged,
            self.setting.currentIndexChanged,
            self.cycle.currentIndexChanged,
            self.team.currentIndexChanged,
            self.follow_up.dateChanged,
            self.has_follow_up.toggled,
            self.evidence.edited,
            self.feedback.edited,
        ):
            signal.connect(self.autosaver.touch)
        self.evidence.focus_left.connect(self.autosaver.flush)
        self.feedback.focus_left.connect(self.autosaver.flush)
        self.setWidget(self._lay_out())
        history_panel.add_history_shortcut(self, self.show_history)

    def _lay_out(self) -> QWidget:
        page = QWidget()
        top = QGridLayout()
        top.setHorizontalSpacing(10)
        # As in the dialog: when, where and which team on one row; the cycle, whose goal is
        # long, on its own row (beside the others it was cut to a few words at 1024 px).
        for column, (label, widget) in enumerate(
            ((self.tr("Observed on"), self.observed_on), (self.tr("Setting"), self.setting))
        ):
            top.addWidget(field_label(label), 0, column)
            top.addWidget(widget, 1, column)
        top.addWidget(self.team_label, 0, 2)
        top.addWidget(self.team, 1, 2)
        top.addWidget(field_label(self.tr("Cycle"), self.cycle), 2, 0, 1, 3)
        top.addWidget(self.cycle, 3, 0, 1, 3)
        top.setColumnStretch(2, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 14, 20, 20)
        layout.setSpacing(6)
        layout.addLayout(top)
        for label, widget in (
            (self.tr("What you saw and heard"), self.evidence),
            (self.tr("Feedback you gave"), self.feedback),
            (self.tr("Next action step"), self.step),
        ):
            layout.addSpacing(6)
            layout.addWidget(field_label(label))
            layout.addWidget(widget)
        layout.addWidget(self.step_note)
        follow = QGridLayout()
        follow.addWidget(self.has_follow_up, 0, 0)
        follow.addWidget(self.follow_up, 0, 1)
        follow.setColumnStretch(2, 1)
        history = history_panel.history_button(
            self.show_history, self.tr("what you saw and the feedback")
        )
        follow.addWidget(history, 0, 3)
        layout.addSpacing(6)
        layout.addLayout(follow)
        layout.setStretchFactor(self.evidence, 1)  # the scripted notes get the room there is
        return page

    def load(self, observation: Observation | None, cycles: list[LearningCycle]) -> bool:
        """Show ``observation``; False (keeping the one on screen) if its text cannot be saved."""
        if not self.autosaver.flush():
            return False
        self.observation = observation
        self.setEnabled(observation is not None)
        if observation is None:
            return True
        widgets = (
            self.observed_on,
            self.setting,
            self.cycle,
            self.team,
            self.follow_up,
            self.has_follow_up,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.observed_on.setDate(qdate(observation.observed_on))
        self.setting.setCurrentIndex(self.setting.findData(observation.setting))
        fill_cycle_combo(self.cycle, cycles, observation.cycle_id)
        self.cycle.elide_items()
        journal = self.context.journal
        fill_team_combo(self.team, journal, observation.lead_id, observation.team_id)
        self.team.elide_items()
        self._offer_teams()
        follow = observation.follow_up_on
        self.has_follow_up.setChecked(follow is not None)
        self.follow_up.setEnabled(follow is not None)
        self.follow_up.setDate(qdate(follow or observation.observed_on))
        for widget in widgets:
            widget.blockSignals(False)
        self.evidence.set_markdown(observation.evidence)
        self.feedback.set_markdown(observation.feedback)
        self._show_step(observation)
        return True

    def show_history(self) -> None:
        """The History of the text with the cursor (what is typed saved first)."""
        if self.observation is None:
            return
        boxes: dict[str, QWidget] = {"evidence": self.evidence, "feedback": self.feedback}
        where = ("observation", self.observation.id or 0)
        field = history_panel.field_in_focus(boxes)
        history_panel.show_history(self, self.context, where, tuple(boxes), field,
                                   saved=self.autosaver.flush, reload=self._reread)  # fmt: skip

    def _reread(self) -> None:
        """Show the observation as the journal has it now (after a restore)."""
        if self.observation is None:
            return
        journal, lead_id = self.context.journal, self.observation.lead_id
        found = [o for o in observations_for(journal, lead_id) if o.id == self.observation.id]
        if found and self.load(found[0], cycles_for(journal, lead_id)):
            self.saved.emit(found[0])

    def _offer_teams(self) -> None:
        """The team is asked for a team's meeting or a data meeting (a team's too), and stays
        in sight whatever the setting once one is chosen, so a link is never dropped unseen."""
        setting = self.setting.currentData()
        shown = setting in TEAM_SETTINGS or self.team.currentData() is not None
        shown = shown and self.team.count() > 1
        self.team_label.setVisible(shown)
        self.team.setVisible(shown)

    def _show_step(self, observation: Observation) -> None:
        lead = get_lead(self.context.journal, observation.lead_id)
        first = short_name(lead.name)
        self.step.setText(observation.action_step or self.tr("None written."))
        self.step_note.setText(
            self.tr(
                "This step is {first}'s action item: change it or tick it off under Action items."
            ).format(first=first)
            if observation.action_step
            else ""
        )
        self.step_note.setVisible(bool(observation.action_step))

    def _save(self) -> Save[Observation] | None:
        if self.observation is None:
            return None
        journal, observation_id = self.context.journal, self.observation.id or 0
        changes: dict[str, Any] = {
            "observed_on": day_of(self.observed_on),
            "setting": self.setting.currentData(),
            "cycle_id": self.cycle.currentData(),
            "team_id": self.team.currentData(),
            "evidence": self.evidence.markdown(),
            "feedback": self.feedback.markdown(),
            "follow_up_on": day_of(self.follow_up) if self.has_follow_up.isChecked() else None,
        }
        return Save(lambda: update_observation(journal, observation_id, **changes), self._saved)

    def _saved(self, observation: Observation) -> None:
        if self.observation is not None and self.observation.id == observation.id:
            self.observation = observation
        self.saved.emit(observation)


class ObservationsView(QWidget):
    """The "Observations" tab of a lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.observations: list[ObservationRow] = []  # read whole only when opened
        self.cycles: list[LearningCycle] = []
        self.setStyleSheet(page_style())
        self.add_button = QPushButton(
            icon("add", theme.colour("on_accent")), self.tr("Add an observation…")
        )
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self.add)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Observations, newest first"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        self.editor = ObservationEditor(context)
        self.editor.saved.connect(self._update_row)
        self.empty = hint()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = list_detail_layout(self, self.add_button, self.list, self.editor, self.empty)
        context.changed.connect(self._changed_elsewhere)

    def show_lead(self, lead_id: int) -> bool:
        """Load a lead's observations and open the newest; False if unsaved text must stay."""
        if not self.editor.autosaver.flush():
            return False
        self.lead_id = lead_id
        self.reload()
        return True

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the observations (and cycle goals), keeping or moving the selection."""
        if self.lead_id is None or not self.editor.autosaver.flush():
            return
        journal = self.context.journal
        keep = select_id or (self.editor.observation.id if self.editor.observation else None)
        self.observations = observations.observation_rows(journal, self.lead_id)
        self.cycles = cycles_for(journal, self.lead_id)
        goals = {c.id or 0: " ".join(c.goal.split()) for c in self.cycles}
        self.list.blockSignals(True)
        self.list.clear()
        for observation in self.observations:
            item = QListWidgetItem(observation_row(observation, goals))
            item.setData(RECORD_ID, observation.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [o.id for o in self.observations]
        self.select_observation(keep if keep in ids else (ids[0] if ids else None))

    def select_observation(self, observation_id: int | None) -> None:
        """Open one observation (or none)."""
        ids = [o.id for o in self.observations]
        if observation_id is None or observation_id not in ids:
            self.editor.load(None, self.cycles)
            first = self.tr("this lead")
            if self.lead_id is not None:
                first = short_name(get_lead(self.context.journal, self.lead_id).name)
            self.empty.setText(
                self.tr(
                    "No observations of {first} yet.\n\nWatch them lead a meeting or a "
                    "conversation, then write down what you saw,\nthe feedback, and one next step."
                ).format(first=first)
            )
            self.stack.setCurrentWidget(self.empty)
            return
        row = ids.index(observation_id)
        if self.list.currentRow() == row:
            self._current_changed(self.list.item(row), None)
        else:
            self.list.setCurrentRow(row)

    def _current_changed(self, item: QListWidgetItem | None, previous: object) -> None:
        found = (o for o in self.observations if item and o.id == item.data(RECORD_ID))
        row = next(found, None)
        observation = observations.get_observation(self.context.journal, row.id) if row else None
        if not self.editor.load(observation, self.cycles):
            # Unsaved text that could not be saved stays on screen with its observation.
            self.list.blockSignals(True)
            ids = [o.id for o in self.observations]
            kept = self.editor.observation
            self.list.setCurrentRow(ids.index(kept.id or 0) if kept else -1)
            self.list.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.editor if observation else self.empty)

    def _update_row(self, observation: Observation) -> None:
        goals = {c.id or 0: " ".join(c.goal.split()) for c in self.cycles}
        for row, known in enumerate(self.observations):
            if known.id == observation.id:
                self.observations[row] = ObservationRow.of(observation)
                self.list.item(row).setText(observation_row(observation, goals))

    def add(self) -> None:
        """Write a new observation, in the lead's current cycle unless changed."""
        if self.lead_id is None or not self.editor.autosaver.flush():
            return
        dialog = ObservationDialog(self.context, self.lead_id, -1, self)
        if dialog.exec() and dialog.observation is not None:
            self.reload(dialog.observation.id)

    def _changed_elsewhere(self, change: Change) -> None:
        if change.about(RecordKind.OBSERVATION, RecordKind.CYCLE) and self.lead_id is not None:
            self.reload()
