"""Page breaks a reader expects: no heading alone at the foot of a page, short parts kept whole.

Qt's rich text honours ``page-break-before: always`` but not ``page-break-inside: avoid`` or
``page-break-after: avoid``, so after laying the document out on pages, each heading that
would be stranded is given a page break before it, and the document is laid out again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

MAX_MOVES = 200  # each pass moves one heading; a summary has far fewer


@dataclass(frozen=True)
class _Heading:
    block: QTextBlock
    level: int
    rect: QRectF
    unit_bottom: float  # where its part ends: just before the next heading of its level or above


def keep_headings_with_text(
    doc: QTextDocument, page_height: float, room: float, together: float = 0.0
) -> None:
    """Move headings to the next page until none is stranded.

    A heading is stranded when less than ``room`` is left below it on its page, when what
    follows it starts on a later page, or (below the top level) when its part is shorter than
    ``together`` times the page height yet runs over a page break.
    """
    stuck: set[int] = set()  # headings that moving would not help
    for _ in range(MAX_MOVES):
        stranded = _first_stranded(doc, page_height, room, together, stuck)
        if stranded is None:
            return
        first = _run_start(stranded)  # a heading right under another goes with it
        if _at_page_top(doc, first, page_height):
            stuck.add(stranded.blockNumber())
            continue
        moved = QTextBlockFormat()
        moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        moved.setTopMargin(0)  # no gap above a heading that opens a page
        QTextCursor(first).mergeBlockFormat(moved)
        # Qt's incremental relayout after a format change can leave the following blocks
        # empty on paginated documents; lay the whole document out again.
        doc.markContentsDirty(0, doc.characterCount())


def _run_start(block: QTextBlock) -> QTextBlock:
    """The first of the headings that directly precede ``block`` (or ``block`` itself)."""
    while (before := block.previous()).isValid() and before.blockFormat().headingLevel():
        block = before
        if _opens_page(block):
            break
    return block


def _opens_page(block: QTextBlock) -> bool:
    return block.blockFormat().pageBreakPolicy() != QTextFormat.PageBreakFlag.PageBreak_Auto


def _at_page_top(doc: QTextDocument, block: QTextBlock, page_height: float) -> bool:
    top = doc.documentLayout().blockBoundingRect(block).top()
    return _opens_page(block) or top - math.floor(top / page_height) * page_height < 1.0


def _first_stranded(
    doc: QTextDocument, page_height: float, room: float, together: float, stuck: set[int]
) -> QTextBlock | None:
    layout = doc.documentLayout()
    for heading in _headings(doc):
        if heading.block.blockNumber() in stuck or _at_page_top(doc, heading.block, page_height):
            continue  # it opens a page already: moving it would not help
        top, bottom = heading.rect.top(), heading.rect.bottom()
        page = math.floor(top / page_height)
        if (page + 1) * page_height - bottom < room:
            return heading.block
        after = heading.block.next()
        if after.isValid() and layout.blockBoundingRect(after).top() >= (page + 1) * page_height:
            return heading.block
        short = heading.unit_bottom - top <= together * page_height
        if heading.level > 1 and short and heading.unit_bottom > (page + 1) * page_height + 1:
            return heading.block
    return None


def _headings(doc: QTextDocument) -> list[_Heading]:
    """Every heading with its box and where its part ends, in document order."""
    layout = doc.documentLayout()
    found: list[tuple[QTextBlock, int, QRectF]] = []
    bottoms: list[float] = []  # the lowest point of each block, in document order
    starts: list[int] = []  # index into bottoms of each heading
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        level = block.blockFormat().headingLevel()
        if level:
            found.append((block, level, rect))
            starts.append(len(bottoms))
        bottoms.append(rect.bottom())
        block = block.next()
    headings = []
    for i, (block, level, rect) in enumerate(found):
        end = next(
            (starts[j] for j in range(i + 1, len(found)) if found[j][1] <= level), len(bottoms)
        )
        unit_bottom = max(bottoms[starts[i] : end])
        headings.append(_Heading(block, level, rect, unit_bottom))
    return headings
