"""The small dialog that edits a force card: its words and the leads it concerns."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.lead import LeadSummary
from ui.kit.roles import RECORD_ID
from ui.kit.style import field_label, hint, page_style
from ui.kit.unsaved import GuardedDialog, typed_texts


class CardDialog(GuardedDialog):
    """Change what a card says and which leads it concerns."""

    def __init__(
        self,
        text: str,
        leads: list[LeadSummary],
        named: set[int],
        *,
        leads_first: bool = False,
        parent: QWidget | None = None,
        place: str = "",
        write: Callable[[CardDialog], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        # Writes the changes on Save; False (the journal refused) keeps the dialog open.
        self._write = write
        self.setWindowTitle(self.tr("Card — iltdesk"))
        self.setStyleSheet(page_style())
        self.setMinimumWidth(440)
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 16)
        self.leads = QListWidget()
        self.leads.setAccessibleName(self.tr("Leads this card concerns"))
        for lead in leads:
            # Archived leads stay listed only while a card still names them.
            if not lead.active and lead.id not in named:
                continue
            label = lead.name + (f"  ·  {lead.role}" if lead.role else "")
            item = QListWidgetItem(label + ("" if lead.active else "  (archived)"))
            item.setData(RECORD_ID, lead.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = lead.id in named
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.leads.addItem(item)
        self._fit_leads()
        self.error = QLabel(
            self.tr("A card needs a few words. To take it off the board, delete it.")
        )
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self._lay_out(bool(leads))
        (self.leads if leads_first and leads else self.text).setFocus()
        self.mark_clean()
        self.keep_drafts("card", place or f"card-text:{text}")  # the board's context

    def unsaved_state(self) -> Hashable:
        """The ticked leads count too: ticking them is what this dialog is often opened for."""
        return typed_texts(self), frozenset(self.chosen_leads())

    def _lay_out(self, has_leads: bool) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("Primary")
        save.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(6)
        layout.addWidget(field_label(self.tr("The card")))
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(field_label(self.tr("Who it concerns")))
        layout.addWidget(
            hint(
                self.tr("Tick the leads this card is about. Their overview links back to it.")
                if has_leads
                else self.tr("Add your leads first; then a card can name the ones it is about.")
            )
        )
        layout.addWidget(self.leads)
        self.leads.setVisible(has_leads)
        layout.addSpacing(8)
        layout.addWidget(buttons)

    def _fit_leads(self) -> None:
        # Roomier rows than a plain list, and as tall as the team (up to ten) so none hide.
        self.leads.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.leads.ensurePolished()
        rows = min(max(self.leads.count(), 1), 10)
        row = self.leads.sizeHintForRow(0) if self.leads.count() else 24
        self.leads.setFixedHeight(rows * row + 2 * self.leads.frameWidth() + 4)

    def card_text(self) -> str:
        """The card's words, on one line."""
        return " ".join(self.text.toPlainText().split())

    def chosen_leads(self) -> set[int]:
        """The ticked leads."""
        items = (self.leads.item(row) for row in range(self.leads.count()))
        return {
            int(item.data(RECORD_ID))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        }

    def save(self) -> None:
        """Close with the changes, unless the card would be left empty."""
        if not self.card_text():
            self.error.show()
            return
        if self._write is not None and not self._write(self):
            return  # the status bar says why; the words and ticks stay here
        self.accept()
