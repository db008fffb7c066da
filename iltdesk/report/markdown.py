"""Notes' Markdown, read the one way the editor reads it, and written out as report HTML.

The editor (ui/markdown_edit.py) and the report both read a note with Qt's Markdown reader and
``FEATURES``, so a note prints as it was written: nested lists, tables, code blocks, emphasis.
Raw HTML in a note is not interpreted (it is text), and every text is escaped here, so nothing
typed can inject markup. The HTML is written from the read document, block by block, in the
report's own tags and classes: Qt's ``toHtml`` would bring its fonts and margins along.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
)

from iltdesk.report.fonts import gui_app

_Feature = QTextDocument.MarkdownFeature
# GitHub's dialect (tables, task lists, strikethrough), with raw HTML kept as the text typed.
FEATURES = _Feature(_Feature.MarkdownDialectGitHub.value | _Feature.MarkdownNoHTML.value)

_Style = QTextListFormat.Style
_LIST_STYLES = {
    _Style.ListDisc: ("ul", "disc"),
    _Style.ListCircle: ("ul", "circle"),
    _Style.ListSquare: ("ul", "square"),
    _Style.ListDecimal: ("ol", "decimal"),
    _Style.ListLowerAlpha: ("ol", "lower-alpha"),
    _Style.ListUpperAlpha: ("ol", "upper-alpha"),
    _Style.ListLowerRoman: ("ol", "lower-roman"),
    _Style.ListUpperRoman: ("ol", "upper-roman"),
}
_MARKERS = {QTextBlockFormat.MarkerType.Checked: "☒ ", QTextBlockFormat.MarkerType.Unchecked: "☐ "}
_TABLE = (
    '<table border="1" cellspacing="0" cellpadding="3" '
    'style="border-collapse: collapse; border-color: #c9d1d9; margin-bottom: 5px">'
)
_CELL = '<td style="padding: 3px; border: 1px solid #c9d1d9; vertical-align: top">'
_CODE = '<pre style="margin-top: 0; margin-bottom: 5px; font-size: 8.5pt">'


def read_markdown(document: QTextDocument, text: str) -> None:
    """Replace ``document``'s contents with ``text`` read as a note's Markdown."""
    document.setMarkdown(text, FEATURES)


def write_markdown(document: QTextDocument) -> str:
    """``document`` as Markdown that ``read_markdown`` reads back the same."""
    return document.toMarkdown(FEATURES)


def plain_text(text: str) -> str:
    """A note's Markdown as the words it shows, without its marks (``**``, ``#``, list signs)."""
    if not text.strip():
        return ""
    gui_app()  # Qt's reader needs its fonts, which need a GUI application
    document = QTextDocument()
    read_markdown(document, text)
    return document.toPlainText()


def note_html(text: str) -> str:
    """A note's Markdown as report HTML (empty text gives an empty string)."""
    if not text.strip():
        return ""
    gui_app()  # Qt's reader needs its fonts, which need a GUI application
    document = QTextDocument()
    read_markdown(document, text)
    writer = _Writer()
    writer.frame(document.rootFrame())
    return writer.finish()


