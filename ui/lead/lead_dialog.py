"""Add or edit a lead's details."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iltdesk.lead import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS, add_lead, update_lead
from iltdesk.models import Lead
from iltdesk.record_kinds import RecordKind
from ui.kit import preferences
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import day_of, follow_locale, qdate
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say


class LeadDialog(GuardedDialog):
    """Collect a lead's name, role, team, ILT start and meeting cadence."""

    def __init__(
        self, context: AppContext, lead: Lead | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.lead = lead
        self.setWindowTitle(
            self.tr("Edit lead — iltdesk") if lead else self.tr("Add lead — iltdesk")
        )
        self.setMinimumWidth(420)
        self.name = QLineEdit(lead.name if lead else "")
        self.role = QLineEdit(lead.role if lead else "")
        self.role.setPlaceholderText(self.tr("e.g. Senior Team Lead, Dean of Instruction"))
        self.team = QLineEdit(lead.team if lead else "")
        self.team.setPlaceholderText(self.tr("e.g. Grade 4, Science department"))
        self.has_since = QCheckBox(self.tr("On the ILT since"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        follow_locale(self.since, weekday=False)
        since = lead.on_ilt_since if lead and lead.on_ilt_since else None
        self.has_since.setChecked(since is not None)
        self.since.setDate(qdate(since or date.today()))
        self.since.setEnabled(since is not None)
        self.has_since.toggled.connect(self.since.setEnabled)
        self.cadence = QSpinBox()
        self.cadence.setRange(MIN_CADENCE_DAYS, MAX_CADENCE_DAYS)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setValue(lead.cadence_days if lead else preferences.default_cadence())
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.has_since, self.since)
        form.addRow(self.tr("Meet every"), self.cadence)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # A lock keeps what is typed; Escape asks before throwing it away.
        self.keep_drafts("lead", f"lead:{lead.id}" if lead else "new", context)

    def values(self) -> dict[str, object]:
        """What the form holds, as lead fields."""
        since = day_of(self.since) if self.has_since.isChecked() else None
        return {
            "name": self.name.text().strip(),
            "role": self.role.text().strip(),
            "team": self.team.text().strip(),
            "on_ilt_since": since,
            "cadence_days": self.cadence.value(),
        }

    def save(self) -> None:
        """Store the lead; stay open with a message when something is missing or fails."""
        values, journal, known = self.values(), self.context.journal, self.lead

        def store() -> Lead:
            if known is None:
                return add_lead(journal, str(values.pop("name")), **values)
            return update_lead(journal, known.id or 0, **values)

        stored = write_or_say(self.context, store, None, self.error)
        if isinstance(stored, NotWritten):  # said here or in the status bar; the form stays
            return
        self.lead = stored
        self.context.announce(RecordKind.LEAD, stored.id)
        self.accept()
