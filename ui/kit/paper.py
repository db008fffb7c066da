"""A report's preview drawn as the page will print: white paper, the report's own ink."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextEdit

# The same on paper whatever look the app is in (they mirror resources/cycle_summary.css),
# so they are not one of the screen's looks and live here, not in the palette.
PAPER, INK = "#ffffff", "#23272b"


def show_as_paper(preview: QTextEdit) -> None:
    """Paint ``preview`` as the printed page in any theme (on the dark theme's box the
    report's dark text could not be read)."""
    preview.setObjectName("Paper")
    palette = preview.palette()
    for role, colour in ((QPalette.ColorRole.Base, PAPER), (QPalette.ColorRole.Text, INK)):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colour))
    preview.setPalette(palette)
    # The app's style sheet paints text boxes in the theme's colours: say paper here.
    preview.setStyleSheet(f"QTextEdit#Paper {{ background: {PAPER}; color: {INK}; }}")
