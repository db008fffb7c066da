"""A rich-text editor whose contents are stored as Markdown.

A principal writes with formatting (bold, lists, headings) and the journal keeps plain
Markdown. Typing Markdown's own marks works too: "- " starts a list, "## " a heading,
"**word**" turns bold, as in most modern note apps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtGui import QTextListFormat as ListFormat
from PySide6.QtWidgets import QTextEdit, QWidget

_LIST_MARKS = {"-": ListFormat.Style.ListDisc, "*": ListFormat.Style.ListDisc}


class MarkdownEdit(QTextEdit):
    """Rich text in, Markdown out. ``edited`` fires on user changes only, not on loading."""

    edited = Signal()
    focus_left = Signal()  # autosave also commits when the user moves elsewhere

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted HTML would bring foreign styles along
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self._loading = False
        self.textChanged.connect(self._on_change)

    def set_markdown(self, text: str) -> None:
        """Show ``text`` without it counting as an edit."""
        self._loading = True
        try:
            self.setMarkdown(text)
            self.document().setModified(False)
        finally:
            self._loading = False

    def markdown(self) -> str:
        """The contents as Markdown."""
        if self.document().isEmpty():
            return ""
        return self.toMarkdown().rstrip("\n") + "\n"

    def _on_change(self) -> None:
        if not self._loading:
            self.edited.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_B:
            self._toggle(bold=True)
            return
        if mods & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_I:
            self._toggle(bold=False)
            return
        super().keyPressEvent(event)
        if event.text() == " ":
            self._block_shortcut()
        elif event.text() == "*":
            self._inline_bold()

    def _toggle(self, *, bold: bool) -> None:
        fmt = QTextCharFormat()
        current = self.currentCharFormat()
        if bold:
            fmt.setFontWeight(
                QFont.Weight.Normal
                if current.fontWeight() > QFont.Weight.Normal
                else QFont.Weight.Bold
            )
        else:
            fmt.setFontItalic(not current.fontItalic())
        self.textCursor().mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def _block_shortcut(self) -> None:
        cursor = self.textCursor()
        prefix = cursor.block().text()[: cursor.positionInBlock()]
        mark = prefix.rstrip(" ")
        if prefix != mark + " " or cursor.currentList() is not None:
            return
        if mark in _LIST_MARKS or mark == "1.":
            self._replace_prefix(cursor, len(prefix))
            style = ListFormat.Style.ListDecimal if mark == "1." else _LIST_MARKS[mark]
            cursor.createList(style)
        elif mark and set(mark) == {"#"} and len(mark) <= 3:
            self._replace_prefix(cursor, len(prefix))
            block = QTextBlockFormat()
            block.setHeadingLevel(len(mark))
            cursor.mergeBlockFormat(block)
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold)
            char.setProperty(QTextCharFormat.Property.FontSizeAdjustment, 3 - len(mark))
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            self.mergeCurrentCharFormat(char)

    @staticmethod
    def _replace_prefix(cursor: QTextCursor, length: int) -> None:
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, length
        )
        cursor.removeSelectedText()

    def _inline_bold(self) -> None:
        cursor = self.textCursor()
        text = cursor.block().text()[: cursor.positionInBlock()]
        if not text.endswith("**") or text.endswith("***"):
            return
        start = text.rfind("**", 0, len(text) - 2)
        inner = text[start + 2 : -2] if start >= 0 else ""
        if start < 0 or not inner.strip() or inner != inner.strip():
            return
        block_start = cursor.block().position()
        cursor.setPosition(block_start + start)
        cursor.setPosition(block_start + len(text), QTextCursor.MoveMode.KeepAnchor)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(inner, bold)
        self.setCurrentCharFormat(QTextCharFormat())
