"""The recovery sheet: one printed page that opens a journal whose passphrase is forgotten.

It holds the recovery key (in nine groups of four a person can type, and as a QR code), which
journal it belongs to and where that lives, when the kit was made and its id, what the sheet
can do and how to keep it. It never holds a note: nothing is read from the journal but the
path the caller gives. Painted directly with QPainter (one fixed page, no text flow) in the
bundled font, and written like every other PDF (``check_destination``, then 0600 atomically).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from iltdesk import dates
from iltdesk.destination import backups_dir, check_destination
from iltdesk.errors import JournalError
from iltdesk.recovery.files import SUFFIX as ESCROW_SUFFIX
from iltdesk.recovery.key import RecoveryKey, kit_id
from iltdesk.report.fonts import ensure_fonts
from iltdesk.report.protect import write_private
from iltdesk.report.render import MUTED, RULE, paper_size, report_font
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

TITLE = QT_TRANSLATE_NOOP("report.recovery_sheet", "Recovery sheet for your iltdesk journal")
MARGIN_MM = 20.0
QR_MM = 38.0  # the code with its quiet zone: big enough for any phone camera at arm's length
QUIET_MODULES = 4  # the quiet zone the QR standard asks for around the code
KEY_POINTS = 19.0
INK = "#1f2933"
PANEL = "#f3f5f7"


@dataclass(frozen=True)
class SheetText:
    """What the sheet says, apart from the key itself."""

    journal: Path
    made_at: datetime
    kit: str
    school: str

    def facts(self) -> list[tuple[str, str]]:
        made = translate("report.recovery_sheet", "{day}, {time}").format(
            day=dates.long(self.made_at.date()), time=f"{self.made_at:%H:%M}"
        )
        return [
            (translate("report.recovery_sheet", "Journal"), self.journal.name),
            (translate("report.recovery_sheet", "Where it lives"), str(self.journal)),
            (translate("report.recovery_sheet", "Kit made"), made),
            (translate("report.recovery_sheet", "Kit id"), self.kit),
        ]

    def guidance(self) -> list[tuple[str, list[str]]]:
        """The sheet's explanations: headings, each with its paragraphs (simple HTML)."""
        escrow = escape(f"{self.journal.name}{ESCROW_SUFFIX}")
        folder = escape(backups_dir(self.journal).name)
        typed = f"iltdesk recover {shlex.quote(self.journal.name)}"  # not shown: a command
        command = escape(typed)
        return [
            (
                translate("report.recovery_sheet", "What this sheet can do"),
                [
                    translate(
                        "report.recovery_sheet",
                        "If the journal's passphrase is forgotten, this key opens the journal and "
                        "lets you choose a new passphrase. It works together with the recovery "
                        "escrow file that iltdesk keeps beside the journal "
                        "(<b>{escrow}</b>) and in its backups folder (<b>{folder}</b>): keep "
                        "those with the journal when you move or copy it.",
                    ).format(escrow=escrow, folder=folder),
                    translate(
                        "report.recovery_sheet",
                        "In the app, choose <b>Forgot your passphrase?</b> in the unlock window "
                        "and type the key. On the command line, run <b>iltdesk recover</b> "
                        "followed by the journal's path, for example: <b>{command}</b>",
                    ).format(command=command),
                ],
            ),
            (
                translate("report.recovery_sheet", "Keep it like the passphrase"),
                [
                    translate(
                        "report.recovery_sheet",
                        "Anyone with this sheet and the journal's folder can open the journal "
                        "and read every note in it. Keep the sheet somewhere locked, away from "
                        "the computer; do not photograph it, email it or store it with the "
                        "journal.",
                    )
                ],
            ),
            (
                translate("report.recovery_sheet", "A new kit makes this sheet useless"),
                [
                    translate(
                        "report.recovery_sheet",
                        "Making a new recovery kit (in Settings, or with <b>iltdesk kit</b>) "
                        "replaces this one: this sheet then opens nothing, so shred it and keep "
                        "the new one. The kit id on this sheet (<b>{kit}</b>) is the one the "
                        "app shows for the journal's current kit.",
                    ).format(kit=escape(self.kit))
                ],
            ),
        ]


def write_sheet(
    dest: Path,
    key: RecoveryKey,
    journal_path: Path,
    made_at: datetime,
    school: str = "",
    *,
    replace: bool = False,
) -> None:
    """Write the recovery sheet for ``key`` to exactly ``dest`` (one page, mode 0600). Needs a
    QGuiApplication and its thread, as every report does (``fonts.gui_app``).

    ``dest`` is checked first (``check_destination``): never the journal or its companions
    (its escrow included), a folder or a device, nor an existing file unless ``replace``.
    """
    real = check_destination(Path(dest), journal=journal_path, replace=replace)
    text = SheetText(journal_path.absolute(), made_at, kit_id(key.public_bytes()), school.strip())
    write_private(real, sheet_pdf(key, text))


