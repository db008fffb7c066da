"""Typed text is never thrown away without asking: one rule for every dialog that takes text.

Escape, Cancel and the window's close button all end in ``QDialog.done()`` with a result other
than Accepted (Escape and Cancel through ``reject()``, the close button through ``closeEvent``,
which calls ``reject()`` and keeps the window open if it is still shown), so the question is
asked in ``done()``: no way out passes it by.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

QUESTION = "Discard what you typed?"
KEEP, DISCARD = "&Keep editing", "&Discard"


def typed_texts(root: QWidget) -> tuple[str, ...]:
    """Every text box's words in ``root``, blank ones left out, in the order they were made.

    Date fields and drop-downs hold a line edit of their own; their value is a choice, not
    typing, so they are left out.
    """
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():  # a message box on top, not the form
            continue
        if isinstance(widget, QLineEdit):
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue
            text = widget.text()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            text = widget.toPlainText()
        else:
            continue
        if text.strip():
            texts.append(text)
    return tuple(texts)


def confirm_discard(parent: QWidget) -> bool:
    """Ask before typed text is lost: True only if the person chooses Discard. Keep editing is
    the default, and Escape on the question keeps editing too."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved text — iltdesk")
    box.setText(QUESTION)
    box.setInformativeText("What you typed here is not saved yet.")
    keep = box.addButton(KEEP, QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    chosen = box.clickedButton() is discard
    box.deleteLater()
    return chosen


class GuardedDialog(QDialog):
    """A dialog that asks before closing unsaved text away.

    Subclasses call ``mark_clean()`` once their fields are filled (the first show does it
    otherwise) and may extend ``unsaved_state()`` with choices that count as work (ratings).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clean: Hashable | None = None
        self._asking = False

    def unsaved_state(self) -> Hashable:
        """What the form holds that would be lost by closing it; compared with the start."""
        return typed_texts(self)

    def mark_clean(self) -> None:
        """What the form holds now is what it opened with: closing it loses nothing."""
        self._clean = self.unsaved_state()

    def has_unsaved(self) -> bool:
        """Something was typed (or chosen) since the form opened."""
        return self._clean is not None and self.unsaved_state() != self._clean

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean is None:
            self.mark_clean()
        super().showEvent(event)

    def done(self, result: int) -> None:
        """Close, unless that would throw away typed text and the person says keep editing."""
        if result != QDialog.DialogCode.Accepted and self.has_unsaved():
            if self._asking:  # a second close while the question is up: it is still open
                return
            self._asking = True
            try:
                if not confirm_discard(self):
                    return
            finally:
                self._asking = False
        super().done(result)
