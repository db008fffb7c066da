"""The forces board: four columns of short cards, moved by keyboard or by dragging.

Every change goes to the journal first and the board then reloads from it, so what is on screen
is always what is saved (a drag never rearranges rows on its own).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.challenge import (
    add_card,
    board,
    card_leads,
    delete_card,
    edit_card,
    force_title,
    move_card,
    set_card_leads,
)
from iltdesk.lead import LeadSummary, lead_summaries
from iltdesk.models import ForceKind
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import TO_TRASH
from ui.kit.style import accent, hint
from ui.reflect.challenges.card_dialog import CardDialog
from ui.reflect.challenges.force_cards import (
    CARD_ID,
    NAMES_ROLE,
    CardList,
    board_colours,
    card_id,
    kind_colour,
    short_names,
)

KINDS = tuple(ForceKind)
EMPTY_HEIGHT = 56  # an empty column still offers somewhere to drop
DROP_ROOM = 14  # below the last card, so dropping at the end is easy
SPACING = 10  # between columns
MIN_COLUMN = 170  # narrower, a card holds two or three words a line


def board_style() -> str:
    """The board's look: tinted columns, transparent lists, a dashed slot for a new card."""
    c = board_colours()
    return f"""
    QFrame#ForceColumn {{ background: {c["column"]}; border-radius: 10px; }}
    QLabel#ForceTitle {{ font-weight: 600; }}
    QLabel#ForceCount {{ color: palette(placeholder-text); }}
    QListWidget#ForceList {{ background: transparent; border: none; outline: 0; }}
    QLineEdit#AddCard {{ border: 1px dashed {c["edge"]}; border-radius: 7px;
                         padding: 6px 9px; background: transparent; }}
    QLineEdit#AddCard:focus {{ border: 1px solid {accent()}; background: {c["card"]}; }}
    """


class ForceColumn(QFrame):
    """A column: its title and count, the cards, and a slot to write a new one."""

    def __init__(self, kind: ForceKind, column: int) -> None:
        super().__init__()
        self.kind = kind
        self.setObjectName("ForceColumn")
        dot = QLabel()
        dot.setFixedSize(9, 9)
        theme.live_style(dot, lambda: f"background: {kind_colour(kind)}; border-radius: 4px;")
        title = QLabel(force_title(kind))
        title.setObjectName("ForceTitle")
        self.count = QLabel()
        self.count.setObjectName("ForceCount")
        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        head.setSpacing(7)
        head.addWidget(dot)
        head.addWidget(title, 1)
        head.addWidget(self.count)
        self.cards = CardList(kind, column)
        self.add_field = QLineEdit()
        self.add_field.setObjectName("AddCard")
        self.add_field.setPlaceholderText(self.tr("+ Add a card"))
        self.add_field.setAccessibleName(
            self.tr("Add a card to {value}").format(value=force_title(kind))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.cards)
        layout.addWidget(self.add_field)


