"""A combo box whose long items are elided to its width, whole in their tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget

from ui.kit.roles import FULL_TEXT


class ElidedCombo(QComboBox):
    """A combo box whose items are elided (with "…") to the width its text has, so a long
    goal is never cut through a letter; the whole text is in the tooltips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(self._show_tooltip)

    def elide_items(self) -> None:
        """Fit every item's text to the box (call after filling it)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        width = max(field.width() - 4, 20)  # a little room for the style's text margin
        metrics = self.fontMetrics()
        for row in range(self.count()):
            full = self.itemData(row, FULL_TEXT)
            if full is None:
                full = self.itemText(row)
                self.setItemData(row, full, FULL_TEXT)
                if self.itemData(row, Qt.ItemDataRole.ToolTipRole) is None:
                    self.setItemData(row, full, Qt.ItemDataRole.ToolTipRole)
            elided = metrics.elidedText(str(full), Qt.TextElideMode.ElideRight, width)
            self.setItemText(row, elided)
        self._show_tooltip()

    def _show_tooltip(self) -> None:
        index = self.currentIndex()
        tip = self.itemData(index, Qt.ItemDataRole.ToolTipRole) if index >= 0 else None
        self.setToolTip(str(tip or ""))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.elide_items()
