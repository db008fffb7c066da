"""Add or edit a strength or growth area, with its evidence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.framework import item_labels
from iltdesk.growth import add_trait, update_trait
from iltdesk.models import FrameworkKind, LeadTrait, TraitKind
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say


class TraitDialog(GuardedDialog):
    """One strength or growth area."""

    def __init__(
        self,
        context: AppContext,
        lead_id: int,
        kind: TraitKind,
        trait: LeadTrait | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.lead_id, self.kind, self.trait = context, lead_id, kind, trait
        self.setWindowTitle(self._window_title(kind, editing=trait is not None))
        self.setMinimumWidth(460)
        self.title = QLineEdit(trait.title if trait else "")
        self.title.setPlaceholderText(
            self.tr("e.g. Runs data meetings that end in decisions")
            if kind is TraitKind.strength
            else self.tr(
                "e.g. Giving direct feedback to peers, or a part of your leadership framework"
            )
        )
        if kind is TraitKind.growth:
            self._offer_framework()
        self.evidence = MarkdownEdit(placeholder=self.tr("What you saw or heard, and when"))
        self.evidence.set_markdown(trait.evidence if trait else "")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.hide()
        form = QFormLayout()
        form.addRow(
            self.tr("Strength") if kind is TraitKind.strength else self.tr("Growth area"),
            self.title,
        )
        form.addRow(self.tr("Evidence"), self.evidence)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.mark_clean()
        place = f"trait:{trait.id}" if trait else f"lead:{lead_id}:{kind.value}"
        self.keep_drafts("trait", place, context)

    def _window_title(self, kind: TraitKind, *, editing: bool) -> str:
        if kind is TraitKind.strength:
            return (
                self.tr("Edit strength — iltdesk") if editing else self.tr("Add strength — iltdesk")
            )
        if editing:
            return self.tr("Edit growth area — iltdesk")
        return self.tr("Add growth area — iltdesk")

    def _offer_framework(self) -> None:
        """A growth area is often a part of the leadership framework: offer its items as the
        title is typed (any words still do)."""
        labels = item_labels(self.context.journal, FrameworkKind.leadership)
        if not labels:
            return
        offer = QCompleter(labels, self.title)
        offer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        offer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.title.setCompleter(offer)

    def save(self) -> None:
        """Store it; stay open with a message if that fails."""
        journal, lead_id, kind, trait = self.context.journal, self.lead_id, self.kind, self.trait
        title, evidence = self.title.text(), self.evidence.markdown()

        def store() -> LeadTrait:
            if trait is None:
                return add_trait(journal, lead_id, kind, title, evidence)
            return update_trait(journal, trait.id or 0, title=title, evidence=evidence)

        stored = write_or_say(self.context, store, Change(RecordKind.TRAIT, lead_id), self.error)
        if not isinstance(stored, NotWritten):  # else said here or in the status bar
            self.accept()