class ForcesBoard(QWidget):
    """The four columns of a challenge's forces, with buttons for the selected card."""

    changed = Signal()  # a card was added, edited, moved or deleted

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.challenge_id: int | None = None
        self._leads: list[LeadSummary] = []
        self._width = 0
        theme.live_style(self, board_style)
        self.columns = [ForceColumn(kind, number) for number, kind in enumerate(KINDS)]
        for column in self.columns:
            self._wire(column)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit())
        self.leads_button = QPushButton(self.tr("Leads…"))
        self.leads_button.setToolTip(self.tr("Name the leads this card concerns"))
        self.leads_button.clicked.connect(lambda: self.edit(leads_first=True))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(lambda: self.delete())
        self._lay_out()
        self._update_buttons()

    def _wire(self, column: ForceColumn) -> None:
        cards = column.cards
        cards.move_requested.connect(self.move_card)
        cards.edit_requested.connect(lambda card, leads: self.edit(card, leads_first=leads))
        cards.delete_requested.connect(self.delete)
        cards.focus_column.connect(lambda step, c=cards: self._focus_neighbour(c, step))
        cards.itemSelectionChanged.connect(lambda c=cards: self._selection_moved(c))
        field = column.add_field
        field.returnPressed.connect(lambda c=column: self.add(c.kind, c.add_field.text()))

    def _lay_out(self) -> None:
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING)
        self._place(len(self.columns))
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(
            hint(self.tr("Double-click a card to edit it · Alt+arrows move it · or drag it")), 1
        )
        for button in (self.edit_button, self.leads_button, self.delete_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.grid)
        layout.addLayout(actions)

    def _place(self, per_row: int) -> None:
        """Lay the columns out ``per_row`` to a row: four side by side, or two above two
        where four would be too narrow to read (Context was cut off at 1024 pixels)."""
        self.per_row = per_row
        for column in self.columns:
            self.grid.removeWidget(column)
        for number, column in enumerate(self.columns):
            row, place = divmod(number, per_row)
            self.grid.addWidget(column, row, place, Qt.AlignmentFlag.AlignTop)
        for place in range(len(self.columns)):
            self.grid.setColumnStretch(place, 1 if place < per_row else 0)

    def _column_width(self) -> int:
        """The narrowest a column may be: its heading, and never less than MIN_COLUMN."""
        return max(MIN_COLUMN, *(c.minimumSizeHint().width() for c in self.columns))

    def minimumSizeHint(self) -> QSize:
        # Two columns to a row: the board folds rather than widening the page.
        hint = super().minimumSizeHint()
        return QSize(2 * self._column_width() + SPACING, hint.height())

    def _fold(self, width: int) -> None:
        wide = len(self.columns) * self._column_width() + (len(self.columns) - 1) * SPACING
        per_row = len(self.columns) if width >= wide else 2
        if per_row != self.per_row:
            self._place(per_row)

    @property
    def lists(self) -> list[CardList]:
        """The four card lists, left to right."""
        return [column.cards for column in self.columns]

    # -- showing --------------------------------------------------------------------------

    def load(self, challenge_id: int) -> None:
        """Show a challenge's board."""
        self.challenge_id = challenge_id
        self.reload()

    def reload(self, select: int | None = None, *, focus: bool = False) -> None:
        """Re-read the cards from the journal, then select ``select`` if given."""
        if self.challenge_id is None:
            return
        self._leads = lead_summaries(self.context.journal, include_archived=True)
        names = short_names(self._leads)
        columns = board(self.context.journal, self.challenge_id)
        for column in self.columns:
            column.cards.blockSignals(True)
            column.cards.clear()
            for card in columns[column.kind]:
                item = QListWidgetItem(card.text)
                item.setData(CARD_ID, card.id)
                named = sorted(card_leads(self.context.journal, card.id or 0))
                item.setData(NAMES_ROLE, sorted(names[i] for i in named if i in names))
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags | Qt.ItemFlag.ItemIsDragEnabled)  # drops go between cards
                column.cards.addItem(item)
            column.cards.blockSignals(False)
            count = len(columns[column.kind])
            column.count.setText(str(count) if count else "")
        self.fit()
        if select is not None:
            self.select_card(select, focus=focus)
        self._update_buttons()

    def fit(self) -> None:
        """Give the columns of a row the height of the tallest, so the page scrolls and not
        the lists."""
        lists = self.lists
        for start in range(0, len(lists), self.per_row):
            row = lists[start : start + self.per_row]
            tallest = max(sum(c.sizeHintForRow(r) for r in range(c.count())) for c in row)
            for cards in row:
                cards.setFixedHeight(max(tallest + DROP_ROOM, EMPTY_HEIGHT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self._fold(self._width)
            QTimer.singleShot(0, self, self.fit)  # once the lists have their new widths

    def select_card(self, card: int, *, focus: bool = True) -> bool:
        """Select a card wherever it is; False if it is not on this board."""
        for cards in self.lists:
            if card in cards.card_ids():
                cards.setCurrentRow(cards.card_ids().index(card))
                if focus:
                    cards.setFocus()
                return True
        return False

    def selected_card(self) -> int | None:
        """The selected card's id, if any."""
        for cards in self.lists:
            if cards.selectedItems():
                return card_id(cards.selectedItems()[0])
        return None

    def _selection_moved(self, source: CardList) -> None:
        if source.selectedItems():  # one selection on the whole board, not one per column
            for cards in self.lists:
                if cards is not source:
                    cards.blockSignals(True)
                    cards.clearSelection()
                    cards.setCurrentRow(-1)
                    cards.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_card() is not None
        for button in (self.edit_button, self.leads_button, self.delete_button):
            button.setEnabled(chosen)

    def _focus_neighbour(self, source: CardList, step: int) -> None:
        number = source.column + step
        if not 0 <= number < len(self.lists):
            return
        target = self.lists[number]
        target.setFocus()
        if target.count():
            target.setCurrentRow(min(max(source.currentRow(), 0), target.count() - 1))

    # -- changing -------------------------------------------------------------------------

    def add(self, kind: ForceKind, text: str) -> None:
        """Add a card at the bottom of a column (the field keeps focus for the next one)."""
        if self.challenge_id is None or not text.strip():
            return
        challenge_id = self.challenge_id
        card = self.context.write(lambda: add_card(self.context.journal, challenge_id, kind, text))
        if isinstance(card, NotWritten):
            return  # the words stay in the field
        self.columns[KINDS.index(kind)].add_field.clear()
        self.reload(select=card.id, focus=False)
        self.changed.emit()

    def move_card(self, card: int, column: int, position: int) -> None:
        """Put a card at ``position`` of column number ``column``; it stays selected."""
        if not 0 <= column < len(KINDS):
            return
        self.context.write(
            lambda: move_card(self.context.journal, card, KINDS[column], position),
            failed=self.tr("Not moved"),
        )
        self.reload(select=card, focus=True)
        self.changed.emit()

    def edit(self, card: int | None = None, *, leads_first: bool = False) -> None:
        """Change a card's words and the leads it names (the selected card by default)."""
        card = card if card is not None else self.selected_card()
        item = self._item(card)
        if card is None or item is None:
            return
        named = card_leads(self.context.journal, card)
        dialog = CardDialog(
            item.text(),
            self._leads,
            named,
            leads_first=leads_first,
            place=f"card:{card}",  # its draft follows the card, not its words
            parent=self,
            write=lambda chosen: self._save_card(card, chosen, item.text(), named),
        )
        if not dialog.exec():
            return
        self.reload(select=card, focus=True)
        self.changed.emit()

    def _save_card(self, card: int, dialog: CardDialog, text: str, named: set[int]) -> bool:
        """Write what the card dialog holds; False if the journal refused it."""

        def write() -> None:
            if dialog.card_text() != text:
                edit_card(self.context.journal, card, dialog.card_text())
            if dialog.chosen_leads() != named:
                set_card_leads(self.context.journal, card, dialog.chosen_leads())

        return not isinstance(self.context.write(write), NotWritten)

    def delete(self, card: int | None = None) -> None:
        """Delete a card after asking (it goes to the Trash); its neighbour is selected next."""
        card = card if card is not None else self.selected_card()
        item = self._item(card)
        if card is None or item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete this card?"),
            self.tr("“{value}”\n\n{TO_TRASH}").format(
                value=item.text(), TO_TRASH=QCoreApplication.translate("record_actions", TO_TRASH)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        cards = item.listWidget()
        row = cards.row(item)
        self.context.write(
            lambda: delete_card(self.context.journal, card), failed=self.tr("Not deleted")
        )
        self.reload()
        if cards.count():
            cards.setCurrentRow(min(row, cards.count() - 1))
            cards.setFocus()
        self.changed.emit()

    def _item(self, card: int | None) -> QListWidgetItem | None:
        for cards in self.lists:
            for row in range(cards.count()):
                if card_id(cards.item(row)) == card:
                    return cards.item(row)
        return None
