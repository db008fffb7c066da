"""A lead's overview: strengths and growth areas with evidence, their energy, who else
coaches them, and the teacher teams they run."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates, growth
from iltdesk.models import LeadTrait, TraitKind
from iltdesk.principal import level_word
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.report.markdown import plain_text
from iltdesk.teacher_team_today import team_lines
from ui.kit.context import AppContext, NotWritten
from ui.kit.list_detail import FittedList
from ui.kit.rich_delegate import HtmlRoleDelegate, two_lines
from ui.kit.roles import HTML, RECORD_ID
from ui.kit.style import hint
from ui.lead.challenges import LeadChallengeLinks
from ui.lead.coaches import CoachList
from ui.lead.energy_widgets import EnergyForm, EnergySparkline
from ui.lead.trait_dialog import TraitDialog

TRAIT_ROWS, TRAIT_MIN_HEIGHT = 5, 64  # beyond five the box scrolls; empty, it still shows


def trait_html(trait: LeadTrait) -> str:
    """A trait as rich text: title, when it was noted (and resolved), then the evidence."""
    noted = dates.short(trait.noted_on)
    when = QCoreApplication.translate("overview", "noted {noted}").format(noted=noted)
    if trait.resolved_on:
        when = QCoreApplication.translate("overview", "noted {noted} · resolved {resolved}").format(
            noted=noted, resolved=dates.short(trait.resolved_on)
        )
    evidence = " ".join(plain_text(trait.evidence).split())  # typed as Markdown: shown as read
    html = two_lines(trait.title, when, muted_title=trait.resolved_on is not None)
    return html + (f"<div>{escape(evidence)}</div>" if evidence else "")


class TraitList(QWidget):
    """Strengths or growth areas: current first, resolved greyed below."""

    def __init__(self, context: AppContext, kind: TraitKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.kind = context, kind
        self.lead_id: int | None = None
        self.traits: dict[int, LeadTrait] = {}
        title = QLabel(
            self.tr("Strengths") if kind is TraitKind.strength else self.tr("Growth areas")
        )
        title.setObjectName("SectionTitle")
        # As tall as what is written (one item, a short box), not as tall as the window.
        self.list = FittedList(max_rows=TRAIT_ROWS, min_height=TRAIT_MIN_HEIGHT)
        self.list.setAccessibleName(title.text())
        self.list.setItemDelegate(HtmlRoleDelegate(self.list))
        self.list.itemActivated.connect(lambda *_: self.edit())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.resolve_button = QPushButton(self.tr("Mark resolved"))
        self.resolve_button.clicked.connect(self.toggle_resolved)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.resolve_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)  # as tall as the longer of the two lists beside it
        layout.addLayout(buttons)

    def show_lead(self, lead_id: int) -> None:
        """List this lead's traits of this kind."""
        self.lead_id = lead_id
        self.list.clear()
        traits = [
            t for t in growth.traits_for(self.context.journal, lead_id) if t.kind is self.kind
        ]
        self.traits = {t.id or 0: t for t in traits}
        for trait in traits:
            item = QListWidgetItem(trait.title)
            item.setData(HTML, trait_html(trait))
            item.setData(RECORD_ID, trait.id)
            item.setToolTip(trait.evidence)
            self.list.addItem(item)
        self._update_buttons()

    def _current(self) -> LeadTrait | None:
        item = self.list.currentItem()
        return None if item is None else self.traits.get(int(item.data(RECORD_ID)))

    def _update_buttons(self) -> None:
        trait = self._current()
        self.edit_button.setEnabled(trait is not None)
        self.resolve_button.setEnabled(trait is not None)
        self.resolve_button.setText(
            self.tr("Reopen") if trait and trait.resolved_on else self.tr("Mark resolved")
        )

    def add(self) -> None:
        """Add a strength or growth area."""
        if (
            self.lead_id is not None
            and TraitDialog(self.context, self.lead_id, self.kind, parent=self).exec()
        ):
            self.show_lead(self.lead_id)

    def edit(self) -> None:
        """Edit the selected one."""
        trait = self._current()
        if trait is None or self.lead_id is None:
            return
        if TraitDialog(self.context, self.lead_id, self.kind, trait, parent=self).exec():
            self.show_lead(self.lead_id)

    def toggle_resolved(self) -> None:
        """Resolve the selected one, or reopen it."""
        trait = self._current()
        if trait is None or self.lead_id is None:
            return
        journal, trait_id, resolve = self.context.journal, trait.id or 0, trait.resolved_on is None
        resolved = self.context.write(
            lambda: growth.set_resolved(journal, trait_id, resolve),
            Change(RecordKind.TRAIT, self.lead_id),
        )
        if not isinstance(resolved, NotWritten):
            self.show_lead(self.lead_id)