@dataclass
class _Writer:
    """Blocks written out in order, keeping lists open while their items go on."""

    out: list[str] = field(default_factory=list)
    lists: list[tuple[int, str]] = field(default_factory=list)  # open lists: level, tag
    code: list[str] = field(default_factory=list)  # a code block's lines so far

    def finish(self) -> str:
        self._end_code()
        self._close_lists(0)
        return "".join(self.out)

    def frame(self, frame: QTextFrame | QTextTableCell) -> None:
        """The blocks and tables of a frame (or of a table's cell), in order."""
        items = frame.begin()
        while not items.atEnd():
            child = items.currentFrame()
            if isinstance(child, QTextTable):
                self._end_code()
                self._close_lists(0)
                self.out.append(_table(child))
            elif child is None:
                self._block(items.currentBlock())
            items += 1

    def _block(self, block: QTextBlock) -> None:
        form = block.blockFormat()
        if form.nonBreakableLines():  # a code block: its lines are kept as typed
            self._close_lists(0)
            self.code.append(_inline(block, code=True))
            return
        self._end_code()
        listed = block.textList()
        if listed is not None:
            self._item(block, listed)
            return
        self._close_lists(form.indent())  # a paragraph inside a list item stays in it
        if form.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            self.out.append("<hr/>")
        elif form.headingLevel():
            self.out.append(f'<p class="md-heading">{_inline(block)}</p>')  # Qt bolds it
        elif block.length() > 1:
            quoted = form.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
            css = ' class="quote"' if quoted else ""
            self.out.append(f"<p{css}{_align(form)}>{_inline(block)}</p>")

    def _item(self, block: QTextBlock, listed: QTextList) -> None:
        form = listed.format()
        level = form.indent()
        self._close_lists(level)
        if self.lists and self.lists[-1][0] == level:
            self.out.append("</li>")
        else:
            tag, kind = _LIST_STYLES.get(form.style(), ("ul", "disc"))
            start = f' start="{form.start()}"' if tag == "ol" and form.start() != 1 else ""
            self.out.append(f'<{tag}{start} style="list-style-type: {kind}">')
            self.lists.append((level, tag))
        marker = _MARKERS.get(block.blockFormat().marker(), "")
        self.out.append(f"<li>{marker}{_inline(block)}")

    def _close_lists(self, level: int) -> None:
        """Close the lists nested deeper than ``level``."""
        while self.lists and self.lists[-1][0] > level:
            self.out.append(f"</li></{self.lists.pop()[1]}>")

    def _end_code(self) -> None:
        if self.code:
            self.out.append(_CODE + "\n".join(self.code) + "</pre>")
            self.code = []


def _table(table: QTextTable) -> str:
    rows = []
    for row in range(table.rows()):
        cells = []
        for column in range(table.columns()):
            writer = _Writer()
            writer.frame(table.cellAt(row, column))
            cells.append(_CELL + writer.finish() + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return _TABLE + "".join(rows) + "</table>"


def _align(form: QTextBlockFormat) -> str:
    """A table column's alignment, as its paragraphs' attribute."""
    if form.alignment() & Qt.AlignmentFlag.AlignRight:
        return ' align="right"'
    return ' align="center"' if form.alignment() & Qt.AlignmentFlag.AlignHCenter else ""


def _inline(block: QTextBlock, *, code: bool = False) -> str:
    """A block's text, escaped, with its emphasis; a link shows where it goes."""
    parts = []
    pieces = block.begin()
    while not pieces.atEnd():
        piece = pieces.fragment()
        form = piece.charFormat()
        text = piece.text()
        if form.isImageFormat():  # an image is never fetched into a report: its words are
            image = form.toImageFormat()
            alt = str(image.property(QTextFormat.Property.ImageAltText) or "")
            text = f"[{alt or 'image'}: {image.name()}]"
        elif form.isAnchor() and form.anchorHref() and form.anchorHref() != text:
            text = f"{text} ({form.anchorHref()})"
        escaped = html.escape(text, quote=False).replace("\u2028", "<br/>")
        parts.append(escaped if code else _emphasis(escaped, form))
        pieces += 1
    return "".join(parts)


def _emphasis(escaped: str, form: QTextCharFormat) -> str:
    if form.fontFixedPitch():
        escaped = f"<code>{escaped}</code>"
    if form.fontUnderline():  # Qt reads _this_ as underline, and the editor shows it so
        escaped = f"<u>{escaped}</u>"
    if form.fontStrikeOut():
        escaped = f"<s>{escaped}</s>"
    if form.fontItalic():
        escaped = f"<i>{escaped}</i>"
    if form.fontWeight() > QFont.Weight.Normal.value:
        escaped = f"<b>{escaped}</b>"
    return escaped
