"""Teacher teams: the teams the leads run, listed with who runs each, beside the page of the
one selected."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iltdesk.models import TeacherTeam
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from iltdesk.teacher_team import delete_team, leads_of_teams, list_teams, run_by_words
from iltdesk.teacher_team_today import (
    MAX_QUIET_WEEKS,
    quiet_weeks,
    set_quiet_weeks,
    teams_needing_a_look,
)
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.list_detail import list_detail_layout
from ui.kit.record_actions import confirm_delete
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.teacher_teams.dialogs import NewTeamDialog
from ui.team.teacher_teams.team_view import TeamView

TEAM_ROLE = Qt.ItemDataRole.UserRole + 3
PURPOSE = QT_TRANSLATE_NOOP(
    "page",
    (
        "The teams your leads run. Sit in on their meetings and give the lead feedback on how "
        "they led, track a few things over time, and when a team struggles, step in so that the "
        "lead's authority grows rather than yours."
    ),
)
NO_TEAMS = QT_TRANSLATE_NOOP(
    "page",
    (
        "No teacher teams yet. Add the grade teams and departments your leads run, with the day "
        "they meet, to keep a pulse on each."
    ),
)


def team_row_text(team: TeacherTeam, run_by: str, needs_look: bool) -> str:
    """A team in the list: its name, who runs it, and whether it needs a look."""
    first, second = team.name, run_by
    if team.archived_on:
        first = QCoreApplication.translate("page", "{name} (archived)").format(name=team.name)
    if needs_look:
        second = QCoreApplication.translate("page", "{run_by} · needs a look").format(run_by=run_by)
    return f"{first}\n{second}"


class TeamList(QListWidget):
    """The teams; Delete removes the selected one (after asking)."""

    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class TeacherTeamsPage(QWidget):
    """The list of teams beside the selected team's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = QLabel(self.tr("Teacher teams"))
        title.setObjectName("PageTitle")
        purpose = QLabel(QCoreApplication.translate("page", PURPOSE))
        purpose.setObjectName("PageSubtitle")
        purpose.setWordWrap(True)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, MAX_QUIET_WEEKS)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.weeks.setAccessibleName(
            self.tr("Weeks with nothing recorded before Today asks about a team")
        )
        self.weeks.setValue(quiet_weeks(context.journal))
        self.weeks.valueChanged.connect(self._weeks_changed)
        weeks_row = QHBoxLayout()
        weeks_label = QLabel(self.tr("Today asks about a team after"))
        weeks_label.setBuddy(self.weeks)
        weeks_row.addWidget(weeks_label)
        weeks_row.addWidget(self.weeks)
        weeks_row.addWidget(
            QLabel(self.tr("with nothing recorded, or when a data point fell twice."))
        )
        weeks_row.addStretch(1)
        self.new_button = QPushButton(self.tr("New team…"))
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(self.new_team)
        self.teams = TeamList()
        self.teams.setAccessibleName(self.tr("Teacher teams (Delete removes one)"))
        self.teams.delete_requested.connect(self.delete_selected)
        self.teams.setObjectName("TeacherTeamList")
        # Each team's two lines apart from the next one's.
        theme.live_style(self, lambda: "QListWidget#TeacherTeamList::item { padding: 4px 2px; }")
        self.teams.setWordWrap(True)
        self.teams.currentItemChanged.connect(lambda *_: self._show_selected())
        self.view = TeamView(context)
        self.view.delete_requested.connect(self.delete_selected)
        # Later, not inside the list's own signal (a save as another team is chosen).
        self.view.changed.connect(lambda: QTimer.singleShot(0, self, self._refresh_rows))
        self.empty = hint(QCoreApplication.translate("page", NO_TEAMS))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        self.stack = list_detail_layout(body, self.new_button, self.teams, self.view, self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addLayout(weeks_row)
        layout.addWidget(body, 1)
        self.refresh()

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the teams, keeping the one selected."""
        self.weeks.blockSignals(True)
        self.weeks.setValue(quiet_weeks(self.context.journal))
        self.weeks.blockSignals(False)
        self._refresh_rows()
        self._show_selected()

    def _refresh_rows(self) -> None:
        keep = self.selected_team_id()
        journal = self.context.journal
        leads = leads_of_teams(journal)
        looks = {t.team_id for t in teams_needing_a_look(journal, date.today())}
        self.teams.blockSignals(True)
        self.teams.clear()
        for team in list_teams(journal, include_archived=True):
            text = team_row_text(team, run_by_words(leads.get(team.id or 0, [])), team.id in looks)
            item = QListWidgetItem(text)
            item.setData(TEAM_ROLE, team)
            self.teams.addItem(item)
            if team.id == keep:
                self.teams.setCurrentItem(item)
        if self.teams.currentItem() is None and self.teams.count():
            self.teams.setCurrentRow(0)
        self.teams.blockSignals(False)

    def selected_team_id(self) -> int | None:
        item = self.teams.currentItem()
        team = item.data(TEAM_ROLE) if item is not None else None
        return team.id if isinstance(team, TeacherTeam) else None

    def _show_selected(self) -> None:
        item = self.teams.currentItem()
        team = item.data(TEAM_ROLE) if item is not None else None
        if not isinstance(team, TeacherTeam):
            self.stack.setCurrentWidget(self.empty)
            return
        self.view.show_team(team)
        self.stack.setCurrentWidget(self.view)

    def select_team(self, team_id: int) -> bool:
        """Show one team's page."""
        for row in range(self.teams.count()):
            team = self.teams.item(row).data(TEAM_ROLE)
            if isinstance(team, TeacherTeam) and team.id == team_id:
                self.teams.setCurrentRow(row)
                return True
        return False

    def open(self, where: Location) -> bool:
        """Show a team, or one of its interventions selected on its page."""
        self.refresh()
        team_id = where.team_id or (
            where.record_id if where.kind is RecordKind.TEACHER_TEAM else None
        )
        if team_id is None or not self.select_team(team_id):
            return False
        if where.kind is RecordKind.TEAM_INTERVENTION:
            return self.view.select_intervention(where.record_id)
        self.view.name.setFocus()
        return True

    # -- changing ---------------------------------------------------------------------------

    def new_team(self) -> None:
        """Add a team; its page opens with the focus on its name."""
        dialog = NewTeamDialog(self.context, self)
        if dialog.exec() and dialog.saved is not None:
            self._refresh_rows()
            self.select_team(dialog.saved.id or 0)
            self._show_selected()
            self.view.data.track_button.setFocus()

    def delete_selected(self) -> None:
        """Delete the selected team after asking (archive keeps a team that stopped meeting;
        this is for one added by mistake). Its observations stay with their leads."""
        item = self.teams.currentItem()
        team = item.data(TEAM_ROLE) if item is not None else None
        if not isinstance(team, TeacherTeam) or team.id is None:
            return
        what = self.tr(
            "“{name}” with what you track and the times you stepped in. Observations "
            "of its meetings stay on their leads' pages. To keep it but stop seeing it, "
            "archive it instead."
        ).format(name=team.name)
        if not confirm_delete(self, self.tr("Delete this team?"), what):
            return
        self.view.autosaver.flush()  # typing not yet saved would otherwise land after it goes
        journal, team_id, row = self.context.journal, team.id, self.teams.currentRow()
        gone = self.context.write(
            lambda: delete_team(journal, team_id),
            Change(RecordKind.TEACHER_TEAM),
            failed=self.tr("Not deleted"),
        )
        if isinstance(gone, NotWritten):
            return
        self.view.team = None
        self._refresh_rows()
        if self.teams.count():
            self.teams.setCurrentRow(min(row, self.teams.count() - 1))
        self._show_selected()
        (self.teams if self.teams.count() else self.new_button).setFocus()

    def _weeks_changed(self, weeks: int) -> None:
        journal = self.context.journal
        self.context.write(lambda: set_quiet_weeks(journal, weeks), Change(RecordKind.TEACHER_TEAM))
        self._refresh_rows()
        self.view.show_look()
