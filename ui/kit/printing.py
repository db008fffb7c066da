"""Printing a report exactly as its PDF looks, and its print preview: the one way every export
dialog prints (the cycle summary, the ILT meeting summary)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from iltdesk.report.render import paint_pages, paper_size


def report_printer() -> QPrinter:
    """A printer for a report: full page, as the report paints its own margins, head, foot."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    # The paper a PDF export is on (Letter in the US, A4 elsewhere), not Qt's own default:
    # the print dialog still lets the person choose what the tray holds.
    printer.setPageSize(QPageSize(paper_size()))
    return printer


def print_report(parent: QWidget, html: str, *, protected: bool) -> Path | None:
    """Print ``html`` through the system's print dialog. With ``protected``, "Print to File"
    paints nothing: the chosen file is returned, for the caller to write the protected PDF
    its Export writes (never Qt's unprotected one). None otherwise."""
    printer = report_printer()
    if not QPrintDialog(printer, parent).exec():
        return None
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    if to_file and printer.outputFileName() and protected:
        return Path(printer.outputFileName())
    paint_pages(html, printer)
    return None


def preview_report(parent: QWidget, html: str) -> None:
    """Qt's print preview of ``html``'s pages as they will print."""
    # The preview does not own its printer: the printer must outlive it, or Qt paints on a
    # freed object (the app crashed in QtPrintSupport when it was a temporary). This frame
    # holds it until the preview is gone.
    printer = report_printer()
    preview = QPrintPreviewDialog(printer, parent)
    preview.paintRequested.connect(lambda device: paint_pages(html, device))
    preview.exec()
    preview.setParent(None)  # Python's now: deleted here, while its printer still lives
    del preview