def sheet_pdf(key: RecoveryKey, text: SheetText) -> bytes:
    """The sheet as PDF bytes, made in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(paper_size()))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(600)
    writer.setCreator("iltdesk")
    writer.setTitle(translate("report.recovery_sheet", TITLE))
    painter = QPainter()
    if not painter.begin(writer):
        raise JournalError(
            translate("report.recovery_sheet", "Qt could not start drawing the recovery sheet.")
        )
    try:
        paint_sheet(painter, writer, key, text)
    finally:
        painter.end()
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def paint_sheet(
    painter: QPainter, device: QPaintDevice, key: RecoveryKey, text: SheetText
) -> QRectF:
    """Paint the whole sheet on ``device``; returns where the QR code (with its quiet zone)
    is, so that a test can read it back."""
    sheet = _Sheet(painter, device)
    y = sheet.header(text.school)
    y = sheet.title(y)
    y = sheet.facts(y, text.facts())
    qr, y = sheet.key_panel(y, key)
    y += sheet.mm(4)
    for heading, paragraphs in text.guidance():
        y = sheet.section(y, heading, paragraphs)
    sheet.footer(text.kit)
    return qr


class _Sheet:
    """The page's geometry in device pixels, and the painting of its parts top to bottom."""

    def __init__(self, painter: QPainter, device: QPaintDevice) -> None:
        self.painter = painter
        self.dpi = float(device.logicalDpiY())
        self.family = ensure_fonts()
        self.left = self.mm(MARGIN_MM)
        self.width = float(device.width()) - 2 * self.left
        self.height = float(device.height())

    def mm(self, value: float) -> float:
        return value / 25.4 * self.dpi

    def pt(self, points: float) -> float:
        return points / 72.0 * self.dpi

    def _text(self, rect: QRectF, points: float, words: str, *, color: str = INK,
              bold: bool = False, flags: int = 0) -> None:  # fmt: skip
        font = report_font(self.family, points)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        self.painter.drawText(rect, flags, words)

    def header(self, school: str) -> float:
        top = self.mm(MARGIN_MM - 6)
        line = QRectF(self.left, top, self.width, self.pt(12))
        self._text(
            line, 8, translate("report.recovery_sheet", "ILTDESK · RECOVERY SHEET"), color=MUTED
        )
        self._text(line, 8, school.upper(), color=MUTED, flags=Qt.AlignmentFlag.AlignRight)
        rule = top + self.pt(14)
        self.painter.setPen(QPen(QColor(RULE), self.pt(0.5)))
        self.painter.drawLine(QPointF(self.left, rule), QPointF(self.left + self.width, rule))
        return rule + self.mm(8)

    def title(self, y: float) -> float:
        title = translate("report.recovery_sheet", TITLE)
        self._text(QRectF(self.left, y, self.width, self.pt(30)), 20, title, bold=True)
        y += self.pt(30)
        lead = translate(
            "report.recovery_sheet",
            "Keep this page in a safe place, such as a locked drawer. If you ever forget the "
            "journal's passphrase, it is your way back in.",
        )
        lead_html = f"<span style='color:{MUTED}'>{escape(lead)}</span>"
        return self.block(y, lead_html, points=11) + self.mm(6)

    def facts(self, y: float, rows: list[tuple[str, str]]) -> float:
        label_width = self.mm(34)
        for label, value in rows:
            self._text(QRectF(self.left, y, label_width, self.pt(14)), 9.5, label, color=MUTED)
            html = f"<span>{escape(value)}</span>"
            y = self.block(y, html, left=self.left + label_width, points=10.5) + self.pt(4)
        return y + self.mm(5)

    def key_panel(self, y: float, key: RecoveryKey) -> tuple[QRectF, float]:
        """The key in monospaced groups beside its QR code, on a pale panel; returns the QR
        code's square and where the panel ends."""
        pad = self.mm(6)
        qr_side = self.mm(QR_MM)
        caption = self.pt(16)  # the key as one line, under the groups and the code
        panel = QRectF(self.left, y, self.width, qr_side + 2 * pad + caption)
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(PANEL))
        self.painter.drawRoundedRect(panel, self.mm(3), self.mm(3))
        qr = QRectF(panel.right() - pad - qr_side, y + pad, qr_side, qr_side)
        self.painter.setBrush(QColor("white"))
        self.painter.drawRect(qr)
        draw_qr(self.painter, qr, key.text())
        inner = QRectF(panel.left() + pad, y + pad, qr.left() - panel.left() - 2 * pad, qr_side)
        said = translate("report.recovery_sheet", "Recovery key (it has no letters O, I, L or U)")
        self._text(QRectF(inner.left(), inner.top(), inner.width(), self.pt(14)), 9.5,
                   said, color=MUTED)  # fmt: skip
        self._key_groups(inner.adjusted(0, self.pt(19), 0, 0), key.text().split("-"))
        # The key once more as one line of plain text, to copy from the PDF on a screen.
        one_line = translate(
            "report.recovery_sheet", "As one line: {key}. The QR code holds the same key."
        ).format(key=key.text())
        line = QRectF(inner.left(), qr.bottom() + self.pt(6), panel.width() - 2 * pad, caption)
        self._text(line, 8.5, one_line, color=MUTED)
        return qr, panel.bottom()

    def _key_groups(self, area: QRectF, groups: list[str]) -> None:
        """Three rows of three groups, each character in a cell of one width (the bundled font
        has no monospaced face), so the groups line up as a person reads them off."""
        font = report_font(self.family, KEY_POINTS)
        font.setBold(True)
        metrics = QFontMetricsF(font, self.painter.device())
        cell = max(metrics.horizontalAdvance(c) for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        cell *= 1.08
        gap = cell * 1.1
        row_height = metrics.height() * 1.45
        self.painter.setFont(font)
        self.painter.setPen(QColor(INK))
        for index, group in enumerate(groups):
            row, column = divmod(index, 3)
            x = area.left() + column * (4 * cell + gap)
            top = area.top() + row * row_height
            for char in group:
                self.painter.drawText(QRectF(x, top, cell, metrics.height()),
                                      Qt.AlignmentFlag.AlignCenter, char)  # fmt: skip
                x += cell

    def section(self, y: float, heading: str, paragraphs: list[str]) -> float:
        """A heading and its paragraphs from ``y``; returns where the section ends."""
        y += self.pt(8)
        y = self.block(y, f"<b>{escape(heading)}</b>", points=11) + self.pt(3)
        for paragraph in paragraphs:
            y = self.block(y, paragraph) + self.pt(4)
        return y

    def block(
        self, y: float, html: str, *, left: float | None = None, points: float = 9.5
    ) -> float:
        """Paint ``html`` from ``y``, wrapped to the column; returns where it ends."""
        x = self.left if left is None else left
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.painter.device())
        doc.setDefaultFont(report_font(self.family, points))
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"body {{ color: {INK}; }}")
        option = QTextOption(doc.defaultTextOption())
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long path
        doc.setDefaultTextOption(option)
        doc.setHtml(f"<div style='line-height: 128%'>{html}</div>")
        doc.setTextWidth(self.left + self.width - x)
        self.painter.save()
        self.painter.translate(x, y)
        doc.drawContents(self.painter)
        self.painter.restore()
        size: QSizeF = doc.size()
        return y + size.height()

    def footer(self, kit: str) -> None:
        line = QRectF(self.left, self.height - self.mm(MARGIN_MM - 4), self.width, self.pt(12))
        rule = line.top() - self.pt(4)
        self.painter.setPen(QPen(QColor(RULE), self.pt(0.5)))
        self.painter.drawLine(QPointF(self.left, rule), QPointF(self.left + self.width, rule))
        words = translate(
            "report.recovery_sheet",
            "Kit {kit} · This sheet holds no notes, only the way back into the journal.",
        ).format(kit=kit)
        self._text(line, 8, words, color=MUTED)


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of ``text`` as rows of dark (True) and light modules, no quiet zone."""
    code = segno.make_qr(text, error="m")
    return [[bool(module) for module in row] for row in code.matrix]


def draw_qr(painter: QPainter, area: QRectF, text: str) -> None:
    """Draw ``text``'s QR code filling the square ``area``, quiet zone included.

    Each row's runs of dark modules are one rectangle, drawn without antialiasing, so that
    no hairline seams appear between neighbouring modules when the PDF is viewed or printed.
    """
    matrix = qr_matrix(text)
    module = area.width() / (len(matrix) + 2 * QUIET_MODULES)
    origin = area.topLeft() + QPointF(QUIET_MODULES * module, QUIET_MODULES * module)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            x, top = origin.x() + start * module, origin.y() + r * module
            painter.drawRect(QRectF(x, top, (c - start) * module, module))
    painter.restore()