class OverviewView(QWidget):
    """The Overview tab of a lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.strengths = TraitList(context, TraitKind.strength)
        self.growth_areas = TraitList(context, TraitKind.growth)
        energy_title = QLabel(self.tr("Energy and load"))
        energy_title.setObjectName("SectionTitle")
        self.sparkline = EnergySparkline()
        self.energy_summary = QLabel()
        self.energy_summary.setObjectName("Hint")
        self.energy_summary.setWordWrap(True)
        self.energy_form = EnergyForm()
        self.energy_form.recorded.connect(self._record_energy)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 12, 0, 0)
        grid.addWidget(self.strengths, 0, 0)
        grid.addWidget(self.growth_areas, 0, 1)
        energy = QVBoxLayout()
        energy.addWidget(energy_title)
        row = QHBoxLayout()
        row.addWidget(self.sparkline, 1)
        row.addWidget(self.energy_summary, 1)
        energy.addLayout(row)
        energy.addWidget(self.energy_form)
        grid.addLayout(energy, 1, 0, 1, 2)
        # Her read of the lead's energy is not for the lead's eyes on a shared screen.
        context.presenter.keep_private(
            energy_title, self.sparkline, self.energy_summary, self.energy_form
        )
        self.coaches = CoachList(context)
        grid.addWidget(self.coaches, 2, 0)
        teams_title = QLabel(self.tr("Teams they run"))
        teams_title.setObjectName("SectionTitle")
        self.teams = hint()
        teams = QVBoxLayout()
        teams.addWidget(teams_title)
        teams.addWidget(self.teams, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(teams, 2, 1)
        self.challenge_links = LeadChallengeLinks(context)
        grid.addWidget(self.challenge_links, 3, 0, 1, 2)
        grid.setRowStretch(4, 1)  # room to spare goes below everything, not into the boxes

    def show_lead(self, lead_id: int) -> None:
        """Show one lead."""
        self.lead_id = lead_id
        self.strengths.show_lead(lead_id)
        self.growth_areas.show_lead(lead_id)
        self._show_energy()
        self.coaches.show_lead(lead_id)
        self._show_teams()
        self.challenge_links.show_lead(lead_id)

    def _show_teams(self) -> None:
        if self.lead_id is None:
            return
        lines = team_lines(self.context.journal, self.lead_id)
        self.teams.setText("\n".join(lines) or self.tr("No teacher team on record."))

    def _show_energy(self) -> None:
        if self.lead_id is None:
            return
        trend = growth.energy_trend(self.context.journal, self.lead_id)
        self.sparkline.set_points(trend.points)
        if trend.latest is None:
            self.energy_summary.setText(
                self.tr("Record how this lead's energy looks after your next 1:1.")
            )
            return
        last_day, _ = trend.points[-1]
        direction = (
            (self.tr("up") if trend.change > 0 else self.tr("down"))
            if trend.change
            else self.tr("steady")
        )
        checks = growth.energy_checks_for(self.context.journal, self.lead_id)
        note = f"\n“{checks[0].note}”" if checks and checks[0].note else ""
        self.energy_summary.setText(
            self.tr(
                "Latest: {latest} of 5, {value} "
                "({value2}; {direction} since the check before).{note}"
            ).format(
                latest=trend.latest,
                value=level_word(trend.latest),
                value2=dates.day_month(last_day),
                direction=direction,
                note=note,
            )
        )

    def _record_energy(self, level: int, note: str) -> None:
        if self.lead_id is None:
            return
        journal, lead_id = self.context.journal, self.lead_id
        recorded = self.context.write(
            lambda: growth.record_energy(journal, lead_id, level, note),
            Change(RecordKind.ENERGY, lead_id),
        )
        if isinstance(recorded, NotWritten):  # the note stays in its box to try again
            return
        self.energy_form.note.clear()
        self._show_energy()
