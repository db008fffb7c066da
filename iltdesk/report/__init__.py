"""A lead's learning-cycle summary, as a PDF to hand them (or print from the app).

``build_html`` reads the journal, and Qt reads the notes' Markdown; it and rendering
(``render_pdf``, ``print_document``, ``ensure_fonts``) need a QGuiApplication — ``gui_app``
makes an off-screen one if none runs.
Call ``ensure_fonts`` once on the GUI thread before rendering on a worker thread: Qt's font
database is not for other threads to change.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iltdesk.report.content import build_html
    from iltdesk.report.fonts import ensure_fonts, gui_app
    from iltdesk.report.render import paint_pages, print_document, render_pdf, write_pdf
    from iltdesk.report.request import (
        DEFAULT_SECTIONS,
        PRIVATE_SECTIONS,
        Cycles,
        NothingToExport,
        ReportRequest,
        Section,
        check_exportable,
        cycles_for_export,
        parse_cycle_choice,
        parse_sections,
    )
    from iltdesk.report.self_check_report import build_self_check_html

# Imported when first asked for: the editor reads Markdown with iltdesk.report.markdown, and
# that must not pull in the ORM (0.5 s) while the window paints.
_HOMES = {
    "build_html": "content",
    "build_self_check_html": "self_check_report",
    "ensure_fonts": "fonts",
    "gui_app": "fonts",
    "paint_pages": "render",
    "print_document": "render",
    "render_pdf": "render",
    "write_pdf": "render",
    **dict.fromkeys(
        (
            "DEFAULT_SECTIONS",
            "PRIVATE_SECTIONS",
            "Cycles",
            "NothingToExport",
            "ReportRequest",
            "Section",
            "check_exportable",
            "cycles_for_export",
            "parse_cycle_choice",
            "parse_sections",
        ),
        "request",
    ),
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)


__all__ = [
    "DEFAULT_SECTIONS",
    "PRIVATE_SECTIONS",
    "Cycles",
    "NothingToExport",
    "ReportRequest",
    "Section",
    "build_html",
    "build_self_check_html",
    "check_exportable",
    "cycles_for_export",
    "ensure_fonts",
    "gui_app",
    "paint_pages",
    "parse_cycle_choice",
    "parse_sections",
    "print_document",
    "render_pdf",
    "write_pdf",
]
