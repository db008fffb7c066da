"""The small forms of the teacher-teams page: a new team, something to track about a team,
and a dated reading of it. Each keeps a draft like every other form; Enter saves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iltdesk.lead import lead_summaries
from iltdesk.models import TeacherTeam, TeamDataPoint, TeamDataValue
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.teacher_team import MAX_TEACHERS, add_team
from iltdesk.teacher_team_data import add_data_point, add_value, update_value, value_words
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of
from ui.kit.style import field_label, hint
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say

LEAD_ROLE = Qt.ItemDataRole.UserRole + 1


def error_label() -> QLabel:
    """Where a form says why it could not save."""
    error = QLabel()
    error.setObjectName("ErrorText")
    error.setWordWrap(True)
    error.hide()
    return error


def buttons_for(
    dialog: GuardedDialog, save_text: str, save: Callable[[], None]
) -> QDialogButtonBox:
    """Cancel and a default save button (Enter presses it) that calls ``save``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = QPushButton(save_text)
    button.setObjectName("Primary")
    button.setDefault(True)
    buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def lead_checklist(context: AppContext, chosen: set[int]) -> QListWidget:
    """The active leads (and any archived one already chosen), each ticked with Space."""
    checklist = QListWidget()
    checklist.setAccessibleName(
        QCoreApplication.translate("dialogs", "Run by (Space ticks a lead)")
    )
    for lead in lead_summaries(context.journal, include_archived=True):
        if not lead.active and lead.id not in chosen:
            continue
        item = QListWidgetItem(lead.name + ("" if lead.active else " (archived)"))
        item.setData(LEAD_ROLE, lead.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        ticked = lead.id in chosen
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        checklist.addItem(item)
    if checklist.count():
        checklist.setCurrentRow(0)
    return checklist


def ticked_leads(checklist: QListWidget) -> list[int]:
    """The leads ticked in a ``lead_checklist``."""
    items = (checklist.item(row) for row in range(checklist.count()))
    return [int(i.data(LEAD_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]


class NewTeamDialog(GuardedDialog):
    """A new teacher team: its name, how many teachers, when it meets, who runs it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: TeacherTeam | None = None
        self.setWindowTitle(self.tr("New teacher team — iltdesk"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.name.setObjectName("TeamName")
        self.name.setPlaceholderText(self.tr("e.g. Grade 6, Science department"))
        self.members = QSpinBox()
        self.members.setRange(0, MAX_TEACHERS)
        self.members.setAccessibleName(self.tr("Teachers on the team"))
        self.meeting_day = QLineEdit()
        self.meeting_day.setObjectName("TeamMeetingDay")
        self.meeting_day.setPlaceholderText(self.tr("In words, e.g. Thursdays after school"))
        self.leads = lead_checklist(context, set())
        self.leads.setMaximumHeight(140)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        for label, field in (
            (self.tr("Team"), self.name),
            (self.tr("Teachers on the team"), self.members),
            (self.tr("Meets"), self.meeting_day),
            (self.tr("Run by"), self.leads),
        ):
            layout.addWidget(field_label(label, field))
            layout.addWidget(field)
        layout.addWidget(hint(self.tr("Tick the lead or leads who run its meetings with Space.")))
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Add the team"), self.save))
        self.name.setFocus()
        self.mark_clean()
        self.keep_drafts("teacher_team", "new", context)

    def save(self) -> None:
        """Add the team and close, or say why not and keep what was typed."""
        journal, name, count = self.context.journal, self.name.text(), self.members.value()
        day, leads = self.meeting_day.text(), ticked_leads(self.leads)
        saved = write_or_say(
            self.context,
            lambda: add_team(journal, name, members_count=count, meeting_day=day, lead_ids=leads),
            Change(RecordKind.TEACHER_TEAM),
            self.error,
        )
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()


class DataPointDialog(GuardedDialog):
    """Something to track about a team over time, and its unit."""

    def __init__(self, context: AppContext, team_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.team_id = context, team_id
        self.saved: TeamDataPoint | None = None
        self.setWindowTitle(self.tr("Track something about the team — iltdesk"))
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.name.setObjectName("DataPointName")
        self.name.setPlaceholderText(
            self.tr("e.g. Teachers who left the data meeting with a reteach plan")
        )
        self.unit = QLineEdit()
        self.unit.setObjectName("DataPointUnit")
        self.unit.setPlaceholderText(self.tr("e.g. of 5, %, minutes"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(
            hint(self.tr("A few things, looked at often, tell you more than many looked at once."))
        )
        layout.addWidget(field_label(self.tr("What you track"), self.name))
        layout.addWidget(self.name)
        layout.addWidget(field_label(self.tr("Unit"), self.unit))
        layout.addWidget(self.unit)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Track it"), self.save))
        self.name.setFocus()
        self.mark_clean()
        self.keep_drafts("team_data_point", f"team:{team_id}", context)

    def save(self) -> None:
        journal, team = self.context.journal, self.team_id
        name, unit = self.name.text(), self.unit.text()
        saved = write_or_say(
            self.context,
            lambda: add_data_point(journal, team, name, unit),
            Change(RecordKind.TEACHER_TEAM),
            self.error,
        )
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()


def parse_reading(text: str) -> float | None:
    """A typed number ("3", "2.5", "2,5"), or None if it is not one."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


class ReadingDialog(GuardedDialog):
    """A dated reading of one data point, typed as a number; given ``reading``, a correction
    of its value, day or note."""

    def __init__(
        self,
        context: AppContext,
        point: TeamDataPoint,
        parent: QWidget | None = None,
        reading: TeamDataValue | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.point, self.reading = context, point, reading
        self.saved: TeamDataValue | None = None
        if reading:
            title = self.tr("Correct a reading of {name} — iltdesk")
        else:
            title = self.tr("A reading of {name} — iltdesk")
        self.setWindowTitle(title.format(name=point.name))
        self.setMinimumWidth(460)
        self.value = QLineEdit(value_words(reading.value, "") if reading else "")
        self.value.setObjectName("ReadingValue")
        unit = f" ({point.unit})" if point.unit else ""
        self.value.setPlaceholderText(self.tr("A number{unit}").format(unit=unit))
        day = reading.measured_on if reading else date.today()
        self.measured_on = date_edit(day, self.tr("Measured on"))
        self.note = QLineEdit(reading.note if reading else "")
        self.note.setObjectName("ReadingNote")
        self.note.setPlaceholderText(self.tr("What was going on (optional)"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(field_label(f"{point.name}{unit}", self.value))
        layout.addWidget(self.value)
        layout.addWidget(field_label(self.tr("Measured on"), self.measured_on))
        layout.addWidget(self.measured_on)
        layout.addWidget(field_label(self.tr("Note"), self.note))
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(
            buttons_for(self, self.tr("Save") if reading else self.tr("Add the reading"), self.save)
        )
        self.value.setFocus()
        self.value.selectAll()
        self.mark_clean()
        where = f"value:{reading.id}" if reading else f"point:{point.id}"
        self.keep_drafts("team_data_value", where, context)

    def save(self) -> None:
        value = parse_reading(self.value.text())
        if value is None:
            self.error.setText(self.tr("Type the reading as a number, such as 3 or 2.5."))
            self.error.show()
            return
        journal, point, on = self.context.journal, self.point.id or 0, day_of(self.measured_on)
        note, reading = self.note.text(), self.reading

        def write() -> TeamDataValue:
            if reading is not None:
                return update_value(journal, reading.id or 0, value, on, note)
            return add_value(journal, point, value, on, note)

        saved = write_or_say(self.context, write, Change(RecordKind.TEACHER_TEAM), self.error)
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()
