"""Laying a summary out on pages and writing the PDF, with a running head and footer.

QTextDocument has no page header or footer, so the pages are painted one by one: the document
is laid out to the body's size, each page's slice is drawn with a translated painter, and the
school, "Confidential", the date and "Page X of Y" are painted around it in the bundled font.
A report with a contents page and bookmarks (a lead's record) has them numbered from where the
layout put each heading (``iltdesk.report.outline``); a long one is laid out in parts that
follow one another on the pages (``iltdesk.report.flow``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLineF,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from iltdesk import dates, region
from iltdesk.destination import check_destination
from iltdesk.errors import JournalError
from iltdesk.report.content import META_LEAD, META_PREPARED, META_SCHOOL
from iltdesk.report.flow import FLOW_CUT, PAGE_CUT, paint_flow
from iltdesk.report.fonts import ensure_fonts
from iltdesk.report.outline import Mark, add_outline, number_contents, outline_into
from iltdesk.report.pagination import keep_headings_with_text
from iltdesk.report.protect import encrypt, write_private
from iltdesk.translation import translate

BODY_POINT_SIZE = 9.5
SMALL_POINT_SIZE = 7.5
MARGIN_MM = (20.0, 23.0, 20.0, 22.0)  # left, top, right, bottom: where the body text sits
HEAD_MM = 12.0  # the running head's baseline, from the top edge
FOOT_MM = 12.0  # the footer's baseline, from the bottom edge
LIST_INDENT_PX = 18.0  # per list level, in the 96-per-inch units Qt's rich text uses
KEEP_ROOM_PT = 42.0  # a heading needs this much room below it, or it moves to the next page
KEEP_TOGETHER = 0.45  # a section shorter than this share of a page is not split
MUTED = "#6b7682"
RULE = "#c9d1d9"


@dataclass(frozen=True)
class RunningText:
    """What the head and footer of each page say."""

    school: str
    lead: str
    prepared: str

    @classmethod
    def from_html(cls, html: str) -> RunningText:
        """Read the values ``build_html`` left in its meta tags (blank when absent)."""

        def meta(name: str) -> str:
            found = re.search(rf'<meta\s+name="{re.escape(name)}"\s+content="([^"]*)"', html)
            return unescape(found.group(1)).strip() if found else ""

        try:
            prepared = date.fromisoformat(meta(META_PREPARED))
        except ValueError:
            prepared = date.today()
        return cls(meta(META_SCHOOL), meta(META_LEAD), dates.long(prepared))


def print_document(html: str) -> QTextDocument:
    """The summary as a QTextDocument in the bundled font: what the PDF is painted from.

    The app can hand it to ``QTextDocument.print_`` for printing or print preview.
    """
    family = ensure_fonts()
    doc = QTextDocument()
    doc.setDefaultFont(report_font(family, BODY_POINT_SIZE))
    option = QTextOption(doc.defaultTextOption())
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setIndentWidth(LIST_INDENT_PX)
    doc.setHtml(html)
    return doc


def report_font(family: str, points: float) -> QFont:
    """The report's font at ``points``, without ligatures: 'fi' must stay 'f', 'i' when the
    text is copied or searched (Qt maps a ligature glyph to a single character such as 'ﬁ')."""
    font = QFont(family)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        name = QFont.Tag.fromString(tag)
        if name is not None:
            font.setFeature(name, 0)
    return font


def render_pdf(
    html: str,
    path: Path,
    *,
    password: str | None = None,
    journal: Path | None = None,
    replace: bool = False,
) -> None:
    """Write the summary to exactly ``path`` (mode 0600), AES-256 encrypted if ``password``.

    ``path`` is checked first (``check_destination``): never ``journal``'s own files, a
    device or folder, nor an existing file unless ``replace``.
    """
    write_pdf(html, path, password=password, journal=journal, replace=replace)


def write_pdf(
    html: str,
    path: Path,
    *,
    password: str | None = None,
    journal: Path | None = None,
    replace: bool = False,
) -> int:
    """Like ``render_pdf``; returns the number of pages written."""
    real = check_destination(Path(path), journal=journal, replace=replace)
    data, pages, marks = painted_pdf(html)
    if password is not None:  # the bookmarks go in on the way: one pass over a long PDF
        data = encrypt(data, password, dress=lambda writer: outline_into(writer, marks))
    elif marks:
        data = add_outline(data, marks)
    write_private(real, data)
    return pages


def pdf_bytes(html: str) -> tuple[bytes, int]:
    """The PDF, made in memory (no unencrypted copy touches the disk), and its page count.

    A report with bookmarked headings (``iltdesk.report.outline``) gets them as the PDF's
    outline.
    """
    data, pages, marks = painted_pdf(html)
    return (add_outline(data, marks) if marks else data), pages


def painted_pdf(html: str) -> tuple[bytes, int, list[Mark]]:
    """The PDF as painted, its page count, and the bookmarks it is to have."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(paper_size()))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setCreator("iltdesk")
    pages, marks = paint_marked(html, writer)
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data()), pages, marks


