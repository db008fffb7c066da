"""A lead's energy: a small trend line (``ui.kit.energy_chart``), and the form to record a
check."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget

from ui.kit.energy_chart import DOT_PEN, DOT_RADIUS, LEVEL_WORDS, EnergySparkline

__all__ = ["DOT_PEN", "DOT_RADIUS", "LEVEL_WORDS", "EnergyForm", "EnergySparkline"]


class EnergyForm(QWidget):
    """Record today's energy check: a level and a short note."""

    recorded = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = QSpinBox()
        self.level.setRange(1, 5)
        self.level.setValue(3)
        self.level.setPrefix(self.tr("Energy "))
        self.level.setAccessibleName(self.tr("Energy level, 1 to 5"))
        self.level.setToolTip(self.tr("1 depleted · 2 strained · 3 steady · 4 good · 5 energised"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("What you noticed (load, mood, what's draining or lifting)")
        )
        self.note.returnPressed.connect(self._record)
        button = QPushButton(self.tr("Record"))
        button.clicked.connect(self._record)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.level)
        layout.addWidget(self.note, 1)
        layout.addWidget(button)

    def _record(self) -> None:
        # The page clears the note once it is written: refused, it stays to try again.
        self.recorded.emit(self.level.value(), self.note.text().strip())
