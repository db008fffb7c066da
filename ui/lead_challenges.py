"""On a lead's overview: the force cards that name them, each opening its challenge's board."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from iltdesk.challenge import FORCE_TITLES, cards_about
from ui.context import AppContext
from ui.rich_delegate import HTML_ROLE, HtmlRoleDelegate, two_lines

CARD_ID = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 6  # beyond this the list scrolls rather than pushing the overview down


class LeadChallengeLinks(QWidget):
    """ "Named in challenges": hidden until a force card names the lead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        title = QLabel("Named in challenges")
        title.setObjectName("SectionTitle")
        self.list = QListWidget()
        self.list.setAccessibleName("Force cards that name this lead")
        self.list.setItemDelegate(HtmlRoleDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap the rows on resize
        self.list.setToolTip("Double-click or press Enter to open the card on its board")
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(self.list)
        context.changed.connect(self._changed_elsewhere)
        self.hide()

    def show_lead(self, lead_id: int) -> None:
        """List the cards that name this lead; hide when there are none."""
        self.lead_id = lead_id
        self.list.clear()
        found = cards_about(self.context.journal, lead_id)
        for challenge, card in found:
            where = f"{FORCE_TITLES[card.kind]} · {challenge.title}"
            item = QListWidgetItem(f"{card.text} ({where})")
            item.setData(HTML_ROLE, two_lines(card.text, where))
            item.setData(CARD_ID, card.id)
            item.setToolTip(f"{challenge.title}\n{FORCE_TITLES[card.kind]}: {card.text}")
            self.list.addItem(item)
        self.setVisible(bool(found))
        self._fit()

    def _fit(self) -> None:
        shown = min(self.list.count(), MAX_ROWS)
        rows = sum(self.list.sizeHintForRow(r) for r in range(shown))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Rows wrap, so their height follows the width: measure once the list has its new one.
        QTimer.singleShot(0, self, self._fit)

    def _open(self, item: QListWidgetItem) -> None:
        self.context.open_record.emit("force_card", int(item.data(CARD_ID)))

    def _changed_elsewhere(self, kind: str) -> None:
        if kind in ("challenge", "lead") and self.lead_id is not None:
            self.show_lead(self.lead_id)
