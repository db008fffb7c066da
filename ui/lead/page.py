"""A lead's page: who they are, then a tab for each part of the coaching.

A tab reads the journal only when it is first shown for a lead, so opening a lead with
years of records costs one tab's worth of reading, not seven."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from iltdesk import dates
from iltdesk.lead import get_lead, set_archived
from iltdesk.models import Lead, LearningCycle, OneOnOne
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from ui.kit.context import AppContext, NotWritten
from ui.kit.elided_label import ElidedLabel
from ui.lead.action_items import ActionItemsView
from ui.lead.agreement.view import AgreementView
from ui.lead.cycles.view import CyclesView
from ui.lead.lead_dialog import LeadDialog
from ui.lead.observations.view import ObservationsView
from ui.lead.one_on_ones.view import OneOnOnesView
from ui.lead.overview import OverviewView
from ui.lead.timeline import TimelineView

OVERVIEW, ONE_ON_ONES, CYCLES, OBSERVATIONS, AGREEMENT, ACTION_ITEMS, TIMELINE = range(7)


class _LeadView(Protocol):
    def show_lead(self, lead_id: int) -> object: ...


class LeadPage(QWidget):
    """Everything about one lead, one tab per part of the coaching (a ``RecordPage``)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead: Lead | None = None
        # A long name, role or team elides (full text in the tooltip): never a wider window.
        self.name = ElidedLabel()
        self.name.setObjectName("PageTitle")
        self.details = ElidedLabel()
        self.details.setObjectName("PageSubtitle")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.toggle_archived)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.details)
        header.addLayout(titles, 1)
        header.addWidget(self.edit_button)
        header.addWidget(self.archive_button)
        self.overview = OverviewView(context)
        self.one_on_ones = OneOnOnesView(context)
        self.action_items = ActionItemsView(context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("The lead's pages"))
        self.tabs.setDocumentMode(True)
        self.cycles = CyclesView(context)
        self.observations = ObservationsView(context)
        self.agreement = AgreementView(context)
        self.timeline = TimelineView(context)
        # In tab order (OVERVIEW ... TIMELINE).
        self.views: tuple[_LeadView, ...] = (
            self.overview,
            self.one_on_ones,
            self.cycles,
            self.observations,
            self.agreement,
            self.action_items,
            self.timeline,
        )
        all_titles = (
            self.tr("Overview"),
            self.tr("1:1s"),
            self.tr("Learning cycles"),
            self.tr("Observations"),
            self.tr("Agreement"),
            self.tr("Action items"),
            self.tr("Timeline"),
        )
        for widget, title in zip(self.views, all_titles, strict=True):
            self.tabs.addTab(widget, title)
        self._loaded: set[int] = set()  # tabs showing ``self.lead`` (the others may not)
        self.tabs.currentChanged.connect(self._load)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def show_lead(self, lead_id: int) -> bool:
        """Load a lead into every tab; False (staying put) if unsaved text cannot be saved."""
        if not self.context.flush_all():
            return False
        self.lead = get_lead(self.context.journal, lead_id)
        self._show_header()
        self._loaded.clear()
        self._load(self.tabs.currentIndex())
        return True

    def _load(self, index: int) -> None:
        """Show the current lead in tab ``index`` unless it already does."""
        if self.lead is None or index < 0 or index in self._loaded:
            return
        self._loaded.add(index)
        self.views[index].show_lead(self.lead.id or 0)

    # -- what the shell asks of the page (ui.kit.pages.RecordPage and the window's place) --

    def refresh(self) -> None:
        """Re-read the lead on screen (its header, and each tab as it is next shown)."""
        if self.lead is not None:
            self.show_lead(self.lead.id or 0)

    def open(self, where: Location) -> bool:
        """Show the record ``where`` points at: its lead, the tab that holds it, and it there;
        False if it is no lead's, or the lead on screen holds text that cannot be saved yet."""
        if where.lead_id is None:
            return False
        if (self.lead is None or self.lead.id != where.lead_id) and not self.show_lead(
            where.lead_id
        ):
            return False
        if where.one_on_one_id is not None:
            self.tabs.setCurrentWidget(self.one_on_ones)
            self.one_on_ones.open_meeting_of(where.one_on_one_id)
        elif where.agreement_id is not None:
            self.tabs.setCurrentWidget(self.agreement)
            self.agreement.select_version(where.agreement_id)
        elif where.cycle_id is not None:
            self.tabs.setCurrentWidget(self.cycles)
            self.cycles.select_cycle(where.cycle_id)
        elif where.observation_id is not None:
            self.tabs.setCurrentWidget(self.observations)
            self.observations.select_observation(where.observation_id)
        elif where.kind == RecordKind.ACTION_ITEM:
            self.tabs.setCurrentWidget(self.action_items)
            self.action_items.select_item(where.record_id)
        else:  # the lead, a trait, an energy check: all on the overview
            self.tabs.setCurrentWidget(self.overview)
        return True

    def shown_cycle(self) -> LearningCycle | None:
        """The cycle open on the Learning cycles tab, if that tab is the one on screen."""
        return self.cycles.page.cycle if self.tabs.currentWidget() is self.cycles else None

    def place(self) -> dict[str, int]:
        """Where the user is on this page (ids only, for ``go_to`` after a lock or a reopen);
        empty when no lead is shown."""
        if self.lead is None:
            return {}
        meeting = self.current_meeting()
        return {
            "lead": self.lead.id or 0,
            "tab": self.tabs.currentIndex(),
            "meeting": (meeting.id or 0) if meeting else 0,
        }

    def go_to(self, place: dict[str, int]) -> None:
        """Return to the tab (and 1:1) of a ``place()``; the lead is already shown."""
        self.tabs.setCurrentIndex(place.get("tab", OVERVIEW))
        if place.get("meeting"):
            self.one_on_ones.select(place["meeting"])

    def current_meeting(self) -> OneOnOne | None:
        """The 1:1 selected for this lead, if the 1:1s tab has been shown for them."""
        return self.one_on_ones.current() if ONE_ON_ONES in self._loaded else None

    def _show_header(self) -> None:
        lead = self.lead
        if lead is None:
            return
        self.name.setText(
            lead.name if lead.active else self.tr("{name}  (archived)").format(name=lead.name)
        )
        parts = [p for p in (lead.role, lead.team) if p]
        if lead.on_ilt_since:
            since = dates.month_year(lead.on_ilt_since)
            parts.append(self.tr("on the ILT since {since}").format(since=since))
        parts.append(self.tr("meets every {days} days").format(days=lead.cadence_days))
        self.details.setText(" · ".join(parts))
        self.archive_button.setText(self.tr("Archive") if lead.active else self.tr("Bring back"))

    def edit(self) -> None:
        """Edit the lead's details."""
        if self.lead is not None and LeadDialog(self.context, self.lead, self).exec():
            self.show_lead(self.lead.id or 0)

    def toggle_archived(self) -> None:
        """Archive the lead (their records stay) or bring them back."""
        if self.lead is None:
            return
        journal, lead_id, archive = self.context.journal, self.lead.id or 0, self.lead.active
        changed = self.context.write(
            lambda: set_archived(journal, lead_id, archive), Change(RecordKind.LEAD, lead_id)
        )
        if isinstance(changed, NotWritten):
            return
        self.lead = changed
        self._show_header()

    def new_one_on_one(self) -> None:
        """Start a 1:1 with this lead."""
        self.tabs.setCurrentIndex(ONE_ON_ONES)
        self.one_on_ones.start_new()
