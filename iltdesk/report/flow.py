"""Laying out a long report in parts that follow one another on the same pages.

A lead's record for a busy year runs to hundreds of pages. Laid out as one QTextDocument it
breaks Qt: positions past about 8.4 million device units (some 700 pages at the PDF writer's
1,200 dpi) come back empty and the layout crashes; and every heading that pagination moves
lays the whole document out again. So a report may mark places where it can be cut
(``FLOW_CUT``, or ``PAGE_CUT`` where a new page starts anyway); each part is its own
document, paginated on its own, and starts where the previous one ended: an empty line as
tall as what is already used on that page comes first. A part whose first heading would be
stranded there moves to the next page by the usual rules (``iltdesk.report.pagination``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from iltdesk.errors import JournalError
from iltdesk.report.outline import Mark, fill_numbers, heading_marks
from iltdesk.translation import translate

FLOW_CUT = "<!--iltdesk:flow-->"  # the next part goes on where this one ends
PAGE_CUT = "<!--iltdesk:page-->"  # the next part starts a page
MAX_PASSES = 3


@dataclass
class Part:
    """One part: its document, and the page (of the whole report) its page 0 is painted on."""

    doc: QTextDocument
    fresh: bool  # starts a page of its own
    first_page: int = 0
    offset: float = 0.0  # how far down its first page it starts

    @property
    def pages(self) -> int:
        return self.doc.pageCount()

    def used(self, page_height: float) -> float:
        """How far down its last page this part's text reaches."""
        bottom = self.doc.documentLayout().blockBoundingRect(self.doc.lastBlock()).top()
        return bottom - (self.pages - 1) * page_height


def split(html: str) -> list[tuple[str, bool]]:
    """Each part's HTML (the head and style repeated) and whether it starts a page."""
    start = html.index("<body>") + len("<body>")
    end = html.rindex("</body>")
    head, body = html[:start], html[start:end]
    parts: list[tuple[str, bool]] = []
    fresh = True
    for piece in body.split(PAGE_CUT):
        for index, bit in enumerate(piece.split(FLOW_CUT)):
            if bit.strip():
                parts.append((f"{head}{bit}</body></html>", fresh and index == 0))
        fresh = True
    return parts


def paint_flow(html: str, device: QPagedPaintDevice) -> tuple[int, list[Mark]]:
    """Lay ``html``'s parts out one after another and paint them; the pages and bookmarks."""
    from iltdesk.report import render  # its page geometry and furniture (render imports us)

    page = render.Page(device)
    if isinstance(device, QPdfWriter):
        title = render.print_document(html[: html.index("<body>")] + "</html>")
        device.setTitle(title.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    height = page.body.height()
    parts = _lay_out(split(html), device, page)
    marks: list[Mark] = []
    for _ in range(MAX_PASSES):
        marks = [
            Mark(m.key, m.title, m.level, m.page + part.first_page)
            for part in parts
            for m in heading_marks(part.doc, height)
        ]
        if not fill_numbers(parts[0].doc, {m.key: m.page for m in marks}):
            break
        parts[0].doc.markContentsDirty(0, parts[0].doc.characterCount())
        _place(parts, height)
    total = parts[-1].first_page + parts[-1].pages
    _paint(parts, device, page, total, render.RunningText.from_html(html))
    return total, marks


def _lay_out(pieces: list[tuple[str, bool]], device: QPagedPaintDevice, page: object) -> list[Part]:
    from iltdesk.report import render
    from iltdesk.report.pagination import keep_headings_with_text

    assert isinstance(page, render.Page)
    height = page.body.height()
    parts: list[Part] = []
    for piece, fresh in pieces:
        doc = render.print_document(piece)
        doc.setDocumentMargin(0)
        doc.documentLayout().setPaintDevice(device)
        doc.setPageSize(QSizeF(page.body.width(), height))
        part = Part(doc, fresh or not parts)
        if not part.fresh:
            part.offset = parts[-1].used(height)
            _push_down(doc, part.offset)
        keep = page.px(render.KEEP_ROOM_PT)
        keep_headings_with_text(doc, height, keep, render.KEEP_TOGETHER)
        parts.append(part)
        _place(parts[-1:] if len(parts) == 1 else parts[-2:], height)
    return parts


def _push_down(doc: QTextDocument, offset: float) -> None:
    """Start the document ``offset`` down its first page: an empty line that tall before it.
    (A first block's top margin would not do: Qt drops the margin at the top of a page.)"""
    first = doc.begin()
    state = first.userState()  # a bookmark's mark stays with the heading's text
    QTextCursor(first).insertBlock(first.blockFormat(), first.charFormat())
    spacer, heading = doc.begin(), doc.begin().next()
    heading.setUserState(state)
    spacer.setUserState(-1)
    _line_height(spacer, offset)
    # A fixed line height is given in the document's logical pixels, which the layout scales
    # to the device's: read how it came out, and give it again in those terms.
    doc.markContentsDirty(0, doc.characterCount())
    came_out = doc.documentLayout().blockBoundingRect(heading).top()
    if offset > 0 and came_out > 0 and abs(came_out - offset) > 0.5:
        _line_height(spacer, offset * offset / came_out)
        doc.markContentsDirty(0, doc.characterCount())


def _line_height(block: QTextBlock, height: float) -> None:
    blank = QTextBlockFormat()
    blank.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    QTextCursor(block).setBlockFormat(blank)


def _place(parts: list[Part], height: float) -> None:
    """Number each part's first page from the part before it."""
    for before, part in pairwise(parts):
        if part.fresh:
            part.first_page = before.first_page + before.pages
        else:
            part.first_page = before.first_page + before.pages - 1


def _paint(
    parts: list[Part], device: QPagedPaintDevice, page: object, total: int, running: object
) -> None:
    from iltdesk.report import render

    assert isinstance(page, render.Page) and isinstance(running, render.RunningText)
    painter = QPainter()
    if not painter.begin(device):
        raise JournalError(translate("report.flow", "Qt could not start drawing the pages."))
    index = 0
    for number in range(total):
        if number:
            device.newPage()
        while index < len(parts) and parts[index].first_page + parts[index].pages <= number:
            index += 1
        for part in parts[index:]:
            if part.first_page > number:
                break
            page.paint_slice(painter, part.doc, number - part.first_page)
        page.furniture(painter, number, total, running)
    painter.end()
