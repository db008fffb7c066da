"""The recovery sheet: one page, the key as text a person can copy and as a QR code that holds
exactly that key, the journal it belongs to, and written only where a PDF may go."""

from __future__ import annotations

import io
import stat
from datetime import datetime
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage, QPainter

from iltdesk.errors import UsageError
from iltdesk.recovery.key import RecoveryKey, kit_id
from iltdesk.report.fonts import gui_app
from iltdesk.report.recovery_sheet import (
    QUIET_MODULES,
    TITLE,
    SheetText,
    paint_sheet,
    qr_matrix,
    write_sheet,
)

MADE = datetime(2026, 12, 4, 18, 12)
KEY = RecoveryKey(bytes(range(20)))


def squashed(text: str) -> str:
    """``text`` without any whitespace: the PDF's line breaks fall where the layout put them."""
    return "".join(text.split())


def test_the_sheet_is_one_private_page_naming_the_key_and_the_journal(tmp_path: Path) -> None:
    gui_app()
    journal = tmp_path / "journals" / "school.iltdesk"
    journal.parent.mkdir()
    sheet = tmp_path / "sheet.pdf"
    write_sheet(sheet, KEY, journal, MADE, "Riverside Middle")
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    reader = PdfReader(io.BytesIO(sheet.read_bytes()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert TITLE in text
    assert f"As one line: {KEY.text()}" in text
    for word in ("school.iltdesk", kit_id(KEY.public_bytes()), "4 December 2026, 18:12"):
        assert word in text
    assert str(journal) in squashed(text)
    assert "RIVERSIDE MIDDLE" in text
    assert "Forgot your passphrase?" in text and "iltdesk recover" in text
    assert "school.iltdesk-escrow" in text and "school.backups" in text
    assert "Anyone with this sheet" in text and "this sheet then opens nothing" in text


def test_the_qr_code_drawn_is_segnos_code_for_the_key_with_its_quiet_zone() -> None:
    """No QR decoder is installed: read the painted modules back from a bitmap of the sheet and
    compare them with segno's matrix for the key's text."""
    gui_app()
    image = QImage(1654, 2339, QImage.Format.Format_RGB32)  # A4 at 200 dpi
    image.setDotsPerMeterX(7874)
    image.setDotsPerMeterY(7874)
    image.fill(QColor("white"))
    painter = QPainter(image)
    text = SheetText(Path("/j/school.iltdesk"), MADE, kit_id(KEY.public_bytes()), "")
    area = paint_sheet(painter, image, KEY, text)
    painter.end()
    expected = qr_matrix(KEY.text())
    code = segno.make_qr(KEY.text(), error="m")
    assert code.mode == "alphanumeric"  # the key's characters as printed, nothing else
    assert expected == [[bool(m) for m in row] for row in code.matrix]
    side = len(expected) + 2 * QUIET_MODULES
    module = area.width() / side
    assert module * 25.4 / 200 == pytest.approx(1.0, abs=0.1)  # about 1 mm: ~4 cm in all

    def dark(row: int, column: int) -> bool:
        x = area.left() + (column + 0.5) * module
        y = area.top() + (row + 0.5) * module
        return QColor(image.pixel(int(x), int(y))).lightness() < 128

    drawn = [[dark(r, c) for c in range(side)] for r in range(side)]
    quiet = [row[:QUIET_MODULES] + row[-QUIET_MODULES:] for row in drawn]
    quiet += drawn[:QUIET_MODULES] + drawn[-QUIET_MODULES:]
    assert not any(any(row) for row in quiet)
    inner = [row[QUIET_MODULES:-QUIET_MODULES] for row in drawn[QUIET_MODULES:-QUIET_MODULES]]
    assert inner == expected


def test_the_sheet_is_never_written_over_the_journals_files(tmp_path: Path) -> None:
    journal = tmp_path / "school.iltdesk"
    journal.write_bytes(b"not really a journal")
    escrow = Path(f"{journal}-escrow")
    escrow.write_text("{}")
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"mine")
    for dest in (journal, escrow, Path(f"{journal}-wal"), tmp_path, taken):
        with pytest.raises(UsageError):
            write_sheet(dest, KEY, journal, MADE)
    assert escrow.read_text() == "{}" and taken.read_bytes() == b"mine"
