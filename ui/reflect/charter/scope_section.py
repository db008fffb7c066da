"""The charter's scope-and-sequence card: the strand counts, the balance hint, and the table
of periods (a focus and three strands each)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from iltdesk.charter import (
    add_scope_item,
    balance_hint,
    delete_scope_item,
    focus_title,
    next_period,
    scope_items,
    strand_counts,
    update_scope_item,
)
from iltdesk.models import FocusKind, ScopeItem
from iltdesk.record_kinds import Change, RecordKind
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import TO_TRASH
from ui.kit.style import hint
from ui.kit.writing import write_or_say
from ui.reflect.charter.scope_table import FOCUS, ScopeTable, strand_colour


class ScopeSection(QFrame):
    """Plan the year period by period, and see at once when one strand crowds out the others."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("Card")
        self.context = context
        self.items: list[ScopeItem] = []
        title = QLabel(self.tr("Scope and sequence"))
        title.setObjectName("SectionTitle")
        title.setStyleSheet("margin-top: 0")
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        theme.notifier().changed.connect(self._show_counts)
        self.balance = QLabel()
        self.balance.setObjectName("BalanceHint")
        self.balance.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("ErrorText")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.table = ScopeTable()
        self.table.edited.connect(self._edited)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = hint(
            self.tr("Nothing planned yet. Add the first month or quarter, then the next.")
        )
        self.counts.setAccessibleName(self.tr("Periods planning each strand"))
        self.add_button = QPushButton(self.tr("Add a period"))
        self.add_button.clicked.connect(self.add_period)
        self.remove_button = QPushButton(self.tr("Remove this period"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self._lay_out(title)

    def _lay_out(self, title: QLabel) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addSpacing(10)
        buttons.addWidget(hint(self.tr("Double-click a cell, or press F2, to write in it.")), 1)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(
            hint(
                self.tr(
                    "Each month or quarter has an overarching focus, and a plan for each strand: "
                    "data, observation and feedback, and professional learning, in roughly equal "
                    "measure. The counts say how many periods plan something in each."
                )
            )
        )
        layout.addWidget(self.balance)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def refresh(self, keep: int | None = None) -> None:
        """Reload the periods, the counts and the hint; keep ``keep`` (an id) selected."""
        self._recount()
        self.table.load(self.items)
        self.empty.setVisible(not self.items)
        if keep is not None:
            self.select(keep)

    def _recount(self) -> None:
        """Re-read the periods for the counts and the hint, leaving the table as it is."""
        self.items = scope_items(self.context.journal)
        self._show_counts()
        text = balance_hint(self.items)
        self.balance.setText(f"⚖  {text}" if text else "")
        self.balance.setVisible(bool(text))

    def _show_counts(self) -> None:
        # Rich text keeps the colours it was written in: written again on a change of look.
        counts = strand_counts(self.items)
        self.counts.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f"<span style='color:{strand_colour(kind).name()}'>●</span>&nbsp;"
                f"{escape(focus_title(kind))}&nbsp;<b>{counts[kind]}</b>"
                for kind in FocusKind
            )
        )

    def select(self, item_id: int) -> bool:
        """Select a period's row; False if it is not in the plan."""
        row = self.table.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def selected_id(self) -> int | None:
        """The id of the selected period, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.item_id(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.selected_id() is not None)

    def _edited(self, item_id: int, field: str, value: object) -> None:
        self.problem.hide()
        if field == "period" and not str(value).strip():
            self._fail(self.tr("A period needs a name, such as 'October' or 'Quarter 2'."), item_id)
            return
        saved = write_or_say(
            self.context,
            lambda: update_scope_item(self.context.journal, item_id, **{field: value}),
            Change(RecordKind.SCOPE_ITEM),
            self.problem,
        )
        if isinstance(saved, NotWritten) or field == "starts_on":
            # A refused value goes back to the saved one; a new start can move the row.
            self._reload_soon(item_id)
        else:
            # The cell already shows what was saved; rebuilding the rows now would close the
            # next cell's editor, opened by Tab, under the person's fingers.
            self._recount()

    def _reload_soon(self, item_id: int) -> None:
        # The cell is still inside its own change: rebuild the rows once that has finished
        # (a new start date can also move the row).
        QTimer.singleShot(0, self, lambda: self.refresh(keep=item_id))

    def _fail(self, text: str, item_id: int) -> None:
        self.problem.setText(text)
        self.problem.show()
        self._reload_soon(item_id)

    def add_period(self) -> None:
        """Add the next period, guessed from the plan so far, and open its focus to write."""
        period, start = next_period(self.items, date.today())
        item = write_or_say(
            self.context,
            lambda: add_scope_item(self.context.journal, period, starts_on=start),
            Change(RecordKind.SCOPE_ITEM),
            self.problem,
            failed=self.tr("Not added"),
        )
        if isinstance(item, NotWritten):
            return
        self.refresh(keep=item.id)
        row = self.table.row_of(item.id or 0)
        if row >= 0:
            self.table.edit_cell(row, FOCUS)

    def remove_selected(self) -> None:
        """Remove the selected period, once the principal has confirmed it."""
        item_id = self.selected_id()
        if item_id is None:
            return
        item = next(i for i in self.items if i.id == item_id)
        answer = QMessageBox.question(
            self,
            self.tr("Remove this period?"),
            self.tr("Remove {period} and what it plans from the year's plan? {TO_TRASH}").format(
                period=item.period, TO_TRASH=QCoreApplication.translate("record_actions", TO_TRASH)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        gone = self.context.write(
            lambda: delete_scope_item(self.context.journal, item_id),
            Change(RecordKind.SCOPE_ITEM),
            failed=self.tr("Not removed"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()
