"""Laying summaries out: Markdown in notes, and page breaks that keep headings with their text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QApplication

from iltdesk.report import print_document
from iltdesk.report.markdown import note_html
from iltdesk.report.pagination import keep_headings_with_text


def test_headings_never_end_a_page(qapp: QApplication) -> None:
    page_height, room = 400.0, 60.0
    moved = 0
    for filler in range(8, 30):
        doc = print_document("<p>line</p>" * filler + "<h2>Heading</h2><p>What follows</p>")
        doc.setPageSize(QSizeF(300, page_height))
        keep_headings_with_text(doc, page_height, room)
        block = doc.begin()
        while not block.blockFormat().headingLevel():
            block = block.next()
        rect = doc.documentLayout().blockBoundingRect(block)
        at_top = rect.top() % page_height < 1
        assert at_top or page_height - rect.bottom() % page_height >= room, filler
        moved += at_top
    assert moved  # some filler length did push the heading over


def test_short_parts_are_not_split_across_pages(qapp: QApplication) -> None:
    page_height = 400.0
    unit = "<h3>Observation</h3>" + "<p>line</p>" * 6
    for filler in range(8, 30):
        doc = print_document("<p>line</p>" * filler + unit + "<h3>Next</h3><p>end</p>")
        doc.setPageSize(QSizeF(300, page_height))
        keep_headings_with_text(doc, page_height, 20.0, together=0.5)
        pages = {
            int(doc.documentLayout().blockBoundingRect(block).top() // page_height)
            for block in _blocks(doc)
            if block.text() == "Observation"
            or (block.text() == "line" and block.blockNumber() > filler)
        }
        assert len(pages) == 1, filler


def test_a_heading_right_above_another_moves_with_it(qapp: QApplication) -> None:
    page_height = 400.0
    part = "<h2>Section</h2><h3>Part</h3>" + "<p>line</p>" * 6
    for filler in range(8, 30):
        doc = print_document("<p>filler</p>" * filler + part + "<h3>Next</h3><p>end</p>")
        doc.setPageSize(QSizeF(300, page_height))
        keep_headings_with_text(doc, page_height, 20.0, together=0.5)
        layout = doc.documentLayout()
        pages = {
            block.text(): int(layout.blockBoundingRect(block).top() // page_height)
            for block in _blocks(doc)
            if block.text() in ("Section", "Part")
        }
        assert pages["Section"] == pages["Part"], filler


def _blocks(doc: QTextDocument) -> list[QTextBlock]:
    found, block = [], doc.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("", ""),
        ("Plain <b>text</b> & more", "<p>Plain &lt;b&gt;text&lt;/b&gt; &amp; more</p>"),
        ("one\ntwo\n\nthree", "<p>one two</p><p>three</p>"),
        ("**bold** and *it* and _u_", "<p><b>bold</b> and <i>it</i> and <u>u</u></p>"),
        ("- a\n- **b**\n", '<ul style="list-style-type: disc"><li>a</li><li><b>b</b></li></ul>'),
        (
            "3. first\n4. second",
            '<ol start="3" style="list-style-type: decimal"><li>first</li><li>second</li></ol>',
        ),
        ("## Notes", '<p class="md-heading"><b>Notes</b></p>'),
        ("`a*b*` \\*not\\*", "<p><code>a*b*</code> *not*</p>"),
        ("snake_case_name", "<p>snake_case_name</p>"),
        ("[link](https://x.org)", "<p>link (https://x.org)</p>"),
        ("![chart](/home/me/chart.png)", "<p>[chart: /home/me/chart.png]</p>"),
        (
            "- [ ] ask\n- [x] asked",
            '<ul style="list-style-type: disc"><li>☐ ask</li><li>☒ asked</li></ul>',
        ),
    ],
)
def test_note_html(qapp: QApplication, markdown: str, html: str) -> None:
    assert note_html(markdown) == html
