"""Settings' Habits section: when the journal locks, and how often a new lead meets.

Kept in the app's private settings on this computer (``ui.kit.preferences``), never in a
journal; Save keeps them, Cancel leaves them as they were.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from iltdesk.due import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS
from ui.kit import preferences


class HabitsGroup(QGroupBox):
    """Lock after idle minutes, also with the screen or sleep; new leads' meeting cadence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Habits"))
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" minutes without use"))
        self.idle.setValue(preferences.idle_minutes())
        self.with_screen = QCheckBox(self.tr("Also when the screen &locks or the computer sleeps"))
        self.with_screen.setChecked(preferences.lock_with_screen())
        self.cadence = QSpinBox()
        self.cadence.setRange(MIN_CADENCE_DAYS, MAX_CADENCE_DAYS)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setValue(preferences.default_cadence())
        form = QFormLayout(self)
        form.addRow(self.tr("Lock after"), self.idle)
        form.addRow("", self.with_screen)
        form.addRow(self.tr("New leads meet every"), self.cadence)

    def save(self) -> None:
        """Keep what is shown."""
        preferences.save(
            idle=self.idle.value(),
            cadence=self.cadence.value(),
            with_screen=self.with_screen.isChecked(),
        )
