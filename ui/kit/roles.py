"""The item-data roles every list, table and delegate in the app uses, in one place."""

from __future__ import annotations

from PySide6.QtCore import Qt

# A row's text is what it shows; these say what it is.
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
