"""Editing and deleting a record from where it is shown: a ⋯ button, a right-click menu, and a
question before a record goes to the Trash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from ui.kit.icons import icon
from ui.kit.translation import QT_TRANSLATE_NOOP

TO_TRASH = QT_TRANSLATE_NOOP(
    "record_actions", "It moves to the Trash, where you can restore it for 30 days."
)


def actions_button(
    row: QWidget, what: str, edit: Callable[[], None], delete: Callable[[], None]
) -> QToolButton:
    """A ⋯ button offering "Edit…" and "Delete…" for the record shown by ``row``.

    The same menu opens on a right click anywhere on ``row``; it belongs to the row, so it goes
    when the row is rebuilt.
    """
    menu = QMenu(row)
    menu.addAction(QCoreApplication.translate("record_actions", "Edit…"), edit)
    menu.addAction(QCoreApplication.translate("record_actions", "Delete…"), delete)
    row.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    row.customContextMenuRequested.connect(lambda at: menu.exec(row.mapToGlobal(at)))
    button = QToolButton(row)
    button.setIcon(icon("more"))
    button.setAutoRaise(True)
    button.setToolTip(
        QCoreApplication.translate("record_actions", "Edit or delete this {what}").format(what=what)
    )
    button.setAccessibleName(
        QCoreApplication.translate("record_actions", "Edit or delete this {what}").format(what=what)
    )
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(menu)
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
    return button


def confirm_delete(parent: QWidget, title: str, what: str) -> bool:
    """Ask "Delete …?" with Cancel as the default; True only for an explicit Delete. The record
    goes to the Trash (``iltdesk.trash``), so the question says where to find it again."""
    return ask_destructive(
        parent,
        title,
        f"{what}\n\n{QCoreApplication.translate('record_actions', TO_TRASH)}",
        "Delete",
    )


def ask_destructive(
    parent: QWidget,
    title: str,
    text: str,
    action: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> bool:
    """A question with Cancel as the default: True only for an explicit ``action``."""
    box = QMessageBox(icon, title, text)
    box.setParent(parent, box.windowFlags())
    chosen = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is chosen
