"""Lists of records: the item-data roles every list uses and a short two-line record list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ui.kit.rich_delegate import TwoLineDelegate

# The roles every list in the app uses (a row's text is what it shows; these say what it is).
# The record's id on a list row: what a row opens.
RECORD_ID = Qt.ItemDataRole.UserRole + 1
# The row's object itself, where a view needs more than the id (a search hit, a Today row, a
# file on a list of journals or backups).
RECORD = Qt.ItemDataRole.UserRole + 2
# The page a sidebar row opens (Today, a Reflect page), and a sidebar row that heads a group.
PAGE_KEY = Qt.ItemDataRole.UserRole + 3
GROUP = Qt.ItemDataRole.UserRole + 4
# A row's whole text where the row shows it cut short (an observation's evidence).
FULL_TEXT = Qt.ItemDataRole.UserRole + 5
# A table cell's value, where it shows something else (a scope item's strand as a name).
VALUE = Qt.ItemDataRole.UserRole + 6
# Rich text a delegate paints for the row (kit.rich_delegate).
HTML = Qt.ItemDataRole.UserRole + 7


def record_list(name: str) -> QListWidget:
    """A short list of two-line rows that grows with its rows instead of scrolling early."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setItemDelegate(TwoLineDelegate(widget))
    widget.setUniformItemSizes(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def fill_list(widget: QListWidget, rows: list[tuple[int, str, str]]) -> None:
    """Put ``(id, title, detail)`` rows in a record list and size it to show up to five."""
    widget.clear()
    for record_id, title, detail in rows:
        item = QListWidgetItem(f"{title}\n{detail or ' '}")
        item.setData(RECORD_ID, record_id)
        item.setToolTip(title)
        widget.addItem(item)
    row = widget.sizeHintForRow(0) if rows else 0
    widget.setFixedHeight(row * min(len(rows), 5) + 2 * widget.frameWidth() + 2)
    widget.setVisible(bool(rows))
