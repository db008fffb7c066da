"""A rich-text editor whose contents are stored as Markdown.

A principal writes with formatting (bold, lists, headings) and the journal keeps plain
Markdown. Typing Markdown's own marks works too: "- " starts a list, "## " a heading,
"**word**" turns bold, as in most modern note apps.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtGui import QTextListFormat as ListFormat
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QWidget

from iltdesk.report.markdown import read_markdown, write_markdown
from ui.kit import theme

_LIST_MARKS = {"-": ListFormat.Style.ListDisc, "*": ListFormat.Style.ListDisc}
BODY_MIN_POINTS = 13.0  # notes are read at length: never smaller than this
BODY_SCALE = 1.35  # ...and a step above the interface's own text
LINE_HEIGHT = 140  # percent: 1.4 lines, for easy reading of long notes
HEADING_SPACE = 0.9  # room above a heading, in lines of body text


def ensure_name(widget: QWidget, fallback: str = "") -> None:
    """Give a field an accessible name if nothing names it yet: its label's (a QLabel whose
    buddy it is), else its placeholder or ``fallback``, so a screen reader can say what it
    is for."""
    if widget.accessibleName():
        return
    face = QAccessible.queryAccessibleInterface(widget)
    if face is not None and face.text(QAccessible.Text.Name).strip():
        return
    parent = widget.parentWidget()
    labels = parent.findChildren(QLabel) if parent is not None else []
    named = [label.text() for label in labels if label.buddy() is widget]
    placeholder = getattr(widget, "placeholderText", lambda: "")()
    name = (named[0] if named else placeholder or fallback).replace("&", "")
    if name:
        widget.setAccessibleName(name)


def markdown_html(text: str) -> str:
    """A note as rich text for a label, read the way the editor and the PDF read it (a label's
    own Markdown mode would read raw HTML in a note, which the editor shows as typed)."""
    document = QTextDocument()
    read_markdown(document, text)
    return document.toHtml()


class MarkdownEdit(QTextEdit):
    """Rich text in, Markdown out. ``edited`` fires on user changes only, not on loading."""

    edited = Signal()
    focus_left = Signal()  # autosave also commits when the user moves elsewhere

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._placeholder = ""
        self._asked_height: int | None = None  # as set by setFixedHeight
        self.setAcceptRichText(False)  # pasted HTML would bring foreign styles along
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self._loading = False
        self.textChanged.connect(self._on_change)
        theme.notifier().changed.connect(self._apply_typography)
        self._apply_typography()

    # -- the placeholder ----------------------------------------------------------------------
    # Qt draws a text edit's placeholder inside the empty document's first line and a half,
    # so a second line was cut in two; it is drawn here over the whole box instead, and the
    # box is kept tall enough for all of it.

    def setPlaceholderText(self, text: str) -> None:
        self._placeholder = text
        self._fit_placeholder()
        self.viewport().update()

    def placeholderText(self) -> str:
        return self._placeholder

    def setFixedHeight(self, height: int) -> None:
        self._asked_height = height
        super().setFixedHeight(max(height, self.placeholder_height()))

    def placeholder_height(self) -> int:
        """The box's height that shows the whole placeholder at its present width."""
        if not self._placeholder:
            return 0
        margin = int(self.document().documentMargin())
        frame = self.height() - self.viewport().height()
        room = QRect(0, 0, max(self.viewport().width() - 2 * margin, 40), 10_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = self.fontMetrics().boundingRect(room, flags, self._placeholder)
        return text.height() + 2 * margin + frame + 2

    def _fit_placeholder(self) -> None:
        if self._asked_height is not None:
            super().setFixedHeight(max(self._asked_height, self.placeholder_height()))
        elif self.minimumHeight() < self.placeholder_height():
            self.setMinimumHeight(self.placeholder_height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_placeholder()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._placeholder or not self.document().isEmpty():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        painter.setFont(self.font())
        margin = int(self.document().documentMargin())
        box = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), self._placeholder
        )
        painter.end()

    # -- text ----------------------------------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show ``text`` without it counting as an edit; the cursor starts under the first
        heading (where a template's first part is written), not before it."""
        self._loading = True
        document = self.document()
        try:
            document.setUndoRedoEnabled(False)  # loading is not a step to undo
            read_markdown(document, text)  # the PDF reads a note the same way
            self._lay_out_blocks()
            document.setModified(False)
        finally:
            document.setUndoRedoEnabled(True)
            self._loading = False
        self.setTextCursor(self._start_cursor())

    def _apply_typography(self) -> None:
        """Body size and line height for reading at length, from the look on screen."""
        app = QApplication.instance()
        base = app.font().pointSizeF() if isinstance(app, QApplication) else 10.0
        font = QFont(self.font())
        font.setPointSizeF(max(BODY_MIN_POINTS, round(base * BODY_SCALE, 1)))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._fit_placeholder()
        loading, self._loading = self._loading, True
        try:
            self._lay_out_blocks()
        finally:
            self._loading = loading

    def _lay_out_blocks(self) -> None:
        """1.4 line height everywhere, room above headings, and an empty line to write in
        under each heading that has none (a template is only headings)."""
        block = self.document().begin()
        while block.isValid():
            following = block.next()
            if block.blockFormat().headingLevel() and (
                not following.isValid() or following.blockFormat().headingLevel()
            ):
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            self._format_block(block)
            block = block.next()

    def _format_block(self, block: QTextBlock) -> None:
        wanted = QTextBlockFormat()
        wanted.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if block.blockFormat().headingLevel():
            space = self.fontMetrics().lineSpacing() * HEADING_SPACE
            wanted.setTopMargin(space if block.position() > 0 else 0)
            wanted.setBottomMargin(space / 3)
        current = block.blockFormat()
        if (current.lineHeight(), current.topMargin()) == (wanted.lineHeight(), wanted.topMargin()):
            return
        QTextCursor(block).mergeBlockFormat(wanted)

    def _start_cursor(self) -> QTextCursor:
        first = self.document().begin()
        cursor = QTextCursor(first)
        if first.blockFormat().headingLevel() and first.next().isValid():
            cursor = QTextCursor(first.next())
        return cursor

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        ensure_name(self)

    def markdown(self) -> str:
        """The contents as Markdown."""
        if self.document().isEmpty():
            return ""
        return write_markdown(self.document()).rstrip("\n") + "\n"

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
            self._format_block(cursor.block())
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
