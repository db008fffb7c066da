"""Bookmarks and a contents page for a long report, from where the layout put each heading.

A report marks a heading it wants bookmarked (``heading_mark``), and the place of a contents
line's page number (``page_number``, holding a placeholder), with Qt's block user state: it
changes nothing on the page (a named anchor would make Qt's PDF writer split the heading's
first letter off, and "O verview" is what a search or a copy would then find). Once the
document is laid out on pages, ``number_contents`` reads which page each marked heading
landed on, writes those numbers over the placeholders, and returns the bookmarks for the
PDF's outline (``add_outline``). The contents sit on pages of their own before the first
section, so writing the numbers moves nothing after them; it is checked all the same, and
numbered again if it did. A report without such marks is left as it was.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

if TYPE_CHECKING:
    from pypdf import PdfWriter

PLACEHOLDER = "000"  # as wide as most page numbers, so the contents page keeps its shape
HEADING_STATE = 0x4C000000  # a marked heading's user state: this plus its key
NUMBER_STATE = 0x4D000000  # a page number's: this plus its heading's key
KEYS = 0x00FFFFFF
MAX_PASSES = 3
NOTE_COLOUR = "#6b7682"  # the record's quiet notes (record.css)


@dataclass(frozen=True)
class Mark:
    """A bookmarked heading: its key, its text, its level (1 a section) and page (from 0)."""

    key: int
    title: str
    level: int
    page: int


def heading_mark(key: int) -> str:
    """The CSS that marks a heading (``<h1 style="...">``) for bookmark ``key``."""
    return f"-qt-user-state: {HEADING_STATE + _checked(key)}"


def page_number(key: int, css: str = "") -> str:
    """The place, on a contents line, for the page number of the heading marked ``key``
    (``css``: the paragraph's class, to set it in its title's size)."""
    state = NUMBER_STATE + _checked(key)
    # Single-spaced and without margins like the title beside it (a bare cell's text), so the
    # two share a baseline when the row aligns its cells to the bottom.
    style = f"-qt-user-state: {state}; margin-top: 0; margin-bottom: 0; line-height: 100%"
    return f'<p class="{css}" align="right" style="{style}">{PLACEHOLDER}</p>'


def _checked(key: int) -> int:
    if not 0 <= key <= KEYS:
        raise ValueError(f"a bookmark's key runs from 0 to {KEYS}, not {key}")
    return key


def _scan(doc: QTextDocument) -> tuple[list[tuple[QTextBlock, int, int]], dict[int, QTextBlock]]:
    """The marked headings (block, key, level) and the contents' page-number blocks by key."""
    headings: list[tuple[QTextBlock, int, int]] = []
    numbers: dict[int, QTextBlock] = {}
    block = doc.begin()
    while block.isValid():
        state = block.userState()
        level = block.blockFormat().headingLevel()
        if level and HEADING_STATE <= state <= HEADING_STATE + KEYS:
            headings.append((block, state - HEADING_STATE, level))
        elif NUMBER_STATE <= state <= NUMBER_STATE + KEYS:
            numbers[state - NUMBER_STATE] = block
        block = block.next()
    return headings, numbers


def heading_marks(doc: QTextDocument, page_height: float) -> list[Mark]:
    """The bookmarked headings of a laid-out document, with the page (from 0) each is on."""
    layout = doc.documentLayout()
    return [
        Mark(key, block.text(), level, _page(layout.blockBoundingRect(block).top(), page_height))
        for block, key, level in _scan(doc)[0]
    ]


def fill_numbers(doc: QTextDocument, pages: dict[int, int]) -> bool:
    """Write the page (from 0 in ``pages``, shown from 1) of each contents line's heading;
    whether anything changed (the document then needs laying out again)."""
    changed = False
    for key, block in _scan(doc)[1].items():
        text = str(pages[key] + 1) if key in pages else ""
        if block.text() != text:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText(text)
            changed = True
    return changed


def without_numbers(doc: QTextDocument, note: str) -> None:
    """For a preview, not laid out on pages: each contents table loses its page-number
    column, and ``note`` (where the numbers are) goes quietly after the line above it."""
    columns: dict[int, tuple[QTextTable, int]] = {}  # by where the table starts
    for block in _scan(doc)[1].values():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            columns.setdefault(table.firstPosition(), (table, table.cellAt(cursor).column()))
    for start in sorted(columns, reverse=True):  # the last first: positions before stay put
        table, column = columns[start]
        table.removeColumns(column, 1)
        cursor = QTextCursor(doc)
        cursor.setPosition(start - 1)  # the end of the line above the table
        quiet = QTextCharFormat(cursor.charFormat())
        quiet.setFontWeight(QFont.Weight.Normal)
        quiet.setFontPointSize(8.5)
        quiet.setForeground(QColor(NOTE_COLOUR))
        cursor.insertText(f"   {note}", quiet)


def number_contents(doc: QTextDocument, page_height: float) -> list[Mark]:
    """Write each contents line's page number; the bookmarks, in document order."""
    marks: list[Mark] = []
    for _ in range(MAX_PASSES):
        marks = heading_marks(doc, page_height)
        if not marks or not fill_numbers(doc, {m.key: m.page for m in marks}):
            break
        doc.markContentsDirty(0, doc.characterCount())
    return marks


def _page(top: float, page_height: float) -> int:
    return max(0, math.floor((top + 0.5) / page_height))


def add_outline(data: bytes, marks: list[Mark]) -> bytes:
    """The PDF ``data`` with a bookmark for each mark, nested by level, shown on opening."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    outline_into(writer, marks)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def outline_into(writer: PdfWriter, marks: list[Mark]) -> None:
    """Add a bookmark for each mark to ``writer``'s PDF, nested by level, shown on opening."""
    from pypdf.generic import IndirectObject

    if not marks:
        return
    last = len(writer.pages) - 1
    parents: dict[int, IndirectObject] = {}
    for mark in marks:
        parent = next((parents[lv] for lv in range(mark.level - 1, 0, -1) if lv in parents), None)
        # Sections start folded: a busy year's 1:1s would bury the rest of the list.
        parents[mark.level] = writer.add_outline_item(
            title=mark.title,
            page_number=min(mark.page, last),
            parent=parent,
            is_open=mark.level > 1,
        )
        for deeper in [lv for lv in parents if lv > mark.level]:
            del parents[deeper]
    writer.page_mode = "/UseOutlines"
