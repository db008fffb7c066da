"""One teacher team: its facts (saved as typed), the observations of its lead running its
meetings, its data points drawn over time, and the times the principal stepped in."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.lead import lead_summaries
from iltdesk.models import TeacherTeam
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.teacher_team import (
    MAX_TEACHERS,
    delete_intervention,
    intervention_words,
    interventions_for,
    leads_of,
    set_archived,
    set_team_leads,
    team_observations,
    update_team,
)
from iltdesk.teacher_team_today import teams_needing_a_look
from ui.kit import theme
from ui.kit.context import AppContext, Autosaver, NotWritten, Save
from ui.kit.record_actions import confirm_delete
from ui.kit.roles import HTML
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.teacher_teams.data_section import DataSection
from ui.team.teacher_teams.dialogs import lead_checklist, ticked_leads
from ui.team.teacher_teams.intervention_dialog import InterventionDialog
from ui.team.teacher_teams.rows import (
    RECORD_ROLE,
    RecordList,
    intervention_text,
    observation_text,
    row_html,
    section_title,
)

NO_OBSERVATIONS = QT_TRANSLATE_NOOP(
    "team_view",
    (
        "No observations of this team's meetings yet. When you sit in, add an observation of the "
        "lead (setting: teacher-team meeting) and choose this team: it shows here."
    ),
)
NO_INTERVENTIONS = QT_TRANSLATE_NOOP(
    "team_view",
    ("You have not stepped in for this team. When you do, note how the lead stayed in charge."),
)


class TeamView(QScrollArea):
    """The page of one team, scrolling as a whole."""

    changed = Signal()  # its name, leads or archive changed: the list of teams shows them
    delete_requested = Signal()  # the page deletes it: it owns the list the team leaves

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.team: TeacherTeam | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName(self.tr("The team"))
        theme.live_style(self, lambda: "QLineEdit#TeamTitle { font-size: 16px; font-weight: 600; }")
        self.autosaver = Autosaver(context, self._save, self)
        self._build_facts()
        self.look = hint()
        self.look.setObjectName("ErrorText")
        self.observations = RecordList(
            self.tr("Observations of the lead running this team's meetings")
        )
        self.observations.opened.connect(
            lambda obs_id: context.open_record.emit(RecordKind.OBSERVATION, obs_id)
        )
        self.no_observations = hint(QCoreApplication.translate("team_view", NO_OBSERVATIONS))
        self.data = DataSection(context)
        self.data.changed.connect(self.show_look)
        self.data.changed.connect(self._order_tabs)  # its charts were drawn anew
        self.add_intervention_button = QPushButton(self.tr("Add an intervention…"))
        self.add_intervention_button.clicked.connect(self.add_intervention)
        self.interventions = RecordList(self.tr("How you stepped in for this team"))
        self.interventions.opened.connect(self.edit_intervention)
        self.interventions.delete_requested.connect(self.delete_intervention)
        self.no_interventions = hint(QCoreApplication.translate("team_view", NO_INTERVENTIONS))
        self._lay_out()

    def _build_facts(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("TeamTitle")
        self.name.setAccessibleName(self.tr("Team name"))
        self.members = QSpinBox()
        self.members.setRange(0, MAX_TEACHERS)
        self.members.setAccessibleName(self.tr("Teachers on the team"))
        self.meeting_day = QLineEdit()
        self.meeting_day.setAccessibleName(self.tr("Meets"))
        self.meeting_day.setPlaceholderText(self.tr("In words, e.g. every other Monday"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes on the team"))
        self.notes.setPlaceholderText(
            self.tr("What you know about this team: its history, its mood")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        for edit in (self.name, self.meeting_day):
            edit.textEdited.connect(self.autosaver.touch)
            edit.editingFinished.connect(self.autosaver.flush)
        self.members.valueChanged.connect(lambda _v: self._touch())
        self.notes.textChanged.connect(self._touch)
        self.leads_box = QVBoxLayout()
        self.leads = lead_checklist(self.context, set())
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete the team"))
        self.delete_button.clicked.connect(self.delete_requested)
        self._loading = False

    def _touch(self) -> None:
        if not self._loading:
            self.autosaver.touch()

    def _lay_out(self) -> None:
        column = QWidget()
        column.setMaximumWidth(1000)  # wide screens: facts and charts stay near each other
        body = QVBoxLayout(column)
        body.setContentsMargins(16, 8, 16, 24)
        body.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.archive_button)
        head.addWidget(self.delete_button)
        body.addLayout(head)
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.addWidget(field_label(self.tr("Teachers"), self.members), 0, 0)
        facts.addWidget(field_label(self.tr("Meets"), self.meeting_day), 0, 1)
        facts.addWidget(field_label(self.tr("Run by (Space ticks)"), self.leads), 0, 2)
        facts.addWidget(self.members, 1, 0)
        facts.addWidget(self.meeting_day, 1, 1)
        facts.addLayout(self.leads_box, 1, 2, 3, 1)
        facts.addWidget(field_label(self.tr("Notes"), self.notes), 2, 0, 1, 2)
        facts.addWidget(self.notes, 3, 0, 1, 2)
        facts.setColumnStretch(1, 2)
        facts.setColumnStretch(2, 1)
        body.addLayout(facts)
        body.addWidget(self.look)
        body.addSpacing(14)
        body.addWidget(section_title(self.tr("Observations of the lead running its meetings")))
        body.addWidget(self.observations)
        body.addWidget(self.no_observations)
        body.addSpacing(14)
        body.addWidget(self.data)
        body.addSpacing(14)
        interventions = QHBoxLayout()
        interventions.addWidget(section_title(self.tr("How you stepped in")), 1)
        interventions.addWidget(self.add_intervention_button)
        body.addLayout(interventions)
        body.addWidget(
            hint(
                self.tr(
                    "Build the lead's authority rather than take the team over. Enter edits a row, "
                    "Delete removes it."
                )
            )
        )
        body.addWidget(self.interventions)
        body.addWidget(self.no_interventions)
        body.addStretch(1)
        self.setWidget(column)

    # -- showing ----------------------------------------------------------------------------

    def show_team(self, team: TeacherTeam) -> None:
        """Show ``team`` (saving what was typed on the one shown before)."""
        if self.team is not None and self.team.id != team.id:
            self.autosaver.flush()
        self.team = team
        self._loading = True
        try:
            if not self.name.hasFocus():
                self.name.setText(team.name)
            self.members.setValue(team.members_count)
            if not self.meeting_day.hasFocus():
                self.meeting_day.setText(team.meeting_day)
            if self.notes.toPlainText() != team.notes and not self.notes.hasFocus():
                self.notes.setPlainText(team.notes)
        finally:
            self._loading = False
        self.archive_button.setText(
            self.tr("Bring back") if team.archived_on else self.tr("Archive the team")
        )
        self._show_leads(team.id or 0)
        self._show_observations(team.id or 0)
        self.data.show_team(team.id or 0)
        self._show_interventions(team.id or 0)
        self.show_look()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes down the page as it reads. The lead checklist and the charts' buttons are
        made anew for each team, so they would otherwise come last, after the interventions."""
        chain: list[QWidget] = [
            self.name,
            self.archive_button,
            self.delete_button,
            self.members,
            self.meeting_day,
            self.leads,
            self.notes,
            self.observations,
            self.data.track_button,
        ]
        for block in self.data.blocks:
            chain += [block.add_button, block.edit_button]
        chain += [self.add_intervention_button, self.interventions]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _show_leads(self, team_id: int) -> None:
        chosen = {lead.id or 0 for lead in leads_of(self.context.journal, team_id)}
        self.leads.hide()
        self.leads.deleteLater()
        self.leads = lead_checklist(self.context, chosen)
        self.leads.setMaximumHeight(110)
        self.leads.itemChanged.connect(lambda _item: self._save_leads())
        self.leads_box.addWidget(self.leads)

    def lead_names(self) -> list[str]:
        """The names of the leads who run the team shown."""
        return [lead.name for lead in leads_of(self.context.journal, self.team_id())]

    def team_id(self) -> int:
        return self.team.id or 0 if self.team is not None else 0

    def _show_observations(self, team_id: int) -> None:
        names = {lead.id or 0: lead.name for lead in leads_of(self.context.journal, team_id)}
        # Every lead: the one who ran that meeting may no longer run the team.
        names |= {s.id: s.name for s in lead_summaries(self.context.journal, include_archived=True)}
        found = team_observations(self.context.journal, team_id)
        self.observations.clear()
        for observation in found:
            item = QListWidgetItem(observation_text(observation, names))
            item.setData(HTML, row_html(item.text()))
            item.setData(RECORD_ROLE, observation.id)
            self.observations.addItem(item)
        self.observations.setVisible(bool(found))
        self.no_observations.setVisible(not found)

    def _show_interventions(self, team_id: int, select: int | None = None) -> None:
        found = interventions_for(self.context.journal, team_id)
        self.interventions.clear()
        for row in found:
            item = QListWidgetItem(intervention_text(row))
            item.setData(HTML, row_html(item.text()))
            item.setData(RECORD_ROLE, row.id)
            self.interventions.addItem(item)
            if row.id == select:
                self.interventions.setCurrentItem(item)
        self.interventions.setVisible(bool(found))
        self.no_interventions.setVisible(not found)

    def select_intervention(self, intervention_id: int) -> bool:
        """Select an intervention, with the focus on it."""
        self._show_interventions(self.team_id(), intervention_id)
        item = self.interventions.currentItem()
        if item is None or item.data(RECORD_ROLE) != intervention_id:
            return False
        self.interventions.setFocus()
        self.ensureWidgetVisible(self.interventions)
        return True

    def show_look(self) -> None:
        look = next(
            (t for t in teams_needing_a_look(self.context.journal, date.today())
             if t.team_id == self.team_id()),
            None,
        )  # fmt: skip
        self.look.setText(
            self.tr("Needs a look: {detail}.").format(detail=look.detail(date.today()))
            if look
            else ""
        )
        self.look.setVisible(look is not None)

    # -- saving -----------------------------------------------------------------------------

    def _save(self) -> Save[TeacherTeam] | None:
        if self.team is None:
            return None
        changes: dict[str, object] = {
            "members_count": self.members.value(),
            "meeting_day": self.meeting_day.text(),
            "notes": self.notes.toPlainText(),
        }
        if self.name.text().strip():  # a blank name keeps the old one until one is typed
            changes["name"] = self.name.text()
        journal, team_id = self.context.journal, self.team_id()
        return Save(lambda: update_team(journal, team_id, **changes), self._saved)

    def _saved(self, team: TeacherTeam) -> None:
        if self.team is not None and self.team.id == team.id:
            self.team = team
        self.context.announce(RecordKind.TEACHER_TEAM)
        self.changed.emit()

    def _save_leads(self) -> None:
        journal, team, leads = self.context.journal, self.team_id(), ticked_leads(self.leads)
        self.context.write(
            lambda: set_team_leads(journal, team, leads), Change(RecordKind.TEACHER_TEAM)
        )
        self.changed.emit()

    def toggle_archived(self) -> None:
        """Archive a team that no longer meets, or bring it back."""
        if self.team is None:
            return
        journal, team, archive = self.context.journal, self.team_id(), not self.team.archived_on
        done = self.context.write(
            lambda: set_archived(journal, team, archive), Change(RecordKind.TEACHER_TEAM)
        )
        if done:
            self.changed.emit()

    def add_intervention(self) -> None:
        """Note how you stepped in; it shows at the top of the list, selected."""
        dialog = InterventionDialog(self.context, self.team_id(), self.lead_names(), parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.select_intervention(dialog.saved.id or 0)
            self.show_look()
            self.add_intervention_button.setFocus()

    def edit_intervention(self, intervention_id: int) -> None:
        """Correct an intervention, or add what followed."""
        found = interventions_for(self.context.journal, self.team_id())
        row = next((r for r in found if r.id == intervention_id), None)
        if row is None:
            return
        dialog = InterventionDialog(self.context, self.team_id(), self.lead_names(), row, self)
        if dialog.exec() and dialog.saved is not None:
            self.select_intervention(intervention_id)

    def delete_intervention(self, intervention_id: int) -> None:
        """Remove an intervention after asking (it goes to the Trash)."""
        found = interventions_for(self.context.journal, self.team_id())
        row = next((r for r in found if r.id == intervention_id), None)
        if row is None:
            return
        what = self.tr("Your note of {day}: {kind}.").format(
            day=dates.short(row.happened_on), kind=intervention_words(row.kind).lower()
        )
        if not confirm_delete(self, self.tr("Delete this intervention?"), what):
            return
        journal = self.context.journal
        gone = self.context.write(
            lambda: delete_intervention(journal, intervention_id),
            Change(RecordKind.TEAM_INTERVENTION),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self._show_interventions(self.team_id())
            self.show_look()
