"""A lead's learning-cycle summary, as a PDF to hand them (or print from the app).

``build_html`` needs only the journal; rendering (``render_pdf``, ``print_document``,
``ensure_fonts``) needs a QGuiApplication — ``gui_app`` makes an off-screen one if none runs.
Call ``ensure_fonts`` once on the GUI thread before rendering on a worker thread: Qt's font
database is not for other threads to change.
"""

from iltdesk.report.content import build_html
from iltdesk.report.fonts import ensure_fonts, gui_app
from iltdesk.report.render import paint_pages, print_document, render_pdf, write_pdf
from iltdesk.report.request import (
    DEFAULT_SECTIONS,
    PRIVATE_SECTIONS,
    NothingToExport,
    ReportRequest,
    Section,
    check_exportable,
    cycles_for_export,
    parse_sections,
)

__all__ = [
    "DEFAULT_SECTIONS",
    "PRIVATE_SECTIONS",
    "NothingToExport",
    "ReportRequest",
    "Section",
    "build_html",
    "check_exportable",
    "cycles_for_export",
    "ensure_fonts",
    "gui_app",
    "paint_pages",
    "parse_sections",
    "print_document",
    "render_pdf",
    "write_pdf",
]