def paint_pages(html: str, device: QPagedPaintDevice) -> int:
    """Lay the document out for ``device`` and paint every page with its head and footer.

    The PDF writer and a printer both come through here, so a printed copy and the exported
    file look the same. The device's own page margins should be zero (or "full page").
    """
    return paint_marked(html, device)[0]


def paint_marked(html: str, device: QPagedPaintDevice) -> tuple[int, list[Mark]]:
    """``paint_pages``, and the bookmarked headings with the pages they landed on (the
    contents page, if the report has one, is numbered from them before painting)."""
    if FLOW_CUT in html or PAGE_CUT in html:
        return paint_flow(html, device)  # a long report, laid out in parts
    doc = print_document(html)
    if isinstance(device, QPdfWriter):
        device.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    page = Page(device)
    doc.setDocumentMargin(0)  # the page margins are painted around the body instead
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(page.body.width(), page.body.height()))
    keep_headings_with_text(doc, page.body.height(), page.px(KEEP_ROOM_PT), KEEP_TOGETHER)
    marks = number_contents(doc, page.body.height())
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise JournalError(translate("report.render", "Qt could not start drawing the pages."))
    running = RunningText.from_html(html)
    for number in range(pages):
        if number:
            device.newPage()
        page.paint(painter, doc, number, pages, running)
    painter.end()
    return pages, marks


def paper_size() -> QPageSize.PageSizeId:
    """US Letter in the territories that use it (the US, Canada, Mexico, ...: see
    ``region.LETTER_TERRITORIES``; ``LC_PAPER`` on Linux), A4 everywhere else."""
    return QPageSize.PageSizeId.Letter if region.uses_letter() else QPageSize.PageSizeId.A4


class Page:
    """The page's geometry in the writer's device pixels, and the painting of one page."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.dpi = device.logicalDpiY()  # a PDF writer's or printer's resolution
        self.width = float(device.width())
        self.height = float(device.height())
        left, top, right, bottom = (self.mm(v) for v in MARGIN_MM)
        self.body = QRectF(left, top, self.width - left - right, self.height - top - bottom)
        self.family = ensure_fonts()

    def mm(self, value: float) -> float:
        return value / 25.4 * self.dpi

    def px(self, points: float) -> float:
        return points / 72.0 * self.dpi

    def paint(
        self, painter: QPainter, doc: QTextDocument, number: int, pages: int, text: RunningText
    ) -> None:
        """Paint page ``number`` (from 0): its slice of the document, then head and footer."""
        self.paint_slice(painter, doc, number)
        self.furniture(painter, number, pages, text)

    def paint_slice(self, painter: QPainter, doc: QTextDocument, number: int) -> None:
        """Paint page ``number`` (from 0) of ``doc`` in the body of the page."""
        body = self.body
        painter.save()
        painter.translate(body.left(), body.top() - number * body.height())
        doc.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
        painter.restore()

    def furniture(self, painter: QPainter, number: int, pages: int, text: RunningText) -> None:
        painter.save()
        painter.setFont(report_font(self.family, SMALL_POINT_SIZE))
        painter.setPen(QColor(MUTED))
        left, width = self.body.left(), self.body.width()
        line = self.px(SMALL_POINT_SIZE * 1.6)
        head = QRectF(left, self.mm(HEAD_MM) - line, width, line)
        foot = QRectF(left, self.height - self.mm(FOOT_MM), width, line)
        bottom_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        bottom_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        top = Qt.AlignmentFlag.AlignTop
        painter.drawText(head, bottom_left, text.school.upper())
        painter.drawText(head, bottom_right, text.lead)
        confidential = translate("report.render", "Confidential")
        prepared = translate("report.render", "Prepared {day}").format(day=text.prepared)
        page = translate("report.render", "Page {number} of {pages}")
        painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | top, confidential)
        painter.drawText(foot, Qt.AlignmentFlag.AlignHCenter | top, prepared)
        painter.drawText(
            foot, Qt.AlignmentFlag.AlignRight | top, page.format(number=number + 1, pages=pages)
        )
        painter.setPen(QPen(QColor(RULE), self.px(0.5)))
        gap = self.px(4)
        painter.drawLine(QLineF(left, head.bottom() + gap, left + width, head.bottom() + gap))
        painter.drawLine(QLineF(left, foot.top() - gap, left + width, foot.top() - gap))
        painter.restore()
