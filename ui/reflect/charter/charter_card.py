"""The charter's card: the version in force (or the one picked in its history), the history of
versions with their dates and whys, and the ways to revise and compare."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk import history
from iltdesk.charter import CHARTER_FIELDS, charter_versions
from iltdesk.models import CharterVersion
from iltdesk.record_kinds import Change, RecordKind
from ui.kit import history_panel
from ui.kit.context import AppContext
from ui.kit.roles import RECORD_ID
from ui.kit.style import hint
from ui.reflect.charter.charter_dialog import CharterDialog
from ui.reflect.charter.versions import CharterReader, CompareDialog, HistoryList


def _card(title: str) -> tuple[QFrame, QVBoxLayout, QHBoxLayout]:
    """A card with its title on a row of its own (buttons go to the row's right)."""
    card = QFrame()
    card.setObjectName("Card")
    heading = QLabel(title)
    heading.setObjectName("SectionTitle")
    heading.setStyleSheet("margin-top: 0")
    head = QHBoxLayout()
    head.addWidget(heading, 1)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 16, 20, 18)
    layout.setSpacing(8)
    layout.addLayout(head)
    return card, layout, head


class CharterCard(QWidget):
    """The charter and its history, as two cards one above the other."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.found: list[CharterVersion] = []
        self.dialog: QDialog | None = None
        self.reader = CharterReader()
        self.status = QLabel()
        self.status.setObjectName("Kicker")
        self.revise_button = QPushButton(self.tr("Revise the charter…"))
        self.revise_button.setToolTip(self.tr("Write a new version; this one stays as it is"))
        self.revise_button.clicked.connect(self.revise)
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.clicked.connect(self.compare)
        self.wording_button = QPushButton(self.tr("Earlier wording…"))
        self.wording_button.setToolTip(
            self.tr(
                "Each part's earlier wording, what changed in it, and bringing it back "
                "({HISTORY_SHORTCUT})"
            ).format(HISTORY_SHORTCUT=history_panel.HISTORY_SHORTCUT)
        )
        self.wording_button.clicked.connect(self.show_history)
        history_panel.add_history_shortcut(self, self.show_history)
        self.history = HistoryList()
        self.history.currentRowChanged.connect(lambda *_: self._show_selected())
        self.charter_card = self._charter_card()
        self.history_card = self._history_card()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.charter_card)
        layout.addWidget(self.history_card)
        context.changed.connect(self._on_changed)

    def _charter_card(self) -> QFrame:
        card, layout, head = _card(self.tr("The charter"))
        head.addWidget(self.wording_button)
        head.addWidget(self.compare_button)
        head.addWidget(self.revise_button)
        layout.addWidget(
            hint(
                self.tr(
                    "Why the team exists, how it works, and the picture it holds of a strong lead, "
                    "coach and team, with the commitments to get there. Revisit it with the team "
                    "early and often: each revision is a new version, and the old wording stays."
                )
            )
        )
        self.stack = QStackedWidget()
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(self.status)
        column.addWidget(self.reader)
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(reading)
        layout.addWidget(self.stack)
        return card

    def _empty_state(self) -> QWidget:
        self.write_button = QPushButton(self.tr("Write the charter…"))
        self.write_button.setObjectName("Primary")
        self.write_button.clicked.connect(self.revise)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(
            hint(
                self.tr(
                    "No charter yet. Write its first version with the team: a purpose tied to the "
                    "school's vision, goals, norms, and what a strong lead, coach and team do."
                )
            )
        )
        column.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _history_card(self) -> QFrame:
        card, layout, _head = _card(self.tr("History"))
        layout.addWidget(
            hint(
                self.tr(
                    "Every version, the one in force first. Pick one to read it as it was written."
                )
            )
        )
        layout.addWidget(self.history)
        return card

    def _on_changed(self, change: Change) -> None:
        if change.kind is RecordKind.CHARTER:
            self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        """Re-read the versions; show ``keep`` (a version's id), else the one in force."""
        self.found = charter_versions(self.context.journal)
        self.stack.setCurrentIndex(1 if self.found else 0)
        self.revise_button.setVisible(bool(self.found))
        self.compare_button.setVisible(bool(self.found))
        self.wording_button.setVisible(len(self.found) > 1)
        self.compare_button.setEnabled(len(self.found) > 1)
        self.compare_button.setToolTip(
            self.tr("Read what changed between any two versions")
            if len(self.found) > 1
            else self.tr("There is only one version so far.")
        )
        self.history_card.setVisible(bool(self.found))
        self.history.load(self.found, keep)
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.history.currentRow()
        if not 0 <= row < len(self.found):
            return
        newer = self.found[row - 1] if row else None
        self.reader.set_version(self.found[row], replaced_by=newer)
        self.status.setText(self.tr("In force") if row == 0 else self.tr("An earlier version"))

    def select_version(self, version_id: int) -> bool:
        """Show one version (from search or the timeline); False if there is no such one."""
        for row in range(self.history.count()):
            item = self.history.item(row)
            if item is not None and item.data(RECORD_ID) == version_id:
                self.history.setCurrentRow(row)
                return True
        return False

    def revise(self) -> CharterDialog:
        """Open the dialog for a new version, starting from the one in force."""
        base = self.found[0] if self.found else None
        dialog = CharterDialog(self.context, base, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop, so keys can drive it
        self.dialog = dialog
        return dialog

    def show_history(self) -> None:
        """The History of one part of the charter (the first with an earlier wording);
        bringing one back is a new version that says so."""
        if len(self.found) < 2:
            return
        journal = self.context.journal
        parts = tuple(CHARTER_FIELDS)
        field = next((f for f in parts if history.versions(journal, history.CHARTER, 0, f)), "")
        where = (history.CHARTER, 0)
        history_panel.show_history(self, self.context, where, parts, field or parts[0],
                                   saved=lambda: True, reload=self._restored)  # fmt: skip

    def _restored(self) -> None:
        self.context.announce(RecordKind.CHARTER)  # this card and the 1:1s' charter panel

    def compare(self) -> CompareDialog | None:
        """Show what changed; it stays open beside the page while the principal reads."""
        if len(self.found) < 2:
            return None
        dialog = CompareDialog(self.found, self)
        # Reading an earlier version? Compare it with the one in force; else the last revision.
        dialog.pick(max(1, self.history.currentRow()), 0)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.dialog = dialog
        return dialog
