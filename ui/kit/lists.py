"""A short list of two-line record rows (roles: ui.kit.roles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID


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
        item = QListWidgetItem(
            QCoreApplication.translate("lists", "{title}\n{value}").format(
                title=title, value=detail or " "
            )
        )
        item.setData(RECORD_ID, record_id)
        item.setToolTip(title)
        widget.addItem(item)
    row = widget.sizeHintForRow(0) if rows else 0
    widget.setFixedHeight(row * min(len(rows), 5) + 2 * widget.frameWidth() + 2)
    widget.setVisible(bool(rows))
