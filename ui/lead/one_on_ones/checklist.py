"""The 1:1's two checklists (agenda, action items): rows with a tick box each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from iltdesk.models import AgendaItem, Author
from ui.kit.roles import RECORD_ID


def agenda_label(item: AgendaItem) -> str:
    """An agenda item, saying when the lead put it there."""
    if item.added_by is not Author.lead:
        return item.text
    return QCoreApplication.translate("checklist", "{text}  — the lead's item").format(
        text=item.text
    )


def fill_checklist(widget: QListWidget, rows: list[tuple[int, str, bool]]) -> None:
    """Show ``rows``, keeping the row the cursor was on."""
    current = widget.currentItem()
    keep = current.data(RECORD_ID) if current is not None else None
    widget.blockSignals(True)
    widget.clear()
    for record_id, text, checked in rows:
        item = QListWidgetItem(text)
        item.setData(RECORD_ID, record_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
        if record_id == keep:
            widget.setCurrentItem(item)
    widget.blockSignals(False)


def untick(item: QListWidgetItem) -> None:
    """Show a tick the journal refused as it was (the status bar says why)."""
    ticked = item.checkState() == Qt.CheckState.Checked
    blocked = item.listWidget().blockSignals(True)  # not a tick of the person's
    item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
    item.listWidget().blockSignals(blocked)
