"""The four phase cards on a learning cycle's page, each with its prompt and fields."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from iltdesk import dates
from iltdesk.cycle import (
    ACTIVITY_TITLES,
    activities,
    activity_title,
    length_warning,
    log_activity,
    observations_in,
    phase_title,
)
from iltdesk.framework import item_labels
from iltdesk.models import CyclePhase, FrameworkKind, LearningCycle
from iltdesk.observation import setting_title
from iltdesk.record_kinds import RecordKind
from iltdesk.report.markdown import plain_text
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.lists import fill_list, record_list
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.roles import RECORD_ID
from ui.kit.style import field_label, hint
from ui.kit.writing import write_or_say
from ui.lead.cycles.phases import PhaseCard


def _context_of(widget: QWidget) -> AppContext | None:
    """The app context of the page a widget sits on (the cycle page makes its cards without
    one, so the focus box finds the journal through its parents)."""
    parent = widget.parentWidget()
    while parent is not None:
        context = getattr(parent, "context", None)
        if isinstance(context, AppContext):
            return context
        parent = parent.parentWidget()
    return None


class FrameworkBox(LineBox):
    """The cycle's focus: offers the leadership framework's items as you type (Down lists
    them all), and takes any text, so cycles written before the list keep their words."""

    FORWARDED = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self.offered = QStringListModel(self)
        self.completer = QCompleter(self.offered, self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(8)
        self.completer.activated.connect(self._choose)  # the text overload

    def refresh_offer(self) -> None:
        """Re-read the framework: it may have changed on the Frameworks page since."""
        context = _context_of(self)
        if context is not None:
            self.offered.setStringList(item_labels(context.journal, FrameworkKind.leadership))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.refresh_offer()

    def _choose(self, label: str) -> None:
        self.setPlainText(label)  # an edit like any typing: the page saves it
        self.moveCursor(self.textCursor().MoveOperation.End)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        assert popup is not None  # a completer always has its list
        if popup.isVisible() and event.key() in self.FORWARDED:
            event.ignore()  # the list's own: Enter picks, Escape closes it
            return
        listing = event.key() == Qt.Key.Key_Down and not popup.isVisible()
        super().keyPressEvent(event)
        if self.isReadOnly() or not (listing or event.text().strip() or self._deleting(event)):
            return
        self.completer.setCompletionPrefix("" if listing else self.text())
        if self.completer.completionCount() and (listing or self.text()):
            below = self.rect()  # the list drops under the whole box, wide enough to read
            below.setWidth(max(below.width(), popup.sizeHintForColumn(0) + 24))
            self.completer.complete(below)
        else:
            popup.hide()

    @staticmethod
    def _deleting(event: QKeyEvent) -> bool:
        return event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


class IntentionCard(PhaseCard):
    """Phase 1: the goal, how success shows, and where things stand at the start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            1,
            phase_title(CyclePhase.intention),
            self.tr(
                "Choose one goal together that would make a real difference, from the numbers and "
                "from what you have both seen. Write the starting point down now: the evaluation "
                "comes back to it."
            ),
            parent,
        )
        self.goal = LineBox(
            self.tr("One measurable goal, e.g. every team meeting ends with a next step")
        )
        self.measure = LineBox(self.tr("How you will both know, e.g. 4 of the next 5 meetings"))
        self.baseline_numbers = LineBox(
            self.tr("Where it stands now, e.g. 1 of the last 5 meetings")
        )
        self.baseline_seen = MarkdownEdit(
            placeholder=self.tr(
                "What you saw and heard before starting: how it goes today, who talks, "
                "what is missing"
            )
        )
        self.baseline_seen.setFixedHeight(120)  # four lines of notes text
        self.focus = FrameworkBox(self.tr("From your leadership framework, if any"))
        self.focus.setToolTip(
            self.tr(
                "Type to find a part of your leadership framework, or press Down to list it all. "
                "Your own words do too."
            )
        )
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 16)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.started = date_edit(name=self.tr("Started"))
        self.weeks_note = hint()
        self.add_field(self.tr("The goal"), self.goal)
        self.add_field(self.tr("How we'll know it's met"), self.measure)
        baseline = QGridLayout()
        baseline.setHorizontalSpacing(16)
        baseline.addWidget(
            field_label(self.tr("Baseline: the numbers"), self.baseline_numbers), 0, 0
        )
        baseline.addWidget(field_label(self.tr("Leadership focus"), self.focus), 0, 1)
        baseline.addWidget(self.baseline_numbers, 1, 0, Qt.AlignmentFlag.AlignTop)
        baseline.addWidget(self.focus, 1, 1, Qt.AlignmentFlag.AlignTop)
        baseline.setColumnStretch(0, 3)
        baseline.setColumnStretch(1, 2)
        self.body.addSpacing(4)
        self.body.addLayout(baseline)
        self.add_field(self.tr("Baseline: what you saw"), self.baseline_seen)
        timing = QHBoxLayout()
        started, planned = QLabel(self.tr("Started")), QLabel(self.tr("  Planned for"))
        started.setBuddy(self.started)
        planned.setBuddy(self.weeks)
        self.weeks.setAccessibleName(self.tr("Planned for"))
        for widget in (started, self.started, planned, self.weeks):
            timing.addWidget(widget)
        timing.addWidget(self.weeks_note, 1)
        self.body.addSpacing(6)
        self.body.addLayout(timing)
        self.weeks.valueChanged.connect(self._show_length)

    def _show_length(self, weeks: int) -> None:
        self.weeks_note.setText(length_warning(weeks) or "")

    def load(self, cycle: LearningCycle) -> None:
        """Show a cycle's intention without it counting as an edit."""
        self.goal.set_text(cycle.goal)
        self.measure.set_text(cycle.success_measure)
        self.baseline_numbers.set_text(cycle.baseline_quantitative)
        self.baseline_seen.set_markdown(cycle.baseline_qualitative)
        self.focus.set_text(cycle.focus_indicator)
        for widget in (self.weeks, self.started):
            widget.blockSignals(True)  # loading is not an edit: nothing to save
        self.weeks.setValue(cycle.planned_weeks)
        self.started.setDate(qdate(cycle.started_on))
        for widget in (self.weeks, self.started):
            widget.blockSignals(False)
        self._show_length(cycle.planned_weeks)

    def values(self) -> dict[str, object]:
        """The fields as ``update_cycle`` takes them."""
        return {
            "goal": self.goal.text(),
            "success_measure": self.measure.text(),
            "baseline_quantitative": self.baseline_numbers.text(),
            "baseline_qualitative": self.baseline_seen.markdown(),
            "focus_indicator": self.focus.text(),
            "planned_weeks": self.weeks.value(),
            "started_on": day_of(self.started),
        }

    def set_read_only(self, read_only: bool) -> None:
        """A closed cycle is shown, not edited."""
        boxes = (self.goal, self.measure, self.baseline_numbers, self.baseline_seen, self.focus)
        for box in boxes:
            box.setReadOnly(read_only)
        self.weeks.setEnabled(not read_only)
        self.started.setEnabled(not read_only)


