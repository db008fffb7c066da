"""Write down an observation right after watching a lead lead: what you saw, said, and next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.cycle import cycles_for
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import CyclePhase, LearningCycle, Observation, ObservationSetting
from iltdesk.observation import (
    SETTING_TITLES,
    ObservationNotes,
    add_observation,
    follow_up_due,
    setting_title,
)
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from iltdesk.teacher_team import get_team, teams_run_by
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of, py_date, qdate
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint, page_style
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say

NO_CYCLE = QT_TRANSLATE_NOOP("dialog", "Not part of a cycle")
NO_TEAM = QT_TRANSLATE_NOOP("dialog", "No particular team")
# Where a teacher team is observed at work: its own meeting, or a data meeting it holds.
TEAM_SETTINGS = (ObservationSetting.team_meeting, ObservationSetting.data_meeting)


def cycle_choice(cycle: LearningCycle) -> str:
    """A cycle in a drop-down: open or closed first (the goal may be cut short), then its goal."""
    goal = " ".join(cycle.goal.split()) or QCoreApplication.translate(
        "dialog", "a cycle with no goal yet"
    )
    goal = goal if len(goal) <= 70 else goal[:68].rstrip() + "…"
    if cycle.phase is CyclePhase.closed:
        return QCoreApplication.translate("dialog", "Closed: {goal}").format(goal=goal)
    return QCoreApplication.translate("dialog", "Current: {goal}").format(goal=goal)


def fill_cycle_combo(
    combo: QComboBox, cycles: list[LearningCycle], selected: int | None = -1
) -> None:
    """Open cycles first, then "not part of a cycle", then closed ones.

    ``selected`` is a cycle id, None for no cycle, or -1 for the lead's current (newest open)
    cycle, as in ``add_observation``.
    """
    combo.blockSignals(True)
    combo.clear()
    open_ones = [c for c in cycles if c.phase is not CyclePhase.closed]
    for cycle in open_ones:
        _add_cycle(combo, cycle)
    combo.addItem(QCoreApplication.translate("dialog", NO_CYCLE), None)
    for cycle in cycles:
        if cycle.phase is CyclePhase.closed:
            _add_cycle(combo, cycle)
    if selected == -1:
        selected = open_ones[0].id if open_ones else None
    # findData(None) does not find the "no cycle" row, which sits right after the open ones.
    combo.setCurrentIndex(combo.findData(selected) if selected is not None else len(open_ones))
    combo.blockSignals(False)


def _add_cycle(combo: QComboBox, cycle: LearningCycle) -> None:
    combo.addItem(cycle_choice(cycle), cycle.id)
    # The goal whole, for when the choice had to cut it short.
    combo.setItemData(combo.count() - 1, " ".join(cycle.goal.split()), Qt.ItemDataRole.ToolTipRole)


def setting_combo() -> QComboBox:
    """Where the lead was observed."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("dialog", "Setting"))
    for setting in SETTING_TITLES:
        combo.addItem(setting_title(setting), setting)
    return combo


def fill_team_combo(combo: QComboBox, journal: Journal, lead_id: int, chosen: int | None) -> None:
    """The teams the lead runs, after "no particular team"; the team an observation already
    names stays offered even if the lead has stopped running it or it was archived."""
    combo.clear()
    combo.addItem(QCoreApplication.translate("dialog", NO_TEAM), None)
    for team in teams_run_by(journal, lead_id):
        combo.addItem(team.name, team.id)
    if chosen is not None and combo.findData(chosen) < 0:
        combo.addItem(get_team(journal, chosen).name, chosen)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


