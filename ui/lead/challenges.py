"""On a lead's overview: the force cards that name them, each opening its challenge's board."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from iltdesk.challenge import cards_about, force_title
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext
from ui.kit.list_detail import FittedList
from ui.kit.rich_delegate import HtmlRoleDelegate, two_lines
from ui.kit.roles import HTML, RECORD_ID

MAX_ROWS = 6  # beyond this the list scrolls rather than pushing the overview down


class LeadChallengeLinks(QWidget):
    """ "Named in challenges": hidden until a force card names the lead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        title = QLabel(self.tr("Named in challenges"))
        title.setObjectName("SectionTitle")
        # As tall as its rows up to MAX_ROWS, yet able to shrink: a fixed height made the
        # window taller than a laptop's screen.
        self.list = FittedList(max_rows=MAX_ROWS)
        self.list.setAccessibleName(self.tr("Force cards that name this lead"))
        self.list.setItemDelegate(HtmlRoleDelegate(self.list))
        self.list.setToolTip(self.tr("Double-click or press Enter to open the card on its board"))
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
            where = f"{force_title(card.kind)} · {challenge.title}"
            item = QListWidgetItem(f"{card.text} ({where})")
            item.setData(HTML, two_lines(card.text, where))
            item.setData(RECORD_ID, card.id)
            item.setToolTip(
                self.tr("{title}\n{value}: {text}").format(
                    title=challenge.title, value=force_title(card.kind), text=card.text
                )
            )
            self.list.addItem(item)
        self.setVisible(bool(found))
        self.list.updateGeometry()

    def _open(self, item: QListWidgetItem) -> None:
        self.context.open_record.emit(RecordKind.FORCE_CARD, int(item.data(RECORD_ID)))

    def _changed_elsewhere(self, change: Change) -> None:
        if change.about(RecordKind.CHALLENGE, RecordKind.LEAD) and self.lead_id is not None:
            self.show_lead(self.lead_id)