class LearningCard(PhaseCard):
    """Phase 2: what the lead does to learn the move before trying it."""

    logged = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            2,
            phase_title(CyclePhase.learning),
            self.tr(
                "What will help them learn the move before they try it: a reading, watching you "
                "model it, observing a teacher together, planning the meeting side by side."
            ),
            parent,
        )
        self.context = context
        self.cycle_id = 0
        self.list = record_list(self.tr("Related learning activities, in the order they happened"))
        self.empty = hint(self.tr("Nothing logged yet."))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of activity"))
        for kind in ACTIVITY_TITLES:
            self.kind.addItem(activity_title(kind), kind)
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("What you did, e.g. read chapter 3"))
        self.what.returnPressed.connect(self.log)
        self.when = date_edit(name=self.tr("When it happened"))
        self.log_button = QPushButton(self.tr("Log an activity"))
        self.log_button.clicked.connect(self.log)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.hide()
        # Two rows: on one, the kind, the date and the button left the text field a sliver
        # (and made the card wider than the page) in a 1024 px window.
        what_row, when_row = QHBoxLayout(), QHBoxLayout()
        what_row.addWidget(self.kind)
        what_row.addWidget(self.what, 1)
        when_row.addWidget(self.when)
        when_row.addStretch(1)
        when_row.addWidget(self.log_button)
        for widget in (self.list, self.empty):
            self.body.addWidget(widget)
        self.body.addSpacing(6)
        self.body.addLayout(what_row)
        self.body.addLayout(when_row)
        self.body.addWidget(self.error)

    def load(self, cycle_id: int) -> None:
        """List the cycle's activities."""
        self.cycle_id = cycle_id
        rows = [
            (
                a.id or 0,
                a.title or activity_title(a.kind),
                f"{activity_title(a.kind)} · {dates.list_date(a.happened_on)}",
            )
            for a in activities(self.context.journal, cycle_id)
        ]
        fill_list(self.list, rows)
        self.empty.setVisible(not rows)

    def log(self) -> None:
        """Log the activity described in the row under the list."""
        when = day_of(self.when)
        journal, cycle_id, kind, title = (
            self.context.journal,
            self.cycle_id,
            self.kind.currentData(),
            self.what.text(),
        )
        logged = write_or_say(
            self.context,
            lambda: log_activity(journal, cycle_id, kind, title=title, happened_on=when),
            None,  # the page announces it: it knows the cycle's lead
            self.error,
        )
        if isinstance(logged, NotWritten):
            return
        self.what.clear()
        self.load(self.cycle_id)
        self.logged.emit()

    def set_read_only(self, read_only: bool) -> None:
        """Closed cycles keep their record; nothing new is logged in them."""
        for widget in (self.kind, self.what, self.when, self.log_button):
            widget.setVisible(not read_only)