class ObservationDialog(GuardedDialog):
    """Quick to fill straight after an observation; Ctrl+Enter saves."""

    def __init__(
        self,
        context: AppContext,
        lead_id: int,
        cycle_id: int | None = -1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.lead_id = context, lead_id
        self.observation: Observation | None = None
        lead = get_lead(context.journal, lead_id)
        first = short_name(lead.name)
        self.setWindowTitle(self.tr("Observation of {name} — iltdesk").format(name=lead.name))
        self.setStyleSheet(page_style())
        self.heading = QLabel(self.tr("Observing {name}").format(name=lead.name))
        self.heading.setObjectName("CycleGoal")
        self.setMinimumSize(640, 660)
        self.observed_on = date_edit()
        self.observed_on.setAccessibleName(self.tr("Observed on"))
        self._observed = self.observed_on.date()
        self.observed_on.dateChanged.connect(self._move_follow_up)
        self.setting = setting_combo()
        # Whose meeting it was, when the lead was running one of their teacher teams' meetings.
        self.team = QComboBox()
        self.team.setAccessibleName(self.tr("Teacher team"))
        fill_team_combo(self.team, context.journal, lead_id, None)
        self.team_label = field_label(self.tr("&Teacher team"), self.team)
        self.setting.currentIndexChanged.connect(lambda _i: self._offer_teams())
        self.cycle = QComboBox()
        self.cycle.setAccessibleName(self.tr("Learning cycle"))
        self.cycle.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.cycle.setMinimumContentsLength(40)  # "Current: " and the start of the goal
        fill_cycle_combo(self.cycle, cycles_for(context.journal, lead_id), cycle_id)
        self._make_notes(first)
        self._lay_out()
        self._offer_teams()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.evidence.setFocus()  # straight to scripting: the date and setting are usually right
        self.mark_clean()
        self.keep_drafts("observation", f"lead:{lead_id}", context)

    def _make_notes(self, first: str) -> None:
        self.evidence = MarkdownEdit(
            placeholder=self.tr(
                "Script it as it happens: who says what, what the team decides, where "
                "the talk goes. Times help."
            )
        )
        self.evidence.setAccessibleName(self.tr("What you saw and heard"))
        self.evidence.setMinimumHeight(220)
        self.feedback = MarkdownEdit(
            placeholder=self.tr("What you told them: what worked, and the one thing to change")
        )
        self.feedback.setAccessibleName(self.tr("Feedback given"))
        self.feedback.setFixedHeight(84)
        self.step = QLineEdit()
        self.step.setAccessibleName(self.tr("Next action step"))
        self.step.setPlaceholderText(self.tr("One concrete move for next time"))
        self.follow_up = date_edit(follow_up_due(date.today()))
        self.follow_up.setAccessibleName(self.tr("Follow up on"))
        self.step_note = hint(
            self.tr("The next step becomes {first}'s action item, due on this date.").format(
                first=first
            )
        )
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()

    def _lay_out(self) -> None:
        top = QGridLayout()
        top.setHorizontalSpacing(10)
        top.addWidget(field_label(self.tr("Observed on")), 0, 0)
        top.addWidget(field_label(self.tr("Setting")), 0, 1)
        top.addWidget(self.observed_on, 1, 0)
        top.addWidget(self.setting, 1, 1)
        top.addWidget(self.team_label, 0, 2)
        top.addWidget(self.team, 1, 2)
        top.setColumnStretch(3, 1)
        # A row of its own: beside the date and setting a cycle's goal was cut to a few words.
        top.addWidget(field_label(self.tr("Learning cycle")), 2, 0, 1, 4)
        top.addWidget(self.cycle, 3, 0, 1, 4)
        step = QGridLayout()
        step.setHorizontalSpacing(10)
        step.addWidget(field_label(self.tr("Next action step")), 0, 0)
        step.addWidget(field_label(self.tr("Follow up on")), 0, 1)
        step.addWidget(self.step, 1, 0)
        step.addWidget(self.follow_up, 1, 1)
        step.addWidget(self.step_note, 2, 0, 1, 2)
        step.setColumnStretch(0, 1)
        footer = self._footer()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(field_label(self.tr("What you saw and heard")))
        layout.addWidget(self.evidence, 1)
        layout.addSpacing(4)
        layout.addWidget(field_label(self.tr("Feedback you gave")))
        layout.addWidget(self.feedback)
        layout.addSpacing(4)
        layout.addLayout(step)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(footer)

    def _offer_teams(self) -> None:
        """The teams the lead runs, offered only for a team's meeting or data meeting (and
        only if any)."""
        shown = self.setting.currentData() in TEAM_SETTINGS
        shown = shown and self.team.count() > 1
        self.team_label.setVisible(shown)
        self.team.setVisible(shown)

    def _footer(self) -> QHBoxLayout:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("Primary")
        save.setToolTip(self.tr("Save (Ctrl+Enter)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(hint(self.tr("Ctrl+Enter saves")), 1)
        footer.addWidget(buttons)
        return footer

    def _move_follow_up(self, observed: QDate) -> None:
        # A week after the observation is the usual rhythm: when the observation date moves,
        # the follow-up moves with it, unless it was set to something else on purpose.
        was = py_date(self._observed)
        if self.follow_up.date() == qdate(follow_up_due(was)):
            now = py_date(observed)
            self.follow_up.setDate(qdate(follow_up_due(now)))
        self._observed = observed

    def notes(self) -> ObservationNotes:
        """What the form holds."""
        observed = day_of(self.observed_on)
        follow_up = day_of(self.follow_up)
        team = self.team.currentData() if self.team.isVisibleTo(self) else None
        return ObservationNotes(
            setting=self.setting.currentData(),
            evidence=self.evidence.markdown(),
            feedback=self.feedback.markdown(),
            action_step=self.step.text(),
            follow_up_on=follow_up,
            observed_on=observed,
            team_id=team if isinstance(team, int) else None,
        )

    def save(self) -> None:
        """Record the observation (and its next step as an action item); errors stay here."""
        journal, lead_id, notes = self.context.journal, self.lead_id, self.notes()
        cycle_id = self.cycle.currentData()
        observation = write_or_say(
            self.context,
            lambda: add_observation(journal, lead_id, notes, cycle_id=cycle_id),
            Change(RecordKind.OBSERVATION, lead_id),
            self.error,
        )
        if isinstance(observation, NotWritten):  # said here or in the status bar; text kept
            return
        self.observation = observation
        self.context.announce(RecordKind.ACTION_ITEM, lead_id)  # its next step
        self.accept()