def _one_line(evidence: str) -> str:
    """Evidence typed as Markdown, on one line as it reads (no ``**`` or list signs)."""
    return " ".join(plain_text(evidence).split())


class PracticeCard(PhaseCard):
    """Phase 3: the observations of the lead in action made during this cycle."""

    add_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            3,
            phase_title(CyclePhase.practice),
            self.tr(
                "Watch them lead a team meeting, a data meeting or a feedback conversation. Write "
                "what you saw, the feedback you gave, and one next step they will take."
            ),
            parent,
        )
        self.context = context
        self.list = record_list(self.tr("Observations in this cycle, oldest first"))
        self.list.itemActivated.connect(self._open)
        self.empty = hint(self.tr("No observations in this cycle yet."))
        self.add_button = QPushButton(self.tr("Add an observation…"))
        self.add_button.clicked.connect(self.add_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        for widget in (self.list, self.empty):
            self.body.addWidget(widget)
        self.body.addSpacing(6)
        self.body.addLayout(row)

    def load(self, cycle_id: int) -> None:
        """List the observations made in the cycle."""
        rows = [
            (
                o.id or 0,
                f"{dates.list_date(o.observed_on)} · {setting_title(o.setting)}",
                self.tr("Next step: {step}").format(step=o.action_step)
                if o.action_step
                else _one_line(o.evidence),
            )
            for o in observations_in(self.context.journal, cycle_id)
        ]
        fill_list(self.list, rows)
        self.empty.setVisible(not rows)

    def _open(self, item: QListWidgetItem) -> None:
        self.context.open_record.emit(RecordKind.OBSERVATION, int(item.data(RECORD_ID)))

    def set_read_only(self, read_only: bool) -> None:
        """Observations join open cycles only."""
        self.add_button.setVisible(not read_only)
